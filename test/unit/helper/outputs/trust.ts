// Dual trust: reading extra CA files (PEM CA certificates only, every error naming the file), combining
// them after the SPIRE bundle without duplicates, and checking a peer's chain (any PKI) against a trust file.
import t from 'tap';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HelperError } from '../../../../helper/errors.js';
import {
  combineTrust,
  describeTrust,
  readExtraCaFile,
  readExtraCaFiles,
  verifyPeerChain,
} from '../../../../helper/outputs/trust.js';
import { derListToPem, parseCertificates, type x509 } from '../../../../src/core/x509/index.js';
import { createTestCa, KeyUsage } from '../../../harness/ca.js';
import { tempDir } from '../fixtures/agent.js';

const HOUR = 3_600_000;

function pem(...certs: x509.X509Certificate[]): string {
  return derListToPem(
    certs.map((cert) => new Uint8Array(cert.rawData)),
    'CERTIFICATE',
  );
}

function der(cert: x509.X509Certificate): Uint8Array {
  return new Uint8Array(cert.rawData);
}

async function rejection(promise: Promise<unknown>): Promise<HelperError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof HelperError) return err;
    throw err;
  }
  throw new Error('expected a HelperError');
}

function thrown(fn: () => unknown): HelperError {
  try {
    fn();
  } catch (err) {
    if (err instanceof HelperError) return err;
    throw err;
  }
  throw new Error('expected a HelperError');
}

t.test('an extra CA file: every CA certificate in it, in file order', async (t) => {
  const dir = await tempDir(t);
  const vault = await createTestCa({ trustDomain: 'vault.example', intermediate: true });
  const file = join(dir, 'vault-ca.pem');
  await writeFile(file, `Vault k8s CA chain\n${pem(vault.root, vault.intermediate!)}`);
  const cas = await readExtraCaFile(file);
  t.same(
    cas.map((ca) => ca.subject),
    [vault.root.subject, vault.intermediate!.subject],
  );
  t.equal(cas[0]?.file, file);
  t.match(cas[0]?.fingerprint, /^[0-9a-f]{64}$/);
});

t.test('an extra CA file is refused with CONFIG_INVALID naming it, one row per rule', async (t) => {
  const dir = await tempDir(t);
  const spire = await createTestCa({ trustDomain: 'cluster.example' });
  const leaf = await spire.mintX509Svid({ spiffeId: 'spiffe://cluster.example/node/kubelet' });
  const noSigning = await createTestCa({
    trustDomain: 'vault.example',
    intermediate: { keyUsages: KeyUsage.digitalSignature },
  });
  const rows: [string, string | undefined, RegExp][] = [
    [
      'a missing file cannot be read',
      undefined,
      /cannot be read \(ENOENT\); expected a PEM file of CA certificates/,
    ],
    [
      'a file without a PEM block holds no certificate',
      'not a certificate\n',
      /no "CERTIFICATE" PEM block found/,
    ],
    [
      'a private key is not a certificate',
      leaf.privateKeyPem,
      /PEM block 0 is "PRIVATE KEY", expected "CERTIFICATE"/,
    ],
    [
      'a leaf is not a CA',
      leaf.certificatesPem,
      /not a CA \(certificate 0, .*basicConstraints does not say CA\)/,
    ],
    [
      'a CA whose key usage lacks keyCertSign cannot sign certificates',
      pem(noSigning.intermediate!),
      /not a CA .*key usage lacks keyCertSign/,
    ],
  ];
  for (const [rule, content, message] of rows) {
    const file = join(dir, `${rule.replace(/\W+/g, '-')}.pem`);
    if (content !== undefined) await writeFile(file, content);
    const err = await rejection(readExtraCaFile(file));
    t.equal(err.code, 'CONFIG_INVALID', rule);
    t.match(err.message, `flags: --extra-ca-file ${JSON.stringify(file)} `, `${rule}: names the file`);
    t.match(err.message, message, rule);
    t.notMatch(err.message, /MII/, `${rule}: quotes no PEM content`);
  }
});

