// The files of one X509-SVID output, in vault-helper's naming: <base>.pem (leaf + intermediates),
// <base>-key.pem (private key), <base>-ca.pem (bundle of the SVID's trust domain) and, on request,
// <base>-ca.<trust-domain>.pem per federated trust domain.
//
// Consistency invariant (layout "versioned", the default): at every instant, the files reachable through
// the public paths belong to one and the same write, so the key at <base>-key.pem always matches the
// certificate at <base>.pem and the chain always matches <base>-ca.pem. Each write goes into a fresh
// directory .<name>.svid/<version>/, then one rename(2) swaps the symlink .<name>.svid/current to it; the
// public paths are symlinks through `current` (created once, never changed afterwards). A single rename is
// the only atomic step POSIX offers, so all files switch together. What it cannot give: a reader that
// opens the certificate, and opens the key after a swap happened in between, still gets a mismatched pair;
// such readers must check the pair (Go's tls.LoadX509KeyPair does) and retry. The previous version is kept
// until the next write so a reader that resolved `current` just before a swap can still open its files.
//
// Layout "plain" keeps regular files at the public paths (for consumers that refuse symlinks): every file
// is staged fully first, then renamed key, certificate, bundle; between those renames (microseconds) a
// reader can see a new key with the old certificate. Never an unreadable or partly written file.
import { createPrivateKey, randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BundleSet, X509Bundle } from '../../src/core/bundle/index.js';
import type { X509Svid } from '../../src/core/svid/index.js';
import { derListToPem, privateKeyToPem, type PrivateKey } from '../../src/core/x509/index.js';
import { HelperError, writeError } from '../errors.js';
import {
  applyAccess,
  createDirectory,
  createFileWithData,
  ensureDirectory,
  fsyncDescriptor,
  publish,
  readIfPresent,
  remove,
  removeStaleTemporaries,
  removeTree,
  replaceSymlink,
  stageFile,
  symlinkTarget,
  syncDirectory,
  unstage,
  writeFileIfChanged,
  type FileAccess,
} from './atomic-write.js';
import { combineTrust, type ExtraCa } from './trust.js';

export type KeyFormat = 'pkcs8' | 'pkcs1' | 'sec1';
export const KEY_FORMATS: readonly KeyFormat[] = ['pkcs8', 'pkcs1', 'sec1'];

export type Layout = 'versioned' | 'plain';
export const LAYOUTS: readonly Layout[] = ['versioned', 'plain'];

/** The public paths of an output. */
export interface SvidPaths {
  readonly cert: string;
  readonly key: string;
  readonly ca: string;
}

export interface SvidOutputOptions {
  /** Base path: <base>.pem, <base>-key.pem, <base>-ca.pem. */
  readonly base: string;
  /** Default "versioned". */
  readonly layout?: Layout;
  /** Certificate chain and bundle files; default 0644, owner and group of the writer. */
  readonly certAccess: FileAccess;
  /** Private key file; default 0600. */
  readonly keyAccess: FileAccess;
  /** Directories the writer creates; default 0750. */
  readonly dirAccess: FileAccess;
  /** Default "pkcs8". */
  readonly keyFormat?: KeyFormat;
  /** Also write one bundle file per federated trust domain (default false). */
  readonly federated?: boolean;
  /** CA certificates added after the SPIRE bundle in <base>-ca.pem (dual trust during a migration). */
  readonly extraCas?: readonly ExtraCa[];
  /** A version made ahead (prepareVersion) for the write to fill instead of creating one. */
  readonly prepared?: PreparedVersion;
}

/**
 * A version directory of the `versioned` layout made ahead of the write that fills it (prepareVersion):
 * the directory and its files, empty, each created with its final mode and owner. The write then creates
 * nothing but the `current` link; creating files is the slowest step of a write on some filesystems. The
 * daemon prepares the next version of every output once a push has been written.
 */
