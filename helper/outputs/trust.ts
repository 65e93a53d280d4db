// Dual trust for a migration from another PKI (Tarmak's Vault) to SPIRE: CA certificates read from files
// are added after the SPIRE bundle in every written -ca.pem and embedded kubeconfig CA, so that during the
// migration each component accepts peers holding either PKI's certificates. Dropping the files from the
// configuration drops them from the output again. Also here: checking a peer's certificate chain (any
// X.509 certificate, not only an X509-SVID) against such a combined trust file, for `check --peer-cert`.
import { createHash, X509Certificate as NodeCertificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { certificateExtension, derListToPem, parseCertificates, x509 } from '../../src/core/x509/index.js';
import { HelperError } from '../errors.js';

/** One CA certificate from an extra CA file. */
export interface ExtraCa {
  /** The file it came from. */
  readonly file: string;
  readonly der: Uint8Array;
  readonly subject: string;
  readonly notAfter: Date;
  /** SHA-256 of the DER, lower-case hex. */
  readonly fingerprint: string;
}

/** What a trust file holds, certificate by certificate (`check` reports it). */
export interface TrustAuthority {
  readonly subject: string;
  /** ISO 8601. */
  readonly notAfter: string;
  readonly fingerprint: string;
  /** The extra CA file this certificate also is in, when it is one of the files given. */
  readonly extraCaFile?: string;
}

export const EXTRA_CA_FLAG = 'extra-ca-file';

/** Returns the SHA-256 fingerprint of a DER certificate in lower-case hex. */
export function fingerprintOf(der: Uint8Array): string {
  return createHash('sha256').update(der).digest('hex');
}

function extraCaError(file: string, problem: string): HelperError {
  return new HelperError('CONFIG_INVALID', 'flags', `--${EXTRA_CA_FLAG} ${JSON.stringify(file)} ${problem}`, {
    details: { flag: EXTRA_CA_FLAG, value: file },
  });
}

/** Returns why `cert` cannot act as a trust anchor (not a CA, or may not sign certificates), or undefined. */
function notACa(cert: x509.X509Certificate): string | undefined {
  const constraints = certificateExtension(cert, x509.BasicConstraintsExtension);
  if (constraints?.ca !== true) return 'basicConstraints does not say CA';
  const usages = certificateExtension(cert, x509.KeyUsagesExtension);
  if (usages !== null && (usages.usages & x509.KeyUsageFlags.keyCertSign) === 0) {
    return 'its key usage lacks keyCertSign';
  }
  return undefined;
}

/**
 * Returns the CA certificates in the PEM file `file`: one or more "CERTIFICATE" blocks and nothing else,
 * each a CA allowed to sign certificates. Throws CONFIG_INVALID naming the file and what was expected;
 * nothing of the file's content is quoted (it might hold a key by mistake).
 */
export async function readExtraCaFile(file: string): Promise<ExtraCa[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    const errno = (cause as NodeJS.ErrnoException).code;
    throw extraCaError(
      file,
      `cannot be read (${errno ?? String(cause)}); expected a PEM file of CA certificates`,
    );
  }
  let certificates: x509.X509Certificate[];
  try {
    certificates = parseCertificates(text);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message.replace(/^x509: /, '') : String(cause);
    throw extraCaError(file, `is not a PEM file of CA certificates: ${reason}`);
  }
  return certificates.map((cert, index) => {
    const problem = notACa(cert);
    if (problem !== undefined) {
      throw extraCaError(
        file,
        `holds a certificate that is not a CA (certificate ${index}, ${JSON.stringify(cert.subject)}: ${problem}); expected only CA certificates, such as the old PKI's issuing CA`,
      );
    }
    const der = new Uint8Array(cert.rawData);
    return { file, der, subject: cert.subject, notAfter: cert.notAfter, fingerprint: fingerprintOf(der) };
  });
}

/** Returns the CA certificates of every file in order, a certificate found twice kept once. */
export async function readExtraCaFiles(files: readonly string[]): Promise<ExtraCa[]> {
  const all: ExtraCa[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    for (const ca of await readExtraCaFile(file)) {
      if (seen.has(ca.fingerprint)) continue;
      seen.add(ca.fingerprint);
      all.push(ca);
    }
  }
  return all;
}

/**
 * Returns the PEM of `authorities` (DER, the SPIRE bundle) followed by every extra CA not already among
 * them: the SPIRE bundle first, then the extra CAs, each certificate once.
 */
