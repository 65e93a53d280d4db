// Runs the real terraform CLI against a locally built provider: a CLI configuration with dev_overrides
// (no init, no registry, no network) in the test's own directory.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Test } from 'tap';

/** The provider source address the configurations use. */
export const providerSource = 'registry.terraform.io/tarmak/spire';

/** The fixture provider's launcher directory (test/harness/provider-fixture/bin). */
export const fixtureProviderDir = fileURLToPath(new URL('./provider-fixture/bin', import.meta.url));

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

/** A directory with a CLI configuration pointing Terraform at a provider directory. */
export class TerraformWorkspace {
  readonly dir: string;
  readonly #terraform: string;
  readonly #env: Record<string, string>;

  constructor(t: Test, options: { readonly terraform: string; readonly providerDir: string }) {
    this.dir = t.testdir({
      'cli.tfrc': [
        'provider_installation {',
        '  dev_overrides {',
        `    "${providerSource}" = "${options.providerDir}"`,
        '  }',
        '  direct {}',
        '}',
        '',
      ].join('\n'),
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
