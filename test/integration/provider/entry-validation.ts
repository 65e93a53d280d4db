// spire_entry validation at plan time with the real terraform CLI: a bad SPIFFE ID, selector, DNS name,
// TTL or timestamp is an error on the configuration line of that attribute, before anything is sent to
// SPIRE (the test double unless SPIRE_SERVER_BIN and SPIRE_AGENT_BIN are set).
import t from 'tap';
import {
  TD,
  header,
  localProvider,
  rpcCount,
  skipWithoutTerraform,
  startBackend,
  workspace,
} from './harness/spire-provider.js';

t.setTimeout(300_000);

const cases: { name: string; attribute: string; line: string; detail: RegExp }[] = [
  {
    name: 'a SPIFFE ID with a bad scheme',
    attribute: 'spiffe_id',
    line: `spiffe_id = "spife://${TD}/web"`,
    detail: /is not a valid SPIFFE ID/,
  },
  {
    name: 'a SPIFFE ID in the reserved /spire namespace',
    attribute: 'spiffe_id',
    line: `spiffe_id = "spiffe://${TD}/spire/agent/x"`,
    detail: /reserved \/spire namespace/,
  },
  {
    name: 'a parent ID without a path',
    attribute: 'parent_id',
    line: `parent_id = "spiffe://${TD}"`,
    detail: /needs a path/,
  },
  {
    name: 'a selector without a value',
    attribute: 'selectors',
    line: 'selectors = ["unix:uid:1", "docker"]',
    detail: /selector "docker" must be "type:value"/,
  },
  {
    name: 'a DNS name with an empty label',
    attribute: 'dns_names',
    line: 'dns_names = ["web..example.org"]',
    detail: /empty label/,
  },
  {
    name: 'a negative TTL',
    attribute: 'x509_svid_ttl',
    line: 'x509_svid_ttl = -5',
    detail: /whole number between 0 and 2147483647/,
  },
  {
    name: 'a timestamp that is not RFC 3339',
    attribute: 'expires_at',
    line: 'expires_at = "tomorrow"',
    detail: /RFC 3339/,
  },
];

function entryWith(line: string, attribute: string, parent: string): string {
  const defaults: Record<string, string> = {
    spiffe_id: `spiffe_id = "spiffe://${TD}/web"`,
    parent_id: `parent_id = "${parent}"`,
    selectors: 'selectors = ["unix:uid:1"]',
  };
  const lines = Object.entries(defaults)
    .filter(([name]) => name !== attribute)
    .map(([, l]) => l);
  return `
resource "spire_entry" "bad" {
  ${[...lines, line].join('\n  ')}
}
`;
}

t.test('spire_entry plan-time validation against terraform', { skip: skipWithoutTerraform }, async (t) => {
  const backend = await startBackend(t);
  const ws = workspace(t);
  for (const c of cases) {
    await t.test(`${c.name}: error at ${c.attribute}, before any call to SPIRE`, async (t) => {
      ws.write(header + localProvider(backend) + entryWith(c.line, c.attribute, backend.parent));
      backend.sim?.controls.resetCounts();
      const result = await ws.run(['plan']);
      t.equal(result.code, 1);
      // Terraform quotes the configuration line the diagnostic's attribute path points at.
      t.match(
        result.stderr,
        new RegExp(
          `on main\\.tf line \\d+, in resource "spire_entry" "bad":\\n\\s*\\d+:\\s*${escape(c.line)}`,
        ),
      );
      t.match(result.stderr, c.detail);
      if (backend.sim !== undefined) {
        const calls = backend.sim.controls.rpcCounts();
        t.strictSame(
          Object.keys(calls).filter((m) => m.startsWith('Batch')),
          [],
          'no write reached SPIRE',
        );
        t.equal(rpcCount(backend, 'ListEntries'), 0, 'not even a read');
      }
    });
  }
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}