export interface PreparedVersion {
  /** The versions directory it is in. */
  readonly versions: string;
  /** Its name there. */
  readonly version: string;
  /** The files it holds (names in the version directory) with the access each was created with. */
  readonly files: readonly { readonly inner: string; readonly access: FileAccess }[];
  /** The access the directory was created with. */
  readonly dirAccess: FileAccess;
  /** Set once a write has filled it, or found that it could not and removed it. */
  spent: boolean;
}

/** How an SVID is rendered into file contents. */
export interface RenderOptions {
  /** Default "pkcs8". */
  readonly keyFormat?: KeyFormat;
  /** Render one bundle file per federated trust domain (default false). */
  readonly federated?: boolean;
  /** CA certificates to put after the SPIRE bundle in the CA file, each once (default none). */
  readonly extraCas?: readonly ExtraCa[];
}

/** What would be on disk for one SVID, rendered in memory. */
export interface RenderedSvidFiles {
  readonly cert: string;
  readonly key: Buffer;
  readonly ca: string;
  /** Trust domain name → PEM bundle, only for federated trust domains (not the SVID's own). */
  readonly federated: ReadonlyMap<string, string>;
}

export type SvidWriteOutcome = 'written' | 'unchanged' | 'access-updated';

export interface SvidWriteResult {
  /** written: new content published; access-updated: same content, mode/owner fixed; unchanged: nothing. */
  readonly outcome: SvidWriteOutcome;
  readonly paths: SvidPaths;
  /** Public paths of the federated bundle files now present. */
  readonly federatedPaths: readonly string[];
}

const MODULE = 'outputs';
const TRUST_DOMAIN_FILE = /^[a-z0-9._-]+$/;
const VERSION_NAME = /^[0-9]{8}T[0-9]{9}Z-[0-9a-f]{6}$/;

/** Returns the public paths for `base`. */
export function svidPaths(base: string): SvidPaths {
  return { cert: `${base}.pem`, key: `${base}-key.pem`, ca: `${base}-ca.pem` };
}

/** Returns the public path of the bundle file of federated trust domain `trustDomain`. */
export function federatedBundlePath(base: string, trustDomain: string): string {
  return `${base}-ca.${trustDomain}.pem`;
}

/** Returns the directory holding the versions of a "versioned" output (.<name>.svid next to the files). */
export function versionsDirectory(base: string): string {
  return join(dirname(base), `.${basename(base)}.svid`);
}

/**
 * Returns the PEM text of `key` in `format`: PKCS#8 "PRIVATE KEY" (any algorithm), PKCS#1
 * "RSA PRIVATE KEY" (RSA only) or SEC1 "EC PRIVATE KEY" (EC only). A format that cannot hold the key
 * is refused (CONFIG_INVALID) rather than silently replaced by another.
 */
export function privateKeyPem(key: PrivateKey, format: KeyFormat): Buffer {
  if (format === 'pkcs8') return Buffer.from(privateKeyToPem(key));
  const needs = format === 'pkcs1' ? 'RSA' : 'EC';
  if (key.algorithm !== needs) {
    const what = key.namedCurve === undefined ? key.algorithm : `${key.algorithm} ${key.namedCurve}`;
    const other =
      key.algorithm === 'EC' ? 'sec1 or pkcs8' : key.algorithm === 'RSA' ? 'pkcs1 or pkcs8' : 'pkcs8';
    throw new HelperError(
      'CONFIG_INVALID',
      MODULE,
      `--key-format ${format} holds ${needs} keys only, but the SVID key is ${what}; use --key-format ${other}`,
      {
        details: { flag: 'key-format', value: format, keyAlgorithm: key.algorithm },
        suggestions: [
          format === 'pkcs1'
            ? 'Or make the agent issue RSA keys (spire-agent workload_x509_svid_key_type = "rsa-2048").'
            : 'Or make the agent issue EC keys (spire-agent workload_x509_svid_key_type = "ec-p256").',
        ],
      },
    );
  }
  const exported = createPrivateKey({ key: Buffer.from(key.pkcs8), format: 'der', type: 'pkcs8' }).export({
    format: 'pem',
    type: format,
  });
  return Buffer.from(exported);
}

/**
 * Returns the files of `svid` as they would be written; its own trust domain's bundle must be present.
 * The CA file holds that bundle, then the extra CAs not already in it.
 */
