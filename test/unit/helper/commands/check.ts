// `check` against files written by the output writer from a test CA (IP SANs, expired leaves, RSA keys).
import t from 'tap';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { derListToPem, privateKeyToPem } from '../../../../src/core/x509/index.js';
import type { X509Svid } from '../../../../src/core/svid/index.js';
import type { CaOnlyCheckResult, CheckResult } from '../../../../helper/commands/check.js';
import { combineTrust, readExtraCaFiles } from '../../../../helper/outputs/trust.js';
import type { ErrorJson } from '../../../../helper/base-command.js';
import { writeSvid, type KeyFormat } from '../../../../helper/outputs/svid-files.js';
import { runHelper, tempDir } from '../fixtures/agent.js';
import { otherKey, tinyCa, type TinyCa } from '../fixtures/certs.js';

const ID = 'spiffe://cluster.example/node/kube-apiserver';
const HOUR = 3_600_000;
let ca: TinyCa;
t.before(async () => {
  ca = await tinyCa('cluster.example');
});

async function output(dir: string, svid: X509Svid, keyFormat: KeyFormat = 'pkcs8'): Promise<string> {
  const base = join(dir, 'kube-apiserver');
  await writeSvid(svid, ca.bundles(), {
    base,
    certAccess: { mode: 0o644 },
    keyAccess: { mode: 0o600 },
    dirAccess: { mode: 0o750 },
    keyFormat,
  });
  return base;
}

t.test('a valid output passes and reports identity, SANs and time left', async (t) => {
  const svid = await ca.leaf({
    spiffeId: ID,
    dns: ['kubernetes.default'],
    ips: ['10.254.0.1'],
    notAfter: new Date(Date.now() + 49 * HOUR),
  });
  const base = await output(await tempDir(t), svid);
  const run = await runHelper<CheckResult>([
    'check',
    base,
    '--spiffe-id',
    ID,
    '--dns',
    'kubernetes.default',
    '--ip',
    '10.254.0.1',
    '--min-valid',
    '24h',
    '--json',
  ]);
  t.equal(run.exitCode, 0, 'exit 0');
  t.match(run.result, {
    spiffeId: ID,
    dnsNames: ['kubernetes.default'],
    ipAddresses: ['10.254.0.1'],
    keyFormat: 'pkcs8',
    files: { cert: `${base}.pem`, key: `${base}-key.pem`, ca: `${base}-ca.pem` },
  });
  t.ok(
    run.result !== undefined && run.result.daysLeft > 2 && run.result.daysLeft <= 2.05,
    `daysLeft ${run.result?.daysLeft}`,
  );
  t.equal(run.result?.chain.length, 2);
  const human = await runHelper(['check', base]);
  t.match(
    human.stdout,
    new RegExp(
      `^${base}\\.pem: OK ${ID}, valid until .* \\(2d\\d*h?\\d*m?\\d*s?, 2\\.0\\d days left\\)\\n${base}-ca\\.pem: trusts 1 certificate: "${ca.root.subject}"\\n$`,
    ),
  );
});

t.test('check fails with exit 5, one rule per row', async (t) => {
  const good = await ca.leaf({ spiffeId: ID, dns: ['kubernetes.default'] });
  const rows: [string, (dir: string) => Promise<string>, string[], RegExp][] = [
    [
      'a tampered key',
      async (dir) => {
        const base = await output(dir, good);
        await writeFile(`${base}-key.pem`, privateKeyToPem(await otherKey()));
        return base;
      },
      [],
      /the private key does not belong to the certificate of spiffe:\/\/cluster\.example\/node\/kube-apiserver/,
    ],
    [
      'a wrong SPIFFE ID',
      (dir) => output(dir, good),
      ['--spiffe-id', 'spiffe://cluster.example/node/kubelet'],
      /the certificate is for .*kube-apiserver, expected spiffe:\/\/cluster\.example\/node\/kubelet/,
    ],
    [
      'an expired certificate',
      async (dir) =>
        output(
          dir,
          await ca.leaf({
            spiffeId: ID,
            notBefore: new Date(Date.now() - 2 * HOUR),
            notAfter: new Date(Date.now() - HOUR),
          }),
        ),
      [],
      /leaf certificate .* expired at/,
    ],
    [
      'a bundle file of another CA',
      async (dir) => {
        const base = await output(dir, good);
        await writeFile(`${base}-ca.pem`, (await tinyCa('cluster.example')).bundle().toPem());
        return base;
      },
      [],
      /certificate chain does not lead to an authority of trust domain "cluster\.example"/,
    ],
    [
      'a missing DNS SAN',
      (dir) => output(dir, good),
      ['--dns', 'api.cluster.example'],
      /lacks DNS:api\.cluster\.example/,
    ],
    ['a missing IP SAN', (dir) => output(dir, good), ['--ip', '10.254.0.1'], /lacks IP:10\.254\.0\.1/],
    [
      'a missing key file',
      async (dir) => {
        const base = await output(dir, good);
        const { rm } = await import('node:fs/promises');
        await rm(`${base}-key.pem`);
        return base;
      },
      [],
      /private key file .*kube-apiserver-key\.pem does not exist/,
    ],
  ];
  for (const [name, prepare, flags, message] of rows) {
    const base = await prepare(await tempDir(t));
    const run = await runHelper(['check', base, ...flags]);
    t.equal(run.exitCode, 5, name);
    t.match(run.stderr, message, name);
    t.equal(run.stdout, '', `${name}: nothing on stdout`);
  }
});

