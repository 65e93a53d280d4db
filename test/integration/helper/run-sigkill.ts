// R1: SIGKILL at random moments during rotation, over 1,000 times; afterwards no file is torn and the key
// at <base>-key.pem always belongs to the certificate at <base>.pem.
//
// Why two kinds of victims. A kill only tests something when it lands inside a write, and starting the
// daemon costs ~1.5 s (tsx compiles the TypeScript), so 1,000 kills of the real daemon would take half an
// hour. Most kills therefore hit a small child that runs the very same writeSvidFiles the daemon calls, in
// a tight rotation loop, bundled once with esbuild so it starts in ~0.2 s: it is killed 0–12 ms after its
// first write, i.e. somewhere inside a later write, 1,000+ times. A smaller number of kills hit the real
// `spire-helper run` (spawned through its bin) while the test double rotates its SVIDs every few
// milliseconds, to cover what the child does not: the stream, validation, several outputs at once, and a
// restart on top of what a killed run left behind.
import t from 'tap';
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { execa } from 'execa';
import {
  renderSvidFiles,
  svidPaths,
  writeSvidFiles,
  type Layout,
} from '../../../helper/outputs/svid-files.js';
import { BundleSet, X509Bundle } from '../../../src/core/bundle/index.js';
import { SpiffeId, TrustDomain } from '../../../src/core/spiffeid/index.js';
import type { X509Svid } from '../../../src/core/svid/index.js';
import { parseCertificates } from '../../../src/core/x509/index.js';
import { BIN, REPO_ROOT, startAgent, TD, type Agent } from '../../unit/helper/fixtures/agent.js';
import { writeConfig } from './fixtures/daemon.js';

// Spawns and real waits make this file slower than most; on a loaded machine much slower.
t.setTimeout(900000);

const LIGHT_KILLS = Number(process.env['R1_KILLS'] ?? 1000);
const DAEMON_KILLS = 8;
const SLOTS: readonly Layout[] = ['versioned', 'versioned', 'versioned', 'plain'];

interface Check {
  /** A file missing, empty or not parseable. */
  torn: string[];
  /** Key and certificate from different SVIDs. */
  mismatched: boolean;
}

const spki = (key: ReturnType<typeof createPublicKey>): string =>
  key.export({ type: 'spki', format: 'der' }).toString('base64');

/** Reads the three public files of `base` the way a consumer would and checks them. */
async function check(base: string, validBundle: (pem: string) => boolean): Promise<Check> {
  const paths = svidPaths(base);
  const torn: string[] = [];
  let cert: X509Certificate | undefined;
  let key: ReturnType<typeof createPrivateKey> | undefined;
  try {
    cert = new X509Certificate(await readFile(paths.cert));
  } catch (err) {
    torn.push(`${paths.cert}: ${(err as Error).message}`);
  }
  try {
    key = createPrivateKey(await readFile(paths.key));
  } catch (err) {
    torn.push(`${paths.key}: ${(err as Error).message}`);
  }
  try {
    const ca = await readFile(paths.ca, 'utf8');
    if (!validBundle(ca)) torn.push(`${paths.ca}: not the bundle`);
  } catch (err) {
    torn.push(`${paths.ca}: ${(err as Error).message}`);
  }
  const mismatched =
    cert !== undefined && key !== undefined && spki(createPublicKey(key)) !== spki(cert.publicKey);
  return { torn, mismatched };
}

/** Returns rendered SVIDs (several rotations of one identity) as the child reads them. */
async function renderedSvids(agent: Agent, count: number): Promise<string> {
  const rendered = [];
  const bundles = new BundleSet([
    X509Bundle.fromCertificates(TrustDomain.parse(TD), agent.sim.ca.bundleCertificates()),
  ]);
  for (let i = 0; i < count; i++) {
    await agent.api.rotateNow();
    const [held] = agent.api.currentX509Svids();
    if (held === undefined) throw new Error('no SVID');
    const svid: X509Svid = {
      id: SpiffeId.parse(held.spiffeId),
      certificates: held.certificates,
      privateKey: held.privateKey,
      hint: '',
    };
    const files = renderSvidFiles(svid, bundles);
    rendered.push({ cert: files.cert, key: files.key.toString('base64'), ca: files.ca });
  }
  return JSON.stringify(rendered);
}

