import t from 'tap';
import { createPrivateKey } from 'node:crypto';
import { chmod, lstat, mkdir, readdir, readFile, readlink, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCertificates, keyMatchesCertificate } from '../../../../src/core/x509/index.js';
import {
  discardPrepared,
  prepareVersion,
  privateKeyPem,
  renderSvidFiles,
  svidPaths,
  versionsDirectory,
  writeSvid,
  writeSvidFiles,
  type SvidOutputOptions,
} from '../../../../helper/outputs/svid-files.js';
import { parseAnyPrivateKey } from '../../../../helper/verify.js';
import { tinyCa, type TinyCa } from '../fixtures/certs.js';

const UID = 837;
const ID = 'spiffe://cluster.example/kubelet';

function options(base: string, extra: Partial<SvidOutputOptions> = {}): SvidOutputOptions {
  return {
    base,
    certAccess: { mode: 0o644, uid: UID, gid: 0 },
    keyAccess: { mode: 0o600, uid: UID, gid: 0 },
    dirAccess: { mode: 0o750, uid: UID, gid: 0 },
    ...extra,
  };
}

let ca: TinyCa;
let other: TinyCa;
t.before(async () => {
  ca = await tinyCa('cluster.example');
  other = await tinyCa('partner.example');
});

async function versionDirs(base: string): Promise<string[]> {
  return (await readdir(versionsDirectory(base))).filter((name) => name !== 'current').sort();
}

t.test('versioned layout: public paths are symlinks through one "current" link', async (t) => {
  const dir = t.testdir();
  const base = join(dir, 'ssl/kubelet');
  const svid = await ca.leaf({ spiffeId: ID });
  const result = await writeSvid(svid, ca.bundles(), options(base));
  t.equal(result.outcome, 'written');
  const paths = svidPaths(base);
  t.same(result.paths, paths);
  t.equal(await readlink(paths.cert), '.kubelet.svid/current/cert.pem');
  t.equal(await readlink(paths.key), '.kubelet.svid/current/key.pem');
  t.equal(await readlink(paths.ca), '.kubelet.svid/current/ca.pem');
  const [version] = await versionDirs(base);
  t.equal(await readlink(join(versionsDirectory(base), 'current')), version);

  const rendered = renderSvidFiles(svid, ca.bundles());
  t.equal(await readFile(paths.cert, 'utf8'), rendered.cert);
  t.ok((await readFile(paths.key)).equals(rendered.key));
  t.equal(await readFile(paths.ca, 'utf8'), ca.bundle().toPem());

  const modes = async (path: string): Promise<[number, number, number]> => {
    const info = await stat(path);
    return [info.mode & 0o7777, info.uid, info.gid];
  };
  t.same(await modes(paths.key), [0o600, UID, 0], 'key 0600 owned by the component');
  t.same(await modes(paths.cert), [0o644, UID, 0]);
  t.same(await modes(paths.ca), [0o644, UID, 0]);
  t.same(await modes(join(dir, 'ssl')), [0o750, UID, 0], 'created output directory 0750');
  t.same(
    await modes(versionsDirectory(base)),
    [0o751, UID, 0],
    'others may pass through to the 0644 certificate',
  );
  t.same(await modes(join(versionsDirectory(base), version ?? '')), [0o751, UID, 0]);
});

