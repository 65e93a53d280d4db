// `npm run demo`: the whole path, end to end, on one machine, against the repository's SPIRE TEST DOUBLE
// (test/sim), not a real SPIRE server:
//   1. the double: two servers sharing one datastore, one simulated agent, the Tarmak CredentialComposer
//      rules (composer/rules/tarmak.json) applied to every SVID it issues;
//   2. real terraform on terraform/examples/local (provider via dev_overrides): a one-node Tarmak cluster,
//      one node alias per role and one workload entry per certificate of Tarmak's inventory;
//   3. spire-helper for the etcd, master and worker roles into a temporary root (cert fetch, kubeconfig,
//      and the run daemon), with stand-ins for systemctl and docker that record the reload hooks;
//   4. every certificate checked with openssl (chain, key, CN/O/SANs as Tarmak's Vault roles issued them);
//   5. one forced rotation, and which hooks fired;
//   6. clean-up of every process and temporary file, also on Ctrl-C or failure.
// Exit code: 0 when everything checked out, 1 on a failed check or step, 130/143 when interrupted.
import { spawn, type ChildProcess } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { tarmakRulesFile } from '../composer/index.js';
import { PRESETS, type Preset, type TarmakRole } from '../helper/outputs/presets.js';
import { startSim, type Sim, type WorkloadApiHandle } from '../test/sim/index.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const helperBin = join(repo, 'helper/bin/spire-helper');
const providerDir = join(repo, 'provider/bin');
const exampleDir = join(repo, 'terraform/examples/local');
const PROVIDER_SOURCE = 'registry.terraform.io/tarmak/spire';

const TRUST_DOMAIN = 'demo.tarmak.local';
const CLUSTER = 'demo';
const ZONE = 'tarmak.local';
const NODE = {
  fqdn: 'ip-10-0-1-10.ec2.internal',
  hostname: 'ip-10-0-1-10',
  tarmakHostname: 'node-1',
  ip: '10.0.1.10',
};
const TERRAFORM_ID = `spiffe://${TRUST_DOMAIN}/terraform`;
const API_SERVER_URL = `https://api.${CLUSTER}.${ZONE}:6443`;
const ROLES: readonly TarmakRole[] = ['etcd', 'master', 'worker'];
const NODE_ID_PREFIX = `spiffe://${TRUST_DOMAIN}/k8s/${CLUSTER}/node/${NODE.fqdn}/`;

// ---- output ---------------------------------------------------------------------------------------------

