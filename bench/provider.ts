// Benchmarks terraform-provider-spire against the SPIRE test double with the real terraform CLI, as
// ratios to a baseline measured in the same run (issue 5):
//   P1  `terraform plan` (refresh included) of N spire_entry vs N terraform_data   target ≤ 1.5×
//       SPIRE RPCs per refresh, counted at the double                            target ≤ ⌈N/500⌉+5
//   P2  `terraform apply` creating N spire_entry vs N terraform_data              target ≤ 2×
//       BatchCreateEntry calls                                                   target ≤ ⌈N/50⌉+10
//   P5  provider start → handshake line vs `node -e ''`                         target ≤ 2×
//       (started with Terraform's environment, AutoMTLS included; min and median of interleaved runs)
// plus plan/apply time and provider peak RSS at 10,000 entries (skip with --quick).
//
// The provider runs as users run it: packaged by `npm run package` (scripts/package-provider.ts) into a
// temporary directory, the launcher starting the bundle with this checkout's Node 24. Apply runs use
// -parallelism=50 for both sides (Terraform's default of 10 caps every Batch* call at 10 entries); P2 is
// also shown at the default.
// Run: npm run bench:provider [-- --quick] [-- --n 1000] [-- --p5-only]
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import { loadProviderProtos } from '../provider/proto/load.js';
import { NODE_ENV_VAR, hostPlatform, packageProvider } from '../scripts/package-provider.js';
import { generateServerCertificate } from '../src/goplugin/auto-mtls.js';
import { startSim } from '../test/sim/index.js';
import type { Sim } from '../test/sim/index.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const p5Only = args.includes('--p5-only');
const nIndex = args.indexOf('--n');
const N = nIndex >= 0 ? Number(args[nIndex + 1]) : 1000;
const BIG = 10_000;
const PARALLELISM = 50;
const TD = 'example.org';
const node = join(root, 'node_modules/.bin/node');
const terraform = process.env.TERRAFORM ?? 'terraform';

function log(line: string): void {
  console.log(line);
}

// ---- build ----------------------------------------------------------------------------------------------

interface Packaged {
  /** The mirror directory `npm run package` wrote (removed at the end). */
  readonly out: string;
  /** The directory holding the launcher, terraform-provider-spire_v<version>. */
  readonly dir: string;
  readonly launcher: string;
  /** The bundled module the launcher runs (its path identifies the provider's processes). */
  readonly main: string;
}

/** Returns the provider packaged for this platform into a temporary directory. */
async function build(): Promise<Packaged> {
  const out = mkdtempSync(join(tmpdir(), 'bench-provider-package-'));
  const started = performance.now();
  const result = await packageProvider({ outDir: out, platforms: [hostPlatform()] });
  const dir = result.platformDirs[0] ?? '';
  log(`packaged the provider in ${((performance.now() - started) / 1000).toFixed(1)} s (${dir})`);
  return {
    out,
    dir,
    launcher: join(dir, `terraform-provider-spire_v${result.version}`),
    main: join(dir, 'lib/provider.mjs'),
  };
}

/** The launcher takes this checkout's Node 24, whatever `node` on PATH is. */
process.env[NODE_ENV_VAR] = node;

// ---- P5: start to handshake -------------------------------------------------------------------------------

/** Terraform's side of AutoMTLS: the provider is started the way Terraform starts it. */
const host = generateServerCertificate({ organization: 'HashiCorp' });
const tfplugin6 = loadProviderProtos().tfplugin6;

/** The environment Terraform gives a provider; `cacheHome` keeps the compile cache out of the user's. */
function providerEnv(cacheHome: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    TF_PLUGIN_MAGIC_COOKIE: 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2',
    PLUGIN_PROTOCOL_VERSIONS: '6',
    PLUGIN_CLIENT_CERT: host.certificatePem,
    XDG_CACHE_HOME: cacheHome,
  };
}

/** Returns ms from spawn to exit. */
function timeExit(command: string, argv: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, argv, { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', () => {
      resolve(performance.now() - started);
    });
  });
}

/**
 * Returns ms from spawn to the first stdout line and, with `firstCall`, to the answer to GetProviderSchema,
 * Terraform's first call (over mutual TLS, pinning the certificate the line announces).
 */