t.test(
  'versioned layout: same content is not rewritten; new content adds a version and keeps one previous',
  async (t) => {
    const base = join(t.testdir(), 'kubelet');
    const first = await ca.leaf({ spiffeId: ID });
    await writeSvid(first, ca.bundles(), options(base));
    const [v1] = await versionDirs(base);
    t.equal((await writeSvid(first, ca.bundles(), options(base))).outcome, 'unchanged');
    t.same(await versionDirs(base), [v1], 'no new version for unchanged content');

    t.equal(
      (await writeSvid(await ca.leaf({ spiffeId: ID }), ca.bundles(), options(base))).outcome,
      'written',
    );
    const afterSecond = await versionDirs(base);
    t.equal(afterSecond.length, 2, 'the previous version stays for readers that resolved it just before');
    const third = await ca.leaf({ spiffeId: ID });
    await writeSvid(third, ca.bundles(), options(base));
    const afterThird = await versionDirs(base);
    t.equal(afterThird.length, 2, 'older versions are removed');
    t.notOk(afterThird.includes(v1 ?? ''), 'the first version is gone');
    const certs = parseCertificates(await readFile(svidPaths(base).cert, 'utf8'));
    t.equal(certs[0]?.serialNumber, third.certificates[0]?.serialNumber, 'public paths show the newest');
  },
);

t.test('versioned layout: every version directory holds a key that matches its certificate', async (t) => {
  const base = join(t.testdir(), 'kubelet');
  for (let i = 0; i < 3; i++) await writeSvid(await ca.leaf({ spiffeId: ID }), ca.bundles(), options(base));
  for (const version of await versionDirs(base)) {
    const dir = join(versionsDirectory(base), version);
    const [leaf] = parseCertificates(await readFile(join(dir, 'cert.pem'), 'utf8'));
    const { key } = parseAnyPrivateKey(await readFile(join(dir, 'key.pem'), 'utf8'));
    t.ok(leaf !== undefined && (await keyMatchesCertificate(key, leaf)), version);
  }
});

t.test('version directories let through only whom the certificate mode lets read', async (t) => {
  const base = join(t.testdir(), 'kubelet');
  await writeSvid(
    await ca.leaf({ spiffeId: ID }),
    ca.bundles(),
    options(base, { certAccess: { mode: 0o640 } }),
  );
  t.equal((await stat(versionsDirectory(base))).mode & 0o7777, 0o750);
  await writeSvid(
    await ca.leaf({ spiffeId: ID }),
    ca.bundles(),
    options(base, { certAccess: { mode: 0o600 }, dirAccess: { mode: 0o700 } }),
  );
  t.equal((await stat(versionsDirectory(base))).mode & 0o7777, 0o700);
});

t.test(
  'two writers at once (timer and a manual run) never leave `current` pointing at a removed version',
  async (t) => {
    const base = join(t.testdir(), 'kubelet');
    for (let round = 0; round < 5; round++) {
      const [a, b] = [await ca.leaf({ spiffeId: ID }), await ca.leaf({ spiffeId: ID })];
      await Promise.all([
        writeSvid(a, ca.bundles(), options(base)),
        writeSvid(b, ca.bundles(), options(base)),
      ]);
      const [leaf] = parseCertificates(await readFile(svidPaths(base).cert, 'utf8'));
      const { key } = parseAnyPrivateKey(await readFile(svidPaths(base).key, 'utf8'));
      t.ok(
        leaf !== undefined && (await keyMatchesCertificate(key, leaf)),
        `round ${round}: current is complete`,
      );
    }
    // A version newer than the one replaced may belong to a writer still filling it: it is not pruned.
    const inProgress = '29991231T235959999Z-abcdef';
    await mkdir(join(versionsDirectory(base), inProgress));
    await writeSvid(await ca.leaf({ spiffeId: ID }), ca.bundles(), options(base));
    await writeSvid(await ca.leaf({ spiffeId: ID }), ca.bundles(), options(base));
    t.ok((await versionDirs(base)).includes(inProgress));
  },
);

t.test('an unchanged output still gets mode and owner re-applied', async (t) => {
  const base = join(t.testdir(), 'kubelet');
  const svid = await ca.leaf({ spiffeId: ID });
  await writeSvid(svid, ca.bundles(), options(base));
  const result = await writeSvid(
    svid,
    ca.bundles(),
    options(base, { keyAccess: { mode: 0o640, uid: 0, gid: 873 } }),
  );
  t.equal(result.outcome, 'access-updated');
  const info = await stat(svidPaths(base).key);
  t.same([info.mode & 0o7777, info.uid, info.gid], [0o640, 0, 873]);
});

