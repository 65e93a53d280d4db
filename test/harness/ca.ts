// Test CA for X509-SVIDs and JWT-SVIDs, built with @peculiar/x509 (in the spirit of go-spiffe
// internal/test/ca.go). Every option exists so a test can break exactly one X509-SVID rule.
import { randomBytes } from 'node:crypto';
import { JwtBundle, X509Bundle } from '../../src/core/bundle/index.js';
import { SpiffeId, TrustDomain } from '../../src/core/spiffeid/index.js';
import {
  derListToPem,
  parsePrivateKey,
  privateKeyToPem,
  webcrypto,
  x509,
  type PrivateKey,
} from '../../src/core/x509/index.js';

const EC_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN_ES256 = { name: 'ECDSA', hash: 'SHA-256' } as const;
const HOUR = 3600_000;

/** Key usage bits, re-exported so tests need not import @peculiar/x509 for them. */
export const KeyUsage = x509.KeyUsageFlags;

export interface SigningCertificateOptions {
  /** basicConstraints CA flag (default true). */
  ca?: boolean;
  /** Key usage bits (default keyCertSign | cRLSign). */
  keyUsages?: number;
  notBefore?: Date;
  notAfter?: Date;
}

export interface CreateTestCaOptions {
  trustDomain: string | TrustDomain;
  /** Issue SVIDs from an intermediate CA below the root (true, or options for the intermediate). */
  intermediate?: boolean | SigningCertificateOptions;
  /** Options for the root certificate; `subject` lets two CAs share a name (default is unique per CA). */
  root?: Pick<SigningCertificateOptions, 'notBefore' | 'notAfter'> & { subject?: string };
}

export interface MintX509SvidOptions {
  /** The SPIFFE ID written as the URI SAN (ignored when `uris` is given). */
  spiffeId: string | SpiffeId;
  /** URI SANs to write instead of the SPIFFE ID (e.g. none, or two). */
  uris?: readonly string[];
  dnsNames?: readonly string[];
  /** basicConstraints CA flag of the leaf (default: no CA, extension present with ca=false). */
  ca?: boolean;
  /** Key usage bits of the leaf (default digitalSignature | keyEncipherment | keyAgreement, as SPIRE). */
  keyUsages?: number;
  notBefore?: Date;
  notAfter?: Date;
  subject?: string;
  /** Issuer name written into the leaf (default the issuing CA's subject); the signature is unchanged. */
  issuer?: string;
}

export interface MintedX509Svid {
  /** Leaf first, then the intermediate if the CA has one (the root is not included). */
  certificates: x509.X509Certificate[];
  privateKey: PrivateKey;
  /** The certificates as concatenated DER (Workload API form). */
  certificatesDer: Uint8Array;
  certificatesPem: string;
  privateKeyPem: string;
}

export interface MintJwtSvidOptions {
  spiffeId: string;
  audience: string | readonly string[];
  /** Default: one hour from now. */
  expiresAt?: Date;
  /** Header alg written into the token (the signature is always ES256 by the CA's JWT key). */
  alg?: string;
  /** Header kid (default the CA's JWT key id; null removes it). */
  kid?: string | null;
  /** Extra or overriding claims; a claim set to undefined is removed. */
  claims?: Record<string, unknown>;
  /** Extra header members. */
  header?: Record<string, unknown>;
}

export interface TestCa {
  readonly trustDomain: TrustDomain;
  readonly root: x509.X509Certificate;
  readonly intermediate: x509.X509Certificate | undefined;
  /** The key id of the CA's JWT signing key. */
  readonly jwtKeyId: string;
  /** Returns a fresh X.509 bundle holding the root. */
  x509Bundle(): X509Bundle;
  /** Returns a fresh JWT bundle holding the CA's JWT key. */
  jwtBundle(): JwtBundle;
  mintX509Svid(options: MintX509SvidOptions): Promise<MintedX509Svid>;
  mintJwtSvid(options: MintJwtSvidOptions): Promise<string>;
}

// Key usage bits combine with `|`, which yields a number; the extension's constructor takes the enum.
function keyUsageFlags(bits: number): x509.KeyUsageFlags {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- OR-ed members of the enum
  return bits;
}

function serial(): string {
  // Positive, 16 bytes, as CAs do.
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.toString('hex');
}

async function generateEcKeys(): Promise<webcrypto.CryptoKeyPair> {
  return webcrypto.subtle.generateKey(EC_P256, true, ['sign', 'verify']);
}

async function signingCertificate(options: {
  name: string;
  keys: webcrypto.CryptoKeyPair;
  issuer?: { certificate: x509.X509Certificate; keys: webcrypto.CryptoKeyPair };
  settings: SigningCertificateOptions;
}): Promise<x509.X509Certificate> {
  const { settings } = options;
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(settings.ca ?? true, undefined, true),
    new x509.KeyUsagesExtension(
      keyUsageFlags(settings.keyUsages ?? KeyUsage.keyCertSign | KeyUsage.cRLSign),
      true,
    ),
    await x509.SubjectKeyIdentifierExtension.create(options.keys.publicKey),
  ];
  const common = {
    serialNumber: serial(),
    notBefore: settings.notBefore ?? new Date(Date.now() - HOUR),
    notAfter: settings.notAfter ?? new Date(Date.now() + 24 * HOUR),
    signingAlgorithm: SIGN_ES256,
    extensions,
  };
  if (options.issuer === undefined) {
    return x509.X509CertificateGenerator.createSelfSigned({
      ...common,
      name: options.name,
      keys: options.keys,
    });
  }
  extensions.push(await x509.AuthorityKeyIdentifierExtension.create(options.issuer.keys.publicKey));
  return x509.X509CertificateGenerator.create({
    ...common,
    subject: options.name,
    issuer: options.issuer.certificate.subject,
    publicKey: options.keys.publicKey,
    signingKey: options.issuer.keys.privateKey,
  });
}

