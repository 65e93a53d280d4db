// Optional check (not part of `npm test`): the bindings generate with CDK Terrain, the community fork of
// CDKTF (npm packages cdktn and @cdktn/*), and the example app synthesizes the same Terraform JSON with
// them. Usage: `tsx scripts/cdktf-fork-check.ts [--generator-dir DIR]`. Without --generator-dir it
// installs @cdktn/provider-generator (with cdktn, jsii and jsii-pacmak: about 150 MB) into a temporary
// directory with `npm install --ignore-scripts`; the project itself does not depend on the fork.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findTerraform } from '../test/harness/terraform.js';
import { bindingsRoot, readProviderSchema, writeBindings } from './cdktf-generate.js';

/** The fork's generator, pinned. */
export const FORK_GENERATOR = '@cdktn/provider-generator';
export const FORK_VERSION = '0.24.0';

const root = fileURLToPath(new URL('..', import.meta.url));
const exampleDir = join(root, 'terraform', 'examples', 'cdktf');

function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { ...options, maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed: ${stderr || error.message}`));
      else resolve();
    });
  });
}

/** Returns the files under `dir`, relative to it, sorted. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** Returns the example app's cdk.tf.json without what names the CDK version or the working directory. */
async function synthesize(main: string, cwd: string): Promise<unknown> {
  const outdir = join(cwd, 'cdktf.out');
  await run(
    join(root, 'node_modules/.bin/node'),
    ['--import', join(root, 'node_modules/tsx/dist/loader.mjs'), main],
    { cwd, env: { ...process.env, CDKTF_OUTDIR: outdir } },
  );
  const synthesized = JSON.parse(
    readFileSync(join(outdir, 'stacks', 'tarmak', 'cdk.tf.json'), 'utf8'),
  ) as Record<string, Record<string, unknown>>;
  delete synthesized['//']?.metadata;
  delete synthesized.terraform?.backend;
  return synthesized;
}

/** Copies the example app to `appDir` with its imports pointed at cdktn and the fork's bindings. */
function forkApp(appDir: string, bindingsDir: string): string {
  mkdirSync(appDir, { recursive: true });
  const bindingsImport = relative(appDir, join(bindingsDir, 'providers', 'spire'));
  for (const file of ['main.ts', 'stack.ts']) {
    const source = readFileSync(join(exampleDir, file), 'utf8')
      .replaceAll("from 'cdktf'", "from 'cdktn'")
      .replaceAll("'../../../cdktf/providers/spire/", `'${bindingsImport}/`);
    writeFileSync(join(appDir, file), source);
  }
  return join(appDir, 'main.ts');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'generator-dir': { type: 'string' } } });
  const terraform = findTerraform();
  if (terraform === undefined) throw new Error('terraform is not on PATH (or set $TERRAFORM)');
  const work = await mkdtemp(join(tmpdir(), 'cdktf-fork-check-'));
  try {
    let generatorDir = values['generator-dir'];
    if (generatorDir === undefined) {
      generatorDir = join(work, 'fork');
      mkdirSync(generatorDir);
      writeFileSync(join(generatorDir, 'package.json'), '{"private": true}\n');
      console.log(`installing ${FORK_GENERATOR}@${FORK_VERSION} into ${generatorDir} (no install scripts)`);
      await run(
        'npm',
        [
          'install',
          '--ignore-scripts',
          '--no-audit',
          '--no-fund',
          '--save-exact',
          `${FORK_GENERATOR}@${FORK_VERSION}`,
        ],
        {
          cwd: generatorDir,
        },
      );
    }
    if (!existsSync(join(generatorDir, 'node_modules', 'cdktn'))) {
      throw new Error(
        `${generatorDir} has no node_modules/cdktn (install ${FORK_GENERATOR}@${FORK_VERSION} there)`,
      );
    }

    const schema = await readProviderSchema({ terraform, workDir: join(work, 'schema') });
    const forkBindings = join(generatorDir, 'bindings');
    await writeBindings(schema, forkBindings, { generator: FORK_GENERATOR, resolveFrom: generatorDir });

    const ours = files(join(bindingsRoot, 'providers'));
    const theirs = files(join(forkBindings, 'providers'));
    const onlyOurs = ours.filter((f) => !theirs.includes(f));
    const onlyTheirs = theirs.filter((f) => !ours.includes(f));
    const sameFiles = onlyOurs.length === 0 && onlyTheirs.length === 0;
    console.log(
      sameFiles
        ? `files: the same ${ours.length}`
        : `files differ: only in cdktf/ ${JSON.stringify(onlyOurs)}, only from cdktn ${JSON.stringify(onlyTheirs)}`,
    );
    const changed = ours.filter(
      (f) =>
        theirs.includes(f) &&
        readFileSync(join(bindingsRoot, 'providers', f), 'utf8') !==
          readFileSync(join(forkBindings, 'providers', f), 'utf8').replaceAll('cdktn', 'cdktf'),
    );
    console.log(
      `text: ${changed.length} of ${ours.length} files differ beyond the package rename (cdktn for cdktf)`,
    );

    const synthDir = join(work, 'synth');
    mkdirSync(synthDir);
    const withCdktf = await synthesize(join(exampleDir, 'main.ts'), synthDir);
    // The copy lives inside the fork's install, so that `cdktn` and `constructs` resolve from there.
    const appDir = join(generatorDir, 'app');
    const withCdktn = await synthesize(forkApp(appDir, forkBindings), appDir);
    const sameJson = JSON.stringify(withCdktf) === JSON.stringify(withCdktn);
    console.log(
      `synthesized cdk.tf.json: ${sameJson ? 'identical' : 'DIFFERENT'} (version metadata and backend path left out)`,
    );
    if (!sameFiles || !sameJson) process.exitCode = 1;
    if (values['generator-dir'] !== undefined) {
      rmSync(forkBindings, { recursive: true, force: true });
      rmSync(join(generatorDir, 'app'), { recursive: true, force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