t.test('plain layout: regular files, replaced by rename, mode and owner set', async (t) => {
  const base = join(t.testdir(), 'etcd-k8s');
  const svid = await ca.leaf({ spiffeId: ID });
  const result = await writeSvid(svid, ca.bundles(), options(base, { layout: 'plain' }));
  t.equal(result.outcome, 'written');
  const paths = svidPaths(base);
  for (const path of [paths.cert, paths.key, paths.ca])
    t.ok((await lstat(path)).isFile(), `${path} is a regular file`);
  const key = await stat(paths.key);
  t.same([key.mode & 0o7777, key.uid], [0o600, UID]);
  t.equal((await writeSvid(svid, ca.bundles(), options(base, { layout: 'plain' }))).outcome, 'unchanged');
  const inode = key.ino;
  await writeSvid(await ca.leaf({ spiffeId: ID }), ca.bundles(), options(base, { layout: 'plain' }));
  t.not((await stat(paths.key)).ino, inode, 'a new key is a new inode (renamed into place)');
});

t.test('switching layouts converts the files and leaves no stale key behind', async (t) => {
  const dir = t.testdir();
  const base = join(dir, 'kubelet');
  // vault-helper era: regular files in place.
  await writeFile(`${base}.pem`, 'old cert');
  await writeFile(`${base}-key.pem`, 'old key');
  const svid = await ca.leaf({ spiffeId: ID });
  t.equal((await writeSvid(svid, ca.bundles(), options(base))).outcome, 'written');
  t.ok((await lstat(`${base}-key.pem`)).isSymbolicLink(), 'regular files became links');

  t.equal((await writeSvid(svid, ca.bundles(), options(base, { layout: 'plain' }))).outcome, 'written');
  t.ok((await lstat(`${base}-key.pem`)).isFile(), 'links became regular files');
  t.same(
    (await readdir(dir)).sort(),
    ['kubelet-ca.pem', 'kubelet-key.pem', 'kubelet.pem'],
    'versions directory removed',
  );
});

t.test('federated bundles: one file per trust domain, removed when the federation ends', async (t) => {
  const dir = t.testdir();
  const base = join(dir, 'app');
  const svid = await ca.leaf({ spiffeId: ID });
  for (const layout of ['versioned', 'plain'] as const) {
    const result = await writeSvid(svid, ca.bundles(other), options(base, { layout, federated: true }));
    t.same(result.federatedPaths, [`${base}-ca.partner.example.pem`], layout);
    t.equal(await readFile(`${base}-ca.partner.example.pem`, 'utf8'), other.bundle().toPem());
    t.equal(await readFile(`${base}-ca.pem`, 'utf8'), ca.bundle().toPem(), 'own bundle stays separate');
    const gone = await writeSvid(svid, ca.bundles(), options(base, { layout, federated: true }));
    t.equal(gone.outcome, 'written');
    t.notOk(
      (await readdir(dir)).includes('app-ca.partner.example.pem'),
      `${layout}: stale federated file removed`,
    );
  }
  await writeSvid(svid, ca.bundles(other), options(base, { federated: false }));
  t.notOk((await readdir(dir)).includes('app-ca.partner.example.pem'), 'not written without --federated');
});

