import t from 'tap';
import { createPrivateKey } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { privateKeyToPem } from '../../../src/core/x509/index.js';
import { svidPaths, writeSvid } from '../../../helper/outputs/svid-files.js';
import { canonicalIp, parseAnyPrivateKey, readSvidFromDisk, verifySvid } from '../../../helper/verify.js';
import { otherKey, tinyCa, type TinyCa } from './fixtures/certs.js';

const ID = 'spiffe://cluster.example/kube-apiserver';
const HOUR = 3_600_000;
let ca: TinyCa;
let stranger: TinyCa;
t.before(async () => {
  ca = await tinyCa('cluster.example');
  stranger = await tinyCa('cluster.example');
});

t.test('verifySvid accepts a valid SVID and reports its facts', async (t) => {
  const svid = await ca.leaf({ spiffeId: ID, dns: ['Kubernetes.Default'], ips: ['10.254.0.1', '::1'] });
  const verified = await verifySvid(svid.certificates, svid.privateKey, ca.bundles(), {
    spiffeId: ID,
    dns: ['kubernetes.default'],
    ips: ['10.254.0.1', '0:0::1'],
  });
  t.equal(verified.id.toString(), ID);
  t.same(verified.dnsNames, ['kubernetes.default']);
  t.same(verified.ipAddresses, ['10.254.0.1', '::1']);
  t.equal(verified.chain.length, 2);
});

t.test('verifySvid rejects, one rule per row', async (t) => {
  const good = await ca.leaf({ spiffeId: ID, dns: ['a.example'] });
  const expired = await ca.leaf({
    spiffeId: ID,
    notBefore: new Date(Date.now() - 3 * HOUR),
    notAfter: new Date(Date.now() - HOUR),
  });
  const wrongKey = await otherKey();
  const rows: [string, () => Promise<unknown>, { code: string; message: RegExp }][] = [
    [
      'another SPIFFE ID than asked for',
      () => verifySvid(good.certificates, good.privateKey, ca.bundles(), { spiffeId: `${ID}-2` }),
      { code: 'ID_MISMATCH', message: /is for spiffe:\/\/cluster.example\/kube-apiserver, expected .*-2$/ },
    ],
    [
      "a key that is not the leaf's",
      () => verifySvid(good.certificates, wrongKey, ca.bundles()),
      { code: 'KEY_MISMATCH', message: /does not belong to the certificate/ },
    ],
    [
      'a chain to another CA of the same trust domain',
      () => verifySvid(good.certificates, good.privateKey, stranger.bundles()),
      { code: 'CHAIN_UNTRUSTED', message: /does not lead to an authority/ },
    ],
    [
      'an expired leaf',
      () => verifySvid(expired.certificates, expired.privateKey, ca.bundles()),
      { code: 'CHAIN_UNTRUSTED', message: /expired at/ },
    ],
    [
      'a missing DNS SAN',
      () => verifySvid(good.certificates, good.privateKey, ca.bundles(), { dns: ['b.example'] }),
      { code: 'SAN_MISSING', message: /lacks DNS:b.example \(it has DNS:a.example\)/ },
    ],
    [
      'a missing IP SAN',
      () => verifySvid(good.certificates, good.privateKey, ca.bundles(), { ips: ['10.0.0.1'] }),
      { code: 'SAN_MISSING', message: /lacks IP:10.0.0.1/ },
    ],
  ];
  for (const [name, attempt, expected] of rows) await t.rejects(attempt(), expected, name);
});

t.test('a wrong SPIFFE ID is reported as such even when the chain is untrusted too', async (t) => {
  const svid = await stranger.leaf({ spiffeId: `${ID}-other` });
  await t.rejects(verifySvid(svid.certificates, svid.privateKey, ca.bundles(), { spiffeId: ID }), {
    code: 'ID_MISMATCH',
  });
});

t.test('parseAnyPrivateKey reads PKCS#8, PKCS#1 and SEC1 keys', async (t) => {
  const ec = await ca.leaf({ spiffeId: ID });
  const rsa = await ca.leaf({ spiffeId: ID, keyType: 'rsa' });
  const sec1 = createPrivateKey(privateKeyToPem(ec.privateKey))
    .export({ format: 'pem', type: 'sec1' })
    .toString();
  const pkcs1 = createPrivateKey(privateKeyToPem(rsa.privateKey))
    .export({ format: 'pem', type: 'pkcs1' })
    .toString();
  t.equal(parseAnyPrivateKey(privateKeyToPem(ec.privateKey)).keyFormat, 'pkcs8');
  t.same(Buffer.from(parseAnyPrivateKey(sec1).key.pkcs8), Buffer.from(ec.privateKey.pkcs8));
  t.equal(parseAnyPrivateKey(sec1).keyFormat, 'sec1');
  t.equal(parseAnyPrivateKey(pkcs1).keyFormat, 'pkcs1');
  t.throws(() => parseAnyPrivateKey('nothing'), { code: 'KEY_INVALID', message: /found none/ });
  t.throws(() => parseAnyPrivateKey(sec1 + sec1), { code: 'KEY_INVALID' });
  t.throws(() => parseAnyPrivateKey('-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n'), {
    code: 'KEY_INVALID',
    message: /not a valid private key/,
  });
});

t.test('readSvidFromDisk names the missing or broken file', async (t) => {
  const base = join(t.testdir(), 'x');
  await t.rejects(readSvidFromDisk(svidPaths(base)), {
    code: 'FILE_MISSING',
    message: new RegExp(`certificate file ${base}.pem does not exist`),
  });
  await writeSvid(await ca.leaf({ spiffeId: ID }), ca.bundles(), {
    base,
    certAccess: { mode: 0o644 },
    keyAccess: { mode: 0o600 },
    dirAccess: { mode: 0o750 },
    layout: 'plain',
  });
  const onDisk = await readSvidFromDisk(svidPaths(base));
  t.equal(onDisk.keyFormat, 'pkcs8');
  await writeFile(`${base}-ca.pem`, 'garbage');
  await t.rejects(readSvidFromDisk(svidPaths(base)), { message: new RegExp(`${base}-ca.pem: `) });
  await writeFile(`${base}.pem`, '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
  await t.rejects(readSvidFromDisk(svidPaths(base)), {
    code: 'PEM_INVALID',
    message: new RegExp(`${base}.pem: `),
  });
});

t.test('canonicalIp makes equal IPv6 spellings compare equal', (t) => {
  t.equal(canonicalIp('0:0:0:0:0:0:0:1'), '::1');
  t.equal(canonicalIp('10.0.0.1'), '10.0.0.1');
  t.end();
});
