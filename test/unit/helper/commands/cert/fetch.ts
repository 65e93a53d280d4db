// `cert fetch` in-process against the SPIRE test double's Workload API on a temp unix socket.
import t, { type Test } from 'tap';
import { chmod, lstat, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { derListToPem, parseCertificates } from '../../../../../src/core/x509/index.js';
import type { CertFetchResult } from '../../../../../helper/commands/cert/fetch.js';
import type { ErrorJson } from '../../../../../helper/base-command.js';
import { runHelper, startAgent, TD, type Agent } from '../../fixtures/agent.js';
import { tinyCa } from '../../fixtures/certs.js';

const KUBELET = `spiffe://${TD}/node/kubelet`;
const APISERVER = `spiffe://${TD}/node/kube-apiserver`;

async function counterScript(
  dir: string,
  name: string,
): Promise<{ path: string; calls: () => Promise<string[]> }> {
  const log = join(dir, `${name}.log`);
  const path = join(dir, name);
  await writeFile(path, `#!/bin/sh\necho "$*" >> ${log}\n`);
  await chmod(path, 0o755);
  return {
    path,
    calls: async () => (await readFile(log, 'utf8').catch(() => '')).split('\n').filter((l) => l !== ''),
  };
}

function leafSerial(pem: string): string | undefined {
  return parseCertificates(pem)[0]?.serialNumber;
}

async function twoIdentities(t: Test): Promise<Agent> {
  return startAgent(t, {
    entries: [
      { spiffeId: APISERVER, hint: 'kube-apiserver', dnsNames: ['kubernetes.default'] },
      { spiffeId: KUBELET, hint: 'kubelet', dnsNames: ['node-1.cluster.example'] },
    ],
  });
}

t.test('writes <dest>.pem, -key.pem and -ca.pem for the first SVID and returns a typed result', async (t) => {
  const agent = await startAgent(t, {
    entries: [{ spiffeId: KUBELET, dnsNames: ['node-1.cluster.example'] }],
  });
  const base = join(agent.dir, 'ssl/kubelet');
  const run = await runHelper<CertFetchResult>(['cert', 'fetch', base, '--socket', agent.endpoint, '--json']);
  t.equal(run.exitCode, 0, run.stderr);
  t.equal(run.stderr, '');
  const printed = JSON.parse(run.stdout) as CertFetchResult;
  t.same(printed, run.result, '--json prints exactly the result');
  t.match(printed, {
    spiffeId: KUBELET,
    outcome: 'written',
    layout: 'versioned',
    files: { cert: `${base}.pem`, key: `${base}-key.pem`, ca: `${base}-ca.pem`, federated: [] },
    hooks: [],
  });
  const [held] = agent.api.currentX509Svids();
  t.equal(leafSerial(await readFile(`${base}.pem`, 'utf8')), held?.certificates[0]?.serialNumber);
  t.equal(printed.notAfter, held?.certificates[0]?.notAfter.toISOString());
  t.same(
    parseCertificates(await readFile(`${base}-ca.pem`, 'utf8')).map((c) => c.serialNumber),
    agent.sim.ca.bundleCertificates().map((c) => c.serialNumber),
    "the bundle of the SVID's trust domain",
  );
  t.notMatch(run.stdout, /PRIVATE KEY/, 'no key material on stdout');

  const again = await runHelper(['cert', 'fetch', base, '--socket', agent.endpoint]);
  t.equal(again.exitCode, 0);
  t.match(again.stdout, /kubelet\.pem: unchanged, spiffe:\/\/cluster\.example\/node\/kubelet/);
});

t.test('the endpoint may be given as unix:/path through --endpoint, or as a bare path', async (t) => {
  const agent = await startAgent(t, { entries: [{ spiffeId: KUBELET }] });
  for (const [flag, value] of [
    ['--endpoint', `unix:${agent.api.socketPath}`],
    ['--socket', agent.api.socketPath],
  ] as const) {
    const run = await runHelper(['cert', 'fetch', join(agent.dir, flag.slice(2)), flag, value]);
    t.equal(run.exitCode, 0, `${flag} ${value}`);
  }
});

t.test(
  'the first SVID is the default; --hint and --spiffe-id pick another; an absent one fails with exit 4 listing what exists',
  async (t) => {
    const agent = await twoIdentities(t);
    const serialOf = async (base: string): Promise<string | undefined> =>
      leafSerial(await readFile(`${base}.pem`, 'utf8'));
    const held = Object.fromEntries(
      agent.api.currentX509Svids().map((s) => [s.spiffeId, s.certificates[0]?.serialNumber]),
    );

    const byDefault = join(agent.dir, 'by-default');
    t.equal((await runHelper(['cert', 'fetch', byDefault, '--socket', agent.endpoint])).exitCode, 0);
    t.equal(
      await serialOf(byDefault),
      agent.api.currentX509Svids()[0]?.certificates[0]?.serialNumber,
      'no selector: the first SVID (the default identity)',
    );

    const byHint = join(agent.dir, 'by-hint');
    t.equal(
      (await runHelper(['cert', 'fetch', byHint, '--socket', agent.endpoint, '--hint', 'kubelet'])).exitCode,
      0,
    );
    t.equal(await serialOf(byHint), held[KUBELET]);

    const byId = join(agent.dir, 'by-id');
    t.equal(
      (await runHelper(['cert', 'fetch', byId, '--socket', agent.endpoint, '--spiffe-id', APISERVER]))
        .exitCode,
      0,
    );
    t.equal(await serialOf(byId), held[APISERVER]);

    const missing = await runHelper([
      'cert',
      'fetch',
      join(agent.dir, 'none'),
      '--socket',
      agent.endpoint,
      '--spiffe-id',
      `spiffe://${TD}/nobody`,
    ]);
    t.equal(missing.exitCode, 4);
    t.equal(
      missing.stderr,
      `spire-helper: select: the agent returned no X509-SVID with SPIFFE ID spiffe://${TD}/nobody; it has ${APISERVER} (hint "kube-apiserver"), ${KUBELET} (hint "kubelet")\n`,
    );
    t.notOk(
      (await readdir(agent.dir)).some((name) => name.startsWith('none')),
      'nothing written for the missing identity',
    );

    const both = await runHelper([
      'cert',
      'fetch',
      join(agent.dir, 'x'),
      '--socket',
      agent.endpoint,
      '--spiffe-id',
      APISERVER,
      '--hint',
      'kubelet',
      '--json',
    ]);
    t.equal(both.exitCode, 4, 'both selectors must match the same SVID');
    t.match(JSON.parse(both.stdout) as ErrorJson, { error: { code: 'SVID_NOT_FOUND', exitCode: 4 } });
  },
);

t.test('--owner, --group, --mode and --key-mode are applied to every file on every write', async (t) => {
  const agent = await startAgent(t, { entries: [{ spiffeId: KUBELET }] });
  const base = join(agent.dir, 'etc/ssl/kubelet');
  const args = [
    'cert',
    'fetch',
    base,
    '--socket',
    agent.endpoint,
    '--owner',
    '837',
    '--group',
    '873',
    '--mode',
    '0640',
    '--key-mode',
    '0600',
  ];
  t.equal((await runHelper(args)).exitCode, 0);
  const facts = async (path: string): Promise<number[]> => {
    const info = await stat(path);
    return [info.mode & 0o7777, info.uid, info.gid];
  };
  t.same(await facts(`${base}.pem`), [0o640, 837, 873]);
  t.same(await facts(`${base}-ca.pem`), [0o640, 837, 873]);
  t.same(await facts(`${base}-key.pem`), [0o600, 837, 873]);
  t.same(await facts(join(agent.dir, 'etc')), [0o750, 837, 873], 'directories it created: 0750');
  t.same(await facts(join(agent.dir, 'etc/ssl')), [0o750, 837, 873]);

  // Someone loosens the key; the next run (same SVID, no rewrite) puts it back.
  await chmod(`${base}-key.pem`, 0o644);
  const again = await runHelper([...args, '--json']);
  t.match(JSON.parse(again.stdout), { outcome: 'access-updated', hooks: [] });
  t.same(await facts(`${base}-key.pem`), [0o600, 837, 873]);
});

t.test('hooks run only when the content changed', async (t) => {
  const agent = await startAgent(t, { entries: [{ spiffeId: KUBELET }] });
  const tools = t.testdir();
  const hook = await counterScript(tools, 'hook');
  const systemctl = await counterScript(tools, 'systemctl');
  const base = join(agent.dir, 'kubelet');
  const args = [
    'cert',
    'fetch',
    base,
    '--socket',
    agent.endpoint,
    '--exec',
    `${hook.path} changed`,
    '--reload-unit',
    'kubelet.service',
    '--systemctl-path',
    systemctl.path,
  ];

  t.equal((await runHelper(args)).exitCode, 0);
  t.equal((await runHelper(args)).exitCode, 0);
  t.same(await hook.calls(), ['changed'], 'first write runs the hook, the unchanged second run does not');
  t.same(await systemctl.calls(), ['--no-block try-reload-or-restart kubelet.service']);

  await agent.api.rotateNow();
  const rotated = await runHelper<CertFetchResult>([...args, '--json']);
  t.equal(rotated.result?.outcome, 'written');
  t.same(
    rotated.result?.hooks.map((h) => h.ok),
    [true, true],
  );
  t.same(await hook.calls(), ['changed', 'changed'], 'a rotation is a change');
  t.equal((await systemctl.calls()).length, 2);
});

t.test(
  '--renew-before skips the write and the hook while the files on disk stay valid long enough',
  async (t) => {
    const agent = await startAgent(t, { entries: [{ spiffeId: KUBELET }] });
    const hook = await counterScript(t.testdir(), 'hook');
    const base = join(agent.dir, 'kubelet');
    const args = ['cert', 'fetch', base, '--socket', agent.endpoint, '--exec', `${hook.path} renewed`];
    const first = await runHelper<CertFetchResult>([...args, '--json']);
    t.equal(first.exitCode, 0);
    const before = await readFile(`${base}.pem`, 'utf8');

    await agent.api.rotateNow();
    // The test double issues 1 h SVIDs: 30 minutes of required validity are still there.
    const skipped = await runHelper<CertFetchResult>([...args, '--renew-before', '30m', '--json']);
    t.equal(skipped.exitCode, 0);
    t.equal(skipped.result?.outcome, 'skipped');
    t.equal(skipped.result?.notAfter, first.result?.notAfter, 'reports the files left on disk');
    t.equal(
      await readFile(`${base}.pem`, 'utf8'),
      before,
      'not rewritten although the agent has a newer SVID',
    );
    t.equal((await hook.calls()).length, 1, 'only the first write ran the hook');

    const renewed = await runHelper<CertFetchResult>([...args, '--renew-before', '2h', '--json']);
    t.equal(renewed.result?.outcome, 'written', 'less than 2h left: renew');
    t.not(await readFile(`${base}.pem`, 'utf8'), before);
    t.equal((await hook.calls()).length, 2);

    const otherId = await runHelper<CertFetchResult>([
      ...args,
      '--renew-before',
      '30m',
      '--spiffe-id',
      `spiffe://${TD}/other`,
    ]);
    t.equal(otherId.exitCode, 4, 'the ID asked for is checked before the files on disk');
  },
);

t.test(
  "--renew-before does not skip when the bundle file on disk is not the agent's current bundle, or nothing is on disk",
  async (t) => {
    const agent = await startAgent(t, { entries: [{ spiffeId: KUBELET }] });
    const base = join(agent.dir, 'kubelet');
    const args = ['cert', 'fetch', base, '--socket', agent.endpoint, '--renew-before', '10m', '--json'];
    const first = await runHelper<CertFetchResult>(args);
    t.equal(first.result?.outcome, 'written', 'nothing on disk yet');
    // A foreign CA wrote the bundle file: the SVID on disk no longer chains to it.
    const foreign = await tinyCa(TD);
    await writeFile(`${base}-ca.pem.new`, foreign.bundle().toPem());
    const { rename } = await import('node:fs/promises');
    await rename(`${base}-ca.pem.new`, `${base}-ca.pem`);
    const second = await runHelper<CertFetchResult>(args);
    t.equal(second.result?.outcome, 'written', "bundle on disk differs from the agent's: rewrite");
  },
);

t.test('validation runs before anything is written: a required SAN that is missing exits 5', async (t) => {
  const agent = await startAgent(t, {
    entries: [{ spiffeId: KUBELET, dnsNames: ['node-1.cluster.example'] }],
  });
  const base = join(agent.dir, 'kubelet');
  const run = await runHelper([
    'cert',
    'fetch',
    base,
    '--socket',
    agent.endpoint,
    '--san-hosts',
    'node-1.cluster.example,node-2.cluster.example',
    '--ip-sans',
    '10.0.0.1',
  ]);
  t.equal(run.exitCode, 5);
  t.match(
    run.stderr,
    /lacks DNS:node-2\.cluster\.example, IP:10\.0\.0\.1 \(it has DNS:node-1\.cluster\.example\)/,
  );
  await t.rejects(stat(`${base}.pem`), { code: 'ENOENT' }, 'nothing written');
  t.equal(
    (await runHelper(['cert', 'fetch', base, '--socket', agent.endpoint, '-s', 'node-1.cluster.example']))
      .exitCode,
    0,
  );
});

t.test(
  '--key-format sec1 writes an EC PRIVATE KEY; pkcs1 with an EC key is refused before writing',
  async (t) => {
    const agent = await startAgent(t, { entries: [{ spiffeId: KUBELET }] });
    const base = join(agent.dir, 'kubelet');
    t.equal(
      (await runHelper(['cert', 'fetch', base, '--socket', agent.endpoint, '--key-format', 'sec1'])).exitCode,
      0,
    );
    t.match(await readFile(`${base}-key.pem`, 'utf8'), /^-----BEGIN EC PRIVATE KEY-----\n/);
    const refused = await runHelper([
      'cert',
      'fetch',
      join(agent.dir, 'rsa'),
      '--socket',
      agent.endpoint,
      '--key-format',
      'pkcs1',
    ]);
    t.equal(refused.exitCode, 2);
    t.equal(
      refused.stderr,
      'spire-helper: outputs: --key-format pkcs1 holds RSA keys only, but the SVID key is EC P-256; use --key-format sec1 or pkcs8\n',
    );
    await t.rejects(stat(join(agent.dir, 'rsa.pem')), { code: 'ENOENT' });
  },
);

t.test('--federated writes one bundle file per federated trust domain', async (t) => {
  const agent = await startAgent(t, {
    entries: [{ spiffeId: KUBELET, federatesWith: ['spiffe://partner.example'] }],
  });
  const partner = await tinyCa('partner.example');
  agent.sim.ds.putFederatedBundle({
    trust_domain: 'partner.example',
    x509_authorities: [{ asn1: Buffer.from(partner.root.rawData), tainted: false }],
    jwt_authorities: [],
    refresh_hint: 0,
    sequence_number: 1,
  });
  await agent.api.settled();
  const base = join(agent.dir, 'app');
  const run = await runHelper<CertFetchResult>([
    'cert',
    'fetch',
    base,
    '--socket',
    agent.endpoint,
    '--federated',
    '--json',
  ]);
  t.equal(run.exitCode, 0, 'exit 0');
  t.same(run.result?.files.federated, [`${base}-ca.partner.example.pem`]);
  t.equal(await readFile(`${base}-ca.partner.example.pem`, 'utf8'), partner.bundle().toPem());
});

t.test('a preset supplies path defaults, owner, hint and reload units; flags override it', async (t) => {
  const agent = await twoIdentities(t);
  t.equal(agent.api.currentX509Svids()[0]?.spiffeId, APISERVER, 'kubelet is not the default (first) SVID');
  const systemctl = await counterScript(t.testdir(), 'systemctl');
  const base = join(agent.dir, 'kubelet');
  const run = await runHelper<CertFetchResult>([
    'cert',
    'fetch',
    base,
    '--preset',
    'kubelet',
    '--socket',
    agent.endpoint,
    '--systemctl-path',
    systemctl.path,
    '--group',
    '5',
    '--json',
  ]);
  t.equal(run.exitCode, 0, 'exit 0');
  t.equal(run.result?.spiffeId, KUBELET, "selected by the preset's hint");
  const key = await stat(`${base}-key.pem`);
  t.same([key.mode & 0o7777, key.uid, key.gid], [0o600, 837, 5], 'preset owner 837, --group overrides gid 0');
  t.same(await systemctl.calls(), ['--no-block try-reload-or-restart kubelet.service']);

  const byId = await runHelper<CertFetchResult>([
    'cert',
    'fetch',
    join(agent.dir, 'k2'),
    '--preset',
    'kubelet',
    '--spiffe-id',
    APISERVER,
    '--socket',
    agent.endpoint,
    '--reload-unit',
    'x.service',
    '--systemctl-path',
    systemctl.path,
    '--json',
  ]);
  t.equal(byId.result?.spiffeId, APISERVER, "--spiffe-id replaces the preset's hint");
  t.same(
    (await systemctl.calls())[1],
    '--no-block try-reload-or-restart x.service',
    "--reload-unit replaces the preset's units",
  );
});

t.test(
  'a failing hook exits 9 after the files were written; --hook-errors warn reports it and exits 0',
  async (t) => {
    const agent = await startAgent(t, { entries: [{ spiffeId: KUBELET }] });
    const base = join(agent.dir, 'kubelet');
    const failing = await runHelper([
      'cert',
      'fetch',
      base,
      '--socket',
      agent.endpoint,
      '--exec',
      'sh -c "echo reload-failed >&2; exit 3"',
    ]);
    t.equal(failing.exitCode, 9);
    t.match(failing.stderr, /reload-failed\n/, 'hook output goes to stderr');
    t.match(
      failing.stderr,
      /spire-helper: hooks: files were written, but a hook failed: sh -c "echo reload-failed >&2; exit 3": exited with code 3\n$/,
    );
    t.ok((await stat(`${base}.pem`)).isFile(), 'the files are in place');

    await agent.api.rotateNow();
    const warned = await runHelper<CertFetchResult>([
      'cert',
      'fetch',
      base,
      '--socket',
      agent.endpoint,
      '--exec',
      'false',
      '--hook-errors',
      'warn',
      '--json',
    ]);
    t.equal(warned.exitCode, 0);
    t.match(warned.result?.warnings, [
      /hook failed \(ignored, --hook-errors warn\): false: exited with code 1/,
    ]);
  },
);

t.test('bad flags exit 2 with one line naming the flag, before contacting the agent', async (t) => {
  const rows: [string[], RegExp][] = [
    [['--mode', '999'], /^spire-helper: flags: --mode "999" is not valid; expected an octal mode/],
    [
      ['--key-mode', '0644'],
      /^spire-helper: flags: --key-mode 0644 gives "other" users access to a private key/,
    ],
    [['--spiffe-id', 'http://x'], /^spire-helper: flags: --spiffe-id "http:\/\/x" is not a SPIFFE ID/],
    [['--renew-before', '12'], /^spire-helper: flags: --renew-before "12" is not valid; expected a duration/],
    [['--wait-timeout', '0'], /^spire-helper: flags: --wait-timeout must be longer than 0s/],
    [['--owner', 'no-such-user-xyz'], /^spire-helper: flags: --owner "no-such-user-xyz" names no user/],
    [['--preset', 'vault'], /^spire-helper: Expected --preset=vault to be one of: etcd-k8s, /],
    [['--key-format', 'der'], /^spire-helper: Expected --key-format=der to be one of: pkcs8, pkcs1, sec1/],
    [['--key-bit-size', '2048'], /^spire-helper: Nonexistent flag: --key-bit-size/],
    [['--exec', 'a "b'], /^spire-helper: hooks: --exec "a \\"b" has an unterminated " quote/],
    [['--socket', 'http://agent'], /^spire-helper: workloadapi: endpoint "http:\/\/agent" has scheme "http"/],
  ];
  for (const [flags, message] of rows) {
    const socket = flags.includes('--socket') ? [] : ['--socket', 'unix:///nonexistent.sock'];
    const run = await runHelper(['cert', 'fetch', '/nonexistent/dir/x', ...socket, ...flags]);
    t.equal(run.exitCode, 2, flags.join(' '));
    t.match(run.stderr, message, flags.join(' '));
    t.equal(run.stderr.split('\n').length, 2, `${flags.join(' ')}: one line`);
  }
  const noDest = await runHelper(['cert', 'fetch', '--socket', 'unix:///nonexistent.sock']);
  t.equal(noDest.exitCode, 2);
  t.match(noDest.stderr, /DEST is required: pass a base path/);
});

// --- dual trust (issue 13) ------------------------------------------------------------------------------

async function vaultCaFile(dir: string, name = 'vault-ca.pem'): Promise<{ path: string; subject: string }> {
  const vault = await tinyCa('vault.example');
  const path = join(dir, name);
  await writeFile(path, vault.bundle().toPem());
  return { path, subject: vault.root.subject };
}

t.test(
  '--extra-ca-file puts the CA after the SPIRE bundle in -ca.pem; dropping it rewrites and reloads',
  async (t) => {
    const agent = await startAgent(t, { entries: [{ spiffeId: KUBELET }] });
    const tools = t.testdir();
    const hook = await counterScript(tools, 'hook');
    const vault = await vaultCaFile(tools);
    const base = join(agent.dir, 'kubelet');
    const args = [
      'cert',
      'fetch',
      base,
      '--socket',
      agent.endpoint,
      '--exec',
      `${hook.path} changed`,
      '--json',
    ];
    const spireSubjects = agent.sim.ca.bundleCertificates().map((c) => c.subject);
    const caSubjects = async (): Promise<string[]> =>
      parseCertificates(await readFile(`${base}-ca.pem`, 'utf8')).map((c) => c.subject);

    const on = await runHelper<CertFetchResult>([
      ...args,
      '--extra-ca-file',
      vault.path,
      '--extra-ca-file',
      vault.path,
    ]);
    t.equal(on.exitCode, 0, on.stderr);
    t.same(await caSubjects(), [...spireSubjects, vault.subject], 'SPIRE bundle first, the extra CA once');
    t.same(on.result?.extraCas, [{ file: vault.path, subject: vault.subject }]);
    const again = await runHelper<CertFetchResult>([...args, '--extra-ca-file', vault.path]);
    t.equal(again.result?.outcome, 'unchanged', 'the same dual trust again changes nothing');

    const off = await runHelper<CertFetchResult>(args);
    t.equal(off.result?.outcome, 'written', 'dropping the flag changes -ca.pem');
    t.same(await caSubjects(), spireSubjects, 'only the SPIRE bundle is left');
    t.same(
      await hook.calls(),
      ['changed', 'changed'],
      'the hook ran for the write with and the write without',
    );
  },
);

t.test(
  "--ca-only writes only -ca.pem, as a regular file, leaving the old issuer's cert and key",
  async (t) => {
    const agent = await startAgent(t, { entries: [{ spiffeId: KUBELET, hint: 'kubelet' }] });
    const tools = t.testdir();
    const vault = await vaultCaFile(tools);
    const base = join(agent.dir, 'kubelet');
    // What vault-helper left: regular files, and a -ca.pem with only the Vault CA.
    const { mkdir } = await import('node:fs/promises');
    await mkdir(agent.dir, { recursive: true });
    await writeFile(`${base}.pem`, 'vault certificate\n');
    await writeFile(`${base}-key.pem`, 'vault key\n', { mode: 0o600 });
    await writeFile(`${base}-ca.pem`, await readFile(vault.path));
    const args = ['cert', 'fetch', base, '--socket', agent.endpoint, '--hint', 'kubelet', '--ca-only'];

    const run = await runHelper<CertFetchResult>([...args, '--extra-ca-file', vault.path, '--json']);
    t.equal(run.exitCode, 0, run.stderr);
    t.match(run.result, { outcome: 'written', caOnly: true, layout: 'plain', spiffeId: KUBELET });
    t.equal(await readFile(`${base}.pem`, 'utf8'), 'vault certificate\n', 'the certificate is untouched');
    t.equal(await readFile(`${base}-key.pem`, 'utf8'), 'vault key\n', 'the key is untouched');
    const ca = await lstat(`${base}-ca.pem`);
    t.ok(ca.isFile(), '-ca.pem is a regular file (vault-helper rewrites it in place)');
    t.same(
      parseCertificates(await readFile(`${base}-ca.pem`, 'utf8')).map((c) => c.subject),
      [...agent.sim.ca.bundleCertificates().map((c) => c.subject), vault.subject],
    );
    t.same(
      await readdir(agent.dir),
      ['kubelet-ca.pem', 'kubelet-key.pem', 'kubelet.pem'],
      'no versions directory',
    );
    const human = await runHelper([...args, '--extra-ca-file', vault.path]);
    t.match(
      human.stdout,
      /kubelet-ca\.pem: unchanged, the bundle of cluster\.example and 1 extra CA certificate\n/,
    );

    const renew = await runHelper([...args, '--renew-before', '1h']);
    t.equal(renew.exitCode, 2, '--renew-before cannot judge a certificate --ca-only does not write');
    t.match(renew.stderr, /--renew-before looks at the certificate on disk, which --ca-only does not write/);
  },
);

t.test('a bad --extra-ca-file exits 2 naming the file, before anything is written', async (t) => {
  const agent = await startAgent(t, { entries: [{ spiffeId: KUBELET }] });
  const leaf = await (await tinyCa(TD)).leaf({ spiffeId: KUBELET });
  const file = join(t.testdir(), 'leaf.pem');
  await writeFile(file, derListToPem([new Uint8Array(leaf.certificates[0]!.rawData)], 'CERTIFICATE'));
  const base = join(agent.dir, 'kubelet');
  const run = await runHelper(['cert', 'fetch', base, '--socket', agent.endpoint, '--extra-ca-file', file]);
  t.equal(run.exitCode, 2);
  t.match(run.stderr, `spire-helper: flags: --extra-ca-file "${file}" holds a certificate that is not a CA`);
  await t.rejects(stat(`${base}.pem`), { code: 'ENOENT' }, 'nothing written');
});
