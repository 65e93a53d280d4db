// Entry point of the bundled build (scripts/bundle-helper.mjs → dist/helper/spire-helper.mjs): the whole
// CLI and its dependencies in one file, so a oneshot unit pays for one module load instead of resolving and
// compiling a few hundred files. oclif takes the command map from this same module (its `commands`
// export); importing it again returns the instance already loaded, so nothing is evaluated twice.
import { fileURLToPath } from 'node:url';
import commands from './commands.js';
import { runWithCommands } from './main.js';

export { commands };

/** Runs spire-helper with `args` (default: the process arguments); sets the exit code. */
export function main(args: string[] = process.argv.slice(2)): Promise<void> {
  return runWithCommands(args, { target: fileURLToPath(import.meta.url), identifier: 'commands' });
}
