// The test double's certificate authority: a SPIRE Server CA (X.509 authority plus JWT signing key) that
// issues SVIDs with the same template SPIRE uses, so code under test sees what a real deployment hands out.
// Facts come from SPIRE's sources, cited next to each rule:
//   pkg/server/credtemplate/builder.go  (CA and SVID templates, default subjects and TTLs, JWT claims)
//   pkg/server/ca/ca.go                 (chain = leaf + upstream chain, JWT header typ "JWT" and kid)
//   pkg/server/ca/manager/manager.go    (JWT key IDs, key lifetime = CA TTL, rotation keeps old authorities)
//   pkg/common/x509svid/upstreamca.go   (how an UpstreamAuthority signs the SPIRE intermediate)
//   pkg/common/x509util/serialnumber.go, keyid.go (serials in [1, 2^128-1]; SKI = SHA-1 of the key bits)
// Keys are EC P-256 throughout (SPIRE's default key type) because they are fast to generate.
import { randomBytes } from 'node:crypto';
import { x509, webcrypto, parsePrivateKey, type PrivateKey } from '../../src/core/x509/index.js';
import {
  composedSubjectAltName,
  goSubjectName,
  isEmptySubject,
  otherExtraExtensions,
  parseDistinguishedName,
  type SimCredentialComposer,
  type SvidKind,
  type X509SvidAttributes,
} from './composer.js';

type CryptoKeyPair = webcrypto.CryptoKeyPair;
type CryptoKey = webcrypto.CryptoKey;

/** The private key of a minted SVID: core's PKCS#8 key (`pkcs8` is what the Workload API sends). */
export type SimPrivateKey = PrivateKey;

export interface SimCaOptions {
  trustDomain: string;
  /** Sign the SPIRE CA with an upstream root (UpstreamAuthority, nested SPIRE): bundle = upstream root,
   * SVID chains = leaf + SPIRE intermediate. Without it the SPIRE CA is self-signed and is the root. */
  intermediate?: boolean;
  /** Default X509-SVID TTL; SPIRE's default is 1 h (credtemplate DefaultX509SVIDTTL). */
  defaultX509SvidTtlSeconds?: number;
  /** Default JWT-SVID TTL; SPIRE's default is 5 min (credtemplate DefaultJWTSVIDTTL). */
  defaultJwtSvidTtlSeconds?: number;
  /** TTL of the SPIRE X.509 CA and the JWT key; SPIRE's default is 24 h (credtemplate DefaultX509CATTL). */
  caTtlSeconds?: number;
  now?: () => Date;
  /** Runs over every X509-SVID template before signing, like SPIRE's CredentialComposer plugins
   * (test/sim/composer.ts rulesComposer / loadComposerRulesFile). */
  credentialComposer?: SimCredentialComposer;
}

export interface MintX509SvidOptions {
  spiffeId: string;
  dnsNames?: readonly string[];
  ttlSeconds?: number;
  /** Subject override, for example "C=US, O=system:nodes"; CN is still replaced by the first DNS name. */
  subject?: string;
  /** The SPIRE template this SVID comes from (default "workload"); the composer is told which. */
  kind?: SvidKind;
}

export interface MintedX509Svid {
  /** Leaf first, then the SPIRE intermediate when the CA is upstream-signed. */
  certificates: x509.X509Certificate[];
  expiresAt: Date;
}

export interface JwtAuthority {
  keyId: string;
  /** PKIX (SubjectPublicKeyInfo) DER. */
  publicKey: Uint8Array;
  /** Unix seconds. */
  expiresAt: number;
}

interface X509Authority {
  /** The certificate that goes into the trust bundle. */
  root: x509.X509Certificate;
  /** The certificate whose key signs SVIDs (the root itself when self-signed). */
  signer: x509.X509Certificate;
  signingKey: CryptoKey;
  /** Certificates after the leaf in every SVID chain (credtemplate: UpstreamChain minus the upstream root). */
  chainTail: x509.X509Certificate[];
}

interface JwtKey {
  keyId: string;
  keys: CryptoKeyPair;
  publicKeyDer: Uint8Array;
  jwk: webcrypto.JsonWebKey;
  notAfter: Date;
}