t.test('the combined trust: SPIRE bundle first, then the extra CAs, each certificate once', async (t) => {
  const dir = await tempDir(t);
  const spire = await createTestCa({ trustDomain: 'cluster.example' });
  const next = await createTestCa({ trustDomain: 'cluster.example' });
  const vault = await createTestCa({ trustDomain: 'vault.example' });
  const etcd = await createTestCa({ trustDomain: 'vault.example' });
  const one = join(dir, 'one.pem');
  const two = join(dir, 'two.pem');
  // The second file repeats a Vault CA and, by mistake, a SPIRE authority.
  await writeFile(one, pem(vault.root, etcd.root));
  await writeFile(two, pem(etcd.root, spire.root));
  const extras = await readExtraCaFiles([one, two]);
  t.same(
    extras.map((ca) => ca.subject),
    [vault.root.subject, etcd.root.subject, spire.root.subject],
    'across files each certificate is read once',
  );
  const combined = combineTrust([der(spire.root), der(next.root)], extras);
  t.same(
    parseCertificates(combined).map((cert) => cert.subject),
    [spire.root.subject, next.root.subject, vault.root.subject, etcd.root.subject],
  );
  t.equal(combineTrust([der(spire.root)], []), pem(spire.root), 'without extras: the bundle alone');
  t.same(
    describeTrust(parseCertificates(combined), extras).map((a) => a.extraCaFile ?? null),
    [two, null, one, one],
    'each certificate names the first extra CA file holding it, a bundle authority too',
  );
});

t.test(
  'a peer chain leads to an authority of the trust file, or CHAIN_UNTRUSTED names the file',
  async (t) => {
    const vault = await createTestCa({ trustDomain: 'vault.example', intermediate: true });
    const spire = await createTestCa({ trustDomain: 'cluster.example' });
    const etcd = await vault.mintX509Svid({
      spiffeId: 'spiffe://vault.example/x',
      uris: [],
      dnsNames: ['etcd-1'],
    });
    const trust = [spire.root, vault.root];

    const verdict = verifyPeerChain('etcd-1.pem', etcd.certificatesPem, trust);
    t.equal(verdict.trustedBy, vault.root.subject);
    t.same(verdict.chain, [etcd.certificates[0]!.subject, vault.intermediate!.subject, vault.root.subject]);

    const rows: [string, string, x509.X509Certificate[], RegExp][] = [
      [
        'the old CA dropped',
        etcd.certificatesPem,
        [spire.root],
        /no authority in the trust file issued "O=SPIFFE, CN=vault\.example intermediate/,
      ],
      [
        'the intermediate missing from the peer file',
        pem(etcd.certificates[0]!),
        trust,
        /no authority in the trust file issued "O=SPIRE, C=US" \(issuer "O=SPIFFE, CN=vault\.example intermediate/,
      ],
    ];
    for (const [rule, chain, authorities, message] of rows) {
      const err = thrown(() => verifyPeerChain('etcd-1.pem', chain, authorities));
      t.equal(err.code, 'CHAIN_UNTRUSTED', rule);
      t.match(err.message, /^check: --peer-cert etcd-1\.pem \(/, `${rule}: names the file`);
      t.match(err.message, message, rule);
    }
    const expired = await vault.mintX509Svid({
      spiffeId: 'spiffe://vault.example/x',
      uris: [],
      notBefore: new Date(Date.now() - 3 * HOUR),
      notAfter: new Date(Date.now() - HOUR),
    });
    t.match(
      thrown(() => verifyPeerChain('old.pem', expired.certificatesPem, trust)).message,
      /is not valid at/,
    );
    t.equal(thrown(() => verifyPeerChain('key.pem', expired.privateKeyPem, trust)).code, 'PEM_INVALID');
  },
);