function timeStart(
  command: string,
  argv: readonly string[],
  options: { readonly env: NodeJS.ProcessEnv; readonly firstCall: boolean },
): Promise<{ line: number; firstCall: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, argv, { stdio: ['ignore', 'pipe', 'ignore'], env: options.env });
    let stdout = '';
    child.on('error', reject);
    child.stdout.on('data', (chunk: Buffer) => {
      if (stdout.includes('\n')) return;
      stdout += chunk.toString();
      if (!stdout.includes('\n')) return;
      const line = performance.now() - started;
      if (!options.firstCall) {
        child.kill('SIGKILL');
        resolve({ line, firstCall: Number.NaN });
        return;
      }
      const [, , , socket = '', , cert = ''] = stdout.trim().split('|');
      const pem = `-----BEGIN CERTIFICATE-----\n${Buffer.from(cert, 'base64').toString('base64')}\n-----END CERTIFICATE-----\n`;
      const client = new tfplugin6.Provider(
        `unix:${socket}`,
        grpc.credentials.createSsl(
          Buffer.from(pem),
          Buffer.from(host.privateKeyPem),
          Buffer.from(host.certificatePem),
        ),
        { 'grpc.ssl_target_name_override': 'localhost', 'grpc.default_authority': 'localhost' },
      );
      client.GetProviderSchema({}, { deadline: Date.now() + 30_000 }, (err) => {
        const firstCall = performance.now() - started;
        client.close();
        child.kill('SIGKILL');
        if (err === null) resolve({ line, firstCall });
        else reject(err);
      });
    });
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function p5(provider: Packaged): Promise<void> {
  const runs = 25;
  const env = providerEnv(join(provider.out, 'cache'));
  const bare = (): Promise<number> => timeExit(node, ['-e', '']);
  const launcher = (firstCall: boolean): ReturnType<typeof timeStart> =>
    timeStart(provider.launcher, [], { env, firstCall });
  const bundle = (): ReturnType<typeof timeStart> =>
    timeStart(node, [provider.main], { env, firstCall: false });
  log('measuring P5 …');
  // Warms the file cache and fills the compile cache, as the first of Terraform's starts does.
  await bare();
  await launcher(true);
  // Interleaved, so that load from other processes weighs on every series alike.
  const times = { bare: [] as number[], line: [] as number[], direct: [] as number[], call: [] as number[] };
  for (let i = 0; i < runs; i++) {
    times.bare.push(await bare());
    times.line.push((await launcher(false)).line);
    times.direct.push((await bundle()).line);
    times.call.push((await launcher(true)).firstCall);
  }
  const sourceRuns = 5;
  const sources: number[] = [];
  for (let i = 0; i < sourceRuns; i++) {
    const argv = ['--import', join(root, 'node_modules/tsx/dist/loader.mjs'), join(root, 'provider/main.ts')];
    sources.push((await timeStart(node, argv, { env, firstCall: false })).line);
  }
  const base = { min: Math.min(...times.bare), median: median(times.bare) };
  const row = (label: string, values: readonly number[], target = ''): string => {
    const min = Math.min(...values);
    const med = median(values);
    return `  ${label.padEnd(40)}${min.toFixed(0).padStart(5)} ms ${med.toFixed(0).padStart(5)} ms   ratio ${(min / base.min).toFixed(2)}× / ${(med / base.median).toFixed(2)}×${target}`;
  };
  log('');
  log(
    `P5 provider start → handshake line (${runs} runs each, interleaved; AutoMTLS as Terraform asks for it)`,
  );
  log(`  ${''.padEnd(40)}  min    median   ratio min / median`);
  log(
    `  ${"node -e ''".padEnd(40)}${base.min.toFixed(0).padStart(5)} ms ${base.median.toFixed(0).padStart(5)} ms`,
  );
  log(row('provider (package: launcher)', times.line, '  (target ≤ 2×)'));
  log(row('provider (bundle, node direct)', times.direct));
  log(row(`provider (sources through tsx, ${sourceRuns} runs)`, sources));
  log(row('start → GetProviderSchema answered', times.call));
  log('  (gRPC, the protos and the provider load after the line, while Terraform dials: the last row is');
  log('  the whole start as Terraform waits for it; compile cache warm, as from the second start on)');
}

// ---- terraform runs ---------------------------------------------------------------------------------------

interface Workspace {
  readonly dir: string;
  run(argv: readonly string[]): Promise<{ ms: number; peakRssMb: number }>;
}

function workspace(provider: Packaged, config: string): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'bench-provider-'));
  writeFileSync(
    join(dir, 'cli.tfrc'),
    `provider_installation {\n  dev_overrides {\n    "registry.terraform.io/tarmak/spire" = "${provider.dir}"\n  }\n  direct {}\n}\n`,
  );
  writeFileSync(join(dir, 'main.tf'), config);
  return {
    dir,
    run: (argv) =>
      new Promise((resolve, reject) => {
        const started = performance.now();
        const child = spawn(terraform, [...argv, '-no-color'], {
          cwd: dir,
          stdio: ['ignore', 'ignore', 'pipe'],
          env: {
            ...process.env,
            TF_CLI_CONFIG_FILE: join(dir, 'cli.tfrc'),
            // The provider's compile cache stays with the packaged provider, not in the user's cache.
            XDG_CACHE_HOME: join(provider.out, 'cache'),
            TF_IN_AUTOMATION: '1',
            TF_INPUT: '0',
            CHECKPOINT_DISABLE: '1',
          },
        });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        let peak = 0;
        const sampler = setInterval(() => {
          peak = Math.max(peak, providerRssMb(provider.main));
        }, 100);
        child.on('error', reject);
        child.on('close', (code) => {
          clearInterval(sampler);
          if (code !== 0) reject(new Error(`terraform ${argv.join(' ')} failed:\n${stderr}`));
          else resolve({ ms: performance.now() - started, peakRssMb: peak });
        });
      }),
  };
}

