import { CoreError } from '../errors/index.js';
import type { X509Bundle } from '../bundle/index.js';
import type { SpiffeId, TrustDomain } from '../spiffeid/index.js';
import { issuerNameMatches, signatureVerifiedBy, webcrypto, type x509 } from '../x509/index.js';
import { describeCertificate, validateLeaf, validateSigningCertificate } from './certificate-rules.js';

function untrusted(message: string, cause?: unknown): CoreError {
  return new CoreError('CHAIN_UNTRUSTED', 'svid', message, cause === undefined ? {} : { cause });
}

/** Returns why `cert` is not valid at `at`, or undefined when it is. */
function validityProblem(cert: x509.X509Certificate, role: string, at: Date): string | undefined {
  if (at < cert.notBefore) {
    return `${role} ${describeCertificate(cert)} is not valid until ${cert.notBefore.toISOString()} (checked at ${at.toISOString()})`;
  }
  if (at > cert.notAfter) {
    return `${role} ${describeCertificate(cert)} expired at ${cert.notAfter.toISOString()} (checked at ${at.toISOString()})`;
  }
  return undefined;
}

/** Returns true when `issuer` issued `cert`: names match and the signature verifies with its key. */
async function issued(issuer: x509.X509Certificate, cert: x509.X509Certificate): Promise<boolean> {
  if (!issuerNameMatches(cert, issuer)) return false;
  // Read from the DER and checked by node:crypto for the usual algorithms, else by the library.
  const verified = signatureVerifiedBy(cert, issuer);
  if (verified !== undefined) return verified;
  try {
    return await cert.verify({ publicKey: await verificationKey(issuer, cert), signatureOnly: true });
  } catch {
    return false;
  }
}

// An authority verifies every SVID of a Workload API push (and each again before it is written); importing
// its key into WebCrypto each time cost more than the signature check. Keys are kept per authority object
// and per algorithm, which for RSA includes the hash of the child's signature.
const verificationKeys = new WeakMap<x509.X509Certificate, Map<string, Promise<webcrypto.CryptoKey>>>();

/** Returns the issuer's public key imported for checking the signature of `cert`, as cert.verify would. */
function verificationKey(
  issuer: x509.X509Certificate,
  cert: x509.X509Certificate,
): Promise<webcrypto.CryptoKey> {
  // The library types this with the DOM Algorithm, which this build does not load.
  const keyAlgorithm = issuer.publicKey.algorithm as unknown as webcrypto.Algorithm;
  const algorithm = { ...keyAlgorithm, ...cert.signatureAlgorithm };
  const name = JSON.stringify(algorithm);
  let keys = verificationKeys.get(issuer);
  if (keys === undefined) {
    keys = new Map();
    verificationKeys.set(issuer, keys);
  }
  let key = keys.get(name);
  if (key === undefined) {
    key = issuer.publicKey.export(algorithm, ['verify'], webcrypto);
    // A key that does not import is not kept: the next check tries again and fails the same way.
    void key.catch(() => keys.delete(name));
    keys.set(name, key);
  }
  return key;
}

/**
 * Returns a chain [leaf, intermediates..., authority] or undefined, searching depth first. The chain is
 * built here rather than with x509.X509ChainBuilder because that builder stops at any self-signed
 * certificate and does not know which certificates are trusted; SVID chains are a handful of
 * certificates, so trying every candidate is cheap and lets validity problems be reported by name.
 */
async function buildChain(
  chain: x509.X509Certificate[],
  intermediates: readonly x509.X509Certificate[],
  authorities: readonly x509.X509Certificate[],
  at: Date,
  problems: string[],
): Promise<x509.X509Certificate[] | undefined> {
  const current = chain[chain.length - 1];
  if (current === undefined) return undefined;
  for (const authority of authorities) {
    if (!(await issued(authority, current))) continue;
    const problem = validityProblem(authority, 'authority', at);
    if (problem === undefined) return [...chain, authority];
    problems.push(problem);
  }
  for (const candidate of intermediates) {
    if (chain.includes(candidate) || !(await issued(candidate, current))) continue;
    const problem = validityProblem(candidate, 'intermediate certificate', at);
    if (problem !== undefined) {
      problems.push(problem);
      continue;
    }
    const found = await buildChain([...chain, candidate], intermediates, authorities, at, problems);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Returns the SPIFFE ID of the X509-SVID `certificates` (leaf first) and the chain to an authority in the
 * bundle of the ID's trust domain, after checking the leaf and signing-certificate rules (SVID_INVALID)
 * and every link's signature and validity at `options.at` (default now; CHAIN_UNTRUSTED).
 */
export async function verifyX509Svid(
  certificates: readonly x509.X509Certificate[],
  bundles: { get(td: TrustDomain): X509Bundle | undefined },
  options: { at?: Date } = {},
): Promise<{ id: SpiffeId; chain: x509.X509Certificate[] }> {
  const at = options.at ?? new Date();
  const [leaf, ...intermediates] = certificates;
  if (leaf === undefined) throw new CoreError('SVID_INVALID', 'svid', 'empty certificate chain');
  const id = validateLeaf(leaf);
  intermediates.forEach((cert, index) => {
    validateSigningCertificate(cert, index + 1);
  });
  const bundle = bundles.get(id.trustDomain);
  if (bundle === undefined) throw untrusted(`no bundle for trust domain "${id.trustDomain.name}"`);
  const leafProblem = validityProblem(leaf, 'leaf certificate', at);
  if (leafProblem !== undefined) throw untrusted(leafProblem);
  const problems: string[] = [];
  const chain = await buildChain([leaf], intermediates, bundle.authorities, at, problems);
  if (chain !== undefined) return { id, chain };
  const [problem] = problems;
  throw untrusted(
    problem ?? `certificate chain does not lead to an authority of trust domain "${id.trustDomain.name}"`,
  );
}
