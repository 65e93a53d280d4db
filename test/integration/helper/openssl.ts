// What `cert fetch` writes is usable by OpenSSL-based consumers (etcd, kube components, nginx): verified
// with the real `openssl` binary, through the public (symlinked) paths.
import t from 'tap';
import { join } from 'node:path';
import { execa } from 'execa';
import { runHelper, startAgent, TD } from '../../unit/helper/fixtures/agent.js';

const ID = `spiffe://${TD}/node/kube-apiserver`;

async function openssl(args: string[]): Promise<string> {
  const result = await execa('openssl', args, { reject: false });
  if (result.exitCode !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

t.test('openssl verifies the chain, sees the SANs and pairs the key with the certificate', async (t) => {
  const agent = await startAgent(t, {
    intermediateCa: true,
    entries: [{ spiffeId: ID, dnsNames: ['api.cluster.example', 'kubernetes.default'] }],
  });
  for (const [layout, keyFormat] of [
    ['versioned', 'pkcs8'],
    ['plain', 'sec1'],
  ] as const) {
    const base = join(agent.dir, `${layout}/kube-apiserver`);
    const run = await runHelper([
      'cert',
      'fetch',
      base,
      '--socket',
      agent.endpoint,
      '--layout',
      layout,
      '--key-format',
      keyFormat,
    ]);
    t.equal(run.exitCode, 0, run.stderr);
    const cert = `${base}.pem`;
    const key = `${base}-key.pem`;
    const ca = `${base}-ca.pem`;

    // cert.pem carries leaf + intermediate; ca.pem only the root.
    t.equal(
      await openssl(['verify', '-CAfile', ca, '-untrusted', cert, cert]),
      `${cert}: OK`,
      `${layout}: chain verifies`,
    );

    const san = await openssl(['x509', '-in', cert, '-noout', '-ext', 'subjectAltName']);
    t.match(san, `URI:${ID}`, `${layout}: SPIFFE ID in the URI SAN`);
    t.match(san, 'DNS:api.cluster.example, DNS:kubernetes.default');

    const fromKey = await openssl(['pkey', '-in', key, '-pubout']);
    const fromCert = await openssl(['x509', '-in', cert, '-noout', '-pubkey']);
    t.equal(fromKey, fromCert, `${layout}/${keyFormat}: the key belongs to the certificate`);
    t.match(await openssl(['pkey', '-in', key, '-noout', '-text']), /ASN1 OID: prime256v1/);
  }
});

t.test(
  'openssl rejects the chain against the bundle file of another CA (the check above can fail)',
  async (t) => {
    const agent = await startAgent(t, { entries: [{ spiffeId: ID }] });
    const other = await startAgent(t, { entries: [{ spiffeId: ID }] });
    const base = join(agent.dir, 'a');
    const foreign = join(other.dir, 'b');
    t.equal((await runHelper(['cert', 'fetch', base, '--socket', agent.endpoint])).exitCode, 0);
    t.equal((await runHelper(['cert', 'fetch', foreign, '--socket', other.endpoint])).exitCode, 0);
    await t.rejects(
      openssl(['verify', '-CAfile', `${foreign}-ca.pem`, `${base}.pem`]),
      /unable to get local issuer certificate/,
    );
  },
);
