// The documentation is checked against the code it describes:
// - every resource and data source the provider serves has a registry-style page whose Schema section names
//   each of its attributes, and no page documents a type that does not exist;
// - every spire-helper command, flag, alias, exit code, configuration key and metric appears in docs/helper,
//   and every `spire-helper <command> --flag` written anywhere in docs/ uses a flag that exists;
// - every relative link in docs/ reaches a file and heading that exist;
// - every Terraform example (```hcl and ```terraform blocks in docs/, .tf files under terraform/examples) is
//   `terraform fmt` clean. Nothing is applied: one `terraform fmt -check` runs over copies in a temp dir.
import t from 'tap';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spireProvider } from '../../provider/provider.js';
import type { BlockDef } from '../../provider/framework/index.js';
import commands from '../../helper/commands.js';
import { ExitCode } from '../../helper/exit-codes.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function read(rel: string): string {
  return readFileSync(join(repoRoot, rel), 'utf8');
}

/** Returns the repo-relative paths of the files under `rel` whose names end in `suffix`. */
function filesUnder(rel: string, suffix: string): string[] {
  const dir = join(repoRoot, rel);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    if (name.startsWith('.') || name === 'node_modules') return [];
    const child = join(rel, name);
    if (statSync(join(repoRoot, child)).isDirectory()) return filesUnder(child, suffix);
    return name.endsWith(suffix) ? [child] : [];
  });
}

/** Returns true when `text` has a code span (`…`) containing `word` as a whole word. */
function inCodeSpan(text: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\`[^\`\\n]*(?<![\\w-])${escaped}(?![\\w-])[^\`\\n]*\``).test(text);
}

/** Returns every attribute and nested block name of a schema, nested ones as `parent.child`. */
function schemaNames(block: BlockDef, prefix = ''): string[] {
  const names: string[] = [];
  for (const [name, attribute] of Object.entries(block.attributes)) {
    names.push(prefix + name);
    if (attribute.nested)
      names.push(...schemaNames({ attributes: attribute.nested.attributes }, `${prefix}${name}.`));
  }
  for (const [name, nested] of Object.entries(block.blocks ?? {})) {
    names.push(prefix + name);
    names.push(...schemaNames(nested.block, `${prefix}${name}.`));
  }
  return names;
}

/** Returns the level-2 sections of a markdown page by heading text (not counting `## ` in code blocks). */
function sections(markdown: string): Map<string, string> {
  const found = new Map<string, string>();
  let heading: string | undefined;
  let body: string[] = [];
  let inFence = false;
  const close = (): void => {
    if (heading !== undefined) found.set(heading, body.join('\n'));
  };
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    if (!inFence && line.startsWith('## ')) {
      close();
      heading = line.slice(3).trim();
      body = [];
    } else {
      body.push(line);
    }
  }
  close();
  return found;
}

interface RegistryKind {
  readonly dir: string;
  readonly label: 'Resource' | 'Data Source';
  readonly types: ReadonlyMap<string, { readonly schema: BlockDef }>;
  readonly requiredSections: readonly string[];
}

const kinds: readonly RegistryKind[] = [
  {
    dir: 'docs/resources',
    label: 'Resource',
    types: spireProvider.resources,
    requiredSections: ['Example Usage', 'Schema', 'Import'],
  },
  {
    dir: 'docs/data-sources',
    label: 'Data Source',
    types: spireProvider.dataSources,
    requiredSections: ['Example Usage', 'Schema'],
  },
];

for (const kind of kinds) {
  t.test(`every ${kind.label.toLowerCase()} has a registry page under ${kind.dir}`, (t) => {
    t.ok(kind.types.size > 0, 'the provider registers some');
    for (const [typeName, type] of kind.types) {
      const rel = `${kind.dir}/${typeName.replace(/^spire_/, '')}.md`;
      if (!t.ok(existsSync(join(repoRoot, rel)), `${typeName}: ${rel} exists`)) continue;
      const page = read(rel);
      t.match(page, new RegExp(`^---\\npage_title: "${typeName} ${kind.label} `), `${rel}: front matter`);
      t.match(page, new RegExp(`^# ${typeName} \\(${kind.label}\\)$`, 'm'), `${rel}: title`);
      const found = sections(page);
      for (const section of kind.requiredSections) t.ok(found.has(section), `${rel}: has "## ${section}"`);
      const example = found.get('Example Usage') ?? '';
      t.match(
        example,
        new RegExp('```(?:terraform|hcl)\\n[^`]*' + typeName),
        `${rel}: example uses ${typeName}`,
      );
      const schema = found.get('Schema') ?? '';
      const missing = schemaNames(type.schema).filter((name) => !inCodeSpan(schema, name.split('.').at(-1)!));
      t.same(missing, [], `${rel}: "## Schema" names every attribute and block`);
    }
    t.end();
  });

  t.test(`every page under ${kind.dir} documents a registered ${kind.label.toLowerCase()}`, (t) => {
    for (const rel of filesUnder(kind.dir, '.md')) {
      const typeName = `spire_${rel.slice(kind.dir.length + 1, -'.md'.length)}`;
      t.ok(kind.types.has(typeName), `${rel}: ${typeName} is registered`);
    }
    t.end();
  });
}

