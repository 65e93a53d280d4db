// Builds and runs the Go plugin host in ./main.go (a SPIRE stand-in built on Debian's go-plugin and gRPC
// packages, offline, in GOPATH mode). The binary goes to the temp directory, keyed by the source's hash,
// so test files share one build and nothing lands in the repository.
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const sourceDir = dirname(fileURLToPath(import.meta.url));
/** Where Debian's golang-*-dev packages put their sources. */
const debianGopath = '/usr/share/gocode';

/** Returns why the host cannot be built here, or undefined when it can. */
export function goHostUnavailable(): string | undefined {
  const onPath = (process.env.PATH ?? '').split(':').some((dir) => dir !== '' && existsSync(join(dir, 'go')));
  if (!onPath) return 'go is not on PATH (scripts/setup-ci.sh installs golang-go)';
  for (const pkg of ['github.com/hashicorp/go-plugin', 'google.golang.org/grpc']) {
    if (!existsSync(join(debianGopath, 'src', pkg)))
      return `${pkg} is not in ${debianGopath} (scripts/setup-ci.sh installs Debian's package for it)`;
  }
  return undefined;
}

let built: Promise<string> | undefined;

/** Returns the path of the built host, building it on first use (about 15 s with a cold Go cache). */
export function buildGoHost(): Promise<string> {
  built ??= (async () => {
    const source = readFileSync(join(sourceDir, 'main.go'));
    const hash = createHash('sha256').update(source).digest('hex').slice(0, 16);
    const dir = join(tmpdir(), 'tarmak-spire-gohost');
    const binary = join(dir, `host-${hash}`);
    if (existsSync(binary)) return binary;
    mkdirSync(dir, { recursive: true });
    // Another test file may build at the same time: build to a private name, then rename into place.
    const partial = `${binary}.${process.pid}`;
    try {
      await promisify(execFile)('go', ['build', '-o', partial, '.'], {
        cwd: sourceDir,
        env: {
          ...process.env,
          GOPATH: debianGopath,
          GO111MODULE: 'off',
          GOFLAGS: '',
          GOCACHE: join(dir, 'cache'),
          CGO_ENABLED: '0',
        },
      });
      renameSync(partial, binary);
    } finally {
      rmSync(partial, { force: true });
    }
    return binary;
  })();
  return built;
}

export type HostStep =
  | { readonly op: 'validate' | 'configure'; readonly config: string }
  | {
      readonly op: 'compose_workload' | 'compose_agent';
      readonly spiffe_id: string;
      readonly dns_names?: readonly string[];
      /** Where to write the certificate PEM (and "<name>-ca.pem" next to it). */
      readonly out?: string;
    }
  | { readonly op: 'compose_jwt'; readonly spiffe_id: string }
  | { readonly op: 'pid' | 'unload' | 'hang' };

export interface HostScript {
  /** plugin_cmd */
  readonly plugin: string;
  /** plugin_checksum (hex SHA-256); empty for none */
  readonly checksum?: string;
  /** The plugin type: the magic cookie key and value. */
  readonly type: string;
  /** The plugin name (server.conf's label). */
  readonly name: string;
  readonly trust_domain: string;
  readonly steps: readonly HostStep[];
}

/** One JSON line the host printed. */
export type HostResult = Record<string, unknown> & { readonly op: string };

export interface HostRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly results: readonly HostResult[];
  /** go-plugin's log: the host's own lines and the plugin's stderr, re-logged. */
  readonly stderr: string;
}

/**
 * Runs the host on `script` and returns what it printed. `onResult` sees each result line as it comes and
 * may kill the host (for the "host dies" test).
 */
export async function runGoHost(
  script: HostScript,
  options: {
    readonly onResult?: (result: HostResult, kill: (signal: NodeJS.Signals) => void) => void;
    /** Added to the host's environment, which the plugin inherits (as from spire-server). */
    readonly env?: Readonly<Record<string, string>>;
  } = {},
): Promise<HostRun> {
  const binary = await buildGoHost();
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    });
    const results: HostResult[] = [];
    let stdout = '';
    let stderr = '';
    child.on('error', reject);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      let newline: number;
      while ((newline = stdout.indexOf('\n')) >= 0) {
        const line = stdout.slice(0, newline);
        stdout = stdout.slice(newline + 1);
        const result = JSON.parse(line) as HostResult;
        results.push(result);
        options.onResult?.(result, (signal) => child.kill(signal));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code, signal) => {
      resolve({ code, signal, results, stderr });
    });
    child.stdin.end(JSON.stringify(script));
  });
}

/**
 * Returns true while the process `pid` runs. A zombie (dead, not yet reaped, as an orphan may stay when
 * PID 1 does not reap) counts as gone.
 */
export function processRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/**
 * Returns the running processes whose environment has `name=value`: the host passes its environment to
 * the plugin, and the plugin's launcher to node, so a marker set on the host finds every process of one
 * run, whatever wraps what.
 */
export function processesWithEnv(name: string, value: string): number[] {
  const needle = `${name}=${value}`;
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return (
          readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(needle) && processRunning(pid)
        );
      } catch {
        return false;
      }
    });
}