const say = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};
const started = Date.now();
const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1)} s`;
let stepNo = 0;
const STEPS = 7;
const stepTimes: { title: string; ms: number }[] = [];
let stepStarted = Date.now();
/** Starts step `short` (named in the closing timing line) with a heading. */
function step(short: string, title: string): void {
  endStep();
  stepNo++;
  stepTimes.push({ title: short, ms: 0 });
  stepStarted = Date.now();
  say();
  say(`[${String(stepNo)}/${String(STEPS)}] ${title}`);
}
function endStep(): void {
  const last = stepTimes.at(-1);
  if (last !== undefined && last.ms === 0) last.ms = Date.now() - stepStarted;
}

class DemoFailure extends Error {}

// ---- processes and clean-up -----------------------------------------------------------------------------

const children = new Set<ChildProcess>();
const cleanups: (() => void | Promise<void>)[] = [];
let stopping = false;
/** Set by the SIGINT/SIGTERM handler (an object, so the type checker does not narrow it away). */
const signalled = { received: false };

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts `command` in its own process group (so clean-up can end it with everything it started, e.g.
 * terraform's provider or a helper's hooks) and returns the child; tracked until it exits.
 */
function launch(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): ChildProcess {
  if (stopping) throw new DemoFailure('stopping: no new processes');
  const child = spawn(command, args, {
    cwd: options.cwd ?? repo,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  child.once('error', () => children.delete(child));
  return child;
}

/** Runs `command` to completion and returns its output. */
function run(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = launch(command, args, options);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      resolve({ code, signal, stdout, stderr });
    });
  });
}

async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-(child.pid ?? 0), signal);
    } catch {
      // the group is gone already
    }
  };
  signalGroup('SIGTERM');
  const timer = setTimeout(() => {
    signalGroup('SIGKILL');
  }, graceMs);
  await exited;
  clearTimeout(timer);
  // Anything the child left in its group (a hook, terraform's provider) goes too.
  signalGroup('SIGKILL');
}

/** Ends every process, then runs the clean-up steps in reverse order; safe to call more than once. */
let cleaningUp: Promise<void> | undefined;
function cleanUp(): Promise<void> {
  cleaningUp ??= (async () => {
    stopping = true;
    await Promise.all([...children].map((child) => stopChild(child, 5000)));
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (error) {
        process.stderr.write(`demo: clean-up step failed: ${String(error)}\n`);
      }
    }
  })();
  return cleaningUp;
}

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.on(signal, () => {
    if (signalled.received) return;
    signalled.received = true;
    say();
    say(`demo: ${signal}: stopping and cleaning up`);
    void cleanUp().then(() => {
      say('demo: cleaned up (processes stopped, temporary files removed)');
      process.exit(code);
    });
  });
}

// ---- the steps ------------------------------------------------------------------------------------------

interface Component {
  /** The spire-helper preset, also the entry's hint. */
  preset: Preset;
  role: TarmakRole;
  spiffeId: string;
}

interface Workspace {
  work: string;
  root: string;
  sim: Sim;
  agent: WorkloadApiHandle;
  uid: number;
  gid: number;
  asRoot: boolean;
  hookLog: string;
  binDir: (role: TarmakRole) => string;
}

async function startDouble(work: string): Promise<Pick<Workspace, 'sim' | 'agent'>> {
  step('test double', 'SPIRE test double (test/sim): 2 servers, one agent, Tarmak composer rules');
  mkdirSync(join(work, 'sim'));
  const sim = await startSim({
    trustDomain: TRUST_DOMAIN,
    servers: 2,
    dir: join(work, 'sim'),
    adminIds: [TERRAFORM_ID],
    intermediateCa: true,
    composerRulesFile: tarmakRulesFile,
  });
  cleanups.push(() => sim.close());
  // The one node carries all three Tarmak roles: its (simulated) attestation yields one selector per role,
  // which the node aliases of terraform/examples/local match.
  const agent = await sim.controls.attestAgent({
    spiffeId: `spiffe://${TRUST_DOMAIN}/spire/agent/sim/${NODE.tarmakHostname}`,
    attestationType: 'sim',
    selectors: ROLES.map((role) => ({ type: 'sim', value: `role:${role}` })),
  });
  const uid = process.getuid?.() ?? 0;
  const workload = await sim.workload({
    agentId: agent.spiffeId,
    selectors: [{ type: 'unix', value: `uid:${uid}` }],
  });
  for (const server of sim.servers) say(`  ${server.name}   Server API ${server.tcpAddress} (mTLS)`);
  say(`  agent      ${agent.spiffeId}  selectors ${ROLES.map((r) => `sim:role:${r}`).join(', ')}`);
  say(`  workload   ${workload.socketPath}  (attests callers as unix:uid:${uid})`);
  say(`  composer   ${relative(repo, tarmakRulesFile)} (what SPIRE gets as plugin_data_file)`);
  say(`  CA         upstream root in the bundle, SPIRE intermediate in every chain`);
  return { sim, agent: workload };
}