t.test(
  'key formats: PKCS#8 by default, SEC1 for EC, PKCS#1 for RSA; a format that cannot hold the key is refused',
  async (t) => {
    const ec = await ca.leaf({ spiffeId: ID });
    const rsa = await ca.leaf({ spiffeId: ID, keyType: 'rsa' });
    const label = (pem: Buffer): string => /-----BEGIN ([A-Z ]+)-----/.exec(pem.toString())?.[1] ?? '';
    t.equal(label(privateKeyPem(ec.privateKey, 'pkcs8')), 'PRIVATE KEY');
    t.equal(label(privateKeyPem(ec.privateKey, 'sec1')), 'EC PRIVATE KEY');
    t.equal(label(privateKeyPem(rsa.privateKey, 'pkcs1')), 'RSA PRIVATE KEY');
    t.equal(label(privateKeyPem(rsa.privateKey, 'pkcs8')), 'PRIVATE KEY');
    for (const [svid, format] of [
      [rsa, 'pkcs1'],
      [ec, 'sec1'],
    ] as const) {
      const pem = privateKeyPem(svid.privateKey, format);
      const reread = createPrivateKey(pem).export({ format: 'der', type: 'pkcs8' });
      t.ok(Buffer.from(svid.privateKey.pkcs8).equals(reread), `${format} holds the same key`);
    }
    t.throws(() => privateKeyPem(ec.privateKey, 'pkcs1'), {
      code: 'CONFIG_INVALID',
      message:
        'outputs: --key-format pkcs1 holds RSA keys only, but the SVID key is EC P-256; use --key-format sec1 or pkcs8',
    });
    t.throws(() => privateKeyPem(rsa.privateKey, 'sec1'), {
      code: 'CONFIG_INVALID',
      message: /use --key-format pkcs1 or pkcs8/,
    });
  },
);

t.test('an output path under a regular file fails with WRITE_FAILED naming the path', async (t) => {
  const dir = t.testdir({ blocker: 'x' });
  await mkdir(join(dir, 'ok'));
  await t.rejects(
    writeSvid(await ca.leaf({ spiffeId: ID }), ca.bundles(), options(join(dir, 'blocker/kubelet'))),
    {
      code: 'WRITE_FAILED',
      message: /blocker/,
    },
  );
});

t.test("rendering needs the bundle of the SVID's own trust domain", async (t) => {
  const svid = await ca.leaf({ spiffeId: ID });
  t.throws(() => renderSvidFiles(svid, other.bundles()), {
    code: 'BUNDLE_INVALID',
    message: /no bundle for trust domain "cluster.example"/,
  });
});

t.test(
  'a write removes the temporary files a killed writer left beside the output and in its versions',
  async (t) => {
    const dir = t.testdir();
    const base = join(dir, 'ssl/kubelet');
    const svid = await ca.leaf({ spiffeId: ID });
    await writeSvid(svid, ca.bundles(), options(base));
    const versions = versionsDirectory(base);
    // What a SIGKILL leaves mid-write: PID 2^22+1 is above Linux's pid_max, so no process has it.
    const killed = '4194305';
    const interrupted = join(versions, '29991231T235959999Z-abcdef');
    await mkdir(interrupted);
    const leftovers = [
      join(dir, 'ssl', `.kubelet-key.pem.tmp-${killed}-0123456789ab`),
      join(versions, `.current.tmp-${killed}-0123456789ab`),
      join(interrupted, `.key.pem.tmp-${killed}-0123456789ab`),
    ];
    for (const path of leftovers) await writeFile(path, 'partial');
    const temporaries = async (): Promise<string[]> =>
      (await readdir(dir, { recursive: true })).filter((name) => name.includes('.tmp-'));
    t.equal((await temporaries()).length, 3);

    t.equal((await writeSvid(svid, ca.bundles(), options(base))).outcome, 'unchanged');
    t.same(await temporaries(), [], 'an unchanged output is cleaned up too');
    for (const path of leftovers) await writeFile(path, 'partial');
    await writeSvid(await ca.leaf({ spiffeId: ID }), ca.bundles(), options(base));
    t.same(await temporaries(), [], 'and so is an output rewritten');
  },
);