t.test('the provider page names every provider attribute', (t) => {
  const page = read('docs/index.md');
  const missing = schemaNames(spireProvider.schema).filter((name) => !inCodeSpan(page, name));
  t.same(missing, [], 'docs/index.md names every provider attribute');
  for (const section of ['Example Usage', 'Schema']) t.ok(sections(page).has(section), `has "## ${section}"`);
  t.end();
});

// --- spire-helper -------------------------------------------------------------------------------------

/** What the docs test reads of an oclif flag definition. */
interface FlagSpec {
  readonly char?: string;
  readonly aliases?: readonly string[];
  readonly options?: readonly string[];
}

interface CommandClass {
  readonly flags?: Readonly<Record<string, FlagSpec>>;
  readonly baseFlags?: Readonly<Record<string, FlagSpec>>;
  readonly enableJsonFlag?: boolean;
}

interface HelperCommand {
  /** As typed: `cert fetch`. */
  readonly name: string;
  readonly flags: Readonly<Record<string, FlagSpec>>;
}

const helperCommands: readonly HelperCommand[] = Object.entries(
  commands as Readonly<Record<string, CommandClass>>,
).map(([id, command]) => ({
  name: id.replaceAll(':', ' '),
  flags: {
    ...command.baseFlags,
    ...(command.enableJsonFlag === true ? { json: {} } : {}),
    ...command.flags,
  },
}));

const helperDocs = filesUnder('docs/helper', '.md').map((rel) => ({ rel, text: read(rel) }));
const allHelperDocs = helperDocs.map((d) => d.text).join('\n');
const commandsPage = read('docs/helper/commands.md');