async function applyTerraform(work: string, sim: Sim, uid: number): Promise<Component[]> {
  step(
    'terraform',
    'terraform apply terraform/examples/local (real terraform, the provider via dev_overrides)',
  );
  const version = await run('terraform', ['version', '-json'], {
    env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' },
  }).catch(() => undefined);
  if (version?.code !== 0) {
    throw new DemoFailure('terraform is not on PATH (the demo needs Terraform >= 1.6, tested with 1.11.4)');
  }
  const tfVersion = (JSON.parse(version.stdout) as { terraform_version: string }).terraform_version;

  const dir = join(work, 'terraform');
  mkdirSync(dir);
  for (const file of readdirSync(exampleDir).filter((f) => f.endsWith('.tf'))) {
    copyFileSync(join(exampleDir, file), join(dir, file));
  }
  const cliConfig = join(work, 'terraform.tfrc');
  writeFileSync(
    cliConfig,
    [
      'provider_installation {',
      '  dev_overrides {',
      `    "${PROVIDER_SOURCE}" = "${providerDir}"`,
      '  }',
      '  direct {}',
      '}',
      '',
    ].join('\n'),
  );
  const admin = await sim.mintAdminSvid(TERRAFORM_ID);
  writeFileSync(join(work, 'terraform-admin.pem'), admin.certChainPem);
  writeFileSync(join(work, 'terraform-admin-key.pem'), admin.keyPem, { mode: 0o600 });
  writeFileSync(
    join(dir, 'terraform.tfvars.json'),
    JSON.stringify(
      {
        trust_domain: TRUST_DOMAIN,
        server_addresses: sim.servers.map((s) => s.tcpAddress),
        admin_svid_cert_file: join(work, 'terraform-admin.pem'),
        admin_svid_key_file: join(work, 'terraform-admin-key.pem'),
        server_bundle_file: sim.bundlePath,
        cluster_name: CLUSTER,
        dns_zone: ZONE,
        node: { fqdn: NODE.fqdn, hostname: NODE.hostname, tarmak_hostname: NODE.tarmakHostname, ip: NODE.ip },
        role_selectors: Object.fromEntries(ROLES.map((role) => [role, [`sim:role:${role}`]])),
        workload_selectors: [`unix:uid:${uid}`],
      },
      null,
      2,
    ),
  );
  // The user's own Terraform settings stay out of it: a CLI config of our own, no TF_* from outside.
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TF_'))),
    TF_CLI_CONFIG_FILE: cliConfig,
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
  };
  const t0 = Date.now();
  const apply = await run('terraform', ['apply', '-auto-approve', '-no-color', '-parallelism=20'], {
    cwd: dir,
    env,
  });
  if (apply.code !== 0) {
    throw new DemoFailure(
      `terraform apply failed (exit ${String(apply.code)}):\n${apply.stdout}${apply.stderr}`,
    );
  }
  const summary = /Apply complete! Resources: .*/.exec(apply.stdout)?.[0] ?? 'Apply complete';
  say(`  Terraform v${tfVersion}: ${summary} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  const output = await run('terraform', ['output', '-json'], { cwd: dir, env });
  if (output.code !== 0) throw new DemoFailure(`terraform output failed:\n${output.stderr}`);
  const outputs = JSON.parse(output.stdout) as {
    node_aliases: { value: Record<string, string> };
    components: { value: Record<string, { spiffe_id: string; role: string; entry_id: string }> };
  };
  for (const [role, id] of Object.entries(outputs.node_aliases.value))
    say(`  node alias ${role.padEnd(7)} ${id}`);
  const components: Component[] = [];
  for (const [name, entry] of Object.entries(outputs.components.value)) {
    const preset = PRESETS.find((p) => p.name === name);
    if (preset === undefined)
      throw new DemoFailure(`terraform output names ${name}, which is no spire-helper preset`);
    components.push({ preset, role: entry.role as TarmakRole, spiffeId: entry.spiffe_id });
  }
  say(
    `  ${String(components.length)} workload entries, hint = spire-helper preset, SPIFFE IDs ${NODE_ID_PREFIX}<component>[/<ip>]`,
  );
  return components;
}

/** The presets spire-helper runs on a node of `role` (Tarmak's Puppet roles), that have an entry. */
function presetsFor(role: TarmakRole, components: readonly Component[]): Component[] {
  return PRESETS.filter((p) => p.roles.includes(role)).flatMap((preset) => {
    const component = components.find((c) => c.preset.name === preset.name);
    return component === undefined ? [] : [component];
  });
}

function helperEnv(ws: Workspace, role: TarmakRole): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${ws.binDir(role)}:${process.env.PATH ?? ''}`,
    SPIFFE_ENDPOINT_SOCKET: `unix://${ws.agent.socketPath}`,
  };
}

function accessFlagsFor(ws: Workspace): string[] {
  // As root the presets' owners (Tarmak's kubernetes uid 837, etcd uid 873) are applied; otherwise files
  // can only belong to the caller.
  return ws.asRoot ? [] : ['--owner', String(ws.uid), '--group', String(ws.gid)];
}

async function helper(ws: Workspace, role: TarmakRole, args: readonly string[]): Promise<unknown> {
  const result = await run(process.execPath, [helperBin, ...args, '--json'], { env: helperEnv(ws, role) });
  if (result.code !== 0) {
    throw new DemoFailure(
      `spire-helper ${args.slice(0, 2).join(' ')} (${role}) failed with exit ${String(result.code)}:\n${result.stdout}${result.stderr}`,
    );
  }
  return JSON.parse(result.stdout) as unknown;
}

function baseIn(ws: Workspace, role: TarmakRole, preset: Preset): string {
  return join(ws.root, role, preset.base);
}

function kubeconfigIn(ws: Workspace, role: TarmakRole, preset: Preset): string | undefined {
  return preset.kubeconfig === undefined ? undefined : join(ws.root, role, preset.kubeconfig.path);
}

