// Crash-safe, race-free file publication. A file is written to a temporary name in its final directory,
// created with O_EXCL and owner-only permission bits, given its owner and group (fchown) and then its final
// mode (fchmod), filled, fsynced, and only then renamed over the destination; the directory is fsynced
// afterwards so the rename itself survives a crash. At no instant does a path (final or temporary) carry
// more permission than the caller asked for, and a reader sees either the whole old file or the whole new
// one. rename(2) gives the destination the temporary file's inode, so mode and owner are those set here,
// never the previous file's (https://github.com/juspay/neurolink/pull/1455 describes that pitfall).
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import {
  chmod,
  chown,
  lchown,
  lstat,
  mkdir,
  open,
  readdir,
  readFile,
  readlink,
  rename,
  rm,
  stat,
  symlink,
  unlink,
} from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { writeError } from '../errors.js';

/** Permissions and ownership of one output. */
export interface FileAccess {
  /** Permission bits (0777 at most). */
  readonly mode: number;
  /** Owner; unset keeps the writing process's user. */
  readonly uid?: number;
  /** Group; unset keeps the writing process's group. */
  readonly gid?: number;
}

export interface WriteFileOptions {
  /** Fsync the directory after the rename (default true); callers publishing several files batch it. */
  readonly syncDirectory?: boolean;
}

/**
 * Returns the name of a fresh temporary file next to `path`: dot-prefixed, so globbing skips it, and
 * carrying the writer's process ID, so that what a killed writer left behind can be told from a write in
 * progress (see removeStaleTemporaries).
 */
export function temporaryPath(path: string): string {
  return join(
    dirname(path),
    `.${basename(path)}.tmp-${String(process.pid)}-${randomBytes(6).toString('hex')}`,
  );
}

/** `.<name>.tmp-<pid>-<12 hex digits>`, as temporaryPath makes them. */
const TEMPORARY_NAME = /^\..+\.tmp-([1-9][0-9]*)-[0-9a-f]{12}$/;

/** Temporary files this process has created and not yet renamed or removed. */
const liveTemporaries = new Set<string>();

/** Returns whether process `pid` exists (EPERM: it does, under another user). */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    return (cause as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Returns whether `name` (in `dir`) is a temporary file of ours that no write will ever rename: its writer
 * is gone (SIGKILL, power loss), or it is this process, which is not writing it. A temporary file of
 * another live process is a write in progress and is left alone.
 */
function isStaleTemporary(dir: string, name: string): boolean {
  const pid = TEMPORARY_NAME.exec(name)?.[1];
  if (pid === undefined) return false;
  if (Number(pid) === process.pid) return !liveTemporaries.has(join(dir, name));
  return !processExists(Number(pid));
}

/**
 * Removes the temporary files in `dir` that a killed writer left behind (see isStaleTemporary); `names` is
 * the directory's listing when the caller has it. Returns the paths removed. A missing directory has none.
 */
export async function removeStaleTemporaries(dir: string, names?: readonly string[]): Promise<string[]> {
  let listing = names;
  if (listing === undefined) {
    try {
      listing = await readdir(dir);
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return [];
      throw writeError('list', dir, cause);
    }
  }
  const removed: string[] = [];
  for (const name of listing) {
    if (!isStaleTemporary(dir, name)) continue;
    const path = join(dir, name);
    try {
      await unlink(path);
      removed.push(path);
    } catch (cause) {
      // Gone already: another writer cleaned up at the same time.
      if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw writeError('remove', path, cause);
    }
  }
  return removed;
}

/** Removes `temporary`, ignoring failure (the caller is already reporting one). */
async function discard(temporary: string): Promise<void> {
  await unlink(temporary).catch(() => undefined);
  liveTemporaries.delete(temporary);
}

/**
 * Returns `path` after creating a temporary file next to it with `data` and `access`, fully synced; the
 * caller renames it into place (see publish). Used directly when several files must all be staged before
 * any is renamed.
 */
export async function stageFile(
  path: string,
  data: string | Uint8Array,
  access: FileAccess,
): Promise<string> {
  const temporary = temporaryPath(path);
  liveTemporaries.add(temporary);
  let handle;
  try {
    // Owner-only bits at creation: until fchown has run, the group on the inode is the writer's, and it
    // must not get access meant for another group.
    handle = await open(
      temporary,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
      access.mode & 0o700,
    );
  } catch (cause) {
    liveTemporaries.delete(temporary);
    throw writeError('create temporary file for', path, cause);
  }
  try {
    if (access.uid !== undefined || access.gid !== undefined) {
      await handle.chown(access.uid ?? -1, access.gid ?? -1);
    }
    // Exact mode regardless of the umask; after fchown, because chown may clear set-id bits.
    await handle.chmod(access.mode);
    await handle.writeFile(data);
    await handle.sync();
  } catch (cause) {
    await handle.close().catch(() => undefined);
    await discard(temporary);
    throw writeError('write', path, cause);
  }
  try {
    await handle.close();
  } catch (cause) {
    await discard(temporary);
    throw writeError('close', path, cause);
  }
  return temporary;
}

/** Renames a staged file onto `path` (atomic replacement); removes the staged file if that fails. */
export async function publish(staged: string, path: string): Promise<void> {
  try {
    await rename(staged, path);
    liveTemporaries.delete(staged);
  } catch (cause) {
    await discard(staged);
    throw writeError('rename into place', path, cause);
  }
}

/** Removes a staged file that will not be published. */
export async function unstage(staged: string): Promise<void> {
  await discard(staged);
}

/** Writes `data` to `path` atomically with `access` (see the file comment). */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  access: FileAccess,
  options: WriteFileOptions = {},
): Promise<void> {
  const staged = await stageFile(path, data, access);
  await publish(staged, path);
  if (options.syncDirectory ?? true) await syncDirectory(dirname(path));
}

