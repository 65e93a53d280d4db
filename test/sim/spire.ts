// The real-SPIRE switch: startSpire() runs spire-server and spire-agent from SPIRE_SERVER_BIN and
// SPIRE_AGENT_BIN when both are set, and the test double otherwise, behind the same handles, so one
// integration test can run against either. It prints which one ran.
// Config keys: spiffe/spire doc/spire_server.md (server {}, plugins, health_checks, `spire-server run
// -config`, `healthcheck -socketPath`, `token generate -socketPath -ttl` printing "Token: <value>",
// `bundle show -socketPath`), doc/spire_agent.md (agent {}: trust_domain, trust_bundle_path,
// server_address, server_port, socket_path, data_dir, join_token; `spire-agent healthcheck
// -socketPath`), doc/plugin_server_keymanager_memory.md, doc/plugin_server_upstreamauthority_disk.md,
// doc/plugin_agent_workloadattestor_unix.md, doc/plugin_server_datastore_sql.md.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { x509, webcrypto } from '../../src/core/x509/setup.js';
import { startSim, type Sim, type SimServerHandle, type StartSimOptions } from './index.js';
import { certificatesPem, privateKeyPem } from './pem.js';

const run = promisify(execFile);

export interface SpireHandles {
  readonly kind: 'sim' | 'spire';
  readonly trustDomain: string;
  /** Server endpoints; real SPIRE runs one. */
  readonly servers: SimServerHandle[];
  /** PEM of the trust bundle when started (the sim keeps it current; real SPIRE: as fetched at start). */
  readonly bundlePem: string;
  readonly bundlePath: string;
  /** Workload API socket of the (simulated or real) agent, attesting callers by unix uid. */
  readonly agentSocketPath: string;
  /** spiffe://<td>/spire/agent/join_token/<token>: the parent ID for workload entries. */
  readonly agentId: string;
  /** The double's controls, when kind is "sim". */
  readonly sim?: Sim;
  close(): Promise<void>;
}

/** Returns running SPIRE (real binaries when SPIRE_SERVER_BIN and SPIRE_AGENT_BIN are set) or the double. */
export async function startSpire(options: StartSimOptions): Promise<SpireHandles> {
  const serverBin = process.env.SPIRE_SERVER_BIN;
  const agentBin = process.env.SPIRE_AGENT_BIN;
  if (serverBin !== undefined && serverBin !== '' && agentBin !== undefined && agentBin !== '') {
    console.log(`test/sim: running real SPIRE (${serverBin}, ${agentBin})`);
    return startRealSpire(options, serverBin, agentBin);
  }
  console.log(
    'test/sim: running the SPIRE test double (set SPIRE_SERVER_BIN and SPIRE_AGENT_BIN for real SPIRE)',
  );
  return startDouble(options);
}

async function startDouble(options: StartSimOptions): Promise<SpireHandles> {
  const sim = await startSim(options);
  try {
    // As with real SPIRE below: a join token, an attested agent, and a workload socket attesting by uid.
    const token = randomUUID();
    sim.ds.putJoinToken({ value: token, expiresAt: Math.floor(Date.now() / 1000) + 600 });
    const agent = await sim.controls.attestAgent({ joinToken: token });
    const workload = await sim.workload({
      agentId: agent.spiffeId,
      selectors: [{ type: 'unix', value: `uid:${String(process.getuid?.() ?? 0)}` }],
    });
    return {
      kind: 'sim',
      trustDomain: sim.trustDomain,
      servers: sim.servers,
      get bundlePem() {
        return sim.bundlePem;
      },
      bundlePath: sim.bundlePath,
      agentSocketPath: workload.socketPath,
      agentId: agent.spiffeId,
      sim,
      close: () => sim.close(),
    };
  } catch (error) {
    await sim.close();
    throw error;
  }
}