/** Returns the section of docs/helper/commands.md headed `## \`spire-helper <name>…\``. */
function commandSection(name: string): string | undefined {
  for (const [heading, body] of sections(commandsPage)) {
    if (heading.startsWith(`\`spire-helper ${name}`) && /^`spire-helper [a-z ]+(?: \[|`| -)/.test(heading)) {
      const command = /^`spire-helper ((?:[a-z]+ ?)+)/.exec(heading)?.[1]?.trim();
      if (command === name) return body;
    }
  }
  return undefined;
}

t.test('every spire-helper command has a section in docs/helper/commands.md', (t) => {
  t.ok(helperCommands.length >= 4, 'the command map lists the commands');
  for (const command of helperCommands) {
    t.ok(commandSection(command.name), `## \`spire-helper ${command.name} …\``);
  }
  const documented = [...sections(commandsPage).keys()]
    .map((heading) => /^`spire-helper ((?:[a-z]+ ?)+)/.exec(heading)?.[1]?.trim())
    .filter((name): name is string => name !== undefined);
  for (const name of documented) {
    t.ok(
      helperCommands.some((c) => c.name === name),
      `commands.md documents spire-helper ${name}, which exists`,
    );
  }
  t.end();
});

t.test('every spire-helper flag, alias and short flag is in its command section', (t) => {
  for (const command of helperCommands) {
    const section = commandSection(command.name) ?? '';
    for (const [name, flag] of Object.entries(command.flags)) {
      const spellings = [`--${name}`, ...(flag.aliases ?? []).map((a) => `--${a}`)];
      if (flag.char !== undefined) spellings.push(`-${flag.char}`);
      for (const spelling of spellings) {
        t.ok(inCodeSpan(section, spelling), `spire-helper ${command.name}: ${spelling}`);
      }
      for (const option of flag.options ?? []) {
        t.ok(inCodeSpan(allHelperDocs, option), `spire-helper ${command.name} --${name}: value ${option}`);
      }
    }
  }
  t.end();
});

/**
 * Returns every `spire-helper <command> …` invocation written in a text, with the flags it uses. Lines
 * continued with `\` are joined; an invocation ends at a backtick, a table cell or a shell separator, and
 * quoted arguments (`--exec 'systemctl --no-block …'`) are skipped.
 */
function helperInvocations(text: string): { command: string; flags: string[]; line: number }[] {
  const found: { command: string; flags: string[]; line: number }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    const first = i;
    // A continued comment (`#   ExecStart=… \` then `#     --owner …`) continues without its `#`.
    while (line.endsWith('\\') && i + 1 < lines.length) {
      line = `${line.slice(0, -1)} ${lines[++i]!.replace(/^\s*#/, '')}`;
    }
    for (const match of line.matchAll(
      /spire-helper\s+(cert\s+fetch|check|kubeconfig|run)(?![\w-])([^`|;&]*)/g,
    )) {
      // Quoted arguments and a trailing shell comment are not flags of the command.
      const args = match[2]!.replace(/'[^']*'|"[^"]*"/g, '').replace(/\s#.*$/, '');
      const flags = args
        .split(/[\s,()]+/)
        .filter((word) => /^-{1,2}[A-Za-z]/.test(word))
        .map((word) => word.replace(/[=.:].*$/, ''));
      found.push({ command: match[1]!.replace(/\s+/, ' '), flags, line: first + 1 });
    }
  }
  return found;
}

t.test('every spire-helper flag the docs use exists', (t) => {
  const spellings = new Map(
    helperCommands.map((command) => [
      command.name,
      new Set([
        '--help',
        ...Object.entries(command.flags).flatMap(([name, flag]) => [
          `--${name}`,
          ...(flag.aliases ?? []).map((alias) => `--${alias}`),
          ...(flag.char === undefined ? [] : [`-${flag.char}`]),
        ]),
      ]),
    ]),
  );
  let checked = 0;
  for (const rel of new Set([...filesUnder('docs', '.md'), ...filesUnder('docs/helper/systemd', '')])) {
    for (const use of helperInvocations(read(rel))) {
      for (const flag of use.flags) {
        checked++;
        t.ok(
          spellings.get(use.command)?.has(flag),
          `${rel}:${use.line}: spire-helper ${use.command} ${flag}`,
        );
      }
    }
  }
  t.ok(checked > 20, `checked ${checked} flag uses`);
  t.end();
});

t.test('helperInvocations reads flags up to the end of the command', (t) => {
  t.same(
    helperInvocations("`spire-helper cert fetch /x --preset kubelet -o 837 --exec 'a --b'` and `--nope`"),
    [{ command: 'cert fetch', flags: ['--preset', '-o', '--exec'], line: 1 }],
  );
  t.same(
    helperInvocations('ExecStart=/opt/bin/spire-helper run \\\n  --config=/etc/x.yaml --check | grep y'),
    [{ command: 'run', flags: ['--config', '--check'], line: 1 }],
  );
  t.end();
});

t.test('every exit code is in the exit code table of docs/helper/README.md', (t) => {
  const table = sections(read('docs/helper/README.md')).get('Exit codes') ?? '';
  for (const [name, code] of Object.entries(ExitCode)) {
    t.match(table, new RegExp(`^\\| ${code} \\| ${name} \\|`, 'm'), `${code} ${name}`);
  }
  t.end();
});

t.test('every key of the run configuration file is in docs/helper/run.md', (t) => {
  const source = read('helper/daemon/config.ts');
  const lists = [...source.matchAll(/const [A-Z_]+_KEYS = \[([^\]]*)\]/g)].map((m) => m[1]!);
  const keys = new Set(lists.flatMap((list) => [...list.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]!)));
  t.ok(keys.size > 20, 'found the key lists in helper/daemon/config.ts');
  const page = read('docs/helper/run.md');
  for (const key of keys) t.ok(inCodeSpan(page, key), key);
  t.end();
});

t.test('every metric the daemon exports is in docs/helper/run.md', (t) => {
  const metrics = new Set(read('helper/daemon/metrics.ts').match(/spire_helper_[a-z_]+/g));
  t.ok(metrics.size > 5, 'found the metric names in helper/daemon/metrics.ts');
  const table = sections(read('docs/helper/run.md')).get('Metrics') ?? '';
  for (const metric of metrics) t.match(table, `| \`${metric}\` |`, metric);
  t.end();
});

// --- links -------------------------------------------------------------------------------------------

/** Returns the page with the contents of fenced code blocks blanked out, line numbers kept. */
function outsideFences(markdown: string): string {
  let inFence = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*```/.test(line)) {
        inFence = !inFence;
        return '';
      }
      return inFence ? '' : line;
    })
    .join('\n');
}

/** Returns the anchors GitHub gives the headings of a markdown page. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const found = new Set<string>();
  for (const line of outsideFences(markdown).split('\n')) {
    const heading = /^#{1,6}\s+(.*)$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const slug = heading
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    found.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return found;
}

t.test('every relative link in docs/ points at a file and a heading that exist', (t) => {
  let checked = 0;
  for (const rel of filesUnder('docs', '.md')) {
    const text = outsideFences(read(rel));
    for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = match[1]!;
      if (/^[a-z]+:/.test(target)) continue;
      const [path = '', anchor] = target.split('#');
      const file = path === '' ? rel : join(dirname(rel), path);
      checked++;
      if (!t.ok(existsSync(join(repoRoot, file)), `${rel}: ${target}: ${file} exists`)) continue;
      if (anchor !== undefined && file.endsWith('.md')) {
        t.ok(anchors(read(file)).has(anchor), `${rel}: ${target}: heading #${anchor} exists`);
      }
    }
  }
  t.ok(checked > 20, `checked ${checked} links`);
  t.end();
});

