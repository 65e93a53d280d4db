import t from 'tap';
import { chmod, mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  applyAccess,
  ensureDirectory,
  remove,
  removeStaleTemporaries,
  removeTree,
  replaceSymlink,
  stageFile,
  symlinkTarget,
  writeFileAtomic,
  writeFileIfChanged,
} from '../../../../helper/outputs/atomic-write.js';

// Tests run as root (CI containers), so ownership can be given to an unused uid/gid.
const UID = 837;
const GID = 873;

function modeOf(info: { mode: number }): number {
  return info.mode & 0o7777;
}

t.test('writeFileAtomic gives the file its exact mode, owner and group, whatever the umask', async (t) => {
  const dir = t.testdir();
  const path = join(dir, 'key.pem');
  const previous = process.umask(0o077);
  t.teardown(() => process.umask(previous));
  await writeFileAtomic(path, 'secret', { mode: 0o640, uid: UID, gid: GID });
  const info = await stat(path);
  t.equal(modeOf(info), 0o640, 'mode not narrowed by the umask');
  t.equal(info.uid, UID);
  t.equal(info.gid, GID);
  t.equal(await readFile(path, 'utf8'), 'secret');
  t.same(await readdir(dir), ['key.pem'], 'no temporary file left behind');
});

t.test('writeFileAtomic replaces a file in one rename: new inode, new mode and owner', async (t) => {
  const dir = t.testdir();
  const path = join(dir, 'cert.pem');
  await writeFile(path, 'old');
  await chmod(path, 0o666);
  const before = await stat(path);
  await writeFileAtomic(path, 'new', { mode: 0o644, uid: UID });
  const after = await stat(path);
  t.not(after.ino, before.ino, 'a reader holding the old file keeps reading the old content');
  t.equal(modeOf(after), 0o644, "the old file's mode is not inherited");
  t.equal(after.uid, UID);
  t.equal(await readFile(path, 'utf8'), 'new');
});

t.test('a staged file never has group or other bits before its final mode is set', async (t) => {
  const dir = t.testdir();
  const previous = process.umask(0);
  t.teardown(() => process.umask(previous));
  // The final mode is given after fchown; at creation only the owner bits are used.
  const staged = await stageFile(join(dir, 'key.pem'), 'k', { mode: 0o600 });
  t.equal(modeOf(await stat(staged)), 0o600);
  t.match(
    staged,
    new RegExp(`/\\.key\\.pem\\.tmp-${String(process.pid)}-[0-9a-f]{12}$`),
    "temporary file is hidden, next to the target, and names the writer's process",
  );
});

t.test('writeFileAtomic leaves no temporary file when it fails', async (t) => {
  const dir = t.testdir();
  const target = join(dir, 'is-a-dir');
  await mkdir(target);
  await writeFile(join(target, 'x'), '');
  await t.rejects(writeFileAtomic(target, 'data', { mode: 0o644 }), {
    code: 'WRITE_FAILED',
    message: new RegExp(`cannot rename into place ${target}`),
  });
  t.same(await readdir(dir), ['is-a-dir']);
});

t.test(
  'ensureDirectory creates missing directories 0750 with owner, and leaves existing ones alone',
  async (t) => {
    const dir = t.testdir({ existing: {} });
    await chmod(join(dir, 'existing'), 0o755);
    const created = await ensureDirectory(join(dir, 'existing/a/b'), { mode: 0o750, uid: UID, gid: 0 });
    t.same(created, [join(dir, 'existing/a'), join(dir, 'existing/a/b')]);
    for (const path of created) {
      const info = await stat(path);
      t.equal(modeOf(info), 0o750, path);
      t.equal(info.uid, UID, path);
    }
    const existing = await stat(join(dir, 'existing'));
    t.equal(modeOf(existing), 0o755, 'an existing (maybe shared) directory keeps its mode');
    t.equal(existing.uid, 0, 'and its owner');
    t.same(await ensureDirectory(join(dir, 'existing/a/b'), { mode: 0o700 }), [], 'nothing to create');
    await writeFile(join(dir, 'file'), '');
    await t.rejects(ensureDirectory(join(dir, 'file/sub'), { mode: 0o750 }), {
      code: 'WRITE_FAILED',
      message: /not a directory/,
    });
  },
);

