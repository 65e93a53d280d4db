// Crash-safe, race-free file publication. A file is written to a temporary name in its final directory,
// created with O_EXCL and owner-only permission bits, given its owner and group (fchown) and then its final
// mode (fchmod), filled, fsynced, and only then renamed over the destination; the directory is fsynced
// afterwards so the rename itself survives a crash. At no instant does a path (final or temporary) carry
// more permission than the caller asked for, and a reader sees either the whole old file or the whole new
// one. rename(2) gives the destination the temporary file's inode, so mode and owner are those set here,
// never the previous file's (https://github.com/juspay/neurolink/pull/1455 describes that pitfall).
//
// The metadata calls (open, fchmod, write, rename, stat, readlink, ...) are made synchronously: each takes
// microseconds, while going through libuv's threadpool and a promise cost several times that in CPU, and a
// daemon push makes some 60 of them per output. Only fsync, which waits for the disk, is asynchronous, so
// that the fsyncs of several files and outputs are in flight together.
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fsync,
  lchownSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { rm as rmAsync, rmdir as rmdirAsync, unlink as unlinkAsync } from 'node:fs/promises';
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
export function removeStaleTemporaries(dir: string, names?: readonly string[]): Promise<string[]> {
  return settled(() => removeStaleTemporariesNow(dir, names));
}

function removeStaleTemporariesNow(dir: string, names: readonly string[] | undefined): string[] {
  let listing = names;
  if (listing === undefined) {
    try {
      listing = readdirSync(dir);
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
      unlinkSync(path);
      removed.push(path);
    } catch (cause) {
      // Gone already: another writer cleaned up at the same time.
      if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw writeError('remove', path, cause);
    }
  }
  return removed;
}

/** Removes `temporary`, ignoring failure (the caller is already reporting one). */
function discard(temporary: string): void {
  try {
    unlinkSync(temporary);
  } catch {
    // Gone already, or the caller's failure is the one to report.
  }
  liveTemporaries.delete(temporary);
}

/** Runs `work` at once and returns its result as a promise: a throw becomes a rejection, as with fs/promises. */
function settled<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => {
    resolve(work());
  });
}

/** Resolves once `fd` has been fsynced (on libuv's threadpool: it waits for the disk). */
export function fsyncDescriptor(fd: number): Promise<void> {
  return new Promise((resolve, reject) => {
    fsync(fd, (err) => {
      if (err === null) resolve();
      else reject(err);
    });
  });
}

/** Writes all of `data` to `fd` from its current offset. */
function writeAll(fd: number, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  for (let offset = 0; offset < bytes.length;) offset += writeSync(fd, bytes, offset);
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // The caller's failure is the one to report.
  }
}

/** How a failure of createFileWithData is worded: "cannot <create> <about>: ...". */
interface CreateMessages {
  readonly create: string;
  /** The path messages name (default the file's own). */
  readonly about?: string;
}

/**
 * Returns the descriptor of a new file at `path` holding `data`, created with O_EXCL and owner-only bits,
 * then given its owner and group (fchown) and its exact mode (fchmod), before any data is written; not yet
 * fsynced. On failure nothing is left at `path`.
 */
export function createFileWithData(
  path: string,
  data: string | Uint8Array,
  access: FileAccess,
  messages: CreateMessages = { create: 'create' },
): number {
  const about = messages.about ?? path;
  let fd: number;
  try {
    // Owner-only bits at creation: until fchown has run, the group on the inode is the writer's, and it
    // must not get access meant for another group.
    fd = openSync(
      path,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
      access.mode & 0o700,
    );
  } catch (cause) {
    throw writeError(messages.create, about, cause);
  }
  try {
    if (access.uid !== undefined || access.gid !== undefined) {
      fchownSync(fd, access.uid ?? -1, access.gid ?? -1);
    }
    // Exact mode regardless of the umask; after fchown, because chown may clear set-id bits.
    fchmodSync(fd, access.mode);
    writeAll(fd, data);
  } catch (cause) {
    closeQuietly(fd);
    try {
      unlinkSync(path);
    } catch {
      // Reported below.
    }
    throw writeError('write', about, cause);
  }
  return fd;
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
  let fd: number;
  try {
    // Messages name the destination, not the temporary file.
    fd = createFileWithData(temporary, data, access, { create: 'create temporary file for', about: path });
  } catch (err) {
    liveTemporaries.delete(temporary);
    throw err;
  }
  try {
    await fsyncDescriptor(fd);
  } catch (cause) {
    closeQuietly(fd);
    discard(temporary);
    throw writeError('write', path, cause);
  }
  try {
    closeSync(fd);
  } catch (cause) {
    discard(temporary);
    throw writeError('close', path, cause);
  }
  return temporary;
}

/** Renames a staged file onto `path` (atomic replacement); removes the staged file if that fails. */
export function publish(staged: string, path: string): Promise<void> {
  return settled(() => {
    try {
      renameSync(staged, path);
      liveTemporaries.delete(staged);
    } catch (cause) {
      discard(staged);
      throw writeError('rename into place', path, cause);
    }
  });
}