// --- terraform fmt ------------------------------------------------------------------------------------

interface Snippet {
  /** Where it came from, for messages: `docs/x.md:12` or `terraform/examples/…/main.tf`. */
  readonly origin: string;
  readonly text: string;
}

/** Returns the ```hcl and ```terraform blocks of a markdown file, indentation of the fence removed. */
function terraformBlocks(rel: string, markdown: string): Snippet[] {
  const blocks: Snippet[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\S*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !/^\s*```\s*$/.test(lines[j]!)) {
      body.push(lines[j]!.slice(Math.min(indent, /^\s*/.exec(lines[j]!)![0].length)));
      j++;
    }
    if (['hcl', 'terraform', 'tf'].includes(open[2]!)) {
      blocks.push({ origin: `${rel}:${i + 2}`, text: `${body.join('\n')}\n` });
    }
    i = j;
  }
  return blocks;
}

/** Returns the terraform binary on PATH, or undefined. */
function terraformOnPath(): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    const candidate = join(dir, 'terraform');
    if (dir !== '' && existsSync(candidate)) return candidate;
  }
  return undefined;
}

interface FmtResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function terraformFmt(terraform: string, args: readonly string[], cwd: string): Promise<FmtResult> {
  return new Promise((done) => {
    execFile(
      terraform,
      ['fmt', '-no-color', ...args],
      // An empty CLI configuration: fmt needs none, and a missing ~/.terraformrc only adds warnings.
      { cwd, env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', CHECKPOINT_DISABLE: '1' } },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        done({ code, stdout, stderr });
      },
    );
  });
}

const terraform = terraformOnPath();

t.test(
  'every Terraform block in docs/ and every .tf file under terraform/examples is terraform fmt clean',
  { skip: terraform === undefined ? 'terraform is not on PATH' : false },
  async (t) => {
    const snippets: Snippet[] = [
      ...filesUnder('docs', '.md').flatMap((rel) => terraformBlocks(rel, read(rel))),
      ...filesUnder('terraform/examples', '.tf').map((rel) => ({ origin: rel, text: read(rel) })),
    ];
    t.ok(
      snippets.some((s) => s.origin.startsWith('docs/')),
      'found blocks in docs/',
    );
    t.ok(
      snippets.some((s) => s.origin.startsWith('terraform/')),
      'found files under terraform/examples',
    );
    // One file per snippet, each in its own directory (fmt does not care, but a reader of a failure does).
    const dir = t.testdir({});
    const originOf = new Map<string, string>();
    snippets.forEach((snippet, index) => {
      const file = join(String(index).padStart(4, '0'), 'snippet.tf');
      mkdirSync(join(dir, dirname(file)), { recursive: true });
      writeFileSync(join(dir, file), snippet.text);
      originOf.set(file, snippet.origin);
    });
    const all = await terraformFmt(terraform!, ['-check', '-recursive', '-list=true', '.'], dir);
    if (all.code === 0) {
      t.pass(`${snippets.length} blocks and files are fmt clean`);
      return;
    }
    // Something failed: check each snippet alone to name every culprit (a syntax error stops fmt early).
    for (const [file, origin] of originOf) {
      const one = await terraformFmt(terraform!, ['-check', '-diff', file], dir);
      t.equal(one.code, 0, `${origin} is terraform fmt clean`, { diff: `${one.stdout}${one.stderr}` });
    }
  },
);

t.test('terraformBlocks finds fenced blocks, removes their indentation and reports their line', (t) => {
  const markdown = [
    '# x',
    '```hcl',
    'a = 1',
    '```',
    '- item',
    '  ```terraform',
    '  b = 2',
    '  ```',
    '```sh',
    'c',
    '```',
  ];
  t.same(terraformBlocks('docs/x.md', markdown.join('\n')), [
    { origin: 'docs/x.md:3', text: 'a = 1\n' },
    { origin: 'docs/x.md:7', text: 'b = 2\n' },
  ]);
  t.end();
});