t.test('applyAccess corrects mode and owner and says whether it changed anything', async (t) => {
  const dir = t.testdir({ 'key.pem': 'k' });
  const path = join(dir, 'key.pem');
  await chmod(path, 0o644);
  t.equal(await applyAccess(path, { mode: 0o600, uid: UID, gid: GID }), true);
  const info = await stat(path);
  t.same([modeOf(info), info.uid, info.gid], [0o600, UID, GID]);
  t.equal(await applyAccess(path, { mode: 0o600, uid: UID, gid: GID }), false, 'already right: no change');
});

t.test('writeFileIfChanged skips identical content but re-applies mode and owner', async (t) => {
  const dir = t.testdir();
  const path = join(dir, 'kubeconfig');
  t.equal(await writeFileIfChanged(path, 'a', { mode: 0o640 }), 'written');
  const first = await stat(path);
  t.equal(await writeFileIfChanged(path, 'a', { mode: 0o640 }), 'unchanged');
  t.equal((await stat(path)).ino, first.ino, 'not rewritten');
  t.equal(await writeFileIfChanged(path, 'a', { mode: 0o600, uid: UID }), 'access-updated');
  t.equal((await stat(path)).ino, first.ino, 'still not rewritten');
  t.equal(await writeFileIfChanged(path, 'b', { mode: 0o600 }), 'written');
  t.equal(await readFile(path, 'utf8'), 'b');
});

t.test('replaceSymlink swaps a link (or a regular file) in one rename', async (t) => {
  const dir = t.testdir({ plain: 'old regular file' });
  const link = join(dir, 'current');
  t.equal(await replaceSymlink(link, 'v1'), true);
  t.equal(await symlinkTarget(link), 'v1');
  t.equal(await replaceSymlink(link, 'v1'), false, 'already pointing there');
  t.equal(await replaceSymlink(link, 'v2', { uid: UID }), true);
  t.equal(await symlinkTarget(link), 'v2');
  t.equal(await replaceSymlink(join(dir, 'plain'), 'current/x'), true, 'a regular file is replaced');
  t.equal(await symlinkTarget(join(dir, 'plain')), 'current/x');
  await symlink('elsewhere', join(dir, 'other'));
  t.equal(await symlinkTarget(join(dir, 'missing')), undefined);
  t.same((await readdir(dir)).sort(), ['current', 'other', 'plain']);
});

/** Returns the PID of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

t.test(
  'removeStaleTemporaries removes what killed writers left and keeps every write still in progress',
  async (t) => {
    const dir = t.testdir();
    const killed = `.kubelet.pem.tmp-${String(deadPid())}-0123456789ab`;
    // This PID, but no write of this process owns it: left by an earlier process that had the same PID.
    const reused = `.kubelet-key.pem.tmp-${String(process.pid)}-0123456789ab`;
    // The test runner's process is alive: its temporary file is a write in progress.
    const otherWriter = `.kubelet-ca.pem.tmp-${String(process.ppid)}-0123456789ab`;
    const notOurs = '.kubelet.pem.tmp-draft';
    for (const name of [killed, reused, otherWriter, notOurs]) await writeFile(join(dir, name), 'x');
    const staged = await stageFile(join(dir, 'etcd.pem'), 'in progress', { mode: 0o644 });

    const removed = await removeStaleTemporaries(dir);
    t.same(removed.sort(), [join(dir, killed), join(dir, reused)].sort());
    t.same(
      (await readdir(dir)).sort(),
      [otherWriter, notOurs, staged.slice(dir.length + 1)].sort(),
      "a live writer's file, a file of another naming and this process's staged file stay",
    );
    t.same(await removeStaleTemporaries(join(dir, 'missing')), [], 'a missing directory has none');
  },
);

t.test('remove takes away files, directory trees and symlinks, even one whose target is gone', async (t) => {
  const dir = t.testdir({ file: 'x', tree: { a: 'a', sub: { b: 'b' } } });
  await symlink('nowhere', join(dir, 'dangling'));
  await symlink('file', join(dir, 'link'));
  for (const name of ['file', 'tree', 'dangling', 'link', 'missing']) await remove(join(dir, name));
  t.same(await readdir(dir), []);
});

t.test('removeTree removes a directory of files, and one with more in it', async (t) => {
  const dir = t.testdir({ version: { 'key.pem': 'k', 'cert.pem': 'c' }, mixed: { f: 'f', sub: { g: 'g' } } });
  await removeTree(join(dir, 'version'));
  await removeTree(join(dir, 'mixed'));
  await removeTree(join(dir, 'missing'));
  t.same(await readdir(dir), []);
});
