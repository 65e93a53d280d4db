// Checks an X509-SVID before it is written and again when it is read back from disk: the chain leads to
// the bundle of its trust domain, the key belongs to the leaf, the SPIFFE ID is the one asked for, and the
// DNS/IP SANs the caller requires are present.
import { createPrivateKey } from 'node:crypto';
import { isIP } from 'node:net';
import { BundleSet, X509Bundle } from '../src/core/bundle/index.js';
import { isCoreError } from '../src/core/errors/index.js';
import { SpiffeId, type TrustDomain } from '../src/core/spiffeid/index.js';
import { verifyX509Svid } from '../src/core/svid/index.js';
import {
  certificateFields,
  keyMatchesCertificate,
  parseCertificates,
  parsePrivateKey,
  x509,
  type PrivateKey,
} from '../src/core/x509/index.js';
import { HelperError } from './errors.js';
import { readIfPresent } from './outputs/atomic-write.js';
import type { KeyFormat, SvidPaths } from './outputs/svid-files.js';

const MODULE = 'verify';

export interface Expectations {
  /** The SPIFFE ID the leaf must carry. */
  readonly spiffeId?: string;
  /** DNS names that must be among the leaf's SANs. */
  readonly dns?: readonly string[];
  /** IP addresses that must be among the leaf's SANs. */
  readonly ips?: readonly string[];
}

export interface VerifiedSvid {
  readonly id: SpiffeId;
  readonly leaf: x509.X509Certificate;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly dnsNames: readonly string[];
  readonly ipAddresses: readonly string[];
  /** Subjects from the leaf to the trusted authority. */
  readonly chain: readonly string[];
}

/**
 * Returns facts about the SVID made of `certificates` (leaf first) and `key` once it has passed every
 * check at `at` (default now): SPIFFE ID (ID_MISMATCH), key match (KEY_MISMATCH), chain to the bundle of
 * its trust domain (CHAIN_UNTRUSTED, including expiry), required SANs (SAN_MISSING).
 */
export async function verifySvid(
  certificates: readonly x509.X509Certificate[],
  key: PrivateKey,
  bundles: { get: BundleSet<X509Bundle>['get'] },
  expect: Expectations = {},
  at: Date = new Date(),
): Promise<VerifiedSvid> {
  const [leaf] = certificates;
  if (leaf === undefined) throw new HelperError('SVID_INVALID', MODULE, 'no certificate found');
  const { id, chain } = await verifyX509Svid(certificates, bundles, { at }).catch((err: unknown) => {
    // The ID is compared first when possible: "wrong identity" explains more than "untrusted chain".
    throw idProblem(leaf, expect) ?? err;
  });
  if (expect.spiffeId !== undefined && id.toString() !== expect.spiffeId) {
    throw mismatch(id.toString(), expect.spiffeId);
  }
  if (!(await keyMatchesCertificate(key, leaf))) {
    throw new HelperError(
      'KEY_MISMATCH',
      MODULE,
      `the private key does not belong to the certificate of ${id.toString()}`,
    );
  }
  const names = subjectAltNames(leaf);
  const missingDns = (expect.dns ?? []).filter((name) => !names.dns.includes(name.toLowerCase()));
  const missingIps = (expect.ips ?? []).filter((ip) => !names.ips.includes(canonicalIp(ip)));
  if (missingDns.length > 0 || missingIps.length > 0) {
    const missing = [...missingDns.map((n) => `DNS:${n}`), ...missingIps.map((ip) => `IP:${ip}`)];
    const present = [...names.dns.map((n) => `DNS:${n}`), ...names.ips.map((ip) => `IP:${ip}`)];
    throw new HelperError(
      'SAN_MISSING',
      MODULE,
      `the certificate of ${id.toString()} lacks ${missing.join(', ')} (it has ${present.length === 0 ? 'no DNS or IP SANs' : present.join(', ')})`,
      { details: { missing, present } },
    );
  }
  // Subjects are written out only when asked for: they are the one part of a certificate that needs the
  // library's full decode, which the daemon and `cert fetch` otherwise skip (core/x509 certificates.ts).
  let subjects: readonly string[] | undefined;
  return {
    id,
    leaf,
    notBefore: leaf.notBefore,
    notAfter: leaf.notAfter,
    dnsNames: names.dns,
    ipAddresses: names.ips,
    get chain(): readonly string[] {
      subjects ??= chain.map((cert) => cert.subject);
      return subjects;
    },
  };
}

function idProblem(leaf: x509.X509Certificate, expect: Expectations): HelperError | undefined {
  if (expect.spiffeId === undefined) return undefined;
  const { uris } = certificateFields(leaf);
  const [uri] = uris;
  if (uris.length !== 1 || uri === undefined || uri === expect.spiffeId) return undefined;
  return mismatch(uri, expect.spiffeId);
}

function mismatch(found: string, wanted: string): HelperError {
  return new HelperError('ID_MISMATCH', MODULE, `the certificate is for ${found}, expected ${wanted}`, {
    details: { found, expected: wanted },
  });
}