/** Runs `tasks` with at most `limit` at a time (the machine may have two cores). */
async function inParallel<T>(limit: number, tasks: readonly (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next++;
      const task = tasks[index];
      if (task !== undefined) results[index] = await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** cert fetch (the oneshot units) for every preset of a role, and kubeconfig for those that have one. */
async function oneshotRole(
  ws: Workspace,
  role: TarmakRole,
  components: readonly Component[],
): Promise<string[]> {
  const mine = presetsFor(role, components);
  const fetches = mine.map(
    ({ preset }) =>
      () =>
        helper(ws, role, [
          'cert',
          'fetch',
          baseIn(ws, role, preset),
          '--preset',
          preset.name,
          '--systemctl-path',
          join(ws.binDir(role), 'systemctl'),
          '--wait-timeout',
          '30s',
          ...accessFlagsFor(ws),
        ]),
  );
  await inParallel(3, fetches);
  const kubeconfigs = mine.filter(({ preset }) => preset.kubeconfig !== undefined);
  await inParallel(
    3,
    kubeconfigs.map(
      ({ preset }) =>
        () =>
          helper(ws, role, [
            'kubeconfig',
            baseIn(ws, role, preset),
            kubeconfigIn(ws, role, preset) ?? '',
            '--preset',
            preset.name,
            '--server',
            API_SERVER_URL,
            ...accessFlagsFor(ws),
          ]),
    ),
  );
  return [
    ...mine.map(({ preset }) => `cert fetch --preset ${preset.name}`),
    ...kubeconfigs.map(({ preset }) => `kubeconfig --preset ${preset.name}`),
  ];
}

interface Daemon {
  child: ChildProcess;
  log: string;
  healthSocket: string;
  outputs: Component[];
}

/** Starts `spire-helper run` for every preset of `role`; resolves once /ready answers 200. */
async function startDaemon(
  ws: Workspace,
  role: TarmakRole,
  components: readonly Component[],
): Promise<Daemon> {
  const outputs = presetsFor(role, components);
  const healthSocket = join(ws.work, `helper-${role}.sock`);
  const owner = ws.asRoot ? {} : { owner: String(ws.uid), group: String(ws.gid) };
  const config = {
    health: { listen: `unix://${healthSocket}` },
    debounce: '300ms',
    systemctl: join(ws.binDir(role), 'systemctl'),
    kubeconfig: { server: API_SERVER_URL },
    outputs: outputs.map(({ preset }) => ({
      preset: preset.name,
      base: baseIn(ws, role, preset),
      ...owner,
      ...(preset.kubeconfig === undefined
        ? {}
        : { kubeconfig: { path: kubeconfigIn(ws, role, preset), ...owner } }),
    })),
  };
  const configPath = join(ws.work, `helper-${role}.json`);
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  const log = join(ws.work, `helper-${role}.log`);
  const child = launch(process.execPath, [helperBin, 'run', '--config', configPath], {
    env: helperEnv(ws, role),
  });
  child.stdout?.on('data', (d: Buffer) => {
    writeFileSync(log, d, { flag: 'a' });
  });
  child.stderr?.on('data', (d: Buffer) => {
    writeFileSync(log, d, { flag: 'a' });
  });
  const daemon = { child, log, healthSocket, outputs };
  await waitFor(`spire-helper run (${role}) to be ready`, 60_000, async () => {
    if (child.exitCode !== null) {
      throw new DemoFailure(
        `spire-helper run (${role}) exited with ${String(child.exitCode)}:\n${tail(log)}`,
      );
    }
    return (await httpStatus(healthSocket, '/ready')) === 200;
  });
  return daemon;
}

function tail(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-20).join('\n') : '';
}

function httpStatus(socketPath: string, path: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = request({ socketPath, path, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => {
      resolve(undefined);
    });
    req.on('timeout', () => {
      req.destroy();
      resolve(undefined);
    });
    req.end();
  });
}