export function renderSvidFiles(
  svid: X509Svid,
  bundles: BundleSet<X509Bundle>,
  options: RenderOptions = {},
): RenderedSvidFiles {
  const own = bundles.get(svid.id.trustDomain);
  if (own === undefined) {
    throw new HelperError(
      'BUNDLE_INVALID',
      MODULE,
      `no bundle for trust domain "${svid.id.trustDomain.name}" of ${svid.id.toString()}`,
    );
  }
  const federated = new Map<string, string>();
  if (options.federated === true) {
    for (const bundle of bundles.values()) {
      if (bundle.trustDomain.equals(svid.id.trustDomain)) continue;
      federated.set(bundle.trustDomain.name, bundle.toPem());
    }
  }
  return {
    cert: derListToPem(
      svid.certificates.map((cert) => new Uint8Array(cert.rawData)),
      'CERTIFICATE',
    ),
    key: privateKeyPem(svid.privateKey, options.keyFormat ?? 'pkcs8'),
    ca:
      options.extraCas === undefined || options.extraCas.length === 0
        ? own.toPem()
        : combineTrust(
            own.authorities.map((cert) => new Uint8Array(cert.rawData)),
            options.extraCas,
          ),
    federated,
  };
}

/**
 * Writes `svid` (chain, key, own bundle, optionally federated bundles) to the output `options` describes,
 * unless the files already hold exactly that; mode and owner are re-applied either way. The one function
 * both `cert fetch` and the daemon use.
 */
export async function writeSvid(
  svid: X509Svid,
  bundles: BundleSet<X509Bundle>,
  options: SvidOutputOptions,
): Promise<SvidWriteResult> {
  return writeSvidFiles(renderSvidFiles(svid, bundles, renderOptionsOf(options)), options);
}

/** Returns the render options an output asks for. */
export function renderOptionsOf(options: SvidOutputOptions): RenderOptions {
  return {
    ...(options.keyFormat === undefined ? {} : { keyFormat: options.keyFormat }),
    ...(options.federated === undefined ? {} : { federated: options.federated }),
    ...(options.extraCas === undefined ? {} : { extraCas: options.extraCas }),
  };
}

/**
 * Writes only the bundle files of rendered files: <base>-ca.pem and the federated ones, as regular files,
 * each atomically and only when its content changed. For a node whose certificate and key another issuer
 * still writes (vault-helper during a migration): it truncates and rewrites its files in place, so they
 * must not be symlinks into versions this writer manages. Returns "written" when any file changed.
 */
export async function writeTrustFiles(
  files: RenderedSvidFiles,
  options: SvidOutputOptions,
): Promise<SvidWriteResult> {
  const planned = plan(files, options).filter(
    (file) => file.inner !== 'key.pem' && file.inner !== 'cert.pem',
  );
  await ensureDirectory(dirname(options.base), options.dirAccess);
  let outcome: SvidWriteOutcome = 'unchanged';
  for (const file of planned) {
    const result = await writeFileIfChanged(file.path, file.data, file.access);
    if (result === 'written') outcome = 'written';
    else if (result === 'access-updated' && outcome === 'unchanged') outcome = 'access-updated';
  }
  return {
    outcome,
    paths: svidPaths(options.base),
    federatedPaths: planned.slice(1).map((file) => file.path),
  };
}

interface PlannedFile {
  /** Name inside a version directory ("cert.pem"). */
  readonly inner: string;
  /** Public path. */
  readonly path: string;
  readonly data: Buffer;
  readonly access: FileAccess;
}