/** Returns the DNS names (lower case) and IP addresses (canonical text) in the leaf's SAN extension. */
export function subjectAltNames(cert: x509.X509Certificate): { dns: string[]; ips: string[] } {
  const { dnsNames, ipAddresses } = certificateFields(cert);
  return {
    dns: dnsNames.map((name) => name.toLowerCase()),
    ips: ipAddresses.map((ip) => canonicalIp(ip)),
  };
}

/** Returns an IP address in one canonical text form, so "::1" and "0:0::1" compare equal. */
export function canonicalIp(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  return new URL(`http://[${ip}]/`).hostname.slice(1, -1);
}

/** An SVID as read from disk, parsed but not yet verified. */
export interface SvidOnDisk {
  readonly certificates: x509.X509Certificate[];
  readonly key: PrivateKey;
  readonly keyFormat: KeyFormat;
  /** The bundle file's certificates, as a bundle of the leaf's trust domain. */
  readonly bundles: BundleSet<X509Bundle>;
}

const KEY_LABELS: Readonly<Record<string, KeyFormat>> = {
  'PRIVATE KEY': 'pkcs8',
  'RSA PRIVATE KEY': 'pkcs1',
  'EC PRIVATE KEY': 'sec1',
};

/**
 * Returns the SVID stored at `paths`. Throws FILE_MISSING when a file is absent and PEM_INVALID,
 * KEY_INVALID or SVID_INVALID when one does not parse; never includes key bytes in a message.
 */
export async function readSvidFromDisk(paths: SvidPaths): Promise<SvidOnDisk> {
  // One after the other, so the first missing file reported is always the same one.
  const certPem = await readRequired(paths.cert, 'certificate');
  const keyPem = await readRequired(paths.key, 'private key');
  const caPem = await readRequired(paths.ca, 'bundle');
  const certificates = inFile(paths.cert, () => parseCertificates(certPem.toString('utf8')));
  const { key, keyFormat } = inFile(paths.key, () => parseAnyPrivateKey(keyPem.toString('utf8')));
  const leaf = certificates[0];
  if (leaf === undefined) throw new HelperError('PEM_INVALID', MODULE, `${paths.cert} holds no certificate`);
  const [uri] = certificateFields(leaf).uris;
  const trustDomain = uri === undefined ? undefined : trustDomainOf(uri);
  if (trustDomain === undefined) {
    throw new HelperError(
      'SVID_INVALID',
      MODULE,
      `${paths.cert} is not an X509-SVID: its leaf has no spiffe:// URI SAN`,
    );
  }
  const bundle = inFile(paths.ca, () => X509Bundle.fromPem(trustDomain, caPem.toString('utf8')));
  return { certificates, key, keyFormat, bundles: new BundleSet([bundle]) };
}

function trustDomainOf(uri: string): TrustDomain | undefined {
  try {
    return SpiffeId.parse(uri).trustDomain;
  } catch {
    return undefined;
  }
}

async function readRequired(path: string, what: string): Promise<Buffer> {
  const data = await readIfPresent(path);
  if (data === undefined) {
    throw new HelperError('FILE_MISSING', MODULE, `${what} file ${path} does not exist`, {
      details: { path },
    });
  }
  return data;
}

/** Runs `parse`, prefixing a failure's message with the file it concerned (keeping its code). */
function inFile<T>(path: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const code = isCoreError(err) || err instanceof HelperError ? err.code : 'PEM_INVALID';
    throw new HelperError(code, MODULE, `${path}: ${reason}`, { cause: err, details: { path } });
  }
}

/** Returns a private key from PEM in PKCS#8, PKCS#1 (RSA) or SEC1 (EC) form, as core's PKCS#8 key. */
export function parseAnyPrivateKey(pem: string): { key: PrivateKey; keyFormat: KeyFormat } {
  const labels = [...pem.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----/g)].map((m) => m[1] ?? '');
  const [label] = labels;
  const keyFormat = label === undefined ? undefined : KEY_LABELS[label];
  if (labels.length !== 1 || keyFormat === undefined) {
    throw new HelperError(
      'KEY_INVALID',
      MODULE,
      `expected one "PRIVATE KEY", "RSA PRIVATE KEY" or "EC PRIVATE KEY" PEM block, found ${labels.length === 0 ? 'none' : labels.map((l) => `"${l}"`).join(', ')}`,
    );
  }
  if (keyFormat === 'pkcs8') return { key: parsePrivateKey(pem), keyFormat };
  let der: Buffer;
  try {
    der = createPrivateKey({ key: pem, format: 'pem' }).export({ format: 'der', type: 'pkcs8' });
  } catch (cause) {
    throw new HelperError('KEY_INVALID', MODULE, `the "${label ?? ''}" block is not a valid private key`, {
      cause,
    });
  }
  return { key: parsePrivateKey(new Uint8Array(der)), keyFormat };
}
