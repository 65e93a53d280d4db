// Entry point of spire-node-registrar (registrar/bin/spire-node-registrar): flags, logging, the connection
// to SPIRE, and the loop or a single cycle. Returns the exit code (errors.ts ExitCode).
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { X509Bundle, parseSpiffeBundle } from '../src/core/bundle/index.js';
import { TrustDomain } from '../src/core/spiffeid/index.js';
import { dialSpireServer, type SpireServerClient } from '../src/core/spireapi/index.js';
import { parseX509Svid } from '../src/core/svid/index.js';
import { USAGE, parseCommandLine, type RegistrarConfig, type ServerTarget } from './config.js';
import { Ec2Client } from './ec2.js';
import { ExitCode, RegistrarError, errorText, exitCodeFor, type ExitCodeValue } from './errors.js';
import { NodeFactResolver } from './facts.js';
import { createLogger, redact } from './log.js';
import { isComplete } from './reconcile.js';
import { NodeRegistrar, type Connection } from './registrar.js';

export interface MainIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Stops the daemon like SIGTERM; when absent, SIGTERM and SIGINT do. */
  readonly signal?: AbortSignal;
}

const processIo: MainIo = {
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
};

/** Runs the registrar with `args`; resolves with the exit code. */
export async function main(
  args: readonly string[] = process.argv.slice(2),
  io: MainIo = processIo,
): Promise<ExitCodeValue> {
  let config: RegistrarConfig;
  try {
    const parsed = parseCommandLine(args);
    if ('help' in parsed) {
      io.stdout(USAGE);
      return ExitCode.OK;
    }
    if ('version' in parsed) {
      io.stdout(`spire-node-registrar ${packageVersion()}\n`);
      return ExitCode.OK;
    }
    config = parsed.config;
  } catch (err) {
    io.stderr(`spire-node-registrar: error: ${redact(errorText(err))}\n`);
    return exitCodeFor(err);
  }

  const log = createLogger({ level: config.logLevel, format: config.logFormat, write: io.stderr });
  const facts = new NodeFactResolver(
    config.ec2 === false
      ? {}
      : { ec2: new Ec2Client(config.ec2.endpoint === undefined ? {} : { endpoint: config.ec2.endpoint }) },
  );
  const connect = connector(config);
  const registrar = new NodeRegistrar({
    connect,
    prefix: config.prefix,
    facts,
    log,
    intervalMs: config.intervalMs,
    dryRun: config.dryRun,
    timeoutMs: config.timeoutMs,
  });

  if (config.once) {
    try {
      const report = await registrar.cycle();
      return isComplete(report) ? ExitCode.OK : ExitCode.INCOMPLETE;
    } catch (err) {
      log.error('cycle failed', { error: errorText(err) });
      return exitCodeFor(err);
    } finally {
      registrar.close();
    }
  }

  // Files that cannot be read now are a configuration error; later failures are retried.
  if (config.server.kind === 'tcp') {
    try {
      await loadTcpCredentials(config.server, requiredTrustDomain(config));
    } catch (err) {
      log.error('cannot load the admin SVID or server bundle', { error: errorText(err) });
      return exitCodeFor(err);
    }
  }
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    log.info(`${signal}: stopping`);
    stop.abort();
  };
  if (io.signal === undefined) {
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  } else {
    io.signal.addEventListener('abort', () => {
      stop.abort();
    });
  }
  try {
    await registrar.run(stop.signal);
    log.info('stopped');
    return ExitCode.OK;
  } catch (err) {
    log.error('stopped by an unexpected error', { error: errorText(err) });
    return exitCodeFor(err);
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  }
}

/** Returns the function that opens connections for `config`. */
function connector(config: RegistrarConfig): (signal: AbortSignal | undefined) => Promise<Connection> {
  const server = config.server;
  if (server.kind === 'unix') {
    return async (signal) => {
      const client = dialSpireServer({ socketPath: server.socketPath, timeoutMs: config.timeoutMs });
      try {
        const trustDomain = config.trustDomain ?? (await trustDomainOf(client, signal));
        return {
          api: client,
          trustDomain,
          close: () => {
            client.close();
          },
        };
      } catch (err) {
        client.close();
        throw err;
      }
    };
  }
  const trustDomain = requiredTrustDomain(config);
  return async () => {
    const files = [server.svidCertFile, server.svidKeyFile, server.bundleFile];
    const stamp = fileStamp(files);
    const { svid, bundle } = await loadTcpCredentials(server, trustDomain);
    const client = dialSpireServer({
      addresses: server.addresses,
      trustDomain,
      bundle,
      svid,
      timeoutMs: config.timeoutMs,
      ...(server.serverSpiffeId === undefined ? {} : { serverId: server.serverSpiffeId }),
    });
    return {
      api: client,
      trustDomain,
      // spire-helper (or the agent) rewrites the SVID files before they expire: dial again with the new ones.
      stale: () => Promise.resolve(fileStamp(files) !== stamp),
      close: () => {
        client.close();
      },
    };
  };
}

function requiredTrustDomain(config: RegistrarConfig): TrustDomain {
  if (config.trustDomain === undefined) throw new RegistrarError('CONFIG', '--address needs --trust-domain');
  return config.trustDomain;
}

async function trustDomainOf(
  client: SpireServerClient,
  signal: AbortSignal | undefined,
): Promise<TrustDomain> {
  const bundle = await client.bundles.getBundle({
    outputMask: [],
    ...(signal === undefined ? {} : { signal }),
  });
  return TrustDomain.parse(bundle.trustDomain);
}

/** Returns the admin SVID and the server bundle from their files; throws RegistrarError CONFIG. */
async function loadTcpCredentials(
  server: Extract<ServerTarget, { kind: 'tcp' }>,
  trustDomain: TrustDomain,
): Promise<{ svid: Awaited<ReturnType<typeof parseX509Svid>>; bundle: X509Bundle }> {
  try {
    const [cert, key, bundleText] = await Promise.all([
      readFile(server.svidCertFile),
      readFile(server.svidKeyFile),
      readFile(server.bundleFile, 'utf8'),
    ]);
    const svid = await parseX509Svid(new Uint8Array(cert), new Uint8Array(key));
    const bundle = bundleText.trimStart().startsWith('{')
      ? parseSpiffeBundle(trustDomain, bundleText).x509
      : X509Bundle.fromPem(trustDomain, bundleText);
    return { svid, bundle };
  } catch (err) {
    throw new RegistrarError(
      'CONFIG',
      `cannot load the admin SVID (${server.svidCertFile}, ${server.svidKeyFile}) or the server bundle (${server.bundleFile}): ${errorText(err)}`,
      { cause: err },
    );
  }
}

/** Returns a string that changes when any of the files changes (size, mtime, inode), or is missing. */
function fileStamp(paths: readonly string[]): string {
  return paths
    .map((path) => {
      try {
        const s = statSync(path);
        return `${s.ino}:${s.size}:${s.mtimeMs}`;
      } catch {
        return 'missing';
      }
    })
    .join('|');
}

function packageVersion(): string {
  // registrar/main.ts and dist/registrar/main.js: package.json is one or two levels up.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 3; i++) {
    dir = dirname(dir);
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'tarmak-spire') return pkg.version ?? 'unknown';
    } catch {
      // not here
    }
  }
  return 'unknown';
}

if (import.meta.main) process.exitCode = await main();