async function waitFor(
  what: string,
  timeoutMs: number,
  check: () => Promise<boolean> | boolean,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (stopping) throw new DemoFailure('stopping');
    if (Date.now() > deadline)
      throw new DemoFailure(`timed out after ${String(timeoutMs / 1000)} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function stopDaemon(daemon: Daemon): Promise<void> {
  await stopChild(daemon.child, 10_000);
}

// ---- verification with openssl --------------------------------------------------------------------------

interface Checked {
  component: Component;
  /** The role whose root the files are in. */
  role: TarmakRole;
  base: string;
  subject: string[];
  sans: string[];
  notAfter: string;
  serial: string;
  files: { path: string; uid: number; gid: number; mode: string }[];
  problems: string[];
}

/** Returns a Tarmak inventory value with the node's names filled in (helper/outputs/presets.ts legend). */
function fill(template: string): string {
  return template
    .replaceAll('<fqdn>', NODE.fqdn)
    .replaceAll('<th>', NODE.tarmakHostname)
    .replaceAll('<h>', NODE.hostname)
    .replaceAll('<C>', CLUSTER)
    .replaceAll('<Z>', ZONE)
    .replaceAll('<ip>', NODE.ip);
}

async function openssl(args: readonly string[]): Promise<Run> {
  return run('openssl', args);
}

async function verifyCertificate(ws: Workspace, role: TarmakRole, component: Component): Promise<Checked> {
  const base = baseIn(ws, role, component.preset);
  const [cert, key, ca] = [`${base}.pem`, `${base}-key.pem`, `${base}-ca.pem`];
  const problems: string[] = [];

  // The chain: leaf + SPIRE intermediate in <base>.pem, the upstream root in <base>-ca.pem.
  const verify = await openssl(['verify', '-CAfile', ca, '-untrusted', cert, '-purpose', 'sslclient', cert]);
  if (verify.code !== 0 || !verify.stdout.includes(': OK')) {
    problems.push(`chain does not verify: ${(verify.stdout + verify.stderr).trim()}`);
  }
  // The key belongs to the certificate.
  const [certKey, keyKey] = await Promise.all([
    openssl(['x509', '-in', cert, '-noout', '-pubkey']),
    openssl(['pkey', '-in', key, '-pubout']),
  ]);
  if (certKey.code !== 0 || keyKey.code !== 0 || certKey.stdout !== keyKey.stdout) {
    problems.push('private key does not match the certificate');
  }
  // Names, as openssl reads them.
  const text = await openssl([
    'x509',
    '-in',
    cert,
    '-noout',
    '-subject',
    '-nameopt',
    'RFC2253',
    '-enddate',
    '-serial',
    '-ext',
    'subjectAltName',
  ]);
  if (text.code !== 0) problems.push(`openssl x509 failed: ${text.stderr.trim()}`);
  const subjectLine = /^subject=(.*)$/m.exec(text.stdout)?.[1] ?? '';
  // RFC 2253 prints the last RDN first; show it in certificate order.
  const subject = subjectLine === '' ? [] : subjectLine.split(/(?<!\\),/).reverse();
  const notAfter = /^notAfter=(.*)$/m.exec(text.stdout)?.[1] ?? '';
  const serial = /^serial=(.*)$/m.exec(text.stdout)?.[1] ?? '';
  const sanLine = /X509v3 Subject Alternative Name:.*\n\s*(.*)/.exec(text.stdout)?.[1] ?? '';
  const sans = sanLine === '' ? [] : sanLine.split(', ').map((s) => s.replace('IP Address:', 'IP:'));

  // What Kubernetes and etcd need: the names Tarmak's Vault roles issued (docs/helper/presets.md).
  const want = component.preset.tarmak;
  const cn = subject.filter((a) => a.startsWith('CN=')).map((a) => a.slice(3));
  const o = subject.filter((a) => a.startsWith('O=')).map((a) => a.slice(2));
  if (cn.join() !== fill(want.commonName))
    problems.push(`CN is ${cn.join() || '(none)'}, expected ${fill(want.commonName)}`);
  const wantO = want.organisation === undefined ? [] : [fill(want.organisation)];
  if (o.join() !== wantO.join())
    problems.push(`O is ${o.join() || '(none)'}, expected ${wantO.join() || '(none)'}`);
  const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
    a.length === b.length && [...a].sort().join() === [...b].sort().join();
  const dns = sans.filter((s) => s.startsWith('DNS:')).map((s) => s.slice(4));
  const ips = sans.filter((s) => s.startsWith('IP:')).map((s) => s.slice(3));
  const uris = sans.filter((s) => s.startsWith('URI:')).map((s) => s.slice(4));
  if (!sameSet(dns, [...new Set(want.dnsSans.map(fill))])) {
    problems.push(`DNS SANs are [${dns.join(', ')}], expected [${want.dnsSans.map(fill).join(', ')}]`);
  }
  if (!sameSet(ips, want.ipSans.map(fill))) {
    problems.push(`IP SANs are [${ips.join(', ')}], expected [${want.ipSans.map(fill).join(', ')}]`);
  }
  if (uris.join() !== component.spiffeId)
    problems.push(`URI SAN is ${uris.join(', ')}, expected ${component.spiffeId}`);

  // Owner and mode as the preset asks (or the caller's, when not root).
  const files = [cert, key, ca].map((path) => {
    const st = statSync(path);
    return { path, uid: st.uid, gid: st.gid, mode: (st.mode & 0o777).toString(8).padStart(4, '0') };
  });
  const preset = component.preset;
  const wantOwner = ws.asRoot ? { uid: preset.uid, gid: preset.gid } : { uid: ws.uid, gid: ws.gid };
  for (const [i, file] of files.entries()) {
    const wantMode = i === 1 ? preset.keyMode : preset.certMode;
    if (file.mode !== wantMode.toString(8).padStart(4, '0'))
      problems.push(`${file.path} has mode ${file.mode}`);
    if (file.uid !== wantOwner.uid || file.gid !== wantOwner.gid) {
      problems.push(`${file.path} is owned by ${String(file.uid)}:${String(file.gid)}`);
    }
  }
  return { component, role, base, subject, sans, notAfter, serial, files, problems };
}

// ---- the table ------------------------------------------------------------------------------------------

/**
 * Splits `text` into lines of at most `width`, breaking after a "/" if it can, else after ":", ".", "-"
 * or ",", else anywhere.
 */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > width) {
    let cut = width;
    for (const mark of ['/', ':', '.', '-', ',']) {
      const at = rest.lastIndexOf(mark, width - 1);
      if (at + 1 > width / 3) {
        cut = at + 1;
        break;
      }
    }
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  lines.push(rest);
  return lines;
}

/** Returns the lines of a table; each column is as wide as its longest value, at most `maxWidths`. */
function table(
  headers: readonly string[],
  maxWidths: readonly number[],
  rows: readonly string[][][],
): string[] {
  const widths = headers.map((header, i) => {
    const longest = Math.max(0, ...rows.flatMap((row) => (row[i] ?? []).map((v) => v.length)));
    return Math.max(header.length, Math.min(maxWidths[i] ?? 20, longest));
  });
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join(' │ ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('─┼─');
  const out = [line(headers), rule];
  for (const row of rows) {
    const cells = row.map((values, i) => values.flatMap((v) => wrap(v, widths[i] ?? 20)));
    const height = Math.max(...cells.map((c) => c.length));
    for (let r = 0; r < height; r++) out.push(line(cells.map((c) => c[r] ?? '')));
    out.push(rule);
  }
  return out;
}

function shortTime(opensslDate: string): string {
  const date = new Date(opensslDate);
  return Number.isNaN(date.getTime()) ? opensslDate : `${date.toISOString().slice(0, 16).replace('T', ' ')}Z`;
}

function printTables(ws: Workspace, checked: readonly Checked[]): void {
  say();
  say(`Certificates (SPIFFE IDs: ${NODE_ID_PREFIX}… is shown as …/):`);
  for (const l of table(
    ['COMPONENT (ROLE)', 'SPIFFE ID', 'SUBJECT', 'SANS', 'NOT AFTER (UTC)', 'CHECK'],
    [23, 25, 30, 40, 17, 5],
    checked.map((c) => [
      [c.component.preset.name, `(${c.role})`],
      [c.component.spiffeId.replace(NODE_ID_PREFIX, '…/')],
      c.subject,
      c.sans.map((s) => (s === `URI:${c.component.spiffeId}` ? 'URI: the SPIFFE ID' : s)),
      [shortTime(c.notAfter)],
      [c.problems.length === 0 ? 'ok' : 'FAIL'],
    ]),
  ))
    say(`  ${l}`);
  say();
  say(`Files (under ${ws.root}/<role>/):`);
  for (const l of table(
    ['COMPONENT (ROLE)', 'PATH', 'OWNER', 'MODE'],
    [30, 80, 20, 4],
    checked.map((c) => [
      [c.component.preset.name, `(${c.role})`],
      c.files.map((f) => `/${relative(join(ws.root, c.role), f.path)}`),
      c.files.map((f) => `${String(f.uid)}:${String(f.gid)}`),
      c.files.map((f) => f.mode),
    ]),
  ))
    say(`  ${l}`);
}

// ---- kubeconfigs ----------------------------------------------------------------------------------------

interface KubeconfigFile {
  users?: { user?: { 'client-certificate'?: string; 'client-key'?: string } }[];
  clusters?: { cluster?: { server?: string; 'certificate-authority'?: string } }[];
}

function checkKubeconfigs(ws: Workspace, components: readonly Component[]): string[] {
  const problems: string[] = [];
  const rows: string[][][] = [];
  for (const role of ROLES) {
    for (const { preset } of presetsFor(role, components)) {
      const path = kubeconfigIn(ws, role, preset);
      if (path === undefined) continue;
      const base = baseIn(ws, role, preset);
      const st = statSync(path);
      const doc = parseYaml(readFileSync(path, 'utf8')) as KubeconfigFile;
      const user = doc.users?.[0]?.user;
      const cluster = doc.clusters?.[0]?.cluster;
      if (user?.['client-certificate'] !== `${base}.pem` || user['client-key'] !== `${base}-key.pem`) {
        problems.push(`${path}: user does not point at ${base}.pem / -key.pem`);
      }
      if (cluster?.['certificate-authority'] !== `${base}-ca.pem` || cluster.server !== API_SERVER_URL) {
        problems.push(`${path}: cluster does not point at ${base}-ca.pem and ${API_SERVER_URL}`);
      }
      rows.push([
        [`${preset.name} (${role})`],
        [preset.kubeconfig?.path ?? ''],
        [`/${relative(join(ws.root, role), base)}.pem`],
        [`${String(st.uid)}:${String(st.gid)}`],
        [(st.mode & 0o777).toString(8).padStart(4, '0')],
      ]);
    }
  }
  say();
  say(`Kubeconfigs (server ${API_SERVER_URL}; they name the files, so a rotation needs no rewrite):`);
  for (const l of table(
    ['COMPONENT (ROLE)', 'KUBECONFIG', 'CLIENT CERTIFICATE', 'OWNER', 'MODE'],
    [40, 60, 60, 20, 4],
    rows,
  ))
    say(`  ${l}`);
  return problems;
}

// ---- main -----------------------------------------------------------------------------------------------

function writeHookStandIns(ws: Workspace): void {
  // systemctl and docker stand-ins: they only record how they were called (nothing is restarted).
  for (const role of ROLES) {
    const dir = ws.binDir(role);
    mkdirSync(dir, { recursive: true });
    for (const tool of ['systemctl', 'docker']) {
      const path = join(dir, tool);
      writeFileSync(path, `#!/bin/sh\necho "${role} ${tool} $*" >> '${ws.hookLog}'\n`);
      chmodSync(path, 0o755);
    }
  }
  writeFileSync(ws.hookLog, '');
}