const EC_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ES256 = { name: 'ECDSA', hash: 'SHA-256' } as const;
// credtemplate NotBeforeCushion: notBefore is backdated 10 s for clock skew.
const NOT_BEFORE_CUSHION_MS = 10_000;
const DEFAULT_X509_SVID_TTL_S = 3600;
const DEFAULT_JWT_SVID_TTL_S = 300;
const DEFAULT_CA_TTL_S = 24 * 3600;
const UPSTREAM_ROOT_TTL_S = 365 * 24 * 3600;
const OID_SERIAL_NUMBER = '2.5.4.5';
const OID_SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const OID_CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

export class SimCa {
  readonly trustDomain: string;
  readonly #options: Required<Omit<SimCaOptions, 'trustDomain' | 'credentialComposer'>> &
    Pick<SimCaOptions, 'credentialComposer'>;
  #x509Authorities: X509Authority[] = [];
  #jwtKeys: JwtKey[] = [];
  /** Upstream root kept across rotations when rotate({ keepUpstreamRoot: true }). */
  #upstream: { cert: x509.X509Certificate; key: CryptoKey } | undefined;
  readonly #listeners = new Set<() => void>();

  private constructor(options: SimCaOptions) {
    this.trustDomain = options.trustDomain;
    this.#options = {
      intermediate: options.intermediate ?? false,
      defaultX509SvidTtlSeconds: options.defaultX509SvidTtlSeconds ?? DEFAULT_X509_SVID_TTL_S,
      defaultJwtSvidTtlSeconds: options.defaultJwtSvidTtlSeconds ?? DEFAULT_JWT_SVID_TTL_S,
      caTtlSeconds: options.caTtlSeconds ?? DEFAULT_CA_TTL_S,
      now: options.now ?? (() => new Date()),
      ...(options.credentialComposer === undefined ? {} : { credentialComposer: options.credentialComposer }),
    };
  }

  /** Returns a CA with one X.509 authority and one JWT key, ready to sign. */
  static async create(options: SimCaOptions): Promise<SimCa> {
    if (!/^[a-z0-9._-]+$/.test(options.trustDomain)) {
      throw new Error(`trust domain ${JSON.stringify(options.trustDomain)} is not a valid trust domain name`);
    }
    const ca = new SimCa(options);
    ca.#x509Authorities.push(await ca.#newX509Authority({ keepUpstreamRoot: false }));
    ca.#jwtKeys.push(await ca.#newJwtKey());
    return ca;
  }

  /** Returns the SPIFFE ID of the trust domain ("spiffe://td"), the key of bundle maps on the wire. */
  get trustDomainId(): string {
    return `spiffe://${this.trustDomain}`;
  }

  /** Returns the roots currently in the trust bundle: old and new ones during a rotation overlap. */
  bundleCertificates(): x509.X509Certificate[] {
    const seen = new Set<string>();
    const roots: x509.X509Certificate[] = [];
    for (const authority of this.#x509Authorities) {
      if (seen.has(authority.root.serialNumber)) continue;
      seen.add(authority.root.serialNumber);
      roots.push(authority.root);
    }
    return roots;
  }

  /** Returns the concatenated DER of the bundle roots (the Workload API `bundle` field). */
  bundleDer(): Uint8Array {
    return concatDer(this.bundleCertificates());
  }

  /** Returns the JWT signing keys currently published in the bundle. */
  jwtAuthorities(): JwtAuthority[] {
    return this.#jwtKeys.map((key) => ({
      keyId: key.keyId,
      publicKey: key.publicKeyDer,
      expiresAt: Math.floor(key.notAfter.getTime() / 1000),
    }));
  }

  /** Returns the JWT bundle as a standard JWKS, as the Workload API serves it (SPIRE
   * pkg/common/bundleutil/marshal.go with StandardJWKS: no "use", no spiffe_* members, no X.509 keys). */
  jwks(): string {
    return JSON.stringify({
      keys: this.#jwtKeys.map((key) => ({
        kty: key.jwk.kty,
        kid: key.keyId,
        crv: key.jwk.crv,
        x: key.jwk.x,
        y: key.jwk.y,
      })),
    });
  }

  /** Returns the CA's idea of the current time (the `now` option, else the wall clock). */
  now(): Date {
    return this.#options.now();
  }

  /** Registers a listener called after every change of the bundle (rotate, dropOldAuthorities);
   * returns the function that removes it. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Returns an X509-SVID for `spiffeId` signed by the current authority. With `publicKey` the caller
   * keeps its own private key (a CSR-style mint); otherwise a fresh P-256 key is generated and returned,
   * as SPIRE rotates keys with every SVID.
   */
  async mintX509Svid(
    options: MintX509SvidOptions & { publicKey: CryptoKey },
  ): Promise<MintedX509Svid & { privateKey?: undefined }>;
  async mintX509Svid(
    options: MintX509SvidOptions & { publicKey?: undefined },
  ): Promise<MintedX509Svid & { privateKey: SimPrivateKey }>;
  async mintX509Svid(
    options: MintX509SvidOptions & { publicKey?: CryptoKey | undefined },
  ): Promise<MintedX509Svid & { privateKey?: SimPrivateKey | undefined }> {
    this.#checkMemberId(options.spiffeId, 'X509-SVID');
    let publicKey = options.publicKey;
    let privateKey: SimPrivateKey | undefined;
    if (publicKey === undefined) {
      const pair = await generateKeyPair();
      publicKey = pair.publicKey;
      privateKey = parsePrivateKey(
        new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', pair.privateKey)),
      );
    }
    const authority = this.#currentX509Authority();
    const now = this.#options.now();
    const ttlSeconds =
      options.ttlSeconds !== undefined && options.ttlSeconds > 0
        ? options.ttlSeconds
        : this.#options.defaultX509SvidTtlSeconds;
    // credtemplate computeCappedLifetime: now-10s .. now+ttl, capped at the signing CA's notAfter.
    const notBefore = new Date(now.getTime() - NOT_BEFORE_CUSHION_MS);
    const notAfter = minDate(new Date(now.getTime() + ttlSeconds * 1000), authority.signer.notAfter);
    const dnsNames = [...(options.dnsNames ?? [])];

    // credtemplate DefaultX509SVIDSubject is C=US, O=SPIRE; the first DNS name becomes the CN even when a
    // subject is given (BuildWorkloadX509SVIDTemplate). Agent and server templates get no DNS names.
    const proposedSubject = parseDistinguishedName(options.subject ?? 'C=US, O=SPIRE');
    const proposed: X509SvidAttributes = {
      subject: dnsNames[0] === undefined ? proposedSubject : { ...proposedSubject, commonName: dnsNames[0] },
      dnsSans: dnsNames,
      extraExtensions: [],
    };
    // credtemplate: every CredentialComposer sees the template's attributes, and what it returns replaces
    // them (applyX509SVIDAttributes: subject, DNS names and extra extensions).
    const kind = options.kind ?? 'workload';
    const composer = this.#options.credentialComposer;
    const attributes =
      composer === undefined
        ? proposed
        : composer({ kind, spiffeId: options.spiffeId, attributes: proposed });

    // Go's x509.CreateCertificate (buildCertExtensions): KU, EKU, basic constraints, SKI, AKI and the SAN
    // it builds itself, each left out when ExtraExtensions carries the same OID, then ExtraExtensions in
    // their order. So a composed subjectAltName replaces the one built from the DNS names and the URI.
    const extraExtensions = [
      ...otherExtraExtensions(attributes),
      ...[composedSubjectAltName(attributes)].filter((e) => e !== undefined),
    ];
    const builtExtensions: x509.Extension[] = [
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature |
          x509.KeyUsageFlags.keyEncipherment |
          x509.KeyUsageFlags.keyAgreement,
        true,
      ),
      new x509.ExtendedKeyUsageExtension([OID_SERVER_AUTH, OID_CLIENT_AUTH], false),
      new x509.BasicConstraintsExtension(false, undefined, true),
      await x509.SubjectKeyIdentifierExtension.create(publicKey),
      authorityKeyIdentifier(authority.signer),
      // Go marks the SAN critical only when the subject is empty (RFC 5280 §4.2.1.6).
      new x509.SubjectAlternativeNameExtension(
        [
          ...attributes.dnsSans.map((value) => ({ type: 'dns' as const, value })),
          { type: 'url', value: options.spiffeId },
        ],
        isEmptySubject(attributes.subject),
      ),
    ];
    const extraOids = new Set(extraExtensions.map((e) => e.type));
    const leaf = await x509.X509CertificateGenerator.create({
      serialNumber: newSerialNumber(),
      subject: goSubjectName(attributes.subject),
      issuer: authority.signer.subjectName,
      notBefore,
      notAfter,
      publicKey,
      signingKey: authority.signingKey,
      signingAlgorithm: ES256,
      extensions: [...builtExtensions.filter((e) => !extraOids.has(e.type)), ...extraExtensions],
    });
    checkUriSan(leaf, options.spiffeId, kind);
    return { certificates: [leaf, ...authority.chainTail], privateKey, expiresAt: notAfter };
  }

  /**
   * Returns a JWT-SVID (JWS compact, ES256) for `spiffeId` with the claims SPIRE puts in
   * (credtemplate BuildWorkloadJWTSVIDClaims: sub, exp, aud, iat; header typ "JWT" and kid, ca.go).
   */
  async mintJwtSvid(options: {
    spiffeId: string;
    audience: readonly string[];
    ttlSeconds?: number;
    /** Adds a unique "jti" claim (entry attribute jwt_svid_include_jti). */
    includeJti?: boolean;
  }): Promise<string> {
    this.#checkMemberId(options.spiffeId, 'JWT-SVID');
    const audience = options.audience.filter((aud) => aud !== '');
    if (audience.length === 0) throw new Error('invalid JWT-SVID audience: cannot be empty');
    const key = this.#jwtKeys[this.#jwtKeys.length - 1];
    if (key === undefined) throw new Error('JWT key is not available for signing');
    const now = this.#options.now();
    const ttlSeconds =
      options.ttlSeconds !== undefined && options.ttlSeconds > 0
        ? options.ttlSeconds
        : this.#options.defaultJwtSvidTtlSeconds;
    // The token lifetime is capped at the signing key's expiry (ca.go ExpirationCap: jwtKey.NotAfter).
    const expiresAt = minDate(new Date(now.getTime() + ttlSeconds * 1000), key.notAfter);
    const header = { alg: 'ES256', kid: key.keyId, typ: 'JWT' };
    const claims: Record<string, unknown> = {
      aud: audience,
      exp: Math.floor(expiresAt.getTime() / 1000),
      iat: Math.floor(now.getTime() / 1000),
      sub: options.spiffeId,
    };
    // credtemplate: jti = base64url (no padding) of 16 random (UUIDv4) bytes.
    if (options.includeJti === true) claims['jti'] = base64url(randomBytes(16));
    const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
    // WebCrypto ECDSA signatures are already the raw r||s form JWS (RFC 7518 §3.4) wants.
    const signature = await webcrypto.subtle.sign(
      ES256,
      key.keys.privateKey,
      new TextEncoder().encode(signingInput),
    );
    return `${signingInput}.${base64url(new Uint8Array(signature))}`;
  }

  /**
   * Prepares and activates a new authority: a new root (and intermediate) plus a new JWT key. The old
   * ones stay in the bundle until dropOldAuthorities(), as SPIRE keeps the previous authority published
   * while SVIDs signed by it are still valid. `keepUpstreamRoot` (intermediate mode only) rotates just
   * the SPIRE intermediate under the same upstream root, which is what a real UpstreamAuthority does.
   */
  async rotate(options: { keepUpstreamRoot?: boolean } = {}): Promise<void> {
    this.#x509Authorities.push(
      await this.#newX509Authority({ keepUpstreamRoot: options.keepUpstreamRoot ?? false }),
    );
    this.#jwtKeys.push(await this.#newJwtKey());
    this.#emit();
  }

  /** Ends the rotation overlap: removes every authority and JWT key except the current ones. */
  dropOldAuthorities(): void {
    this.#x509Authorities = this.#x509Authorities.slice(-1);
    this.#jwtKeys = this.#jwtKeys.slice(-1);
    this.#emit();
  }

  #emit(): void {
    for (const listener of [...this.#listeners]) listener();
  }

  #currentX509Authority(): X509Authority {
    const authority = this.#x509Authorities[this.#x509Authorities.length - 1];
    if (authority === undefined) throw new Error('X509 CA is not available for signing');
    return authority;
  }

  // SPIRE pkg/server/api/id.go VerifyTrustDomainMemberID, wrapped by credtemplate as "invalid X509-SVID ID".
  #checkMemberId(spiffeId: string, kind: string): void {
    if (spiffeId === '') throw new Error(`invalid ${kind} ID: cannot be empty`);
    let url: URL;
    try {
      url = new URL(spiffeId);
    } catch (cause) {
      throw new Error(`invalid ${kind} ID: ${JSON.stringify(spiffeId)} is not a SPIFFE ID`, { cause });
    }
    const quoted = `"${spiffeId}" is not a member of trust domain "${this.trustDomain}"`;
    if (url.protocol !== 'spiffe:' || url.host !== this.trustDomain) {
      throw new Error(`invalid ${kind} ID: ${quoted}`);
    }
    if (url.pathname === '' || url.pathname === '/')
      throw new Error(`invalid ${kind} ID: ${quoted}; path is empty`);
  }

  async #newX509Authority(options: { keepUpstreamRoot: boolean }): Promise<X509Authority> {
    const now = this.#options.now();
    const caKeys = await generateKeyPair();
    const notBefore = new Date(now.getTime() - NOT_BEFORE_CUSHION_MS);
    const caTtlMs = this.#options.caTtlSeconds * 1000;
    const serial = newSerialNumber();
    // credtemplate DefaultX509CASubject (C=US, O=SPIFFE) plus the serial number as subject serialNumber
    // (buildX509CATemplate), URI SAN = trust domain ID, keyCertSign|cRLSign, CA=true.
    const caSubject = new x509.Name([
      { C: ['US'] },
      { O: ['SPIFFE'] },
      { [OID_SERIAL_NUMBER]: [BigInt(`0x${serial}`).toString(10)] },
    ]);
    const caExtensions = async (issuer: x509.X509Certificate | undefined): Promise<x509.Extension[]> => [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
      ...(issuer === undefined ? [] : [authorityKeyIdentifier(issuer)]),
      new x509.SubjectAlternativeNameExtension([{ type: 'url', value: this.trustDomainId }], false),
    ];

    if (!this.#options.intermediate) {
      const root = await x509.X509CertificateGenerator.create({
        serialNumber: serial,
        subject: caSubject,
        issuer: caSubject,
        notBefore,
        notAfter: new Date(now.getTime() + caTtlMs),
        publicKey: caKeys.publicKey,
        signingKey: caKeys.privateKey,
        signingAlgorithm: ES256,
        extensions: await caExtensions(undefined),
      });
      return { root, signer: root, signingKey: caKeys.privateKey, chainTail: [] };
    }

    if (!options.keepUpstreamRoot || this.#upstream === undefined) {
      this.#upstream = await this.#newUpstreamRoot(now);
    }
    const upstream = this.#upstream;
    // x509svid/upstreamca.go SignCSR: lifetime now-10s .. now+ttl capped at the upstream cert's notAfter.
    const intermediate = await x509.X509CertificateGenerator.create({
      serialNumber: newSerialNumber(),
      subject: caSubject,
      issuer: upstream.cert.subjectName,
      notBefore,
      notAfter: minDate(new Date(now.getTime() + caTtlMs), upstream.cert.notAfter),
      publicKey: caKeys.publicKey,
      signingKey: upstream.key,
      signingAlgorithm: ES256,
      extensions: await caExtensions(upstream.cert),
    });
    return {
      root: upstream.cert,
      signer: intermediate,
      signingKey: caKeys.privateKey,
      chainTail: [intermediate],
    };
  }

  // Stands in for an UpstreamAuthority's own root (for example the disk plugin's CA): its shape is the
  // operator's choice, so this one only follows RFC 5280 for a CA.
  async #newUpstreamRoot(now: Date): Promise<{ cert: x509.X509Certificate; key: CryptoKey }> {
    const keys = await generateKeyPair();
    const name = new x509.Name([
      { C: ['US'] },
      { O: ['SIM upstream'] },
      { CN: [`${this.trustDomain} upstream root`] },
    ]);
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: newSerialNumber(),
      subject: name,
      issuer: name,
      notBefore: new Date(now.getTime() - NOT_BEFORE_CUSHION_MS),
      notAfter: new Date(now.getTime() + UPSTREAM_ROOT_TTL_S * 1000),
      publicKey: keys.publicKey,
      signingKey: keys.privateKey,
      signingAlgorithm: ES256,
      extensions: [
        new x509.BasicConstraintsExtension(true, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      ],
    });
    return { cert, key: keys.privateKey };
  }

  async #newJwtKey(): Promise<JwtKey> {
    const keys = await generateKeyPair();
    const jwk = await webcrypto.subtle.exportKey('jwk', keys.publicKey);
    const publicKeyDer = new Uint8Array(await webcrypto.subtle.exportKey('spki', keys.publicKey));
    // manager.go PrepareJWTKey: notAfter = now + CA TTL.
    const notAfter = new Date(this.#options.now().getTime() + this.#options.caTtlSeconds * 1000);
    return { keyId: newKeyId(), keys, publicKeyDer, jwk, notAfter };
  }
}