export function combineTrust(authorities: readonly Uint8Array[], extras: readonly ExtraCa[]): string {
  const seen = new Set<string>();
  const ders: Uint8Array[] = [];
  for (const der of [...authorities, ...extras.map((ca) => ca.der)]) {
    const fingerprint = fingerprintOf(der);
    if (seen.has(fingerprint)) continue;
    seen.add(fingerprint);
    ders.push(der);
  }
  return derListToPem(ders, 'CERTIFICATE');
}

/** Returns the certificates of a trust file with, for each, the extra CA file it came from (if given). */
export function describeTrust(
  certificates: readonly x509.X509Certificate[],
  extras: readonly ExtraCa[],
): TrustAuthority[] {
  return certificates.map((cert) => {
    const fingerprint = fingerprintOf(new Uint8Array(cert.rawData));
    const extra = extras.find((ca) => ca.fingerprint === fingerprint);
    return {
      subject: cert.subject,
      notAfter: cert.notAfter.toISOString(),
      fingerprint,
      ...(extra === undefined ? {} : { extraCaFile: extra.file }),
    };
  });
}

/** The outcome of checking a peer's certificate chain against a trust file. */
export interface PeerVerdict {
  readonly file: string;
  readonly subject: string;
  readonly issuer: string;
  /** Subjects from the peer's leaf to the trusted authority. */
  readonly chain: readonly string[];
  readonly trustedBy: string;
}

const MAX_CHAIN = 8;

/** A certificate parsed twice: by @peculiar/x509 for names, by Node for issuer and signature checks. */
interface Both {
  readonly cert: x509.X509Certificate;
  readonly node: NodeCertificate;
}

function both(cert: x509.X509Certificate): Both {
  return { cert, node: new NodeCertificate(Buffer.from(cert.rawData)) };
}

function validAt(cert: x509.X509Certificate, at: Date): boolean {
  return cert.notBefore <= at && at <= cert.notAfter;
}

/** Returns true when `issuer` is a CA that issued `child`: names, key identifiers and signature. */
function issued(issuer: Both, child: Both): boolean {
  return issuer.node.ca && child.node.checkIssued(issuer.node) && child.node.verify(issuer.node.publicKey);
}

/**
 * Returns how the certificate chain in `pem` (leaf first, intermediates after it) leads to one of
 * `authorities`, as a TLS peer checks it: each link issued by the next (names, key identifiers and
 * signature), every certificate valid at `at`, every issuer a CA. Throws CHAIN_UNTRUSTED naming `file` and
 * what is missing. The leaf need not be an X509-SVID: this is how the old PKI's certificates are checked.
 */
export function verifyPeerChain(
  file: string,
  pem: string,
  authorities: readonly x509.X509Certificate[],
  at: Date = new Date(),
): PeerVerdict {
  let parsed: Both[];
  try {
    parsed = parseCertificates(pem).map(both);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new HelperError('PEM_INVALID', 'check', `--peer-cert ${file}: ${reason}`, {
      cause,
      details: { file },
    });
  }
  const [leaf, ...intermediates] = parsed;
  if (leaf === undefined) {
    throw new HelperError('PEM_INVALID', 'check', `--peer-cert ${file}: no certificate`, {
      details: { file },
    });
  }
  const anchors = authorities.map(both);
  const untrusted = (why: string): HelperError =>
    new HelperError('CHAIN_UNTRUSTED', 'check', `--peer-cert ${file} (${leaf.cert.subject}): ${why}`, {
      details: { file },
    });

  const chain: Both[] = [leaf];
  for (let current = leaf; chain.length <= MAX_CHAIN;) {
    if (!validAt(current.cert, at)) {
      throw untrusted(
        `"${current.cert.subject}" is not valid at ${at.toISOString()} (valid ${current.cert.notBefore.toISOString()} to ${current.cert.notAfter.toISOString()})`,
      );
    }
    const anchor = anchors.find((candidate) => issued(candidate, current));
    if (anchor !== undefined) {
      if (!validAt(anchor.cert, at)) {
        throw untrusted(`the authority "${anchor.cert.subject}" is not valid at ${at.toISOString()}`);
      }
      return {
        file,
        subject: leaf.cert.subject,
        issuer: leaf.cert.issuer,
        chain: [...chain, anchor].map((link) => link.cert.subject),
        trustedBy: anchor.cert.subject,
      };
    }
    const next = intermediates.find((candidate) => !chain.includes(candidate) && issued(candidate, current));
    if (next === undefined) {
      const held = anchors.map((anchor) => `"${anchor.cert.subject}"`).join(', ');
      throw untrusted(
        `no authority in the trust file issued "${current.cert.subject}" (issuer "${current.cert.issuer}"); it holds ${held === '' ? 'no certificate' : held}`,
      );
    }
    chain.push(next);
    current = next;
  }
  throw untrusted(`the chain is longer than ${MAX_CHAIN} certificates`);
}