t.test(
  'a version prepared ahead is the one a write fills, with the same files, modes and owners',
  async (t) => {
    const dir = t.testdir();
    const base = join(dir, 'ssl/kubelet');
    const first = renderSvidFiles(await ca.leaf({ spiffeId: ID }), ca.bundles());
    await writeSvidFiles(first, options(base));
    const prepared = await prepareVersion(first, options(base));
    if (prepared === undefined) throw new Error('nothing prepared');
    const made = join(versionsDirectory(base), prepared.version);
    t.same((await readdir(made)).sort(), ['ca.pem', 'cert.pem', 'key.pem'], 'empty files, ahead');
    t.equal((await stat(join(made, 'key.pem'))).mode & 0o777, 0o600, 'the key file is 0600 from the start');

    const second = renderSvidFiles(await ca.leaf({ spiffeId: ID }), ca.bundles());
    const result = await writeSvidFiles(second, options(base, { prepared }));
    t.equal(result.outcome, 'written');
    t.ok(prepared.spent, 'used up');
    t.equal(await readlink(join(versionsDirectory(base), 'current')), prepared.version, 'current names it');
    const paths = svidPaths(base);
    t.ok((await readFile(paths.key)).equals(second.key));
    t.equal(await readFile(paths.cert, 'utf8'), second.cert);
    for (const [path, mode] of [
      [paths.key, 0o600],
      [paths.cert, 0o644],
      [paths.ca, 0o644],
    ] as const) {
      const info = await stat(path);
      t.same([info.mode & 0o777, info.uid, info.gid], [mode, UID, 0], path);
    }
  },
);

t.test('a prepared version is not filled when it no longer fits; the write makes its own', async (t) => {
  const dir = t.testdir();
  const base = join(dir, 'ssl/kubelet');
  const rendered = async () => renderSvidFiles(await ca.leaf({ spiffeId: ID }), ca.bundles());
  const first = await rendered();
  await writeSvidFiles(first, options(base));
  const cases: [string, (prepared: string) => Promise<void>, Partial<SvidOutputOptions>][] = [
    ['its key file was replaced', (made) => writeFile(join(made, 'key.pem'), 'planted'), {}],
    ['its key file was opened to others', (made) => chmod(join(made, 'key.pem'), 0o644), {}],
    ['the key mode changed since', () => Promise.resolve(), { keyAccess: { mode: 0o640, uid: UID, gid: 0 } }],
  ];
  for (const [name, spoil, extra] of cases) {
    const prepared = await prepareVersion(first, options(base));
    if (prepared === undefined) throw new Error('nothing prepared');
    const made = join(versionsDirectory(base), prepared.version);
    await spoil(made);
    const next = await rendered();
    t.equal((await writeSvidFiles(next, options(base, { ...extra, prepared }))).outcome, 'written', name);
    const current = await readlink(join(versionsDirectory(base), 'current'));
    t.not(current, prepared.version, `${name}: not used`);
    t.ok((await readFile(svidPaths(base).key)).equals(next.key), `${name}: the new key is in place`);
    t.ok(prepared.spent, `${name}: spent`);
  }

  // Another writer moved `current` past it.
  const stale = await prepareVersion(first, options(base));
  if (stale === undefined) throw new Error('nothing prepared');
  await writeSvidFiles(await rendered(), options(base));
  await writeSvidFiles(await rendered(), options(base, { prepared: stale }));
  t.not(
    await readlink(join(versionsDirectory(base), 'current')),
    stale.version,
    'older than current: not used',
  );
});

t.test('discardPrepared removes a version nobody filled', async (t) => {
  const dir = t.testdir();
  const base = join(dir, 'ssl/kubelet');
  const first = renderSvidFiles(await ca.leaf({ spiffeId: ID }), ca.bundles());
  await writeSvidFiles(first, options(base));
  const before = await versionDirs(base);
  const prepared = await prepareVersion(first, options(base));
  t.equal((await versionDirs(base)).length, before.length + 1);
  await discardPrepared(prepared);
  t.same(await versionDirs(base), before);
  t.equal(await prepareVersion(first, options(base, { layout: 'plain' })), undefined, 'nothing for plain');
});