function plan(files: RenderedSvidFiles, options: SvidOutputOptions): PlannedFile[] {
  const paths = svidPaths(options.base);
  // Order matters for the plain layout: key before certificate (see the file comment).
  const planned: PlannedFile[] = [
    { inner: 'key.pem', path: paths.key, data: files.key, access: options.keyAccess },
    { inner: 'cert.pem', path: paths.cert, data: Buffer.from(files.cert), access: options.certAccess },
    { inner: 'ca.pem', path: paths.ca, data: Buffer.from(files.ca), access: options.certAccess },
  ];
  for (const [trustDomain, pem] of [...files.federated].sort(([a], [b]) => a.localeCompare(b))) {
    if (!TRUST_DOMAIN_FILE.test(trustDomain)) {
      throw new HelperError(
        'BUNDLE_INVALID',
        MODULE,
        `trust domain name ${JSON.stringify(trustDomain)} cannot name a file`,
      );
    }
    planned.push({
      inner: `ca.${trustDomain}.pem`,
      path: federatedBundlePath(options.base, trustDomain),
      data: Buffer.from(pem),
      access: options.certAccess,
    });
  }
  return planned;
}

/** Writes rendered files to the output (see writeSvid). */
export async function writeSvidFiles(
  files: RenderedSvidFiles,
  options: SvidOutputOptions,
): Promise<SvidWriteResult> {
  const planned = plan(files, options);
  const layout = options.layout ?? 'versioned';
  const dir = dirname(options.base);
  await ensureDirectory(dir, options.dirAccess);
  const names = listDirectory(dir);
  // What a writer killed mid-write left next to the public paths (its own writes are started afresh).
  await removeStaleTemporaries(dir, names);
  const stale = staleFederatedFiles(options.base, planned, names);
  const outcome =
    layout === 'versioned'
      ? await writeVersioned(planned, stale, options)
      : await writePlain(planned, stale, options);
  return {
    outcome,
    paths: svidPaths(options.base),
    federatedPaths: planned.slice(3).map((file) => file.path),
  };
}