t.test('--min-valid: valid but expiring too soon exits 8, with the facts in --json', async (t) => {
  const base = await output(await tempDir(t), await ca.leaf({ spiffeId: ID }));
  const run = await runHelper(['check', base, '--min-valid', '2h', '--json']);
  t.equal(run.exitCode, 8);
  const json = JSON.parse(run.stdout) as ErrorJson;
  t.match(json, { error: { code: 'EXPIRING_SOON', exitCode: 8, details: { spiffeId: ID } } });
  t.match(json.error.message, /expires at .*, in 5\dm\d*s?: less than --min-valid 2h$/);
  t.equal(run.stderr, '', '--json: the error is on stdout only');
  t.equal((await runHelper(['check', base, '--min-valid', '30m'])).exitCode, 0);
});

t.test('keys written as PKCS#1 or SEC1 are read too', async (t) => {
  const rsa = await output(await tempDir(t), await ca.leaf({ spiffeId: ID, keyType: 'rsa' }), 'pkcs1');
  t.equal((await runHelper<CheckResult>(['check', rsa, '--json'])).result?.keyFormat, 'pkcs1');
  const ec = await output(await tempDir(t), await ca.leaf({ spiffeId: ID }), 'sec1');
  t.equal((await runHelper<CheckResult>(['check', ec, '--json'])).result?.keyFormat, 'sec1');
});

t.test('check takes its path from a preset when no DEST is given, and needs one or the other', async (t) => {
  const run = await runHelper(['check', '--preset', 'kubelet']);
  t.equal(run.exitCode, 5);
  t.match(run.stderr, /certificate file \/etc\/kubernetes\/ssl\/kubelet\.pem does not exist/);
  const none = await runHelper(['check']);
  t.equal(none.exitCode, 2);
  t.match(none.stderr, /DEST is required/);
});

// --- dual trust (issue 13) ------------------------------------------------------------------------------

function certificatePem(svid: X509Svid): string {
  return derListToPem(
    svid.certificates.map((cert) => new Uint8Array(cert.rawData)),
    'CERTIFICATE',
  );
}

/** A stand-in for the old PKI: its CA file and the certificate of a peer it issued. */
async function oldPki(
  dir: string,
): Promise<{ caFile: string; subject: string; peerFile: string; peer: X509Svid }> {
  const vault = await tinyCa('vault.example');
  const caFile = join(dir, 'vault-ca.pem');
  await writeFile(caFile, vault.bundle().toPem());
  const peer = await vault.leaf({ spiffeId: 'spiffe://vault.example/etcd-2', dns: ['etcd-2'] });
  const peerFile = join(dir, 'etcd-2.pem');
  await writeFile(peerFile, certificatePem(peer));
  return { caFile, subject: vault.root.subject, peerFile, peer };
}

async function dualTrustOutput(dir: string, extraCaFiles: string[]): Promise<string> {
  const base = join(dir, 'etcd');
  await writeSvid(await ca.leaf({ spiffeId: ID }), ca.bundles(), {
    base,
    certAccess: { mode: 0o644 },
    keyAccess: { mode: 0o600 },
    dirAccess: { mode: 0o750 },
    extraCas: await readExtraCaFiles(extraCaFiles),
  });
  return base;
}