/** Removes a staged file that will not be published. */
export function unstage(staged: string): Promise<void> {
  return settled(() => {
    discard(staged);
  });
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
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_DIRECTORY);
    await fsyncDescriptor(fd);
  } catch (cause) {
    throw writeError('fsync directory', path, cause);
  } finally {
    if (fd !== undefined) closeQuietly(fd);
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
    const info = statIfPresent(current);
    if (info !== undefined) {
      if (!info.isDirectory()) throw writeError('use as a directory', current, new Error('not a directory'));
      break;
    }
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const dir of missing) {
    if (!createDirectory(dir, access)) continue;
    await syncDirectory(dirname(dir));
  }
  return missing;
}

/**
 * Gives an existing file or directory `access` when it differs, narrowing the mode before changing the
 * owner so a too-open file is closed first. Returns true when something changed.
 */
export function applyAccess(path: string, access: FileAccess): Promise<boolean> {
  return settled(() => applyAccessNow(path, access));
}

/**
 * Creates the directory `path` with `access` (owner-only bits first, then owner and exact mode); returns
 * false when it existed already (left as it is). The caller fsyncs the parent.
 */
export function createDirectory(path: string, access: FileAccess): boolean {
  try {
    mkdirSync(path, { mode: access.mode & 0o700 });
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw writeError('create directory', path, cause);
  }
  applyAccessNow(path, access);
  return true;
}

/** applyAccess, synchronously. */
export function applyAccessNow(path: string, access: FileAccess): boolean {
  let info: Stats;
  try {
    info = statSync(path);
  } catch (cause) {
    throw writeError('inspect', path, cause);
  }
  const modeDiffers = (info.mode & 0o7777) !== access.mode;
  const uidDiffers = access.uid !== undefined && info.uid !== access.uid;
  const gidDiffers = access.gid !== undefined && info.gid !== access.gid;
  try {
    if (uidDiffers || gidDiffers) {
      // Closed to what both modes allow before the new owner gets it, then opened to the exact mode.
      if (modeDiffers) chmodSync(path, access.mode & info.mode & 0o777);
      chownSync(path, access.uid ?? -1, access.gid ?? -1);
      chmodSync(path, access.mode);
    } else if (modeDiffers) {
      chmodSync(path, access.mode);
    }
  } catch (cause) {
    throw writeError('set mode and owner of', path, cause);
  }
  return modeDiffers || uidDiffers || gidDiffers;
}

/** Returns the stat of `path` (following symlinks), or undefined when nothing is there. */
function statIfPresent(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw writeError('inspect', path, cause);
  }
}

/** Returns the target of the symlink at `path`, or undefined when `path` is missing or not a symlink. */
export function symlinkTarget(path: string): Promise<string | undefined> {
  return settled(() => symlinkTargetNow(path));
}

/** symlinkTarget, synchronously. */
export function symlinkTargetNow(path: string): string | undefined {
  try {
    const info = lstatSync(path);
    if (!info.isSymbolicLink()) return undefined;
    return readlinkSync(path);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw writeError('inspect', path, cause);
  }
}

/**
 * Points the symlink `path` at `target`, replacing whatever is at `path` in one rename; returns false
 * when it already pointed there. The caller fsyncs the directory.
 */
export function replaceSymlink(
  path: string,
  target: string,
  owner: Pick<FileAccess, 'uid' | 'gid'> = {},
): Promise<boolean> {
  return settled(() => replaceSymlinkNow(path, target, owner));
}

/** replaceSymlink, synchronously. */
export function replaceSymlinkNow(
  path: string,
  target: string,
  owner: Pick<FileAccess, 'uid' | 'gid'> = {},
): boolean {
  if (symlinkTargetNow(path) === target) return false;
  const temporary = temporaryPath(path);
  liveTemporaries.add(temporary);
  try {
    symlinkSync(target, temporary);
    if (owner.uid !== undefined || owner.gid !== undefined) {
      lchownSync(temporary, owner.uid ?? -1, owner.gid ?? -1);
    }
    renameSync(temporary, path);
    liveTemporaries.delete(temporary);
  } catch (cause) {
    discard(temporary);
    throw writeError('replace symlink', path, cause);
  }
  return true;
}

/** Returns the bytes at `path` (following symlinks), or undefined when nothing is there. */
export function readIfPresent(path: string): Promise<Buffer | undefined> {
  return settled(() => readIfPresentNow(path));
}

/** readIfPresent, synchronously. */
export function readIfPresentNow(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw writeError('read', path, cause);
  }
}

/** Removes a file or directory tree; missing is fine. */
export function remove(path: string): Promise<void> {
  return settled(() => {
    removeNow(path);
  });
}

/**
 * Removes a directory of files (anything else in it too), the unlinks on libuv's threadpool, side by side:
 * freeing the blocks of fsynced files is slow on some disks and other work goes on meanwhile. Missing is
 * fine.
 */
export async function removeTree(path: string): Promise<void> {
  try {
    let names: string[];
    try {
      names = readdirSync(path);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw cause;
    }
    try {
      await Promise.all(names.map((name) => unlinkAsync(join(path, name))));
      await rmdirAsync(path);
    } catch {
      // Something other than a file in it, or a concurrent removal: the general (slower) way.
      await rmAsync(path, { recursive: true, force: true });
    }
  } catch (cause) {
    throw writeError('remove', path, cause);
  }
}

/** remove, synchronously. */
export function removeNow(path: string): void {
  try {
    // rmSync with `force` leaves a dangling symlink in place (Node 24): only directories go through it.
    if (lstatSync(path).isDirectory()) rmSync(path, { recursive: true, force: true });
    else unlinkSync(path);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return;
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
