// Node's on-disk compile cache for the packaged provider: Terraform starts the provider about three times
// per command, and each start compiles the same few megabytes of bundle. With the cache, every start after
// the first reads V8's code for the modules instead. It only ever costs speed: a directory that cannot be
// created or written leaves the cache off, and the start goes on.
import { lstatSync, mkdirSync, statSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';

const cacheName = 'terraform-provider-spire';

/**
 * Returns the directories to try for the cache, in order: $XDG_CACHE_HOME/terraform-provider-spire
 * (absolute paths only, as the XDG spec says), ~/.cache/terraform-provider-spire, then
 * <tmpdir>/terraform-provider-spire-<uid>.
 */
export function compileCacheDirectories(
  env: Readonly<Record<string, string | undefined>>,
  system: { readonly home: string; readonly tmp: string; readonly uid: number | undefined },
): string[] {
  const dirs: string[] = [];
  const xdg = env.XDG_CACHE_HOME;
  if (xdg !== undefined && isAbsolute(xdg)) dirs.push(join(xdg, cacheName));
  if (system.home !== '') dirs.push(join(system.home, '.cache', cacheName));
  dirs.push(join(system.tmp, system.uid === undefined ? cacheName : `${cacheName}-${String(system.uid)}`));
  return [...new Set(dirs)];
}

/**
 * Creates `dir` and its missing parents one level at a time (mode 0700) and returns whether it is a
 * directory now. Not `mkdirSync(dir, { recursive: true })`: Node 24's recursive mkdir, and the one
 * behind NODE_COMPILE_CACHE, spin forever where mkdir fails with ENOENT under an existing parent (/proc).
 */
export function makeDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    // Missing (or unreadable): create it below.
  }
  const parent = dirname(dir);
  if (parent === dir || !makeDirectory(parent)) return false;
  try {
    mkdirSync(dir, { mode: 0o700 });
    return true;
  } catch {
    try {
      return statSync(dir).isDirectory(); // made by a concurrent start
    } catch {
      return false;
    }
  }
}

/** The parts of node:module used here; Node 22.0 has neither, Node before 22.10 has no flush. */
type CompileCacheApi = Partial<Pick<typeof nodeModule, 'enableCompileCache' | 'flushCompileCache'>>;

const api: CompileCacheApi = nodeModule;

/**
 * Turns the compile cache on for the modules loaded after this call and returns its directory, or
 * undefined when it stays off: NODE_DISABLE_COMPILE_CACHE=1, a Node without the API, or no usable
 * directory. With $NODE_COMPILE_CACHE set, Node has turned it on already, in that directory.
 */
export function enableCompileCache(
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE === '1' || api.enableCompileCache === undefined) return undefined;
  if (env.NODE_COMPILE_CACHE !== undefined && env.NODE_COMPILE_CACHE !== '') return env.NODE_COMPILE_CACHE;
  const tmp = tmpdir();
  const dirs = compileCacheDirectories(env, {
    home: safeHomedir(),
    tmp,
    uid: process.getuid?.(),
  });
  for (const dir of dirs) {
    if (!makeDirectory(dir)) continue;
    // In the shared temp directory another user may have made it first: a cache they can write would run
    // their code in this process (the same rule as spire-helper's launcher).
    if (dirname(dir) === tmp && !ownedPrivately(dir)) continue;
    try {
      const result = api.enableCompileCache(dir);
      if (result.directory !== undefined) return result.directory;
    } catch {
      // Only slower starts.
    }
  }
  return undefined;
}

/**
 * Writes what has been compiled so far to the cache now, rather than at a clean exit (a killed process
 * would otherwise never fill it). Does nothing when the cache is off.
 */
export function flushCompileCache(): void {
  try {
    api.flushCompileCache?.();
  } catch {
    // Only slower starts.
  }
}

function safeHomedir(): string {
  try {
    return homedir();
  } catch {
    return '';
  }
}

/** Returns whether `dir` is a real directory (not a link) of this user that nobody else can write. */
export function ownedPrivately(dir: string, uid: number | undefined = process.getuid?.()): boolean {
  try {
    const info = lstatSync(dir);
    return info.isDirectory() && (uid === undefined || info.uid === uid) && (info.mode & 0o022) === 0;
  } catch {
    return false;
  }
}
