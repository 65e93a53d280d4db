// The zero-downtime migration of docs/migrating-from-vault-helper.md ("Zero-downtime migration runbook"),
// every step in order, on three nodes of a cluster: a worker (kubelet), a master (kube-apiserver) and an
// etcd node (etcd-k8s). A CA made with test/harness/ca.ts stands in for Vault's; SPIRE is the test double
// (or real SPIRE with SPIRE_SERVER_BIN and SPIRE_AGENT_BIN set, through startSpire). The test plays
// vault-helper (it writes the Vault-issued files) and runs what Puppet's units run: spire-helper
// `cert fetch --ca-only` (phase trust) and `cert fetch` (phase takeover), with and without --extra-ca-file.
// After every step real `openssl s_server`/`s_client` mutual TLS runs worker → master and master → etcd,
// each side with the files the runbook leaves it: it holds while one side has a Vault certificate and the
// other a SPIRE one, and an old Vault certificate is refused once the Vault CA is dropped.
import t from 'tap';
import type { Test } from 'tap';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { execa } from 'execa';
import type { CaOnlyCheckResult, CheckResult } from '../../../helper/commands/check.js';
import type { CertFetchResult } from '../../../helper/commands/cert/fetch.js';
import { dialSpireServer } from '../../../src/core/spireapi/index.js';
import { parseCertificates } from '../../../src/core/x509/index.js';
import { createTestCa, type TestCa } from '../../harness/ca.js';
import { startSpire, type SpireHandles } from '../../sim/spire.js';
import { runHelper, type CliRun } from '../../unit/helper/fixtures/agent.js';

t.setTimeout(120_000);

const TD = 'cluster1.tarmak.local';
const NODES = ['worker', 'master', 'etcd'] as const;
type NodeName = (typeof NODES)[number];

/** Each node's one certificate here: its Tarmak file base name and the preset name as the entry's hint. */
const IDENTITY: Record<NodeName, { file: string; hint: string; dns: string }> = {
  worker: { file: 'kubelet', hint: 'kubelet', dns: 'worker-1.cluster1.tarmak.local' },
  master: { file: 'kube-apiserver', hint: 'kube-apiserver', dns: 'api.cluster1.tarmak.local' },
  etcd: { file: 'etcd-k8s', hint: 'etcd-k8s', dns: 'etcd-1.cluster1.tarmak.local' },
};

interface Files {
  readonly cert: string;
  readonly key: string;
  readonly ca: string;
}

function filesOf(base: string): Files {
  return { cert: `${base}.pem`, key: `${base}-key.pem`, ca: `${base}-ca.pem` };
}

const skip =
  (await execa('openssl', ['version'], { reject: false })).exitCode === 0 ? false : 'openssl not found';

/**
 * Runs one mutual TLS handshake with real openssl: `server` in s_server (client certificate required and
 * verified against its -ca.pem), `client` in s_client (server certificate verified against its -ca.pem),
 * then one request and response over it. Returns whether a response came back, with both sides' output.
 */
async function mutualTls(client: Files, server: Files): Promise<{ ok: boolean; log: string }> {
  const child = spawn(
    'openssl',
    [
      's_server',
      '-accept',
      '127.0.0.1:0',
      '-naccept',
      '1',
      '-www',
      '-cert',
      server.cert,
      '-key',
      server.key,
      '-CAfile',
      server.ca,
      '-Verify',
      '2',
      '-verify_return_error',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let serverLog = '';
  child.stderr.on('data', (chunk: Buffer) => {
    serverLog += chunk.toString();
  });
  try {
    const port = await new Promise<string>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout });
      lines.on('line', (line) => {
        serverLog += `${line}\n`;
        const match = /^ACCEPT 127\.0\.0\.1:(\d+)$/.exec(line);
        if (match?.[1] !== undefined) resolve(match[1]);
      });
      child.once('exit', (code) => {
        reject(new Error(`s_server exited ${String(code)}: ${serverLog}`));
      });
    });
    const result = await execa(
      'openssl',
      [
        's_client',
        '-connect',
        `127.0.0.1:${port}`,
        '-cert',
        client.cert,
        '-key',
        client.key,
        '-CAfile',
        client.ca,
        '-verify_return_error',
        '-ign_eof',
        '-quiet',
      ],
      { input: 'GET / HTTP/1.0\r\n\r\n', reject: false, timeout: 30_000 },
    );
    const ok = result.exitCode === 0 && /^HTTP\/1\.0 200 ok/m.test(result.stdout);
    return { ok, log: `s_client exit ${String(result.exitCode)}: ${result.stderr}\ns_server: ${serverLog}` };
  } finally {
    child.kill();
  }
}