/** Returns the names in `dir`, or none when it cannot be listed. */
function listDirectory(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** Returns public federated bundle files of this output (`names`: its directory's listing) no longer wanted. */
function staleFederatedFiles(
  base: string,
  planned: readonly PlannedFile[],
  names: readonly string[],
): string[] {
  const dir = dirname(base);
  const prefix = `${basename(base)}-ca.`;
  const wanted = new Set(planned.map((file) => basename(file.path)));
  return names
    .filter((name) => {
      if (!name.startsWith(prefix) || !name.endsWith('.pem') || wanted.has(name)) return false;
      const trustDomain = name.slice(prefix.length, -'.pem'.length);
      return TRUST_DOMAIN_FILE.test(trustDomain);
    })
    .map((name) => join(dir, name));
}

/**
 * Returns a version directory name that sorts after `previous`: the time in milliseconds (at least one past
 * the previous version's) and a random suffix, so names from concurrent writers differ too.
 */
function versionName(now: Date, previous: string | undefined): string {
  const previousMs = previous === undefined ? undefined : versionTime(previous);
  const at = previousMs === undefined ? now.getTime() : Math.max(now.getTime(), previousMs + 1);
  const stamp = new Date(at).toISOString().replace(/[-:.]/g, '');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

/** Returns the time encoded in a version name, or undefined for a name not made by versionName. */
function versionTime(name: string): number | undefined {
  const match = /^([0-9]{4})([0-9]{2})([0-9]{2})T([0-9]{2})([0-9]{2})([0-9]{2})([0-9]{3})Z-/.exec(name);
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, sec, ms] = match.map(Number);
  return Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi, sec, ms);
}

function linkTarget(base: string, inner: string): string {
  return join(basename(versionsDirectory(base)), 'current', inner);
}

async function writeVersioned(
  planned: readonly PlannedFile[],
  stale: readonly string[],
  options: SvidOutputOptions,
): Promise<SvidWriteOutcome> {
  const dir = dirname(options.base);
  const versions = versionsDirectory(options.base);
  const currentLink = join(versions, 'current');
  const owner = ownerOf(options.dirAccess);
  const inner = versionsAccess(options);

  if (stale.length === 0 && (await versionedUpToDate(planned, options.base))) {
    const current = await symlinkTarget(currentLink);
    let changed = await applyAccess(versions, inner);
    if (current !== undefined) changed = (await applyAccess(join(versions, current), inner)) || changed;
    for (const file of planned) {
      changed = (await applyAccess(join(versions, current ?? '', file.inner), file.access)) || changed;
    }
    // Nothing is written, so nothing is pruned: a killed writer's leftovers are removed here instead.
    if (current !== undefined) await pruneVersions(versions, current, undefined);
    return changed ? 'access-updated' : 'unchanged';
  }

  await ensureDirectory(versions, inner);
  await applyAccess(versions, inner);
  const previous = await symlinkTarget(currentLink);
  // Nothing refers to the new directory until `current` does, so its files are written under their final
  // names, each created with its final mode and owner before any data (here, or ahead by prepareVersion).
  // Then the files, the new directory (their entries) and the versions directory (the new directory's
  // entry) are fsynced together: all of it is durable before the switch.
  const filled =
    options.prepared === undefined
      ? undefined
      : fillPrepared(options.prepared, { versions, dirAccess: inner, current: previous }, planned);
  const version = filled?.version ?? versionName(new Date(), previous);
  const versionDir = join(versions, version);
  try {
    let open = filled?.open;
    if (open === undefined) {
      createDirectory(versionDir, inner);
      open = createVersionFiles(versionDir, planned);
    }
    await syncVersionFiles(open, [versionDir, versions]);
  } catch (err) {
    await remove(versionDir).catch(() => undefined);
    throw err;
  }
  // The one atomic step: every public path now resolves into the new version.
  await replaceSymlink(currentLink, version, owner);
  await syncDirectory(versions);

  let linksChanged = false;
  for (const file of planned) {
    linksChanged =
      (await replaceSymlink(file.path, linkTarget(options.base, file.inner), owner)) || linksChanged;
  }
  for (const path of stale) {
    await remove(path);
    linksChanged = true;
  }
  if (linksChanged) await syncDirectory(dir);
  await pruneVersions(versions, version, previous);
  return 'written';
}

/** A file of a new version, open for its fsync. */
interface OpenFile {
  readonly fd: number;
  readonly path: string;
}

/** Creates the planned files, with their data, in the new (unpublished) version directory. */
function createVersionFiles(versionDir: string, planned: readonly PlannedFile[]): OpenFile[] {
  const open: OpenFile[] = [];
  try {
    for (const file of planned) {
      const path = join(versionDir, file.inner);
      open.push({ fd: createFileWithData(path, file.data, file.access), path });
    }
  } catch (err) {
    for (const { fd } of open) closeQuietly(fd);
    throw err;
  }
  return open;
}

/** Fsyncs the open files and the directories `alsoSync`, all at the same time, then closes the files. */
async function syncVersionFiles(open: readonly OpenFile[], alsoSync: readonly string[]): Promise<void> {
  let failure: unknown;
  try {
    await Promise.all([
      ...open.map(({ fd, path }) =>
        fsyncDescriptor(fd).catch((cause: unknown) => {
          throw writeError('write', path, cause);
        }),
      ),
      ...alsoSync.map((dir) => syncDirectory(dir)),
    ]);
  } catch (err) {
    failure = err;
  }
  for (const { fd, path } of open) {
    try {
      closeSync(fd);
    } catch (cause) {
      failure ??= writeError('close', path, cause);
    }
  }
  if (failure !== undefined) throw failure as Error;
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // A failure is being reported already.
  }
}

function sameAccess(a: FileAccess, b: FileAccess): boolean {
  return a.mode === b.mode && a.uid === b.uid && a.gid === b.gid;
}

/**
 * Returns the prepared version with the planned data written into its files, or undefined when it cannot
 * take this write: made for another output or other files or access, no longer newer than `current`
 * (another writer moved on), or changed on disk. Either way the prepared version is spent; one that is not used is removed.
 */
