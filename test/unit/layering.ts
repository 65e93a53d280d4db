// Guards the dependency direction in ../shared/DESIGN.md: core depends on nothing outside itself, the
// provider and the helper never import each other, shells reach core only through a module's index.ts,
// and proto-generated types stay inside the modules that own a wire.
import t from 'tap';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Which core modules each core module may import (besides itself). */
const coreDeps: Record<string, readonly string[]> = {
  errors: [],
  proto: [],
  generated: [],
  spiffeid: ['errors'],
  x509: ['errors'],
  bundle: ['errors', 'spiffeid', 'x509'],
  svid: ['errors', 'spiffeid', 'x509', 'bundle'],
  workloadapi: ['errors', 'spiffeid', 'x509', 'bundle', 'svid', 'proto', 'generated'],
  spireapi: ['errors', 'spiffeid', 'x509', 'bundle', 'svid', 'proto', 'generated'],
};

function sources(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

/** Returns the repo-relative targets of the relative imports in a file. */
function relativeImports(root: string, file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map(
    (m) => m[1]!,
  );
  const dynamic = [...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
  return [...specs, ...dynamic]
    .filter((s) => s.startsWith('.'))
    .map((s) => relative(root, resolve(dirname(file), s)));
}

function violations(root: string): string[] {
  const found: string[] = [];
  for (const file of sources(join(root, 'src/core'))) {
    const rel = relative(root, file);
    const mod = rel.split('/')[2]!;
    if (mod === 'generated') continue;
    for (const target of relativeImports(root, file)) {
      if (!target.startsWith('src/core/')) {
        found.push(`${rel} imports ${target}: src/core may not import outside itself`);
        continue;
      }
      const targetMod = target.split('/')[2]!;
      if (targetMod === mod) continue;
      const allowed = coreDeps[mod];
      if (allowed === undefined) found.push(`${rel}: core module '${mod}' is not listed in the layering map`);
      else if (!allowed.includes(targetMod))
        found.push(`${rel} imports ${target}: '${mod}' may not depend on '${targetMod}'`);
      else if (
        targetMod !== 'generated' &&
        targetMod !== 'proto' &&
        !/^src\/core\/[^/]+\/index\.js$/.test(target)
      )
        found.push(`${rel} imports ${target}: import another core module through its index.js`);
    }
  }
  for (const shell of ['provider', 'helper', 'composer', 'registrar', 'src/goplugin']) {
    for (const file of sources(join(root, shell))) {
      const rel = relative(root, file);
      for (const target of relativeImports(root, file)) {
        if (target.startsWith('test/'))
          found.push(`${rel} imports ${target}: product code may not import tests`);
        if (shell === 'provider' && target.startsWith('helper/'))
          found.push(`${rel} imports ${target}: provider and helper are independent`);
        if (shell === 'helper' && target.startsWith('provider/'))
          found.push(`${rel} imports ${target}: provider and helper are independent`);
        if (shell !== 'composer' && target.startsWith('composer/'))
          found.push(`${rel} imports ${target}: the composer is a leaf`);
        if (shell === 'composer' && /^(provider|helper)\//.test(target))
          found.push(`${rel} imports ${target}: the composer is a leaf`);
        if (shell !== 'registrar' && target.startsWith('registrar/'))
          found.push(`${rel} imports ${target}: the registrar is a leaf`);
        if (shell === 'registrar' && /^(provider|helper|composer|src\/goplugin)\//.test(target))
          found.push(`${rel} imports ${target}: the registrar is a leaf and imports src/core only`);
        if (shell === 'src/goplugin' && /^(provider|helper|composer|registrar)\//.test(target))
          found.push(`${rel} imports ${target}: src/goplugin is shared and imports no plugin`);
        if (
          shell !== 'src/goplugin' &&
          target.startsWith('src/goplugin/') &&
          target !== 'src/goplugin/index.js'
        )
          found.push(`${rel} imports ${target}: use src/goplugin/index.js`);
        if (target.startsWith('src/core/generated/') || target.startsWith('src/core/proto/'))
          found.push(`${rel} imports ${target}: SPIFFE/SPIRE wire types stay inside src/core`);
        else if (target.startsWith('src/core/') && !/^src\/core\/[^/]+\/index\.js$/.test(target))
          found.push(`${rel} imports ${target}: use the module's index.js`);
      }
    }
  }
  return found;
}

t.test('imports follow the layering in DESIGN.md', (t) => {
  t.ok(sources(join(repoRoot, 'src/core')).length > 0, 'found core sources to scan');
  t.same(violations(repoRoot), []);
  t.end();
});

t.test('the checker reports each kind of violation (guards against a scan that sees nothing)', (t) => {
  const dir = t.testdir({
    src: {
      core: {
        errors: { 'index.ts': "import { x } from '../../../provider/main.js';\n" },
        spiffeid: { 'index.ts': "import { y } from '../svid/index.js';\n" },
        svid: { 'index.ts': "import { z } from '../spiffeid/parse.js';\n" },
      },
    },
    provider: {
      'main.ts': "import { h } from '../helper/x.js';\nimport { g } from '../src/core/generated/types.js';\n",
    },
    helper: {
      'x.ts': "export { w } from '../src/core/svid/verify.js';\n",
      'y.ts': "import { n } from '../registrar/ids.js';\n",
    },
    composer: { 'main.ts': "import { s } from '../src/goplugin/serve.js';\n" },
    registrar: { 'main.ts': "import { r } from '../provider/provider.js';\n" },
  });
  const found = violations(dir);
  t.match(found, [
    /errors\/index\.ts imports provider\/main\.js: src\/core may not import outside itself/,
    /spiffeid\/index\.ts imports src\/core\/svid\/index\.js: 'spiffeid' may not depend on 'svid'/,
    /svid\/index\.ts imports src\/core\/spiffeid\/parse\.js: import another core module through its index\.js/,
    /provider\/main\.ts imports helper\/x\.js: provider and helper are independent/,
    /provider\/main\.ts imports src\/core\/generated\/types\.js: SPIFFE\/SPIRE wire types stay inside src\/core/,
    /helper\/x\.ts imports src\/core\/svid\/verify\.js: use the module's index\.js/,
    /helper\/y\.ts imports registrar\/ids\.js: the registrar is a leaf/,
    /composer\/main\.ts imports src\/goplugin\/serve\.js: use src\/goplugin\/index\.js/,
    /registrar\/main\.ts imports provider\/provider\.js: the registrar is a leaf and imports src\/core only/,
  ]);
  t.equal(found.length, 9);
  t.end();
});
