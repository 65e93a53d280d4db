// The "bundles" output: the X.509 bundle of every trust domain the workload may trust, one PEM file per
// trust domain in a directory of its own, <dir>/<trust-domain>.pem (as `spire-agent api fetch x509 -write`
// does, and as spiffe-helper#89 asks for). Files of trust domains the agent no longer sends are removed.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BundleSet, X509Bundle } from '../../src/core/bundle/index.js';
import { ensureDirectory, remove, syncDirectory, writeFileIfChanged } from '../outputs/atomic-write.js';
import type { BundlesOutput } from './config.js';

// Trust domain names are lower-case letters, digits, ".", "-" and "_" (SPIFFE-ID.md §2.1): safe file names.
const TRUST_DOMAIN_FILE = /^([a-z0-9._-]+)\.pem$/;

export interface BundlesWriteResult {
  /** Content changed (a file written or removed). */
  readonly changed: boolean;
  /** Mode or owner of an unchanged file corrected. */
  readonly accessUpdated: boolean;
  /** Trust domains listed in the output but absent from the agent's bundles. */
  readonly missing: readonly string[];
  readonly files: readonly string[];
}

/** Writes the bundles `output` selects from `bundles`; removes files of trust domains no longer present. */
export async function writeBundles(
  output: BundlesOutput,
  bundles: BundleSet<X509Bundle>,
): Promise<BundlesWriteResult> {
  await ensureDirectory(output.dir, output.dirAccess);
  const wanted = output.trustDomains;
  const selected = bundles
    .values()
    .filter((b) => wanted === undefined || wanted.includes(b.trustDomain.name));
  const present = new Set(selected.map((b) => b.trustDomain.name));
  let changed = false;
  let accessUpdated = false;
  const files: string[] = [];
  for (const bundle of selected) {
    const path = join(output.dir, `${bundle.trustDomain.name}.pem`);
    files.push(path);
    const outcome = await writeFileIfChanged(path, bundle.toPem(), output.access);
    if (outcome === 'written') changed = true;
    if (outcome === 'access-updated') accessUpdated = true;
  }
  let names: string[] = [];
  try {
    names = await readdir(output.dir);
  } catch {
    names = [];
  }
  for (const name of names) {
    const trustDomain = TRUST_DOMAIN_FILE.exec(name)?.[1];
    if (trustDomain === undefined || present.has(trustDomain)) continue;
    await remove(join(output.dir, name));
    changed = true;
  }
  if (changed) await syncDirectory(output.dir);
  return { changed, accessUpdated, missing: (wanted ?? []).filter((td) => !present.has(td)), files };
}
