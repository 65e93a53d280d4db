// The Puppet module as Puppet's own tools read it: every manifest and type parses, every template
// validates, puppet-lint finds nothing (warnings fail), metadata.json is what the Forge expects, and the
// module's preset type lists exactly spire-helper's presets.
import t from 'tap';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PRESET_NAMES } from '../../../helper/outputs/presets.js';
import { filesUnder, missing, PUPPET_DIR, run } from './fixtures/puppet.js';

t.setTimeout(120_000);

const MANIFEST_DIRS = ['manifests', 'types'];

const noPuppet = (await missing(['puppet'])) ?? false;
const noLint = (await missing(['puppet-lint'])) ?? false;

t.test('puppet parser validate accepts every manifest and type', { skip: noPuppet }, async (t) => {
  const files = (
    await Promise.all(MANIFEST_DIRS.map((dir) => filesUnder(join(PUPPET_DIR, dir), ['.pp'])))
  ).flatMap((names, i) => names.map((name) => join(PUPPET_DIR, MANIFEST_DIRS[i] ?? '', name)));
  t.ok(files.length >= 12, `found ${files.length} manifests`);
  const result = await run('puppet', ['parser', 'validate', '--color=false', ...files]);
  t.equal(result.exitCode, 0, result.stderr + result.stdout);
  t.equal(result.stderr, '', 'no warnings');
});

t.test('puppet epp validate accepts every template', { skip: noPuppet }, async (t) => {
  const templates = (await filesUnder(join(PUPPET_DIR, 'templates'), ['.epp'])).map((name) =>
    join(PUPPET_DIR, 'templates', name),
  );
  t.ok(templates.length >= 9, `found ${templates.length} templates`);
  const result = await run('puppet', ['epp', 'validate', '--color=false', ...templates]);
  t.equal(result.exitCode, 0, result.stderr + result.stdout);
});

t.test('puppet-lint reports no error and no warning', { skip: noLint }, async (t) => {
  // --relative: the module lives in puppet/, not in a directory named after it (autoloader_layout).
  const result = await run('puppet-lint', ['--relative', '--fail-on-warnings', ...MANIFEST_DIRS], {
    cwd: PUPPET_DIR,
  });
  t.equal(result.exitCode, 0, result.stdout + result.stderr);
  t.equal(result.stdout, '');
});

t.test(
  'metadata.json has every key Puppet requires, names the module spire, needs no other module',
  async (t) => {
    const metadata = JSON.parse(await readFile(join(PUPPET_DIR, 'metadata.json'), 'utf8')) as {
      name: string;
      version: string;
      dependencies: unknown[];
      requirements: { name: string; version_requirement: string }[];
    };
    // Puppet refuses to load a module whose metadata lacks one of these ("No source module metadata").
    for (const key of ['name', 'version', 'author', 'license', 'summary', 'source', 'dependencies']) {
      t.ok(key in metadata, `has ${key}`);
    }
    t.match(metadata.name, /^[a-z0-9]+-spire$/);
    t.match(metadata.version, /^\d+\.\d+\.\d+$/);
    t.same(metadata.dependencies, []);
    t.same(
      metadata.requirements.map((r) => r.name),
      ['puppet'],
    );
  },
);

t.test('Spire::Preset lists exactly the presets spire-helper knows', async (t) => {
  const text = await readFile(join(PUPPET_DIR, 'types', 'preset.pp'), 'utf8');
  const names = [...text.matchAll(/^\s+'([a-z0-9-]+)',$/gm)].map((m) => m[1]);
  t.same(names, PRESET_NAMES);
});

t.test(
  'every class and defined type documents itself and each parameter (puppet-strings tags)',
  async (t) => {
    const files = (await filesUnder(join(PUPPET_DIR, 'manifests'), ['.pp'])).map((name) =>
      join(PUPPET_DIR, 'manifests', name),
    );
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      const header = /^((?:#.*\n)+)(?:class|define) ([a-z:_]+)\s*(?:\(([\s\S]*?)\n\)\s*)?\{/m.exec(text);
      if (header === null) {
        t.fail(`${file}: no documented class or define`);
        continue;
      }
      const [, comment = '', name = '', params = ''] = header;
      t.match(comment, /^# @summary \S/m, `${name}: @summary`);
      const declared = [...params.matchAll(/\$([a-z_][a-z0-9_]*)\s*(?:=|,|$)/gm)].map((m) => m[1]);
      const documented = [...comment.matchAll(/^# @param ([a-z_][a-z0-9_]*)$/gm)].map((m) => m[1]);
      t.same(documented, declared, `${name}: one @param per parameter, in order`);
    }
  },
);