/** The cluster under migration: SPIRE, the Vault stand-in and the three nodes' file bases. */
interface Cluster {
  readonly spire: SpireHandles;
  readonly vault: TestCa;
  /** The Vault CA file the operator distributes (runbook step 0). */
  readonly vaultCaFile: string;
  readonly base: Record<NodeName, string>;
  /** Scratch SVIDs fetched in step 0, one per node (runbook: /run/spire-migration/<name>). */
  readonly scratch: Record<NodeName, string>;
  readonly dir: string;
}

async function startCluster(t: Test): Promise<Cluster> {
  // A short path: unix socket paths are limited to 108 bytes.
  const dir = await mkdtemp(join(tmpdir(), 'migration-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  await mkdir(join(dir, 'spire'));
  const spire = await startSpire({ trustDomain: TD, dir: join(dir, 'spire') });
  t.teardown(() => spire.close());
  t.comment(`running against ${spire.kind === 'sim' ? 'the SPIRE test double' : 'real SPIRE'}`);
  const vault = await createTestCa({
    trustDomain: 'vault.tarmak.local',
    root: { subject: 'CN=Vault cluster1 CA' },
  });
  const vaultCaFile = join(dir, 'vault-ca', 'pki.pem');
  const base = {} as Record<NodeName, string>;
  const scratch = {} as Record<NodeName, string>;
  for (const node of NODES) {
    base[node] = join(dir, node, 'ssl', IDENTITY[node].file);
    scratch[node] = join(dir, node, 'run', 'spire-migration', IDENTITY[node].file);
  }
  return { spire, vault, vaultCaFile, base, scratch, dir };
}

/** Writes what vault-helper writes for `node`: a certificate of the Vault CA, its key, the Vault CA. */
async function vaultHelperIssues(cluster: Cluster, node: NodeName): Promise<void> {
  const files = filesOf(cluster.base[node]);
  const minted = await cluster.vault.mintX509Svid({
    spiffeId: 'spiffe://vault.tarmak.local/unused',
    uris: [],
    dnsNames: [IDENTITY[node].dns],
    subject: `CN=${IDENTITY[node].hint}`,
    notAfter: new Date(Date.now() + 30 * 86_400_000),
  });
  await mkdir(join(cluster.base[node], '..'), { recursive: true });
  await writeFile(files.cert, minted.certificatesPem);
  await writeFile(files.key, minted.privateKeyPem, { mode: 0o600 });
  await writeFile(files.ca, cluster.vault.root.toString('pem'));
}

function socket(cluster: Cluster): string[] {
  return ['--socket', `unix://${cluster.spire.agentSocketPath}`, '--wait-timeout', '50s'];
}

function extraCa(cluster: Cluster, on: boolean): string[] {
  return on ? ['--extra-ca-file', cluster.vaultCaFile] : [];
}

/** What the trust drop-in runs after vault-helper: `cert fetch --ca-only` (runbook step 1). */
async function trust(cluster: Cluster, node: NodeName): Promise<CliRun<CertFetchResult>> {
  const args = ['cert', 'fetch', cluster.base[node], '--ca-only', '--hint', IDENTITY[node].hint];
  return runHelper<CertFetchResult>([...args, ...extraCa(cluster, true), ...socket(cluster), '--json']);
}

/** What the takeover drop-in runs: `cert fetch` of all three files (steps 2-4; step 5 without the CA). */
async function fetch(cluster: Cluster, node: NodeName, dual: boolean): Promise<CliRun<CertFetchResult>> {
  const args = ['cert', 'fetch', cluster.base[node], '--hint', IDENTITY[node].hint];
  return runHelper<CertFetchResult>([...args, ...extraCa(cluster, dual), ...socket(cluster), '--json']);
}

/** Asserts worker → master and master → etcd mutual TLS, each with the files on its node now. */
async function linksHold(t: Test, cluster: Cluster, when: string): Promise<void> {
  for (const [client, server] of [
    ['worker', 'master'],
    ['master', 'etcd'],
  ] as const) {
    const tls = await mutualTls(filesOf(cluster.base[client]), filesOf(cluster.base[server]));
    t.ok(tls.ok, `${when}: mutual TLS ${client} → ${server}`, { log: tls.log });
  }
}

/** Returns the subjects in a node's -ca.pem. */
async function trusted(cluster: Cluster, node: NodeName): Promise<string[]> {
  return parseCertificates(await readFile(filesOf(cluster.base[node]).ca, 'utf8')).map(
    (cert) => cert.subject,
  );
}

t.test('the runbook, step by step, keeps every connection up', { skip }, async (t) => {
  const cluster = await startCluster(t);
  const vaultSubject = cluster.vault.root.subject;
  let spireSubjects: string[] = [];
  // A certificate a Vault node presented before the migration, kept to prove step 5 refuses it.
  const oldEtcd = join(cluster.dir, 'old-etcd');

  await t.test('Step 0: prepare SPIRE next to Vault', async (t) => {
    // Before the migration: every node has vault-helper's files.
    for (const node of NODES) await vaultHelperIssues(cluster, node);
    await linksHold(t, cluster, 'on Vault alone');
    await mkdir(oldEtcd, { recursive: true });
    for (const suffix of ['.pem', '-key.pem']) {
      await writeFile(join(oldEtcd, `etcd${suffix}`), await readFile(`${cluster.base.etcd}${suffix}`));
    }

    // The registration entries (hint = preset name) and the exported Vault CA file.
    const server = dialSpireServer({ socketPath: cluster.spire.servers[0]!.socketPath });
    t.teardown(() => {
      server.close();
    });
    const created = await server.entries.batchCreate(
      NODES.map((node) => ({
        spiffeId: `spiffe://${TD}/k8s/cluster1/${node}-1/${IDENTITY[node].hint}`,
        parentId: cluster.spire.agentId,
        selectors: [{ type: 'unix', value: `uid:${String(process.getuid?.() ?? 0)}` }],
        dnsNames: [IDENTITY[node].dns],
        hint: IDENTITY[node].hint,
      })),
    );
    t.same(
      created.map((result) => result.ok),
      [true, true, true],
      'entries registered',
    );
    await mkdir(join(cluster.vaultCaFile, '..'), { recursive: true });
    await writeFile(cluster.vaultCaFile, cluster.vault.root.toString('pem'));

    // Check: the agent issues every identity, into a scratch path.
    for (const node of NODES) {
      const fetched = await runHelper([
        'cert',
        'fetch',
        cluster.scratch[node],
        '--hint',
        IDENTITY[node].hint,
        ...socket(cluster),
      ]);
      t.equal(fetched.exitCode, 0, `${node}: scratch SVID fetched`, { stderr: fetched.stderr });
      const checked = await runHelper(['check', cluster.scratch[node], '--dns', IDENTITY[node].dns]);
      t.equal(checked.exitCode, 0, `${node}: scratch SVID valid`, { stderr: checked.stderr });
    }
    spireSubjects = parseCertificates(await readFile(filesOf(cluster.scratch.etcd).ca, 'utf8')).map(
      (cert) => cert.subject,
    );
    // Why step 1 comes first: a SPIRE certificate is refused by a node that trusts Vault alone.
    const early = await mutualTls(filesOf(cluster.scratch.worker), filesOf(cluster.base.master));
    t.notOk(early.ok, 'without dual trust a SPIRE peer is refused');
  });

  await t.test('Step 1: dual trust on every node', async (t) => {
    for (const node of NODES) {
      await vaultHelperIssues(cluster, node); // the unit's ExecStart: vault-helper …
      const run = await trust(cluster, node); // … then the drop-in's ExecStartPost
      t.equal(run.exitCode, 0, `${node}: cert fetch --ca-only`, { stderr: run.stderr });
      t.same(
        await trusted(cluster, node),
        [...spireSubjects, vaultSubject],
        `${node}: SPIRE bundle, then Vault CA`,
      );
      const files = filesOf(cluster.base[node]);
      const checked = await runHelper<CaOnlyCheckResult>([
        'check',
        cluster.base[node],
        '--ca-only',
        ...extraCa(cluster, true),
        '--peer-cert',
        files.cert,
        '--peer-cert',
        `${cluster.scratch[node]}.pem`,
        '--json',
      ]);
      t.equal(checked.exitCode, 0, `${node}: own Vault certificate and a SPIRE one both trusted`, {
        stderr: checked.stdout,
      });
      t.same(
        checked.result?.peers.map((peer) => peer.trustedBy),
        [vaultSubject, spireSubjects[0]],
      );
    }
    await linksHold(t, cluster, 'dual trust, all on Vault');
    // A SPIRE certificate (step 0's scratch SVID) with the worker's dual-trust -ca.pem, against the master.
    const spirePeer = await mutualTls(
      { ...filesOf(cluster.scratch.worker), ca: filesOf(cluster.base.worker).ca },
      filesOf(cluster.base.master),
    );
    t.ok(spirePeer.ok, 'a SPIRE peer and a Vault node: mutual TLS both ways', { log: spirePeer.log });
  });

  const takeOver = async (t: Test, node: NodeName): Promise<void> => {
    const run = await fetch(cluster, node, true);
    t.equal(run.exitCode, 0, `${node}: cert fetch with --extra-ca-file`, { stderr: run.stderr });
    t.equal(run.result?.outcome, 'written');
    const checked = await runHelper<CheckResult>([
      'check',
      cluster.base[node],
      '--dns',
      IDENTITY[node].dns,
      ...extraCa(cluster, true),
      '--peer-cert',
      join(oldEtcd, 'etcd.pem'),
      '--json',
    ]);
    t.equal(checked.exitCode, 0, `${node}: SVID valid, dual trust in place, a Vault peer trusted`, {
      stderr: checked.stdout,
    });
    t.match(checked.result?.spiffeId, new RegExp(`^spiffe://${TD}/`));
  };

  await t.test('Step 2: take over the worker role', async (t) => {
    await takeOver(t, 'worker');
    await linksHold(t, cluster, 'worker on SPIRE, master on Vault');
  });

  await t.test('Step 2 rollback: the worker role back to trust', async (t) => {
    // What Puppet's phase trust does: spire-helper's files go, the unit runs vault-helper, then --ca-only.
    const worker = filesOf(cluster.base.worker);
    for (const path of [worker.cert, worker.key, worker.ca]) await rm(path, { force: true });
    await rm(join(cluster.base.worker, '..', `.${IDENTITY.worker.file}.svid`), {
      recursive: true,
      force: true,
    });
    await vaultHelperIssues(cluster, 'worker');
    t.equal((await trust(cluster, 'worker')).exitCode, 0);
    await linksHold(t, cluster, 'worker back on Vault');
  });

  await t.test('Step 2: take over the worker role (again, after the rollback drill)', async (t) => {
    await takeOver(t, 'worker');
    await linksHold(t, cluster, 'worker on SPIRE again');
  });

  await t.test('Step 3: take over the master role', async (t) => {
    await takeOver(t, 'master');
    await linksHold(t, cluster, 'master on SPIRE, etcd on Vault');
  });

  await t.test('Step 4: take over the etcd role', async (t) => {
    await takeOver(t, 'etcd');
    await linksHold(t, cluster, 'all on SPIRE, dual trust on');
    // An old-CA peer still works while dual trust is on: etcd's former Vault certificate against the master.
    const old = await mutualTls(filesOf(cluster.base.master), {
      ...filesOf(join(oldEtcd, 'etcd')),
      ca: filesOf(cluster.base.etcd).ca,
    });
    t.ok(old.ok, 'a Vault-certificate peer and a SPIRE peer: mutual TLS while dual trust is on', {
      log: old.log,
    });
  });

  await t.test('Step 5: drop dual trust', async (t) => {
    for (const node of NODES) {
      const precheck = await runHelper(['check', cluster.base[node]]);
      t.equal(precheck.exitCode, 0, `${node}: its files are SPIRE's before the Vault CA goes`);
      const run = await fetch(cluster, node, false);
      t.equal(run.result?.outcome, 'written', `${node}: -ca.pem rewritten without the Vault CA (hooks run)`);
      t.same(await trusted(cluster, node), spireSubjects, `${node}: the SPIRE bundle alone`);
      const checked = await runHelper<CheckResult>(['check', cluster.base[node], '--json']);
      t.same(
        checked.result?.authorities.map((a) => a.extraCaFile ?? 'spire'),
        spireSubjects.map(() => 'spire'),
        `${node}: no authority from an extra CA file`,
      );
      const refused = await runHelper([
        'check',
        cluster.base[node],
        '--peer-cert',
        join(oldEtcd, 'etcd.pem'),
      ]);
      t.equal(refused.exitCode, 5, `${node}: a Vault certificate is refused (exit 5)`);
    }
    await linksHold(t, cluster, 'all on SPIRE, dual trust off');
    const old = await mutualTls(filesOf(cluster.base.master), {
      ...filesOf(join(oldEtcd, 'etcd')),
      ca: filesOf(cluster.base.etcd).ca,
    });
    t.notOk(old.ok, 'the old-CA peer fails mutual TLS once the Vault CA is dropped');
  });

  await t.test('Step 6: retire Vault', async (t) => {
    await rm(join(cluster.vaultCaFile, '..'), { recursive: true, force: true });
    for (const node of NODES) {
      const run = await fetch(cluster, node, false);
      t.equal(run.exitCode, 0, `${node}: the units run without the Vault CA file`);
      t.equal(run.result?.outcome, 'unchanged', `${node}: nothing depends on it any more`);
      t.equal((await runHelper(['check', cluster.base[node]])).exitCode, 0, `${node}: check passes`);
    }
    await linksHold(t, cluster, 'after Vault is gone');
  });
});