async function startRealSpire(
  options: StartSimOptions,
  serverBin: string,
  agentBin: string,
): Promise<SpireHandles> {
  if ((options.servers ?? 1) !== 1)
    throw new Error('startSpire: real SPIRE runs one server here (HA needs a shared SQL datastore)');
  const dir = resolve(options.dir);
  // Unix socket paths must stay short (sun_path is 108 bytes).
  const sockets = mkdtempSync(join(tmpdir(), 'spire-'));
  const serverDir = join(dir, 'spire-server');
  const agentDir = join(dir, 'spire-agent');
  // The sqlite file and the agent's data live in these directories; create them up front.
  mkdirSync(join(serverDir, 'data'), { recursive: true });
  mkdirSync(join(agentDir, 'data'), { recursive: true });
  const serverSocket = join(sockets, 'server.sock');
  const agentSocket = join(sockets, 'agent.sock');
  const [bindPort, healthPort] = [await freePort(), await freePort()];

  const upstream = options.intermediateCa === true ? await writeUpstreamCa(serverDir) : undefined;
  const serverConf = join(serverDir, 'server.conf');
  writeFileSync(
    serverConf,
    hcl([
      'server {',
      `  trust_domain = ${q(options.trustDomain)}`,
      '  bind_address = "127.0.0.1"',
      `  bind_port = ${q(String(bindPort))}`,
      `  socket_path = ${q(serverSocket)}`,
      `  data_dir = ${q(join(serverDir, 'data'))}`,
      '  log_level = "WARN"',
      ...(options.svidTtlSeconds === undefined
        ? []
        : [`  default_x509_svid_ttl = ${q(`${options.svidTtlSeconds}s`)}`]),
      ...(options.adminIds === undefined ? [] : [`  admin_ids = [${options.adminIds.map(q).join(', ')}]`]),
      '}',
      'plugins {',
      '  DataStore "sql" {',
      '    plugin_data {',
      '      database_type = "sqlite3"',
      `      connection_string = ${q(join(serverDir, 'data', 'datastore.sqlite3'))}`,
      '    }',
      '  }',
      '  KeyManager "memory" { plugin_data {} }',
      '  NodeAttestor "join_token" { plugin_data {} }',
      ...(options.composerRulesFile === undefined ? [] : credentialComposerBlock(options.composerRulesFile)),
      ...(upstream === undefined
        ? []
        : [
            '  UpstreamAuthority "disk" {',
            '    plugin_data {',
            `      cert_file_path = ${q(upstream.cert)}`,
            `      key_file_path = ${q(upstream.key)}`,
            '    }',
            '  }',
          ]),
      '}',
      'health_checks {',
      '  listener_enabled = true',
      '  bind_address = "127.0.0.1"',
      `  bind_port = ${q(String(healthPort))}`,
      '  live_path = "/live"',
      '  ready_path = "/ready"',
      '}',
    ]),
  );

  const processes: { server?: ChildProcess | undefined; agent?: ChildProcess | undefined } = {};
  const startServer = async (): Promise<void> => {
    processes.server = launch(serverBin, ['run', '-config', serverConf], join(serverDir, 'server.log'));
    await waitFor(
      () => run(serverBin, ['healthcheck', '-socketPath', serverSocket]),
      'spire-server healthcheck',
    );
  };
  const stopServer = async (): Promise<void> => {
    await terminate(processes.server);
    processes.server = undefined;
  };
  const closeAll = async (): Promise<void> => {
    await terminate(processes.agent);
    await stopServer();
    rmSync(sockets, { recursive: true, force: true });
  };

  try {
    await startServer();
    const bundlePath = join(dir, 'bundle.pem');
    const bundlePem = (await run(serverBin, ['bundle', 'show', '-socketPath', serverSocket])).stdout;
    writeFileSync(bundlePath, bundlePem);
    const generated = (
      await run(serverBin, ['token', 'generate', '-socketPath', serverSocket, '-ttl', '600'])
    ).stdout;
    const token = /Token: (\S+)/.exec(generated)?.[1];
    if (token === undefined) throw new Error(`spire-server token generate printed no token: ${generated}`);

    const agentConf = join(agentDir, 'agent.conf');
    writeFileSync(
      agentConf,
      hcl([
        'agent {',
        `  trust_domain = ${q(options.trustDomain)}`,
        `  trust_bundle_path = ${q(bundlePath)}`,
        '  server_address = "127.0.0.1"',
        `  server_port = ${q(String(bindPort))}`,
        `  socket_path = ${q(agentSocket)}`,
        `  data_dir = ${q(join(agentDir, 'data'))}`,
        `  join_token = ${q(token)}`,
        '  log_level = "WARN"',
        '}',
        'plugins {',
        '  NodeAttestor "join_token" { plugin_data {} }',
        '  KeyManager "memory" { plugin_data {} }',
        '  WorkloadAttestor "unix" { plugin_data {} }',
        '}',
      ]),
    );
    processes.agent = launch(agentBin, ['run', '-config', agentConf], join(agentDir, 'agent.log'));
    await waitFor(
      () => run(agentBin, ['healthcheck', '-socketPath', agentSocket]),
      'spire-agent healthcheck',
    );

    const server: SimServerHandle = {
      name: 'spire-server',
      socketPath: serverSocket,
      tcpAddress: `127.0.0.1:${bindPort}`,
      healthUrl: `http://127.0.0.1:${healthPort}`,
      get running() {
        return processes.server !== undefined;
      },
      start: startServer,
      stop: stopServer,
      rpcCounts: () => ({}),
    };
    return {
      kind: 'spire',
      trustDomain: options.trustDomain,
      servers: [server],
      bundlePem,
      bundlePath,
      agentSocketPath: agentSocket,
      agentId: `spiffe://${options.trustDomain}/spire/agent/join_token/${token}`,
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

// The k8s CredentialComposer as docs/composer.md tells operators to configure it: plugin_cmd is the
// launcher, plugin_checksum its SHA-256 (go-plugin SecureConfig), plugin_data_file the JSON rules (SPIRE
// passes a file's bytes unchanged; an inline plugin_data block would be re-printed as HCL).
function credentialComposerBlock(rulesFile: string): string[] {
  const pluginCmd = fileURLToPath(
    new URL('../../composer/bin/spire-credentialcomposer-k8s', import.meta.url),
  );
  const checksum = createHash('sha256').update(readFileSync(pluginCmd)).digest('hex');
  return [
    '  CredentialComposer "k8s" {',
    `    plugin_cmd = ${q(pluginCmd)}`,
    `    plugin_checksum = ${q(checksum)}`,
    `    plugin_data_file = ${q(resolve(rulesFile))}`,
    '  }',
  ];
}

function q(value: string): string {
  return JSON.stringify(value);
}

function hcl(lines: readonly string[]): string {
  return `${lines.join('\n')}\n`;
}

function launch(bin: string, args: readonly string[], logPath: string): ChildProcess {
  const log = openSync(logPath, 'a');
  return spawn(bin, args, { stdio: ['ignore', log, log] });
}

async function terminate(child: ChildProcess | undefined): Promise<void> {
  if (child === undefined || child.exitCode !== null) return;
  const exited = new Promise<void>((done) => {
    child.once('exit', () => {
      done();
    });
  });
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function waitFor(check: () => Promise<unknown>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`${what} did not succeed within ${timeoutMs} ms`, { cause: error });
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

/** Writes a self-signed upstream root for UpstreamAuthority "disk"; returns the PEM file paths. */
async function writeUpstreamCa(dir: string): Promise<{ cert: string; key: string }> {
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
  const keys = await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify']);
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'C=US, O=test-sim upstream, CN=upstream root',
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + 365 * 24 * 3600_000),
    keys,
    signingAlgorithm: alg,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    ],
  });
  const pkcs8 = new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const paths = { cert: join(dir, 'upstream.crt'), key: join(dir, 'upstream.key') };
  writeFileSync(paths.cert, certificatesPem([cert]));
  writeFileSync(paths.key, privateKeyPem(pkcs8), { mode: 0o600 });
  return paths;
}
