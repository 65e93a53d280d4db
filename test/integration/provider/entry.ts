// spire_entry with the real terraform CLI against SPIRE (the test double unless SPIRE_SERVER_BIN and
// SPIRE_AGENT_BIN are set): create with every field, an empty plan afterwards, in-place update of every
// field, masked updates, replacement when the ID changes, and destroy.
import t from 'tap';
import {
  TD,
  header,
  localProvider,
  skipWithoutTerraform,
  startBackend,
  workspace,
} from './harness/spire-provider.js';

t.setTimeout(300_000);

interface Full {
  suffix: string;
  spiffe: string;
  selectors: string;
  x509: number;
  jwt: number;
  federates: string;
  admin: boolean;
  downstream: boolean;
  expires: string;
  dns: string;
  hint: string;
  storeSvid: boolean;
  prefetchOff: boolean;
  jti: boolean;
}

const first: Full = {
  suffix: 'full',
  spiffe: `spiffe://${TD}/web`,
  selectors: '["unix:uid:1000", "unix:gid:50"]',
  x509: 3600,
  jwt: 300,
  federates: '["partner.org"]',
  admin: true,
  downstream: false,
  expires: '2030-01-01T01:00:00+01:00',
  dns: '["web.example.org", "*.web.example.org"]',
  hint: 'external',
  storeSvid: false,
  prefetchOff: true,
  jti: false,
};

const second: Full = {
  suffix: 'full',
  spiffe: `spiffe://${TD}/web-v2`,
  selectors: '["unix:uid:2000"]',
  x509: 7200,
  jwt: 600,
  federates: '["partner.org", "other.org"]',
  admin: false,
  downstream: true,
  expires: '2031-06-01T00:00:00Z',
  dns: '["api.example.org"]',
  hint: 'internal',
  storeSvid: true,
  prefetchOff: false,
  jti: true,
};

function fullEntry(f: Full, parent: string): string {
  return `
resource "spire_entry" "full" {
  id_suffix      = "${f.suffix}"
  spiffe_id      = "${f.spiffe}"
  parent_id      = "${parent}"
  selectors      = ${f.selectors}
  x509_svid_ttl  = ${f.x509}
  jwt_svid_ttl   = ${f.jwt}
  federates_with = ${f.federates}
  admin          = ${f.admin}
  downstream     = ${f.downstream}
  expires_at     = "${f.expires}"
  dns_names      = ${f.dns}
  hint           = "${f.hint}"
  store_svid     = ${f.storeSvid}
  additional_attributes = {
    disable_x509_svid_prefetch = ${f.prefetchOff}
    jwt_svid_include_jti       = ${f.jti}
  }
}
`;
}

function minimalEntry(parent: string, extra = ''): string {
  return `
resource "spire_entry" "min" {
  spiffe_id = "spiffe://${TD}/db"
  parent_id = "${parent}"
  selectors = ["unix:uid:1001"]
${extra}}
`;
}

