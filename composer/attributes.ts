// What SPIRE lets a CredentialComposer change on an X509-SVID, as plain data: the subject, the DNS SANs
// and raw extra extensions (spire pkg/server/plugin/credentialcomposer/credentialcomposer.go
// X509SVIDAttributes). The SPIFFE ID itself cannot be changed.

/** An X.509 subject, field by field as SPIRE passes it (Go's pkix.Name). */
export interface DistinguishedName {
  readonly country: readonly string[];
  readonly organization: readonly string[];
  readonly organizationalUnit: readonly string[];
  readonly locality: readonly string[];
  readonly province: readonly string[];
  readonly streetAddress: readonly string[];
  readonly postalCode: readonly string[];
  /** "" means absent. */
  readonly serialNumber: string;
  /** "" means absent. */
  readonly commonName: string;
  /** Attributes by dotted OID; they override the named fields when both are set. */
  readonly extraNames: readonly { readonly oid: string; readonly value: string }[];
}

/** A raw X.509 extension. */
export interface X509Extension {
  /** Dotted decimal, e.g. "2.5.29.17". */
  readonly oid: string;
  /** The DER inside the extension's OCTET STRING. */
  readonly value: Uint8Array;
  readonly critical: boolean;
}

export interface X509SvidAttributes {
  readonly subject: DistinguishedName;
  readonly dnsSans: readonly string[];
  /**
   * Extensions added as they are. One with the subjectAltName OID replaces the SAN that Go's
   * x509.CreateCertificate would build from the DNS names and the SPIFFE ID, so it must carry both.
   */
  readonly extraExtensions: readonly X509Extension[];
}

/** Returns a subject with every field empty. */
export function emptyDistinguishedName(): DistinguishedName {
  return {
    country: [],
    organization: [],
    organizationalUnit: [],
    locality: [],
    province: [],
    streetAddress: [],
    postalCode: [],
    serialNumber: '',
    commonName: '',
    extraNames: [],
  };
}

/**
 * Returns the attributes SPIRE starts a workload X509-SVID from before any composer runs: subject
 * C=US, O=SPIRE, CN = the entry's first DNS name, and the DNS names as SANs (spire
 * pkg/server/credtemplate/builder.go DefaultX509SVIDSubject, BuildWorkloadX509SVIDTemplate).
 */
export function defaultWorkloadX509SvidAttributes(dnsNames: readonly string[]): X509SvidAttributes {
  return {
    subject: {
      ...emptyDistinguishedName(),
      country: ['US'],
      organization: ['SPIRE'],
      commonName: dnsNames[0] ?? '',
    },
    dnsSans: [...dnsNames],
    extraExtensions: [],
  };
}
