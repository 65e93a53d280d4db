// Entry point behind helper/bin/spire-helper: runs oclif with the package root as its configuration root
// (package.json "oclif" section: bin name, explicit command map, topic separator).
import { execute } from '@oclif/core';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// In the bundle, import.meta.url still names this source file (scripts/bundle-helper.mjs keeps it so).
const here = dirname(fileURLToPath(import.meta.url));
const compiled = here.endsWith('/dist/helper');

/** The directory holding package.json (two levels above helper/main.ts, also from dist/helper/main.js). */
export function packageRoot(): string {
  return compiled ? resolve(here, '../..') : resolve(here, '..');
}

/** Where oclif imports the command map from: a module file and the name of the export holding the map. */
export interface CommandsModule {
  /** Absolute path of the module. */
  readonly target: string;
  /** Its export holding the map (package.json says "default"). */
  readonly identifier: string;
}

/** Runs spire-helper with `args` (default: the process arguments); sets the exit code. */
export async function main(args: string[] = process.argv.slice(2)): Promise<void> {
  if (!compiled) {
    await execute({ args, dir: packageRoot() });
    return;
  }
  // package.json names the TypeScript command map; the build runs without tsx, so point oclif at the
  // compiled one (oclif only maps compiled paths to sources, not the other way round).
  await runWithCommands(args, {
    target: resolve(packageRoot(), 'dist/helper/commands.js'),
    identifier: 'default',
  });
}

/** Runs spire-helper with the command map taken from `commands` instead of the one package.json names. */
export async function runWithCommands(args: string[], commands: CommandsModule): Promise<void> {
  const root = packageRoot();
  const pjson = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
    oclif: { commands: { target: string; identifier?: string } };
  };
  // Relative to the root: oclif joins a target that is not under the root onto it.
  pjson.oclif.commands.target = relative(root, commands.target);
  pjson.oclif.commands.identifier = commands.identifier;
  await execute({ args, loadOptions: { root, pjson: pjson as never } });
}