function fillPrepared(
  prepared: PreparedVersion,
  target: { readonly versions: string; readonly dirAccess: FileAccess; readonly current: string | undefined },
  planned: readonly PlannedFile[],
): { version: string; open: OpenFile[] } | undefined {
  if (prepared.spent) return undefined;
  prepared.spent = true;
  const versionDir = join(prepared.versions, prepared.version);
  const fits =
    prepared.versions === target.versions &&
    sameAccess(prepared.dirAccess, target.dirAccess) &&
    (target.current === undefined || prepared.version > target.current) &&
    prepared.files.length === planned.length &&
    planned.every((file, index) => {
      const made = prepared.files[index];
      return made?.inner === file.inner && sameAccess(made.access, file.access);
    });
  const open: OpenFile[] = [];
  try {
    if (fits && isOwnDirectory(versionDir, prepared.dirAccess)) {
      for (const file of planned) {
        const path = join(versionDir, file.inner);
        const fd = openPreparedFile(path, file.access);
        if (fd === undefined) break;
        open.push({ fd, path });
        writeAllTo(fd, path, file.data);
      }
      if (open.length === planned.length) return { version: prepared.version, open };
    }
  } catch (err) {
    for (const { fd } of open) closeQuietly(fd);
    void removeTree(versionDir).catch(() => undefined);
    throw err;
  }
  for (const { fd } of open) closeQuietly(fd);
  void removeTree(versionDir).catch(() => undefined);
  return undefined;
}

/** Returns whether `path` is a directory (not a link to one) with the mode and owner it was made with. */
function isOwnDirectory(path: string, access: FileAccess): boolean {
  try {
    const info = lstatSync(path);
    return info.isDirectory() && (info.mode & 0o7777) === access.mode && ownedAsAsked(info, access);
  } catch {
    return false;
  }
}

function ownedAsAsked(info: { uid: number; gid: number }, access: FileAccess): boolean {
  const uid = access.uid ?? process.geteuid?.();
  return (uid === undefined || info.uid === uid) && (access.gid === undefined || info.gid === access.gid);
}

/**
 * Returns a descriptor of the prepared file at `path` open for writing, or undefined unless it is still the
 * empty regular file prepareVersion made, with its single link, its mode and its owner.
 */
function openPreparedFile(path: string, access: FileAccess): number | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_NOFOLLOW);
  } catch {
    return undefined;
  }
  try {
    const info = fstatSync(fd);
    if (
      info.isFile() &&
      info.size === 0 &&
      info.nlink === 1 &&
      (info.mode & 0o7777) === access.mode &&
      ownedAsAsked(info, access)
    ) {
      return fd;
    }
  } catch {
    // Treated as not prepared.
  }
  closeQuietly(fd);
  return undefined;
}

function writeAllTo(fd: number, path: string, data: Uint8Array): void {
  try {
    for (let offset = 0; offset < data.length;) offset += writeSync(fd, data, offset);
  } catch (cause) {
    throw writeError('write', path, cause);
  }
}

/**
 * Makes the next version of the output at `options` ahead of the write that will fill it (see
 * PreparedVersion), for files as `files` holds them (which federated bundles there are). Returns undefined
 * for the plain layout, before the first write, or when it cannot be made: preparing is an optimization and
 * never fails.
 */
export async function prepareVersion(
  files: RenderedSvidFiles,
  options: SvidOutputOptions,
): Promise<PreparedVersion | undefined> {
  if ((options.layout ?? 'versioned') !== 'versioned') return undefined;
  const versions = versionsDirectory(options.base);
  const current = await symlinkTarget(join(versions, 'current')).catch(() => undefined);
  if (current === undefined) return undefined;
  const planned = plan(files, options);
  const dirAccess = versionsAccess(options);
  const version = versionName(new Date(), current);
  const versionDir = join(versions, version);
  try {
    if (!createDirectory(versionDir, dirAccess)) return undefined;
    for (const file of planned) {
      closeSync(createFileWithData(join(versionDir, file.inner), new Uint8Array(0), file.access));
    }
  } catch {
    await removeTree(versionDir).catch(() => undefined);
    return undefined;
  }
  return {
    versions,
    version,
    files: planned.map((file) => ({ inner: file.inner, access: file.access })),
    dirAccess,
    spent: false,
  };
}

/** Removes a prepared version that no write will fill (the daemon stopping). */
export async function discardPrepared(prepared: PreparedVersion | undefined): Promise<void> {
  if (prepared === undefined || prepared.spent) return;
  prepared.spent = true;
  await removeTree(join(prepared.versions, prepared.version)).catch(() => undefined);
}