t.test('spire_entry lifecycle against terraform', { skip: skipWithoutTerraform }, async (t) => {
  const backend = await startBackend(t);
  const { client, parent } = backend;
  // federates_with needs the federated bundles to exist on the server.
  const bundle = (td: string): { trustDomain: string; x509Authorities: Uint8Array[] } => ({
    trustDomain: td,
    x509Authorities: [rootDer(backend.spire.bundlePem)],
  });
  for (const result of await client.bundles.batchSetFederatedBundles([
    bundle('partner.org'),
    bundle('other.org'),
  ])) {
    if (!result.ok) throw result.error;
  }
  // An entry this provider does not own: it must survive everything below.
  const [foreign] = await client.entries.batchCreate([
    {
      id: 'managed-elsewhere',
      spiffeId: `spiffe://${TD}/foreign`,
      parentId: parent,
      selectors: [{ type: 'unix', value: 'uid:7' }],
    },
  ]);
  t.ok(foreign?.ok, 'foreign entry created');

  const ws = workspace(t);
  const write = (full: Full, minExtra = ''): void => {
    ws.write(header + localProvider(backend) + fullEntry(full, parent) + minimalEntry(parent, minExtra));
  };

  let minId = '';
  await t.test('apply creates entries with every field, IDs under the prefix', async (t) => {
    write(first);
    const result = await ws.run(['apply', '-auto-approve']);
    t.equal(result.code, 0, result.stderr);
    const full = await client.entries.get('tf-full');
    t.match(full, {
      spiffeId: `spiffe://${TD}/web`,
      parentId: parent,
      x509SvidTtl: 3600,
      jwtSvidTtl: 300,
      admin: true,
      downstream: false,
      expiresAt: 1893456000,
      dnsNames: ['web.example.org', '*.web.example.org'],
      hint: 'external',
      storeSvid: false,
      additionalAttributes: { disableX509SvidPrefetch: true, jwtSvidIncludeJti: false },
    });
    t.strictSame(full.selectors.map((s) => `${s.type}:${s.value}`).sort(), ['unix:gid:50', 'unix:uid:1000']);
    t.strictSame(full.federatesWith, ['partner.org']);
    const min = await ws.resource('spire_entry.min');
    minId = String(min?.values.id);
    t.match(minId, /^tf-[0-9A-HJKMNP-TV-Z]{26}$/, 'a generated ID is the prefix plus a ULID');
    t.match(min?.values, {
      x509_svid_ttl: 0,
      admin: false,
      dns_names: [],
      hint: '',
      revision_number: 0,
      additional_attributes: { disable_x509_svid_prefetch: false, jwt_svid_include_jti: false },
    });
    t.match(String(min?.values.created_at), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const shownFull = await ws.resource('spire_entry.full');
    t.equal(shownFull?.values.expires_at, first.expires, 'expires_at keeps the configured spelling');
  });

  await t.test('a plan right after apply is empty', async (t) => {
    const result = await ws.run(['plan', '-detailed-exitcode']);
    t.equal(result.code, 0, result.stdout + result.stderr);
  });

  await t.test('every field changes in place; the ID stays', async (t) => {
    write(second);
    const result = await ws.run(['apply', '-auto-approve']);
    t.equal(result.code, 0, result.stderr);
    t.match(result.stdout, /spire_entry\.full will be updated in-place/);
    t.notMatch(result.stdout, /must be replaced/);
    const full = await client.entries.get('tf-full');
    t.match(full, {
      spiffeId: `spiffe://${TD}/web-v2`,
      x509SvidTtl: 7200,
      jwtSvidTtl: 600,
      admin: false,
      downstream: true,
      expiresAt: Date.parse('2031-06-01T00:00:00Z') / 1000,
      dnsNames: ['api.example.org'],
      hint: 'internal',
      storeSvid: true,
      revisionNumber: 1,
      additionalAttributes: { disableX509SvidPrefetch: false, jwtSvidIncludeJti: true },
    });
    t.strictSame(full.selectors, [{ type: 'unix', value: 'uid:2000' }]);
    t.strictSame([...full.federatesWith].sort(), ['other.org', 'partner.org']);
    const plan = await ws.run(['plan', '-detailed-exitcode']);
    t.equal(plan.code, 0, 'and the plan afterwards is empty');
  });

  await t.test('an update sends only the changed fields (input mask)', async (t) => {
    // Changed outside Terraform; with -refresh=false Terraform does not know, and must not undo it.
    const [changed] = await client.entries.batchUpdate([{ id: minId, hint: 'set-elsewhere' }], {
      inputMask: ['hint'],
    });
    t.ok(changed?.ok);
    write(second, '  x509_svid_ttl = 120\n');
    const result = await ws.run(['apply', '-auto-approve', '-refresh=false']);
    t.equal(result.code, 0, result.stderr);
    const min = await client.entries.get(minId);
    t.equal(min.x509SvidTtl, 120);
    t.equal(min.hint, 'set-elsewhere', 'the field outside the mask kept its server value');
  });

  await t.test('changing id_suffix replaces the entry', async (t) => {
    write({ ...second, suffix: 'full-2' }, '  x509_svid_ttl = 120\n  hint = "set-elsewhere"\n');
    const result = await ws.run(['apply', '-auto-approve']);
    t.equal(result.code, 0, result.stderr);
    t.match(result.stdout, /spire_entry\.full must be replaced/);
    t.match(result.stdout, /id_suffix\s+= "full" -> "full-2" # forces replacement/);
    const ids = (await client.entries.listAll()).map((e) => e.id).sort();
    t.ok(ids.includes('tf-full-2'));
    t.notOk(ids.includes('tf-full'));
  });

  await t.test('destroy deletes owned entries only', async (t) => {
    const result = await ws.run(['destroy', '-auto-approve']);
    t.equal(result.code, 0, result.stderr);
    t.strictSame(
      (await client.entries.listAll()).map((e) => e.id),
      ['managed-elsewhere'],
      'the entry outside the prefix is untouched',
    );
  });
});

/** Returns the DER of the first certificate in a PEM bundle (any valid X.509 root will do). */
function rootDer(pem: string): Uint8Array {
  const body = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(pem)?.[1] ?? '';
  return new Uint8Array(Buffer.from(body.replace(/\s+/g, ''), 'base64'));
}