t.test('under dual trust check reports every authority and accepts a peer of the old PKI', async (t) => {
  const dir = await tempDir(t);
  const old = await oldPki(dir);
  const base = await dualTrustOutput(dir, [old.caFile]);
  const args = ['check', base, '--extra-ca-file', old.caFile, '--peer-cert', old.peerFile];

  const run = await runHelper<CheckResult>([...args, '--json']);
  t.equal(run.exitCode, 0, run.stderr);
  t.match(run.result, {
    caOnly: false,
    spiffeId: ID,
    authorities: [{ subject: ca.root.subject }, { subject: old.subject, extraCaFile: old.caFile }],
    peers: [{ file: old.peerFile, trustedBy: old.subject }],
  });
  t.notOk(run.result?.authorities[0]?.extraCaFile, 'the SPIRE authority is not attributed to a file');
  const human = await runHelper(args);
  t.match(
    human.stdout,
    `${base}-ca.pem: trusts 2 certificates: "${ca.root.subject}", "${old.subject}" (--extra-ca-file ${old.caFile})\n${old.peerFile}: peer "C=US, O=SPIRE" trusted through "${old.subject}"\n`,
  );
});

t.test('after the old CA is dropped check fails with exit 5, one rule per row', async (t) => {
  const dir = await tempDir(t);
  const old = await oldPki(dir);
  const base = await dualTrustOutput(dir, []);
  const rows: [string, string[], string, RegExp][] = [
    [
      'an --extra-ca-file certificate missing from -ca.pem',
      ['--extra-ca-file', old.caFile],
      'BUNDLE_INVALID',
      /etcd-ca\.pem lacks ".*" of --extra-ca-file .*vault-ca\.pem: dual trust is not in place/,
    ],
    [
      'a peer of the old PKI is no longer trusted',
      ['--peer-cert', old.peerFile],
      'CHAIN_UNTRUSTED',
      /--peer-cert .*etcd-2\.pem \(C=US, O=SPIRE\): no authority in the trust file issued/,
    ],
  ];
  for (const [rule, flags, code, message] of rows) {
    const run = await runHelper(['check', base, ...flags, '--json']);
    t.equal(run.exitCode, 5, rule);
    const { error } = JSON.parse(run.stdout) as ErrorJson;
    t.equal(error.code, code, rule);
    t.match(error.message, message, rule);
  }
});

t.test('the SVID must chain to the SPIRE bundle, not only to an --extra-ca-file certificate', async (t) => {
  const dir = await tempDir(t);
  const base = join(dir, 'etcd');
  const caFile = join(dir, 'spire-root-as-extra.pem');
  await writeFile(caFile, ca.bundle().toPem());
  await writeSvid(await ca.leaf({ spiffeId: ID }), ca.bundles(), {
    base,
    certAccess: { mode: 0o644 },
    keyAccess: { mode: 0o600 },
    dirAccess: { mode: 0o750 },
  });
  t.equal((await runHelper(['check', base])).exitCode, 0);
  const run = await runHelper(['check', base, '--extra-ca-file', caFile]);
  t.equal(run.exitCode, 5, 'the only authority is declared an extra CA');
  t.match(run.stderr, /certificate chain does not lead to an authority of trust domain "cluster\.example"/);
});

t.test('--ca-only checks the trust file of a node whose certificate the old PKI still issues', async (t) => {
  const dir = await tempDir(t);
  const old = await oldPki(dir);
  const base = join(dir, 'etcd');
  // vault-helper's certificate and key; spire-helper cert fetch --ca-only's -ca.pem.
  await writeFile(`${base}.pem`, certificatePem(old.peer));
  await writeFile(`${base}-key.pem`, privateKeyToPem(old.peer.privateKey), { mode: 0o600 });
  const spirePeer = join(dir, 'etcd-1.pem');
  await writeFile(spirePeer, certificatePem(await ca.leaf({ spiffeId: ID })));
  await writeFile(
    `${base}-ca.pem`,
    combineTrust([new Uint8Array(ca.root.rawData)], await readExtraCaFiles([old.caFile])),
  );

  const run = await runHelper<CaOnlyCheckResult>([
    'check',
    base,
    '--ca-only',
    '--extra-ca-file',
    old.caFile,
    '--peer-cert',
    `${base}.pem`,
    '--peer-cert',
    spirePeer,
    '--json',
  ]);
  t.equal(run.exitCode, 0, run.stderr);
  t.match(run.result, {
    caOnly: true,
    files: { ca: `${base}-ca.pem` },
    peers: [{ trustedBy: old.subject }, { trustedBy: ca.root.subject }],
  });
  t.equal((await runHelper(['check', base, '--ca-only', '--min-valid', '1h'])).exitCode, 2);
  await writeFile(`${base}-ca.pem`, await readFile(old.caFile));
  const before = await runHelper(['check', base, '--ca-only', '--peer-cert', spirePeer]);
  t.equal(before.exitCode, 5, 'before dual trust a SPIRE peer is rejected');
});
