// Runs the real terraform CLI against a locally built provider: a CLI configuration with dev_overrides
// (no init, no registry, no network) in the test's own directory, or with a filesystem_mirror (for the
// packaged provider, installed by `terraform init`).
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Test } from 'tap';
import { cachedBundle } from '../../scripts/package-provider.js';

/** The provider source address the configurations use. */
export const providerSource = 'registry.terraform.io/tarmak/spire';

/** The fixture provider's launcher directory (test/harness/provider-fixture/bin): runs its sources through tsx. */
export const fixtureProviderDir = fileURLToPath(new URL('./provider-fixture/bin', import.meta.url));

const root = fileURLToPath(new URL('../../', import.meta.url));
const providerMain = join(root, 'provider/main.ts');
const fixtureMain = join(root, 'test/harness/provider-fixture/main.ts');

/**
 * Returns a directory holding a `terraform-provider-spire` launcher that runs an esbuild bundle of the
 * current sources (provider/main.ts, or `entry`), built once per set of sources and cached in
 * os.tmpdir(): a provider start costs one module load instead of compiling TypeScript through tsx.
 * With SPIRE_PROVIDER_FROM_SOURCE=1 the launcher runs the TypeScript sources through tsx instead.
 */
export function bundledProviderDir(options: { readonly entry?: string } = {}): string {
  if (process.env.SPIRE_PROVIDER_FROM_SOURCE === '1') return sourceLauncherDir(options.entry ?? providerMain);
  const entry = options.entry ?? providerMain;
  let dir = bundledDirs.get(entry);
  if (dir === undefined) {
    dir = cachedBundle({ entry }).binDir;
    bundledDirs.set(entry, dir);
  }
  return dir;
}

/** One bundle per entry and test process: later edits of the sources wait for the next run. */
const bundledDirs = new Map<string, string>();

/** The fixture provider (test/harness/provider-fixture) as a cached bundle; see bundledProviderDir. */
export function bundledFixtureProviderDir(): string {
  return bundledProviderDir({ entry: fixtureMain });
}

/** Returns a directory with a launcher running `entry` from source through tsx's loader. */
function sourceLauncherDir(entry: string): string {
  const dir = join(tmpdir(), `terraform-provider-spire-source-${process.pid}-${basename(dirname(entry))}`);
  const launcher = join(dir, 'terraform-provider-spire');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    launcher,
    `#!/bin/sh\nexec "${root}node_modules/.bin/node" --import "${root}node_modules/tsx/dist/loader.mjs" "${entry}" "$@"\n`,
  );
  chmodSync(launcher, 0o755);
  return dir;
}

/** Returns the terraform executable on PATH (or $TERRAFORM), or undefined when there is none. */
export function findTerraform(): string | undefined {
  const candidate = process.env.TERRAFORM ?? 'terraform';
  try {
    execFileSync(candidate, ['version'], {
      stdio: 'ignore',
      env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' },
    });
    return candidate;
  } catch {
    return undefined;
  }
}

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ShownResource {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly values: Record<string, unknown>;
  readonly sensitive_values: Record<string, unknown>;
}

/**
 * Where Terraform finds the provider: `providerDir`, a directory holding `terraform-provider-spire`
 * (dev_overrides: no `terraform init`), or `filesystemMirror`, a directory in the mirror layout that
 * `terraform init` installs from (`npm run package` writes one).
 */
export type ProviderLocation =
  | { readonly providerDir: string; readonly filesystemMirror?: undefined }
  | { readonly filesystemMirror: string; readonly providerDir?: undefined };

/** A directory with a CLI configuration pointing Terraform at a provider directory or mirror. */
export class TerraformWorkspace {
  readonly dir: string;
  readonly #terraform: string;
  readonly #env: Record<string, string>;

  constructor(t: Test, options: { readonly terraform: string } & ProviderLocation) {
    const installation =
      options.filesystemMirror === undefined
        ? ['  dev_overrides {', `    "${providerSource}" = "${options.providerDir}"`, '  }', '  direct {}']
        : [
            '  filesystem_mirror {',
            `    path    = "${options.filesystemMirror}"`,
            `    include = ["${providerSource}"]`,
            '  }',
            `  direct { exclude = ["${providerSource}"] }`,
          ];
    this.dir = t.testdir({
      'cli.tfrc': ['provider_installation {', ...installation, '}', ''].join('\n'),
    });
    this.#terraform = options.terraform;
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(
        (e): e is [string, string] =>
          e[1] !== undefined && !e[0].startsWith('TF_') && e[0] !== 'CHECKPOINT_DISABLE',
      ),
    );
    this.#env = {
      ...inherited,
      TF_CLI_CONFIG_FILE: join(this.dir, 'cli.tfrc'),
      TF_IN_AUTOMATION: '1',
      TF_INPUT: '0',
      CHECKPOINT_DISABLE: '1',
    };
  }

  /** Writes main.tf. */
  write(config: string): void {
    writeFileSync(join(this.dir, 'main.tf'), config);
  }

  /** Runs terraform with `args` (plus -no-color) in the workspace; `env` adds variables for this run. */
  run(args: readonly string[], env: Record<string, string> = {}): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.#terraform, [...args, '-no-color'], {
        cwd: this.dir,
        env: { ...this.#env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('close', (code) => {
        resolve({ code, stdout, stderr });
      });
    });
  }

  /** Returns the resources of `terraform show -json`. */
  async resources(): Promise<ShownResource[]> {
    const result = await this.run(['show', '-json']);
    if (result.code !== 0) throw new Error(`terraform show failed: ${result.stderr}`);
    const shown = JSON.parse(result.stdout) as { values?: { root_module?: { resources?: ShownResource[] } } };
    return shown.values?.root_module?.resources ?? [];
  }

  /** Returns one resource of `terraform show -json` by address, or undefined. */
  async resource(address: string): Promise<ShownResource | undefined> {
    return (await this.resources()).find((r) => r.address === address);
  }

  /** Returns the raw state file (where private data and schema versions are visible). */
  stateFile(): {
    resources: {
      type: string;
      name: string;
      mode: string;
      instances: {
        schema_version: number;
        private?: string;
        status?: string;
        attributes: Record<string, unknown>;
      }[];
    }[];
  } {
    return JSON.parse(readFileSync(join(this.dir, 'terraform.tfstate'), 'utf8')) as ReturnType<
      TerraformWorkspace['stateFile']
    >;
  }
}