/** Returns a check that a bundle file holds exactly the test double's current roots. */
function currentBundle(agent: Agent): (pem: string) => boolean {
  return (pem) => {
    const wanted = agent.sim.ca.bundleCertificates().map((c) => c.serialNumber);
    const found = parseCertificates(pem).map((c) => c.serialNumber);
    return JSON.stringify(found) === JSON.stringify(wanted);
  };
}

/**
 * Returns the kill-writer bundled into one small file. esbuild comes with tsx. The child only calls
 * writeSvidFiles with content rendered here, so svid-files' import of core x509 (used by renderSvidFiles,
 * and which loads @peculiar/x509: ~130 ms per start) is replaced by a stub; the write path is unchanged.
 */
async function bundleChild(dir: string): Promise<string> {
  const { build } = (await import(
    join(REPO_ROOT, 'node_modules/esbuild/lib/main.js')
  )) as typeof import('esbuild');
  const outfile = join(dir, 'kill-writer.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'fixtures/kill-writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
    plugins: [
      {
        name: 'stub-core-x509',
        setup(build) {
          build.onResolve({ filter: /\/src\/core\/x509\/index\.js$/ }, (args) => ({
            path: args.path,
            namespace: 'stub',
          }));
          build.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
            contents:
              "const unused = () => { throw new Error('not used by the kill-writer'); };\nexport const derListToPem = unused, privateKeyToPem = unused, parseCertificates = unused, certificateExtension = unused, x509 = {};",
            loader: 'js',
          }));
        },
      },
    ],
  });
  return outfile;
}

/**
 * Returns a scratch directory on tmpfs when there is one. SIGKILL ends a process, not the machine: the page
 * cache survives, so what R1 checks does not depend on fsync, and fsync on a disk (~4 ms here) would make
 * 1,000 kills take minutes.
 */
async function scratch(fallback: string): Promise<string> {
  try {
    return await mkdtemp('/dev/shm/spire-helper-r1-');
  } catch {
    await mkdir(fallback, { recursive: true });
    return fallback;
  }
}

