// Bundles spire-helper (helper/bundle.ts and everything it imports, dependencies included) into
// dist/helper/spire-helper.mjs and a few chunks next to it, which helper/bin/spire-helper runs when present.
// A handful of files means a handful of module loads at start instead of resolving, reading and compiling a
// few hundred: most of what a oneshot `cert fetch` used to spend (docs/helper/README.md, "Start-up time").
//
//   node scripts/bundle-helper.mjs [--outdir DIR] [--minify none|syntax|all]    (npm run bundle:helper)
//
// Rules the bundle keeps so that code behaves as it does unbundled:
// - Native addons (koffi) stay outside and are loaded from node_modules when used.
// - `import.meta.url` in a bundled module means that module's own source file, as it would unbundled
//   (src/core/proto finds its .proto files next to itself); only in the entry is it the bundle. The URL is
//   computed relative to the bundle at run time, so the installed tree can move with it.
// - CommonJS dependencies get `require`, `__filename` and `__dirname` of their own source file.
// - What is imported dynamically stays lazy and goes into chunks of its own (code splitting), so
//   `cert fetch` neither loads nor compiles the daemon's modules (YAML, HTTP server, sd_notify) or execa.
// The build is a cache of the sources: rebuild it after changing them (the bin prefers it to both the tsc
// output and the sources).
import { build } from 'esbuild';
import { readFile, readdir, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { outdir: { type: 'string' }, minify: { type: 'string' } } });
const outdir = resolve(values.outdir ?? join(root, 'dist/helper'));
const outfile = join(outdir, 'spire-helper.mjs');
const entry = join(root, 'helper/bundle.ts');
// typescript: oclif reads tsconfig.json with it in development only (never in a build: see README).
const EXTERNAL = ['koffi', 'typescript'];

/** Returns a JS expression for the file URL of `file`, relative to the bundle at run time. */
function urlOf(file) {
  const path = relative(dirname(outfile), file).split('\\').join('/');
  return `new URL(${JSON.stringify(path)}, __bundleUrl).href`;
}

/** Per-module file identity: import.meta.url for ES modules, __filename/__dirname for CommonJS. */
const sourceLocation = {
  name: 'source-location',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.(?:[cm]?js|ts)$/ }, async (args) => {
      if (args.path === entry) return undefined;
      const text = await readFile(args.path, 'utf8');
      const usesMeta = text.includes('import.meta.url');
      const usesDirname = text.includes('__dirname') || text.includes('__filename');
      if (!usesMeta && !usesDirname) return undefined;
      const loader = args.path.endsWith('.ts') ? 'ts' : 'js';
      let contents = text;
      if (usesMeta) contents = contents.replaceAll('import.meta.url', `(${urlOf(args.path)})`);
      if (usesDirname && !/\bimport\s|\bexport\s/.test(text)) {
        contents =
          `var __filename = __bundleFileUrlToPath(${urlOf(args.path)}), __dirname = __bundleDirname(__filename);\n` +
          contents;
      }
      return { contents, loader, resolveDir: dirname(args.path) };
    });
  },
};

// An ES module import of a Node builtin makes Node build a namespace for it by reading every export, which
// runs the builtin's lazy getters: `node:http` loads undici for its WebSocket export (+11 MB resident),
// `node:fs`, `node:util` and `node:process` a few MB each. Bundled code gets builtins through require()
// instead, which reads only the exports it uses.
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const builtinsThroughRequire = {
  name: 'builtins-through-require',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[a-z_:/0-9]+$/ }, (args) => {
      if (!builtins.has(args.path)) return undefined;
      if (args.kind === 'require-call') return { path: args.path, external: true };
      return { path: args.path, namespace: 'builtin' };
    });
    pluginBuild.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

// @peculiar/x509 imports every ASN.1 module of its family (CMS, PKCS#9, post-quantum keys, ...); their only
// side effects are schema registrations for their own classes. Taken as ES modules without side effects,
// the ones the helper never reaches are left out (less code to load and keep in memory).
const peculiarWithoutSideEffects = {
  name: 'peculiar-without-side-effects',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^@peculiar\/asn1-/ }, async (args) => {
      if (args.pluginData === 'resolving') return undefined;
      const resolved = await pluginBuild.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: 'resolving',
      });
      return resolved.errors.length > 0 ? undefined : { ...resolved, sideEffects: false };
    });
  },
};

// oclif sorts the command IDs with localeCompare on every start, which loads ICU's collation data (2.3 MB
// resident) for four ASCII IDs; code-unit order is the same for them. The build fails if the line moved.
const oclifSortWithoutCollator = {
  name: 'oclif-sort-without-collator',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /@oclif[\\/]core[\\/]lib[\\/]config[\\/]plugin\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const sort = '.sort((a, b) => a.id.localeCompare(b.id));';
      if (!text.includes(sort)) throw new Error(`${args.path}: the command sort this build replaces is gone`);
      const contents = text.replace(sort, '.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));');
      return { contents, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

const banner = [
  '// spire-helper, bundled by scripts/bundle-helper.mjs; the sources are in helper/ and src/core/.',
  "import { createRequire as __bundleCreateRequire } from 'node:module';",
  "import { fileURLToPath as __bundleFileUrlToPath } from 'node:url';",
  "import { dirname as __bundleDirname } from 'node:path';",
  'const __bundleUrl = import.meta.url;',
  'const require = __bundleCreateRequire(__bundleUrl);',
].join('\n');

const minify = values.minify ?? 'syntax';
// Chunk names change with their content: drop the previous build's so none is left behind.
for (const name of await readdir(outdir).catch(() => [])) {
  if (/^spire-helper(?:-[A-Z0-9]+)?\.mjs(?:\.map)?$/.test(name)) await rm(join(outdir, name));
}
const result = await build({
  entryPoints: { 'spire-helper': entry },
  outdir,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'spire-helper-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  external: EXTERNAL,
  banner: { js: banner },
  plugins: [builtinsThroughRequire, peculiarWithoutSideEffects, oclifSortWithoutCollator, sourceLocation],
  mainFields: ['module', 'main'],
  inject: [join(root, 'src/core/x509/reflect-polyfill.ts')],
  minifyWhitespace: minify !== 'none',
  minifySyntax: minify !== 'none',
  minifyIdentifiers: minify === 'all',
  keepNames: minify === 'all',
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  tsconfig: join(root, 'helper/tsconfig.json'),
});

const outputs = Object.entries(result.metafile.outputs).filter(([path]) => path.endsWith('.mjs'));
const total = outputs.reduce((sum, [, output]) => sum + output.bytes, 0);
process.stdout.write(
  `${relative(root, outfile)} and ${outputs.length - 1} chunks: ${(total / 1024).toFixed(0)} KiB\n`,
);
if (process.env.BUNDLE_ANALYZE) {
  for (const [path, output] of outputs) {
    process.stdout.write(`${path}: ${(output.bytes / 1024).toFixed(0)} KiB\n`);
    const byPackage = new Map();
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name =
        /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? input.split('/').slice(0, 2).join('/');
      byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
    }
    for (const [name, size] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
      process.stdout.write(`${(size / 1024).toFixed(0).padStart(8)} KiB  ${name}\n`);
    }
  }
}