function hookLines(ws: Workspace): string[] {
  return readFileSync(ws.hookLog, 'utf8')
    .split('\n')
    .filter((l) => l !== '');
}

async function main(): Promise<number> {
  say('spire demo: Tarmak certificates from SPIFFE/SPIRE, end to end.');
  say("It runs against the repository's SPIRE TEST DOUBLE (test/sim), not a real SPIRE server;");
  say('terraform, terraform-provider-spire, spire-helper and openssl are the real programs.');
  const work = mkdtempSync(join(tmpdir(), 'spire-demo-'));
  cleanups.push(() => {
    rmSync(work, { recursive: true, force: true });
  });
  say(`work dir: ${work} (removed at the end)`);

  const { sim, agent } = await startDouble(work);
  const uid = process.getuid?.() ?? 0;
  const gid = process.getgid?.() ?? 0;
  const ws: Workspace = {
    work,
    root: join(work, 'root'),
    sim,
    agent,
    uid,
    gid,
    asRoot: uid === 0,
    hookLog: join(work, 'hooks.log'),
    binDir: (role) => join(work, 'bin', role),
  };
  writeHookStandIns(ws);

  const components = await applyTerraform(work, sim, uid);

  step(
    'cert fetch + kubeconfig',
    'spire-helper for the etcd and worker roles: the oneshot cert units (cert fetch, kubeconfig)',
  );
  say(`  one directory per role under ${ws.root}, as if each were its own machine`);
  say(
    ws.asRoot
      ? "  running as root: owners and modes are the presets' (Tarmak: kubernetes uid 837, etcd uid 873, gid 0)"
      : `  not running as root: files belong to you (${String(uid)}:${String(gid)}); the presets' modes apply`,
  );
  for (const role of ['etcd', 'worker'] as const) {
    const ran = await oneshotRole(ws, role, components);
    say(`  ${role.padEnd(7)} ${ran.join(', ')}`);
  }

  step(
    'run daemon',
    'spire-helper run for the master role: the daemon, one Workload API stream for all outputs',
  );
  const daemon = await startDaemon(ws, 'master', components);
  say(
    `  master  ${String(daemon.outputs.length)} outputs (${daemon.outputs.map((c) => c.preset.name).join(', ')}), /ready = 200`,
  );

  step('openssl', 'openssl: every certificate, chain, key and names');
  const placements = ROLES.flatMap((role) => presetsFor(role, components).map((c) => ({ role, c })));
  const checked = await inParallel(
    4,
    placements.map(
      ({ role, c }) =>
        () =>
          verifyCertificate(ws, role, c),
    ),
  );
  printTables(ws, checked);
  const kubeProblems = checkKubeconfigs(ws, components);
  const problems = [
    ...checked.flatMap((c) => c.problems.map((p) => `${c.role} ${c.component.preset.name}: ${p}`)),
    ...kubeProblems,
  ];
  if (problems.length > 0) {
    for (const p of problems) say(`  FAIL ${p}`);
    throw new DemoFailure(`${String(problems.length)} check(s) failed`);
  }
  say();
  say(
    `  verified ${String(checked.length)} certificates with openssl: chain to -ca.pem, key matches, CN/O/SANs as Tarmak's Vault roles issued them, owner and mode`,
  );

  step('rotation', 'rotation: the test double re-issues every SVID now (as at half-life)');
  const installHooks = hookLines(ws).length;
  const serialOf = (path: string): string => new X509Certificate(readFileSync(path)).serialNumber;
  const before = new Map(checked.map((c) => [c.base, serialOf(`${c.base}.pem`)]));
  await agent.rotateNow();
  // The daemon follows the push by itself; its hooks run once the debounce has passed.
  await waitFor('the master outputs to be rewritten', 60_000, () =>
    daemon.outputs.every((c) => {
      const base = baseIn(ws, 'master', c.preset);
      try {
        return serialOf(`${base}.pem`) !== before.get(base);
      } catch {
        return false;
      }
    }),
  );
  await waitFor('the master hooks', 30_000, () =>
    hookLines(ws)
      .slice(installHooks)
      .some((l) => l.startsWith('master systemctl')),
  );
  say(`  master  spire-helper run picked up the push and rewrote ${String(daemon.outputs.length)} outputs`);
  // The oneshot units pick the new SVIDs up on their timer's next run.
  for (const role of ['etcd', 'worker'] as const) {
    const ran = await oneshotRole(ws, role, components);
    say(
      `  ${role.padEnd(7)} the cert timers ran again: ${String(ran.filter((r) => r.startsWith('cert')).length)} x cert fetch`,
    );
  }
  const rechecked = await inParallel(
    4,
    placements.map(
      ({ role, c }) =>
        () =>
          verifyCertificate(ws, role, c),
    ),
  );
  const renewed = rechecked.filter((c) => serialOf(`${c.base}.pem`) !== before.get(c.base));
  const stillOk = rechecked.filter((c) => c.problems.length === 0);
  say('  hooks that fired (stand-ins recorded them; nothing was restarted):');
  for (const line of hookLines(ws).slice(installHooks)) say(`    ${line}`);
  say(
    `rotation: ${String(renewed.length)} of ${String(rechecked.length)} certificates re-issued with new serials and keys; ${String(stillOk.length)} of ${String(rechecked.length)} verify with openssl`,
  );
  if (renewed.length !== rechecked.length || stillOk.length !== rechecked.length) {
    throw new DemoFailure('the rotation did not renew and verify every certificate');
  }

  step('clean-up', 'clean-up');
  await stopDaemon(daemon);
  say('  spire-helper run stopped (SIGTERM)');
  return 0;
}

try {
  const code = await main();
  await cleanUp();
  say('  test double stopped, work dir removed');
  endStep();
  say();
  say(`timings: ${stepTimes.map((s) => `${s.title} ${(s.ms / 1000).toFixed(1)} s`).join(', ')}`);
  say(`demo finished in ${elapsed()} against the SPIRE test double: all checks passed`);
  process.exitCode = code;
} catch (error) {
  if (signalled.received) {
    // The signal handler cleans up and exits with 130/143.
    await cleanUp();
  } else {
    say();
    say(`demo FAILED after ${elapsed()}: ${error instanceof Error ? error.message : String(error)}`);
    if (!(error instanceof DemoFailure) && error instanceof Error && error.stack !== undefined) {
      process.stderr.write(`${error.stack}\n`);
    }
    await cleanUp();
    say('demo: cleaned up (processes stopped, temporary files removed)');
    process.exitCode = 1;
  }
}
