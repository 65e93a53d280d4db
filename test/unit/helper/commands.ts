// The command map is the CLI's surface; the reference in docs/helper/ must cover all of it.
import t from 'tap';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import commands from '../../../helper/commands.js';
import { ExitCode } from '../../../helper/exit-codes.js';
import { REPO_ROOT, runHelper } from './fixtures/agent.js';

t.test('the explicit command map holds the four commands, spelled with a space', async (t) => {
  t.same(Object.keys(commands).sort(), ['cert:fetch', 'check', 'kubeconfig', 'run']);
  const help = await runHelper(['--help']);
  t.match(help.stdout, /cert\s+X509-SVID certificate files/);
  t.match(help.stdout, /check\s+Verify the certificate/);
  const fetchHelp = await runHelper(['cert', 'fetch', '--help']);
  t.match(fetchHelp.stdout, /\$ spire-helper cert fetch \[DEST\]/);
});

t.test('docs/helper/commands.md documents every command and flag', async (t) => {
  const doc = await readFile(join(REPO_ROOT, 'docs/helper/commands.md'), 'utf8');
  for (const [id, command] of Object.entries(commands)) {
    const name = id.replace(':', ' ');
    t.match(doc, `## \`spire-helper ${name}`, name);
    for (const [flag, definition] of Object.entries(command.flags)) {
      t.match(doc, `\`--${flag}`, `${name} --${flag}`);
      for (const alias of definition.aliases ?? []) t.match(doc, `\`--${alias}\``, `${name} --${alias}`);
    }
  }
});

t.test('docs/helper/README.md lists every exit code', async (t) => {
  const doc = await readFile(join(REPO_ROOT, 'docs/helper/README.md'), 'utf8');
  for (const [name, code] of Object.entries(ExitCode)) t.match(doc, `| ${code} | ${name} |`, name);
});