/** Starts the kill-writer, waits for its first write ("go"), SIGKILLs it after `delayMs`, waits for its end. */
async function killWriter(args: readonly string[], delayMs: number): Promise<void> {
  // tap's process-info hook puts --import of itself into NODE_OPTIONS of every child, tripling its start
  // time; `env -u` drops it and then execs node (same PID, so SIGKILL hits node).
  const child = spawn('env', ['-u', 'NODE_OPTIONS', process.execPath, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ended = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  try {
    await Promise.race([
      new Promise<void>((resolve) => {
        child.stdout.once('data', () => {
          resolve();
        });
      }),
      ended.then(() => {
        throw new Error('the kill-writer exited before its first write');
      }),
    ]);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  } finally {
    child.kill('SIGKILL');
    await ended;
  }
}

t.test(
  `R1: ${LIGHT_KILLS} SIGKILLs of a rotating writer leave no torn file and (versioned) no key/cert mismatch`,
  async (t) => {
    const agent = await startAgent(t, { entries: [{ spiffeId: `spiffe://${TD}/node/kubelet` }] });
    const work = await scratch(join(agent.dir, '..', 'r1'));
    t.teardown(() => rm(work, { recursive: true, force: true }));
    const svids = join(work, 'svids.json');
    await writeFile(svids, await renderedSvids(agent, 6));
    const validBundle = currentBundle(agent);
    const child = await bundleChild(work);

    let kills = 0;
    const torn: string[] = [];
    const mismatches: Record<Layout, number> = { versioned: 0, plain: 0 };
    const checks: Record<Layout, number> = { versioned: 0, plain: 0 };
    const started = performance.now();
    await Promise.all(
      SLOTS.map(async (layout, slot) => {
        const base = join(work, `slot${slot}/ssl/kubelet`);
        while (kills < LIGHT_KILLS) {
          kills++;
          await killWriter([child, svids, base, layout], Math.random() * 12);
          const result = await check(base, validBundle);
          checks[layout]++;
          torn.push(...result.torn);
          if (result.mismatched) mismatches[layout]++;
        }
      }),
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const temporaries = async (): Promise<string[]> =>
      (await Promise.all(SLOTS.map((_, slot) => readdir(join(work, `slot${slot}/ssl`), { recursive: true }))))
        .flat()
        .filter((name) => name.includes('.tmp-') && !name.includes('/current/'));
    const leftovers = await temporaries();
    t.comment(
      `${kills} kills in ${seconds} s; checks versioned ${checks.versioned}, plain ${checks.plain}; plain-layout key/cert mismatches ${mismatches.plain} (the documented rename window); temporary files left by the last killed writers: ${leftovers.length}`,
    );
    t.ok(kills >= LIGHT_KILLS, `${kills} SIGKILLs`);
    t.same(torn.slice(0, 10), [], 'no file was ever missing, empty, partial or unknown');
    t.equal(mismatches.versioned, 0, 'versioned layout: the key always belonged to the certificate');
    // One more write per output: it removes every temporary file whose writer was killed.
    const [final] = JSON.parse(await readFile(svids, 'utf8')) as { cert: string; key: string; ca: string }[];
    if (final === undefined) throw new Error('no rendered SVID');
    await Promise.all(
      SLOTS.map((layout, slot) =>
        writeSvidFiles(
          { cert: final.cert, key: Buffer.from(final.key, 'base64'), ca: final.ca, federated: new Map() },
          {
            base: join(work, `slot${slot}/ssl/kubelet`),
            layout,
            certAccess: { mode: 0o644 },
            keyAccess: { mode: 0o600 },
            dirAccess: { mode: 0o750 },
          },
        ),
      ),
    );
    t.same(await temporaries(), [], 'the next write leaves no temporary file of a killed writer behind');
  },
);

t.test(`R1: ${DAEMON_KILLS} SIGKILLs of the real \`run\` daemon while the agent rotates`, async (t) => {
  const agent = await startAgent(t, {
    entries: [
      { spiffeId: `spiffe://${TD}/node/kubelet`, hint: 'kubelet' },
      { spiffeId: `spiffe://${TD}/node/etcd`, hint: 'etcd' },
    ],
  });
  const bases = [join(agent.dir, 'ssl/kubelet'), join(agent.dir, 'ssl/etcd'), join(agent.dir, 'ssl/admin')];
  const config = await writeConfig(agent.dir, {
    endpoint: agent.endpoint,
    outputs: [
      { name: 'kubelet', hint: 'kubelet', base: bases[0] },
      { name: 'etcd', hint: 'etcd', base: bases[1] },
      { name: 'admin', hint: 'kubelet', base: bases[2] },
    ],
  });
  const validBundle = currentBundle(agent);
  let rotating = true;
  const rotations = (async () => {
    while (rotating) {
      await agent.api.rotateNow();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  const torn: string[] = [];
  let mismatches = 0;
  for (let kill = 0; kill < DAEMON_KILLS; kill++) {
    const daemon = execa(process.execPath, [BIN, 'run', '--config', config], {
      reject: false,
      stderr: 'pipe',
      env: { SPIFFE_ENDPOINT_SOCKET: undefined },
    });
    try {
      const ready = new Promise<void>((resolve) => {
        const onData = (chunk: Buffer): void => {
          if (chunk.toString().includes('ready: all 3 outputs written')) {
            daemon.stderr.off('data', onData);
            resolve();
          }
        };
        daemon.stderr.on('data', onData);
      });
      const exited = daemon.then((result) => {
        throw new Error(`the daemon exited before it was ready: ${result.stderr}`);
      });
      await Promise.race([ready, exited]);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 300));
    } finally {
      daemon.kill('SIGKILL');
      await daemon;
    }
    for (const base of bases) {
      const result = await check(base, validBundle);
      torn.push(...result.torn);
      if (result.mismatched) mismatches++;
    }
  }
  rotating = false;
  await rotations;
  t.same(torn, [], 'no torn file after any kill');
  t.equal(mismatches, 0, 'no key/cert mismatch after any kill');

  // A run that starts after the kills removes the temporary files the killed runs left.
  const daemon = execa(process.execPath, [BIN, 'run', '--config', config], {
    reject: false,
    stderr: 'pipe',
    env: { SPIFFE_ENDPOINT_SOCKET: undefined },
  });
  await new Promise<void>((resolve, reject) => {
    let log = '';
    daemon.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('ready: all 3 outputs written')) resolve();
    });
    void daemon.then(() => {
      reject(new Error(`the daemon exited before it was ready: ${log}`));
    });
  });
  daemon.kill('SIGTERM');
  await daemon;
  const leftovers = (await readdir(join(agent.dir, 'ssl'), { recursive: true })).filter(
    (name) => name.includes('.tmp-') && !name.includes('/current/'),
  );
  t.same(leftovers, [], 'a restarted daemon leaves no temporary file of a killed run behind');
});