/** Returns the summed resident set (MB) of running provider processes running the bundle `main`. */
function providerRssMb(main: string): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(main)) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      total += Number(rss ?? 0) / 1024;
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

const header = `terraform {
  required_providers {
    spire = { source = "tarmak/spire" }
  }
}
`;

function entriesConfig(sim: Sim, count: number): string {
  return `${header}
provider "spire" {
  address      = "unix://${sim.servers[0]?.socketPath ?? ''}"
  trust_domain = "${TD}"
}
resource "spire_entry" "e" {
  count     = ${count}
  id_suffix = "bench-\${count.index}"
  spiffe_id = "spiffe://${TD}/bench/\${count.index}"
  parent_id = "spiffe://${TD}/spire/agent/join_token/bench"
  selectors = ["unix:uid:\${count.index}"]
  dns_names = ["w\${count.index}.example.org"]
}
`;
}

function dataConfig(count: number): string {
  return `resource "terraform_data" "e" {
  count = ${count}
  input = {
    spiffe_id = "spiffe://${TD}/bench/\${count.index}"
    selectors = ["unix:uid:\${count.index}"]
    dns_names = ["w\${count.index}.example.org"]
  }
}
`;
}

function rpcTotal(sim: Sim): { total: number; counts: Record<string, number> } {
  const counts = sim.controls.rpcCounts();
  return { total: Object.values(counts).reduce((a, b) => a + b, 0), counts };
}

function fmt(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

async function planApply(
  provider: Packaged,
  sim: Sim,
  count: number,
  parallelism: number | undefined,
): Promise<void> {
  const p = parallelism === undefined ? [] : [`-parallelism=${parallelism}`];
  const label = parallelism === undefined ? 'default -parallelism (10)' : `-parallelism=${parallelism}`;
  const spire = workspace(provider, entriesConfig(sim, count));
  const data = workspace(provider, dataConfig(count));
  try {
    sim.controls.resetCounts();
    const applySpire = await spire.run(['apply', '-auto-approve', ...p]);
    const creates = sim.controls.rpcCounts().BatchCreateEntry ?? 0;
    const applyData = await data.run(['apply', '-auto-approve', ...p]);
    sim.controls.resetCounts();
    const planSpire = await spire.run(['plan', ...p]);
    const refreshRpcs = rpcTotal(sim);
    const planData = await data.run(['plan', ...p]);
    log('');
    log(`N = ${count}, ${label}`);
    log(
      `  P1 plan      spire_entry ${fmt(planSpire.ms)}  terraform_data ${fmt(planData.ms)}  ratio ${(planSpire.ms / planData.ms).toFixed(2)}×  (target ≤ 1.5×)`,
    );
    log(
      `     RPCs per refresh ${refreshRpcs.total} ${JSON.stringify(refreshRpcs.counts)}  (target ≤ ${Math.ceil(count / 500) + 5})`,
    );
    log(
      `  P2 apply     spire_entry ${fmt(applySpire.ms)}  terraform_data ${fmt(applyData.ms)}  ratio ${(applySpire.ms / applyData.ms).toFixed(2)}×  (target ≤ 2×)`,
    );
    log(`     BatchCreateEntry calls ${creates}  (target ≤ ${Math.ceil(count / 50) + 10})`);
    log(
      `     provider peak RSS (summed over live provider processes): apply ${applySpire.peakRssMb.toFixed(0)} MB, plan ${planSpire.peakRssMb.toFixed(0)} MB`,
    );
    sim.controls.resetCounts();
    const destroy = await spire.run(['destroy', '-auto-approve', ...p]);
    log(
      `     destroy ${fmt(destroy.ms)}, BatchDeleteEntry calls ${sim.controls.rpcCounts().BatchDeleteEntry ?? 0}`,
    );
  } finally {
    rmSync(spire.dir, { recursive: true, force: true });
    rmSync(data.dir, { recursive: true, force: true });
  }
}

const provider = await build();
await p5(provider);
if (p5Only) {
  rmSync(provider.out, { recursive: true, force: true });
  process.exit(0);
}
const simDir = mkdtempSync(join(tmpdir(), 'bench-provider-sim-'));
const sim = await startSim({ trustDomain: TD, dir: simDir });
try {
  log(
    `\nterraform ${execFileSync(terraform, ['version']).toString().split('\n')[0] ?? ''}, SPIRE test double`,
  );
  await planApply(provider, sim, N, PARALLELISM);
  await planApply(provider, sim, N, undefined);
  if (!quick) await planApply(provider, sim, BIG, PARALLELISM);
} finally {
  await sim.close();
  rmSync(simDir, { recursive: true, force: true });
  rmSync(provider.out, { recursive: true, force: true });
}
