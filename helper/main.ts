// Entry point behind helper/bin/spire-helper: runs oclif with the package root as its configuration root
// (package.json "oclif" section: bin name, explicit command map, topic separator).
import { execute } from '@oclif/core';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const compiled = here.endsWith('/dist/helper');

/** The directory holding package.json (two levels above helper/main.ts, also from dist/helper/main.js). */
export function packageRoot(): string {
  return compiled ? resolve(here, '../..') : resolve(here, '..');
}

/** Runs spire-helper with `args` (default: the process arguments); sets the exit code. */
export async function main(args: string[] = process.argv.slice(2)): Promise<void> {
  const dir = packageRoot();
  if (!compiled) {
    await execute({ args, dir });
    return;
  }
  // package.json names the TypeScript command map; the build runs without tsx, so point oclif at the
  // compiled one (oclif only maps compiled paths to sources, not the other way round).
  const pjson = JSON.parse(readFileSync(resolve(dir, 'package.json'), 'utf8')) as {
    oclif: { commands: { target: string } };
  };
  pjson.oclif.commands.target = './dist/helper/commands.js';
  await execute({ args, loadOptions: { root: dir, pjson: pjson as never } });
}