/** Returns a CA for `trustDomain`: an EC P-256 root, optionally an intermediate, and a JWT signing key. */
export async function createTestCa(options: CreateTestCaOptions): Promise<TestCa> {
  const trustDomain =
    typeof options.trustDomain === 'string' ? TrustDomain.parse(options.trustDomain) : options.trustDomain;
  // A random suffix keeps subjects of two CAs for the same trust domain apart, like real rotations.
  const tag = randomBytes(4).toString('hex');
  const rootKeys = await generateEcKeys();
  const root = await signingCertificate({
    name: options.root?.subject ?? `O=SPIFFE, CN=${trustDomain.name} root ${tag}`,
    keys: rootKeys,
    settings: options.root ?? {},
  });
  let issuer = { certificate: root, keys: rootKeys };
  let intermediate: x509.X509Certificate | undefined;
  if (options.intermediate !== undefined && options.intermediate !== false) {
    const settings = options.intermediate === true ? {} : options.intermediate;
    const keys = await generateEcKeys();
    intermediate = await signingCertificate({
      name: `O=SPIFFE, CN=${trustDomain.name} intermediate ${tag}`,
      keys,
      issuer,
      settings,
    });
    issuer = { certificate: intermediate, keys };
  }
  const jwtKeys = await generateEcKeys();
  const jwtKeyId = `jwt-${tag}`;
  const jwtPublic = await webcrypto.subtle.exportKey('jwk', jwtKeys.publicKey);

  return {
    trustDomain,
    root,
    intermediate,
    jwtKeyId,
    x509Bundle: () => X509Bundle.fromCertificates(trustDomain, [root]),
    jwtBundle: () =>
      JwtBundle.fromAuthorities(
        trustDomain,
        new Map([[jwtKeyId, { kty: 'EC', crv: 'P-256', x: jwtPublic.x ?? '', y: jwtPublic.y ?? '' }]]),
      ),

    async mintX509Svid(mint: MintX509SvidOptions): Promise<MintedX509Svid> {
      const keys = await generateEcKeys();
      const uris = mint.uris ?? [mint.spiffeId.toString()];
      const names: x509.JsonGeneralName[] = [
        ...uris.map((value) => ({ type: 'url' as const, value })),
        ...(mint.dnsNames ?? []).map((value) => ({ type: 'dns' as const, value })),
      ];
      const extensions: x509.Extension[] = [
        new x509.BasicConstraintsExtension(mint.ca ?? false, undefined, true),
        new x509.KeyUsagesExtension(
          keyUsageFlags(
            mint.keyUsages ?? KeyUsage.digitalSignature | KeyUsage.keyEncipherment | KeyUsage.keyAgreement,
          ),
          true,
        ),
        new x509.ExtendedKeyUsageExtension([
          x509.ExtendedKeyUsage.serverAuth,
          x509.ExtendedKeyUsage.clientAuth,
        ]),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
        await x509.AuthorityKeyIdentifierExtension.create(issuer.keys.publicKey),
      ];
      if (names.length > 0) extensions.push(new x509.SubjectAlternativeNameExtension(names, false));
      const leaf = await x509.X509CertificateGenerator.create({
        serialNumber: serial(),
        subject: mint.subject ?? 'O=SPIRE, C=US',
        issuer: mint.issuer ?? issuer.certificate.subject,
        notBefore: mint.notBefore ?? new Date(Date.now() - 60_000),
        notAfter: mint.notAfter ?? new Date(Date.now() + HOUR),
        publicKey: keys.publicKey,
        signingKey: issuer.keys.privateKey,
        signingAlgorithm: SIGN_ES256,
        extensions,
      });
      const certificates = intermediate === undefined ? [leaf] : [leaf, intermediate];
      const pkcs8 = new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
      const privateKey = parsePrivateKey(pkcs8);
      const ders = certificates.map((cert) => new Uint8Array(cert.rawData));
      return {
        certificates,
        privateKey,
        certificatesDer: new Uint8Array(Buffer.concat(ders)),
        certificatesPem: derListToPem(ders, 'CERTIFICATE'),
        privateKeyPem: privateKeyToPem(privateKey),
      };
    },

    async mintJwtSvid(mint: MintJwtSvidOptions): Promise<string> {
      const header: Record<string, unknown> = { alg: mint.alg ?? 'ES256', typ: 'JWT', ...mint.header };
      if (mint.kid !== null) header.kid = mint.kid ?? jwtKeyId;
      const expiresAt = mint.expiresAt ?? new Date(Date.now() + HOUR);
      const claims = Object.fromEntries(
        Object.entries<unknown>({
          sub: mint.spiffeId,
          aud: typeof mint.audience === 'string' ? [mint.audience] : [...mint.audience],
          exp: Math.floor(expiresAt.getTime() / 1000),
          iat: Math.floor(Date.now() / 1000),
          ...mint.claims,
        }).filter(([, value]) => value !== undefined),
      );
      const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
      const signingInput = `${encode(header)}.${encode(claims)}`;
      const signature = await webcrypto.subtle.sign(
        SIGN_ES256,
        jwtKeys.privateKey,
        Buffer.from(signingInput),
      );
      return `${signingInput}.${Buffer.from(signature).toString('base64url')}`;
    },
  };
}

/** Returns the SPIFFE ID for tests that need a parsed one. */
export function spiffeId(input: string): SpiffeId {
  return SpiffeId.parse(input);
}
