// Packages terraform-provider-spire for a Terraform/OpenTofu `filesystem_mirror`:
//
//   <out>/registry.terraform.io/tarmak/spire/<version>/<os>_<arch>/
//     terraform-provider-spire_v<version>   sh launcher: exec node (22 or later) on lib/provider.mjs
//     lib/provider.mjs                      provider/main.ts and what the handshake needs, an ES module
//     lib/chunk-<hash>.mjs                  the rest of what it imports, loaded after the handshake
//     lib/<dir>/**/*.proto                  the .proto trees the bundled loaders read at run time
//
//   npm run package [-- --out DIR] [-- --platform linux_amd64 ...]       (default out: dist/terraform-mirror)
//   tsx scripts/package-provider.ts --lib DIR [--entry FILE]               (bundle only; the test harness)
//
// The bundle is plain JavaScript, so every Unix platform gets the same files; the launcher needs `node`
// (22 or later) on PATH, or the Node named by $TERRAFORM_PROVIDER_SPIRE_NODE. Rules the bundle keeps so
// that code behaves as it does from source:
// - `import.meta.url` in a bundled module is that module's own path under lib/ (lib/<path from the repo
//   root>), so the proto loaders (provider/proto/load.ts, src/core/proto, src/goplugin/proto) find their
//   .proto trees, which are copied to the same relative places. Likewise `__dirname`/`__filename` in
//   CommonJS dependencies, with the files they read listed in ASSETS (the HCL parser's WebAssembly).
// - CommonJS dependencies get a `require` (createRequire) for Node built-ins.
// - provider/render/hcl2-parser.ts imports @cdktf/hcl2json through a variable (to keep its DOM typings out
//   of the type checker); the bundle turns that into a literal import so the parser is bundled too.
// - A Node older than 22 gets a one-line message on stderr and exit 1, not a stack trace.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Plugin } from 'esbuild';

const root = resolve(import.meta.dirname, '..');

/** The provider's source address (docs/index.md, terraform/examples/provider). */
export const providerAddress = { hostname: 'registry.terraform.io', namespace: 'tarmak', type: 'spire' };

/** The Node.js major version the bundle needs (package.json engines). */
export const MIN_NODE_MAJOR = 22;

/** The environment variable naming the Node.js executable the launcher runs instead of `node` on PATH. */
export const NODE_ENV_VAR = 'TERRAFORM_PROVIDER_SPIRE_NODE';

/** The platforms `npm run package` writes by default: the launcher is sh, the bundle portable. */
const DEFAULT_PLATFORMS = ['linux_amd64', 'linux_arm64', 'darwin_amd64', 'darwin_arm64'];

/** Returns the Terraform platform name (`linux_amd64`) of this machine. */
export function hostPlatform(): string {
  const arch: Record<string, string> = { x64: 'amd64', arm64: 'arm64', ia32: '386', arm: 'arm' };
  return `${process.platform}_${arch[process.arch] ?? process.arch}`;
}

