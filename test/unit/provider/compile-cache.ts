// The packaged provider's compile cache: where it goes, and that a directory it cannot use never stops a
// start. Turning the cache on changes the whole process, so those rows run in a child Node.
import t, { type Test } from 'tap';
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileCacheDirectories, makeDirectory, ownedPrivately } from '../../../provider/compile-cache.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const system = { home: '/home/u', tmp: '/tmp', uid: 1000 };

t.test('the cache goes to $XDG_CACHE_HOME, then ~/.cache, then a per-user temp directory', (t) => {
  t.strictSame(compileCacheDirectories({ XDG_CACHE_HOME: '/xdg' }, system), [
    '/xdg/terraform-provider-spire',
    '/home/u/.cache/terraform-provider-spire',
    '/tmp/terraform-provider-spire-1000',
  ]);
  t.strictSame(
    compileCacheDirectories({ XDG_CACHE_HOME: 'relative' }, system)[0],
    '/home/u/.cache/terraform-provider-spire',
    'a relative XDG_CACHE_HOME is ignored (XDG base directory spec)',
  );
  t.strictSame(compileCacheDirectories({}, { home: '', tmp: '/tmp', uid: undefined }), [
    '/tmp/terraform-provider-spire',
  ]);
  t.end();
});

t.test('makeDirectory creates missing parents, and reports a path it cannot make', (t) => {
  const dir = t.testdir({ file: 'x' });
  t.equal(makeDirectory(join(dir, 'a/b/c')), true);
  t.ok(existsSync(join(dir, 'a/b/c')));
  t.equal(makeDirectory(join(dir, 'a/b/c')), true, 'an existing directory is fine');
  t.equal(makeDirectory(join(dir, 'file/sub')), false, 'under a file');
  t.equal(makeDirectory(join(dir, 'file')), false, 'a file');
  t.end();
});

t.test(
  'makeDirectory gives up where mkdir fails with ENOENT under an existing parent (Node’s recursive mkdir spins there)',
  { skip: existsSync('/proc/self') ? false : 'no /proc here' },
  (t) => {
    t.equal(makeDirectory('/proc/terraform-provider-spire-test/cache'), false);
    t.end();
  },
);

/** Runs `script` (an ES module using enableCompileCache) in a child Node with `env`; returns its stdout. */
function child(t: Test, script: string, env: NodeJS.ProcessEnv): string {
  const dir = mkdtempSync(join(tmpdir(), 'compile-cache-test-'));
  t.teardown(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const file = join(dir, 'start.mts');
  writeFileSync(
    file,
    `import { enableCompileCache, flushCompileCache } from ${JSON.stringify(join(root, 'provider/compile-cache.ts'))};\n${script}\n`,
  );
  return execFileSync(
    join(root, 'node_modules/.bin/node'),
    ['--import', join(root, 'node_modules/tsx/dist/loader.mjs'), file],
    { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 20_000 },
  ).toString();
}

t.test('the first usable directory holds the cache once a start has flushed it', (t) => {
  const dir = t.testdir({ home: {} });
  const out = child(
    t,
    `const used = enableCompileCache();\nawait import('node:zlib');\nawait import(${JSON.stringify(join(root, 'provider/framework/index.ts'))});\nflushCompileCache();\nprocess.stdout.write(String(used));`,
    { XDG_CACHE_HOME: join(dir, 'xdg'), HOME: join(dir, 'home') },
  );
  t.equal(out, join(dir, 'xdg/terraform-provider-spire'));
  const versions = readdirSync(join(dir, 'xdg/terraform-provider-spire'));
  t.equal(versions.length, 1, 'one directory per Node version');
  t.ok(readdirSync(join(dir, 'xdg/terraform-provider-spire', versions[0] ?? '')).length > 0, 'entries');
  t.end();
});

t.test(
  'no usable directory, or NODE_DISABLE_COMPILE_CACHE=1: the cache stays off, the start goes on',
  (t) => {
    const dir = t.testdir({ file: 'x' });
    const script = `process.stdout.write(String(enableCompileCache()));`;
    t.equal(
      child(t, script, {
        XDG_CACHE_HOME: join(dir, 'file/xdg'),
        HOME: join(dir, 'file/home'),
        TMPDIR: join(dir, 'file/tmp'),
        TSX_DISABLE_CACHE: '1', // tsx caches its output in the temp directory
      }),
      'undefined',
    );
    t.equal(
      child(t, script, { XDG_CACHE_HOME: join(dir, 'xdg'), NODE_DISABLE_COMPILE_CACHE: '1' }),
      'undefined',
    );
    t.notOk(existsSync(join(dir, 'xdg')), 'nothing written when disabled');
    t.end();
  },
);

t.test('a cache directory in the shared temp directory is used only when private to this user', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'compile-cache-owner-'));
  t.teardown(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const own = join(dir, 'own');
  mkdirSync(own, { mode: 0o700 });
  chmodSync(own, 0o700);
  t.ok(ownedPrivately(own), 'this user, mode 0700');
  const writable = join(dir, 'writable');
  mkdirSync(writable);
  chmodSync(writable, 0o777);
  t.notOk(ownedPrivately(writable), 'others can write to it');
  t.notOk(ownedPrivately(own, (process.getuid?.() ?? 0) + 1), 'another user owns it');
  const link = join(dir, 'link');
  symlinkSync(own, link);
  t.notOk(ownedPrivately(link), 'a symbolic link');
  t.end();
});