/** Returns true when every public path is our symlink and resolves to exactly the planned bytes. */
async function versionedUpToDate(planned: readonly PlannedFile[], base: string): Promise<boolean> {
  for (const file of planned) {
    if ((await symlinkTarget(file.path)) !== linkTarget(base, file.inner)) return false;
    const current = await readIfPresent(file.path);
    if (current === undefined || !current.equals(file.data)) return false;
  }
  return true;
}

/**
 * Removes the version directories older than `previous` (the version replaced just now, kept for readers
 * that resolved it an instant ago; none when undefined). Newer directories stay: another writer running at
 * the same time may still be filling one, and a later run removes it once it is older than that run's
 * previous version. The temporary files of killed writers are removed from the versions directory (the
 * `current` link's) and from the version directories that stay, other than `current` and `previous`.
 */
async function pruneVersions(versions: string, current: string, previous: string | undefined): Promise<void> {
  let names: string[];
  try {
    names = readdirSync(versions);
  } catch {
    return;
  }
  await removeStaleTemporaries(versions, names);
  const removals: Promise<void>[] = [];
  for (const name of names) {
    if (!VERSION_NAME.test(name) || name === current || name === previous) continue;
    // On libuv's threadpool: freeing the blocks of fsynced files is the slowest step of a write on some
    // disks, and other outputs' writes go on meanwhile.
    if (previous !== undefined && name < previous) removals.push(removeTree(join(versions, name)));
    else await removeStaleTemporaries(join(versions, name));
  }
  await Promise.all(removals);
}

async function writePlain(
  planned: readonly PlannedFile[],
  stale: readonly string[],
  options: SvidOutputOptions,
): Promise<SvidWriteOutcome> {
  const dir = dirname(options.base);
  // A switch from the versioned layout leaves an old key behind in the versions directory.
  const leftover = isDirectory(versionsDirectory(options.base)) ? [options.base] : [];

  let upToDate = stale.length === 0;
  for (const file of planned) {
    if (!upToDate) break;
    const isLink = (await symlinkTarget(file.path)) !== undefined;
    const current = await readIfPresent(file.path);
    upToDate = !isLink && current !== undefined && current.equals(file.data);
  }
  if (upToDate) {
    let changed = false;
    for (const file of planned) changed = (await applyAccess(file.path, file.access)) || changed;
    for (const base of leftover) await removeVersions(base);
    return changed ? 'access-updated' : 'unchanged';
  }

  const staged: { temporary: string; path: string }[] = [];
  try {
    for (const file of planned) {
      staged.push({ temporary: await stageFile(file.path, file.data, file.access), path: file.path });
    }
  } catch (err) {
    for (const { temporary } of staged) await unstage(temporary);
    throw err;
  }
  for (const { temporary, path } of staged) await publish(temporary, path);
  for (const path of stale) await remove(path);
  await syncDirectory(dir);
  for (const base of leftover) await removeVersions(base);
  return 'written';
}

/**
 * Removes the versions directory of the output at `base`: its `current` link first, so that `current` never
 * names a version whose files are being removed.
 */
export async function removeVersions(base: string): Promise<void> {
  const versions = versionsDirectory(base);
  await remove(join(versions, 'current'));
  await remove(versions);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Returns the access of the versions directory and its version directories: the directory mode, plus the
 * search (x) bit for group or other when the certificate mode lets them read. Through the symlinks a 0644
 * certificate then stays readable by everyone, as a regular file would be; the key keeps its own 0600.
 */
function versionsAccess(options: SvidOutputOptions): FileAccess {
  const cert = options.certAccess.mode;
  const search = (cert & 0o040 ? 0o010 : 0) | (cert & 0o004 ? 0o001 : 0);
  return { ...options.dirAccess, mode: options.dirAccess.mode | search };
}

function ownerOf(access: FileAccess): Pick<FileAccess, 'uid' | 'gid'> {
  const owner: { uid?: number; gid?: number } = {};
  if (access.uid !== undefined) owner.uid = access.uid;
  if (access.gid !== undefined) owner.gid = access.gid;
  return owner;
}