/** Returns the version in package.json, which is the provider's version. */
export function providerVersion(): string {
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

// ---- bundle -----------------------------------------------------------------------------------------------

/** Files read at run time by bundled dependencies (through `__dirname`), copied to lib/<same path>. */
const ASSETS = [{ module: 'node_modules/@cdktf/hcl2json', file: 'main.wasm.gz' }];

/** Imports whose specifier is a variable in the source, made literal in the bundle (see above). */
const LITERAL_IMPORTS: Readonly<Record<string, { readonly from: string; readonly to: string }>> = {
  'provider/render/hcl2-parser.ts': {
    from: 'import(hcl2jsonModule)',
    // In a chunk of its own (splitting), the CommonJS package is that chunk's default export only.
    to: "import('@cdktf/hcl2json').then((m) => m.default ?? m)",
  },
};

/**
 * Rewrites `import.meta.url` (ES modules) and `__dirname`/`__filename` (CommonJS) of every module but the
 * entry to the module's own path under the bundle's directory, and applies LITERAL_IMPORTS.
 */
function sourceLocation(entry: string): Plugin {
  return {
    name: 'source-location',
    setup(build) {
      build.onLoad({ filter: /\.(?:[cm]?js|ts)$/ }, (args) => {
        if (args.path === entry) return undefined;
        const own = relative(root, args.path).split('\\').join('/');
        let text = readFileSync(args.path, 'utf8');
        const literal = LITERAL_IMPORTS[own];
        if (literal !== undefined) {
          if (!text.includes(literal.from)) throw new Error(`${own} no longer contains ${literal.from}`);
          text = text.replaceAll(literal.from, literal.to);
        }
        const usesMeta = text.includes('import.meta.url');
        const usesDirname =
          (text.includes('__dirname') || text.includes('__filename')) &&
          !/^\s*(?:import|export)\s/m.test(text);
        if (literal === undefined && !usesMeta && !usesDirname) return undefined;
        if (own.startsWith('..')) throw new Error(`${args.path} reads files but is outside the repository`);
        const url = `new URL(${JSON.stringify(own)}, __bundleUrl)`;
        if (usesMeta) text = text.replaceAll('import.meta.url', `${url}.href`);
        if (usesDirname) {
          text =
            `var __filename = __bundleFileUrlToPath(${url}), __dirname = __bundleDirname(__filename);\n` +
            text;
        }
        return {
          contents: text,
          loader: args.path.endsWith('.ts') ? 'ts' : 'js',
          resolveDir: dirname(args.path),
        };
      });
    },
  };
}

const banner = (name: string): string =>
  [
    `// ${name}, bundled by scripts/package-provider.ts from provider/ and src/ (see the repository).`,
    "import { createRequire as __bundleCreateRequire } from 'node:module';",
    "import { fileURLToPath as __bundleFileUrlToPath } from 'node:url';",
    "import { dirname as __bundleDirname } from 'node:path';",
    'const __bundleUrl = import.meta.url;',
    'const require = __bundleCreateRequire(__bundleUrl);',
    `if (Number(process.versions.node.split('.')[0]) < ${MIN_NODE_MAJOR}) {`,
    `  process.stderr.write(${JSON.stringify(`${name} needs Node.js ${MIN_NODE_MAJOR} or later, found `)} + process.version + ' at ' + process.execPath + ${JSON.stringify(` (put a newer node on PATH, or set ${NODE_ENV_VAR})\n`)});`,
    '  process.exit(1);',
    '}',
  ].join('\n');

export interface BundleResult {
  /** The bundle's entry module (lib/provider.mjs); its chunks are next to it. */
  readonly main: string;
  /** Source files in the bundle, relative to the repository root. */
  readonly inputs: readonly string[];
}

/**
 * Bundles `entry` (default provider/main.ts) into `<libDir>/provider.mjs` (plus the chunks it imports on
 * demand, next to it) and copies the .proto trees of the modules that load them; returns the bundle's path.
 */
export async function bundleProvider(options: {
  readonly libDir: string;
  readonly entry?: string;
}): Promise<BundleResult> {
  const { build } = await import('esbuild');
  const entry = resolve(options.entry ?? join(root, 'provider/main.ts'));
  const main = join(options.libDir, 'provider.mjs');
  mkdirSync(options.libDir, { recursive: true });
  const result = await build({
    entryPoints: { provider: entry },
    outdir: options.libDir,
    // Modules the entry imports on demand (import()) go into chunks of their own, next to the entry so that
    // every file's import.meta.url is in lib/: a start parses only what the handshake line needs
    // (src/goplugin/serve.ts), then the rest.
    splitting: true,
    chunkNames: 'chunk-[hash]',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${MIN_NODE_MAJOR}`,
    // provider/main.ts serves when it is the main module; in the bundle it is, whatever the Node version.
    // A fixture entry that imports main.ts serves its own provider instead.
    define: { 'import.meta.main': entry === join(root, 'provider/main.ts') ? 'true' : 'false' },
    banner: { js: banner('terraform-provider-spire') },
    // @cdktf/hcl2json's WebAssembly glue falls back to this package only where Node has no `performance`.
    external: ['performance'],
    plugins: [sourceLocation(entry)],
    legalComments: 'eof',
    logLevel: 'warning',
    metafile: true,
  });
  const inputs = Object.keys(result.metafile.inputs);
  // Every directory of a module that reads files next to itself gets its .proto files copied alongside.
  const protoDirs = new Set<string>();
  for (const input of inputs) {
    if (input.startsWith('node_modules/') || !/\.[cm]?[jt]s$/.test(input)) continue;
    if (readFileSync(join(root, input), 'utf8').includes('import.meta.url')) protoDirs.add(dirname(input));
  }
  for (const dir of protoDirs) copyProtos(join(root, dir), join(options.libDir, dir));
  for (const { module, file } of ASSETS) {
    if (!inputs.some((input) => input.startsWith(`${module}/`))) continue;
    mkdirSync(join(options.libDir, module), { recursive: true });
    cpSync(join(root, module, file), join(options.libDir, module, file));
  }
  return { main, inputs };
}

function copyProtos(from: string, to: string): void {
  for (const item of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, item.name);
    if (item.isDirectory()) copyProtos(source, join(to, item.name));
    else if (item.name.endsWith('.proto')) {
      mkdirSync(to, { recursive: true });
      cpSync(source, join(to, item.name));
    }
  }
}

// ---- package ----------------------------------------------------------------------------------------------

/** Returns the launcher: sh, so that it runs wherever Terraform does; `exec` so Terraform's kill reaches node. */
function launcher(version: string): string {
  return [
    '#!/bin/sh',
    `# terraform-provider-spire ${version}: runs lib/provider.mjs with Node.js ${MIN_NODE_MAJOR} or later,`,
    `# $${NODE_ENV_VAR} when set, else \`node\` on PATH. Terraform starts this file and later kills`,
    '# the process it started, so the shell must exec node. Every command started here delays the',
    '# handshake, so readlink runs only when this file is a symlink, and the directory is cut off by sh.',
    'self=$0',
    'if [ -L "$self" ]; then self=$(readlink -f "$self" 2>/dev/null || printf %s "$self"); fi',
    'case $self in */*) dir=${self%/*} ;; *) dir=. ;; esac',
    `exec "\${${NODE_ENV_VAR}:-node}" "$dir/lib/provider.mjs" "$@"`,
    '',
  ].join('\n');
}

export interface PackageResult {
  readonly version: string;
  /** One directory per platform, each holding the launcher and lib/. */
  readonly platformDirs: readonly string[];
}

/** Writes the filesystem-mirror layout for `platforms` under `outDir` and returns where. */
export async function packageProvider(options: {
  readonly outDir: string;
  readonly platforms?: readonly string[];
  readonly version?: string;
}): Promise<PackageResult> {
  const version = options.version ?? providerVersion();
  const platforms = options.platforms ?? [...new Set([...DEFAULT_PLATFORMS, hostPlatform()])];
  const { hostname, namespace, type } = providerAddress;
  const base = join(options.outDir, hostname, namespace, type, version);
  rmSync(base, { recursive: true, force: true });
  const staging = join(base, '.lib');
  await bundleProvider({ libDir: staging });
  const platformDirs: string[] = [];
  for (const platform of platforms) {
    if (!/^[a-z0-9]+_[a-z0-9]+$/.test(platform))
      throw new Error(`platform must look like linux_amd64, got ${platform}`);
    const dir = join(base, platform);
    mkdirSync(dir, { recursive: true });
    cpSync(staging, join(dir, 'lib'), { recursive: true });
    const bin = join(dir, `terraform-provider-${type}_v${version}`);
    writeFileSync(bin, launcher(version));
    chmodSync(bin, 0o755);
    platformDirs.push(dir);
  }
  rmSync(staging, { recursive: true, force: true });
  return { version, platformDirs };
}

// ---- a cached bundle for tests and benchmarks ---------------------------------------------------------------

/** Returns a hash of the files under `dirs` (relative to the repository root) and of `files`. */
function hashSources(dirs: readonly string[], files: readonly string[]): string {
  // The checkout's own path too: the cached launcher names this checkout's Node.
  const hash = createHash('sha256').update(root).update('\0');
  const add = (p: string): void => {
    hash.update(relative(root, p)).update('\0').update(readFileSync(p)).update('\0');
  };
  const walk = (dir: string): void => {
    const items = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const item of items) {
      const p = join(dir, item.name);
      if (item.isDirectory()) walk(p);
      else if (/\.(?:ts|mts|js|mjs|json|proto)$/.test(item.name)) add(p);
    }
  };
  for (const dir of dirs) walk(resolve(root, dir));
  for (const file of files) add(resolve(root, file));
  return hash.digest('hex').slice(0, 16);
}

export interface CachedBundle {
  /** The bundled ES module. */
  readonly main: string;
  /** A directory holding `terraform-provider-spire`, a launcher running the bundle with this checkout's Node. */
  readonly binDir: string;
}

/**
 * Returns a bundle of `entry` (default provider/main.ts) built from the current sources, building it (in a
 * child process, so callers stay synchronous) when no bundle of these sources exists under os.tmpdir()
 * yet. The key hashes provider/, src/, the entry's own directory, this script and the lock file.
 * Concurrent callers build side by side; the first rename wins, and the others use its result.
 */
export function cachedBundle(options: { readonly entry?: string } = {}): CachedBundle {
  const entry = resolve(options.entry ?? join(root, 'provider/main.ts'));
  const key = hashSources(
    ['provider', 'src', dirname(entry)],
    ['scripts/package-provider.ts', 'package-lock.json'],
  );
  const dir = join(tmpdir(), `terraform-provider-spire-bundle-${key}`);
  const result = { main: join(dir, 'provider.mjs'), binDir: join(dir, 'bin') };
  if (existsSync(result.binDir)) {
    // Marks it as in use, for pruneCachedBundles.
    const now = new Date();
    utimesSync(dir, now, now);
    return result;
  }
  const building = `${dir}.${process.pid}.${Date.now()}`;
  const node = join(root, 'node_modules/.bin/node');
  execFileSync(
    node,
    [
      '--import',
      join(root, 'node_modules/tsx/dist/loader.mjs'),
      join(root, 'scripts/package-provider.ts'),
      '--lib',
      building,
      '--entry',
      entry,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  mkdirSync(join(building, 'bin'));
  const launcherPath = join(building, 'bin/terraform-provider-spire');
  // The compile cache (provider/compile-cache.ts) goes with the bundle, and is pruned with it: in the
  // user's cache directory, every edit of the sources would leave one behind.
  writeFileSync(
    launcherPath,
    `#!/bin/sh\nNODE_COMPILE_CACHE="${join(dir, 'compile-cache')}"\nexport NODE_COMPILE_CACHE\nexec "${node}" "${result.main}" "$@"\n`,
  );
  chmodSync(launcherPath, 0o755);
  try {
    renameSync(building, dir);
  } catch {
    // Another process finished first: its bundle is built from the same sources.
    rmSync(building, { recursive: true, force: true });
  }
  pruneCachedBundles();
  return result;
}

/** Removes cached bundles of other sources not used for a day (each edit of the sources makes one). */
function pruneCachedBundles(): void {
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith('terraform-provider-spire-bundle-')) continue;
    const path = join(tmpdir(), name);
    try {
      if (statSync(path).mtimeMs < dayAgo) rmSync(path, { recursive: true, force: true });
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

// ---- command line -------------------------------------------------------------------------------------------

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      platform: { type: 'string', multiple: true },
      lib: { type: 'string' },
      entry: { type: 'string' },
    },
  });
  if (values.lib !== undefined) {
    await bundleProvider({ libDir: resolve(values.lib), ...(values.entry ? { entry: values.entry } : {}) });
  } else {
    const outDir = resolve(values.out ?? join(root, 'dist/terraform-mirror'));
    const result = await packageProvider({
      outDir,
      ...(values.platform === undefined ? {} : { platforms: values.platform }),
    });
    const { hostname, namespace, type } = providerAddress;
    process.stdout.write(
      [
        `terraform-provider-${type} ${result.version} packaged for ${result.platformDirs.length} platforms:`,
        ...result.platformDirs.map((d) => `  ${relative(process.cwd(), d) || '.'}`),
        '',
        'Use it with a CLI configuration (~/.terraformrc or $TF_CLI_CONFIG_FILE):',
        '  provider_installation {',
        `    filesystem_mirror {`,
        `      path    = "${outDir}"`,
        `      include = ["${hostname}/${namespace}/${type}"]`,
        '    }',
        `    direct { exclude = ["${hostname}/${namespace}/${type}"] }`,
        '  }',
        `The launcher runs \`node\` (${MIN_NODE_MAJOR} or later) from PATH, or $${NODE_ENV_VAR}.`,
        '',
      ].join('\n'),
    );
  }
}