/** Fsyncs a directory so renames and new entries in it are durable. */
export async function syncDirectory(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_DIRECTORY);
    await handle.sync();
  } catch (cause) {
    throw writeError('fsync directory', path, cause);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Creates `path` and any missing parents, each with `access` (mode, then owner), and returns the
 * directories it created. Directories that already exist are left as they are: they may be shared
 * (/etc/kubernetes/ssl) or system directories, and changing their mode or owner is not ours to do.
 */
export async function ensureDirectory(path: string, access: FileAccess): Promise<string[]> {
  const absolute = resolve(path);
  const missing: string[] = [];
  for (let current = absolute; ; current = dirname(current)) {
    const info = await statIfPresent(current);
    if (info !== undefined) {
      if (!info.isDirectory()) throw writeError('use as a directory', current, new Error('not a directory'));
      break;
    }
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const dir of missing) {
    try {
      await mkdir(dir, { mode: access.mode & 0o700 });
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw writeError('create directory', dir, cause);
    }
    await applyAccess(dir, access);
    await syncDirectory(dirname(dir));
  }
  return missing;
}

/**
 * Gives an existing file or directory `access` when it differs, narrowing the mode before changing the
 * owner so a too-open file is closed first. Returns true when something changed.
 */
export async function applyAccess(path: string, access: FileAccess): Promise<boolean> {
  let info;
  try {
    info = await stat(path);
  } catch (cause) {
    throw writeError('inspect', path, cause);
  }
  let changed = false;
  try {
    if ((info.mode & 0o7777) !== access.mode) {
      await chmod(path, access.mode & info.mode & 0o777);
      changed = true;
    }
    const uidDiffers = access.uid !== undefined && info.uid !== access.uid;
    const gidDiffers = access.gid !== undefined && info.gid !== access.gid;
    if (uidDiffers || gidDiffers) {
      await chown(path, access.uid ?? -1, access.gid ?? -1);
      changed = true;
    }
    if (changed) await chmod(path, access.mode);
  } catch (cause) {
    throw writeError('set mode and owner of', path, cause);
  }
  return changed;
}

/** Returns the stat of `path` (following symlinks), or undefined when nothing is there. */
async function statIfPresent(path: string): Promise<Awaited<ReturnType<typeof stat>> | undefined> {
  try {
    return await stat(path);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw writeError('inspect', path, cause);
  }
}

/** Returns the target of the symlink at `path`, or undefined when `path` is missing or not a symlink. */
export async function symlinkTarget(path: string): Promise<string | undefined> {
  try {
    const info = await lstat(path);
    if (!info.isSymbolicLink()) return undefined;
    return await readlink(path);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw writeError('inspect', path, cause);
  }
}

/**
 * Points the symlink `path` at `target`, replacing whatever is at `path` in one rename; returns false
 * when it already pointed there. The caller fsyncs the directory.
 */
export async function replaceSymlink(
  path: string,
  target: string,
  owner: Pick<FileAccess, 'uid' | 'gid'> = {},
): Promise<boolean> {
  if ((await symlinkTarget(path)) === target) return false;
  const temporary = temporaryPath(path);
  liveTemporaries.add(temporary);
  try {
    await symlink(target, temporary);
    if (owner.uid !== undefined || owner.gid !== undefined) {
      await lchown(temporary, owner.uid ?? -1, owner.gid ?? -1);
    }
    await rename(temporary, path);
    liveTemporaries.delete(temporary);
  } catch (cause) {
    await discard(temporary);
    throw writeError('replace symlink', path, cause);
  }
  return true;
}

/** Returns the bytes at `path` (following symlinks), or undefined when nothing is there. */
export async function readIfPresent(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw writeError('read', path, cause);
  }
}

/** Removes a file or directory tree; missing is fine. */
export async function remove(path: string): Promise<void> {
  try {
    await rm(path, { recursive: true, force: true });
  } catch (cause) {
    throw writeError('remove', path, cause);
  }
}

export type WriteOutcome = 'written' | 'unchanged' | 'access-updated';

/**
 * Writes `data` to `path` atomically unless the file already holds exactly `data`; an unchanged file
 * still gets `access` re-applied. Returns what happened.
 */
export async function writeFileIfChanged(
  path: string,
  data: string | Uint8Array,
  access: FileAccess,
): Promise<WriteOutcome> {
  const current = await readIfPresent(path);
  const wanted = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data);
  const isRegular = current !== undefined && (await symlinkTarget(path)) === undefined;
  if (current !== undefined && isRegular && current.equals(wanted)) {
    return (await applyAccess(path, access)) ? 'access-updated' : 'unchanged';
  }
  await writeFileAtomic(path, wanted, access);
  return 'written';
}
