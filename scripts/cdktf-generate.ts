// `npm run cdktf:generate`: CDKTF bindings for terraform-provider-spire, generated from the provider's
// real schema. Terraform reads the schema from the provider built from this checkout's sources (the test
// harness's cached bundle, through dev_overrides: no registry, no init), and @cdktf/provider-generator
// turns it into TypeScript under cdktf/providers/spire/, which is checked in.
// test/integration/cdktf/generate.ts regenerates and fails when the checked-in bindings differ;
// scripts/cdktf-fork-check.ts runs the same steps with the fork's generator.
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledProviderDir, findTerraform, providerSource } from '../test/harness/terraform.js';

/** Where the checked-in bindings live (the generator writes providers/spire/ below it). */
export const bindingsRoot = fileURLToPath(new URL('../cdktf/', import.meta.url));

/** The generator package the checked-in bindings come from (its version is pinned in package.json). */
export const GENERATOR = '@cdktf/provider-generator';

/** `terraform providers schema -json`, as far as the generator reads it. */
export interface ProviderSchema {
  readonly format_version: string;
  readonly provider_schemas?: Record<string, unknown>;
  readonly provider_versions?: Record<string, string>;
}

/** Returns the environment for terraform runs: the caller's, without TF_* settings, plus `overrides`. */
function terraformEnv(overrides: Record<string, string>): Record<string, string> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      (e): e is [string, string] => e[1] !== undefined && !e[0].startsWith('TF_'),
    ),
  );
  return { ...inherited, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_INPUT: '0', ...overrides };
}

/**
 * Returns the provider schema as Terraform reports it, for the provider built from this checkout's sources
 * (SPIRE_PROVIDER_FROM_SOURCE=1: run through tsx). `workDir` receives the CLI configuration
 * (dev_overrides) and an empty root module that requires the provider.
 */
export async function readProviderSchema(options: {
  readonly terraform: string;
  readonly workDir: string;
}): Promise<ProviderSchema> {
  mkdirSync(options.workDir, { recursive: true });
  const providerDir = bundledProviderDir();
  const cliConfig = join(options.workDir, 'cli.tfrc');
  writeFileSync(
    cliConfig,
    `provider_installation {\n  dev_overrides {\n    "${providerSource}" = "${providerDir}"\n  }\n  direct {}\n}\n`,
  );
  writeFileSync(
    join(options.workDir, 'main.tf'),
    `terraform {\n  required_providers {\n    spire = { source = "${providerSource}" }\n  }\n}\n`,
  );
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      options.terraform,
      ['providers', 'schema', '-json', '-no-color'],
      {
        cwd: options.workDir,
        env: terraformEnv({ TF_CLI_CONFIG_FILE: cliConfig }),
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, out, err) => {
        if (error) reject(new Error(`terraform providers schema failed: ${err || error.message}`));
        else resolve(out);
      },
    );
  });
  const schema = JSON.parse(stdout) as ProviderSchema;
  if (schema.provider_schemas?.[providerSource] === undefined) {
    throw new Error(`terraform reported no schema for ${providerSource}`);
  }
  return schema;
}

interface CodeMaker {
  save(outdir: string): Promise<unknown>;
}
interface GeneratorModule {
  TerraformProviderGenerator: new (
    code: CodeMaker,
    schema: ProviderSchema,
  ) => {
    generateAll(): void;
  };
}

/**
 * Writes the bindings for `schema` under `outDir` (providers/<name>/...), after removing an earlier
 * providers/ folder there. `generator` names the generator package (default @cdktf/provider-generator)
 * and `resolveFrom` where to look it up (default this checkout).
 *
 * The package's entry point, generateProviderBindingsFromSchema, cannot be loaded on its own: its index
 * also loads the JSII packaging code, which requires jsii and jsii-pacmak (they came with cdktf-cli, not as
 * its dependencies). This makes the same three calls through the generator module itself.
 */
export async function writeBindings(
  schema: ProviderSchema,
  outDir: string,
  options: { readonly generator?: string; readonly resolveFrom?: string } = {},
): Promise<void> {
  const fromHere = createRequire(import.meta.url);
  const entry = fromHere.resolve(options.generator ?? GENERATOR, {
    paths: [options.resolveFrom ?? fileURLToPath(new URL('..', import.meta.url))],
  });
  const fromGenerator = createRequire(entry);
  // Loading the generator's commons package runs `terraform version -json` once (for its debug report)
  // with this process's environment: no update check, and no user CLI configuration.
  process.env.CHECKPOINT_DISABLE = '1';
  process.env.TF_CLI_CONFIG_FILE = '/dev/null';
  const { CodeMaker } = fromGenerator('codemaker') as { CodeMaker: new () => CodeMaker };
  const { TerraformProviderGenerator } = fromGenerator(
    './get/generator/provider-generator.js',
  ) as GeneratorModule;

  const code = new CodeMaker();
  new TerraformProviderGenerator(code, schema).generateAll();
  rmSync(join(outDir, 'providers'), { recursive: true, force: true });
  await code.save(outDir);
}

async function main(): Promise<void> {
  const terraform = findTerraform();
  if (terraform === undefined) throw new Error('terraform is not on PATH (or set $TERRAFORM)');
  const workDir = await mkdtemp(join(tmpdir(), 'cdktf-generate-'));
  try {
    const schema = await readProviderSchema({ terraform, workDir });
    await writeBindings(schema, bindingsRoot);
    console.log(`cdktf:generate: wrote ${join(bindingsRoot, 'providers', 'spire')}`);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