/** Returns the concatenated DER of `certificates` (the Workload API's bundle encoding). */
export function concatDer(certificates: readonly x509.X509Certificate[]): Uint8Array {
  const parts = certificates.map((cert) => new Uint8Array(cert.rawData));
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

async function generateKeyPair(): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(EC_P256, true, ['sign', 'verify']);
}

// x509util.NewSerialNumber: uniform in [1, 2^128-1], as hex.
function newSerialNumber(): string {
  for (;;) {
    const bytes = randomBytes(16);
    if (bytes.some((b) => b !== 0)) return bytes.toString('hex');
  }
}

// manager.go newKeyID: 32 characters drawn from [a-zA-Z0-9].
function newKeyId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return [...randomBytes(32)].map((b) => alphabet[b % alphabet.length] ?? 'a').join('');
}

// credtemplate buildBaseTemplate: AKI = the parent's SKI (key identifier only).
function authorityKeyIdentifier(issuer: x509.X509Certificate): x509.AuthorityKeyIdentifierExtension {
  const ski = issuer.getExtension(x509.SubjectKeyIdentifierExtension);
  if (ski === null) throw new Error('issuer certificate has no subject key identifier');
  return new x509.AuthorityKeyIdentifierExtension(ski.keyId, false);
}

function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

function base64url(data: string | Uint8Array): string {
  return Buffer.from(data).toString('base64url');
}

// credvalidator ValidateX509SVID checkURISAN, run by ca.go on every signed SVID: exactly one URI SAN, the
// SVID's SPIFFE ID. A composer's subjectAltName that drops or changes it fails the signing.
function checkUriSan(leaf: x509.X509Certificate, spiffeId: string, kind: SvidKind): void {
  const uris =
    leaf
      .getExtension(x509.SubjectAlternativeNameExtension)
      ?.names.items.filter((n) => n.type === 'url')
      .map((n) => n.value) ?? [];
  const fail = (reason: string): never => {
    throw new Error(`invalid ${kind} X509-SVID: invalid X509-SVID: ${reason}`);
  };
  if (uris.length === 0) fail('missing URI SAN');
  if (uris.length > 1)
    fail(`expected URI SAN "${spiffeId}" but got [${uris.map((u) => JSON.stringify(u)).join(' ')}]`);
  if (uris[0] !== spiffeId) fail(`expected URI SAN "${spiffeId}" but got "${uris[0] ?? ''}"`);
}
