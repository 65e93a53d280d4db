// Entry point behind helper/bin/spire-helper: runs oclif with the package root as its configuration root
// (package.json "oclif" section: bin name, explicit command map, topic separator).
import { execute } from '@oclif/core';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The directory holding package.json (two levels above helper/main.ts, also from dist/helper/main.js). */
export function packageRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return here.endsWith('/dist/helper') ? resolve(here, '../..') : resolve(here, '..');
}

/** Runs spire-helper with `args` (default: the process arguments); sets the exit code. */
export async function main(args: string[] = process.argv.slice(2)): Promise<void> {
  await execute({ args, dir: packageRoot() });
}
