// Domain types of the SPIRE Server API client. Field meanings follow spire-api-sdk
// proto/spire/api/types/*.proto; names are camelCase and SPIFFE IDs are strings ("spiffe://td/path").
/** A set of field names; accepted as an array or a Set. */
export type Mask<Field extends string> = readonly Field[] | ReadonlySet<Field>;

export interface Selector {
  type: string;
  value: string;
}

/** How a set filter compares with an entry's set (SelectorMatch / FederatesWithMatch MatchBehavior). */
export type MatchBehavior = 'exact' | 'subset' | 'superset' | 'any';

export interface EntryAdditionalAttributes {
  disableX509SvidPrefetch: boolean;
  jwtSvidIncludeJti: boolean;
}

/** A registration entry as the server returns it. Fields left out by an output mask hold their zero value. */
export interface Entry {
  id: string;
  spiffeId: string;
  parentId: string;
  selectors: Selector[];
  /** Seconds; 0 means the server default. */
  x509SvidTtl: number;
  /** Seconds; 0 means the server default. */
  jwtSvidTtl: number;
  /** Trust domain names. */
  federatesWith: string[];
  admin: boolean;
  downstream: boolean;
  /** Epoch seconds after which the server prunes the entry; 0 for never. */
  expiresAt: number;
  dnsNames: string[];
  revisionNumber: number;
  storeSvid: boolean;
  hint: string;
  /** Epoch seconds. */
  createdAt: number;
  additionalAttributes?: EntryAdditionalAttributes;
}

/** The fields a client may set when creating an entry; the server fills in the rest. */
export interface EntryInput {
  /** Optional on create: the server generates one when empty. */
  id?: string;
  spiffeId: string;
  parentId: string;
  selectors: readonly Selector[];
  x509SvidTtl?: number;
  jwtSvidTtl?: number;
  federatesWith?: readonly string[];
  admin?: boolean;
  downstream?: boolean;
  expiresAt?: number;
  dnsNames?: readonly string[];
  storeSvid?: boolean;
  hint?: string;
  additionalAttributes?: Partial<EntryAdditionalAttributes>;
}

/** An update: the entry ID plus the fields named in the update's input mask. */
export type EntryUpdate = { id: string } & Partial<Omit<EntryInput, 'id'>>;

/** Names of the maskable Entry fields (EntryMask in entry.proto; `id` is always returned). */
export type EntryField =
  | 'spiffeId'
  | 'parentId'
  | 'selectors'
  | 'x509SvidTtl'
  | 'federatesWith'
  | 'admin'
  | 'downstream'
  | 'expiresAt'
  | 'dnsNames'
  | 'revisionNumber'
  | 'storeSvid'
  | 'jwtSvidTtl'
  | 'hint'
  | 'createdAt'
  | 'additionalAttributes';

export type EntryMask = Mask<EntryField>;

/** ListEntries / CountEntries filter; every given criterion must hold. */
export interface EntryFilter {
  bySpiffeId?: string;
  byParentId?: string;
  bySelectors?: { selectors: readonly Selector[]; match: MatchBehavior };
  /** Trust domain names or their IDs ("example.org" or "spiffe://example.org"). */
  byFederatesWith?: { trustDomains: readonly string[]; match: MatchBehavior };
  byHint?: string;
  byDownstream?: boolean;
}

export interface Agent {
  id: string;
  attestationType: string;
  x509SvidSerialNumber: string;
  /** Epoch seconds. */
  x509SvidExpiresAt: number;
  selectors: Selector[];
  banned: boolean;
  canReattest: boolean;
  agentVersion: string;
}

export type AgentField =
  | 'attestationType'
  | 'x509SvidSerialNumber'
  | 'x509SvidExpiresAt'
  | 'selectors'
  | 'banned'
  | 'canReattest'
  | 'agentVersion';

export type AgentMask = Mask<AgentField>;

export interface AgentFilter {
  byAttestationType?: string;
  bySelectorMatch?: { selectors: readonly Selector[]; match: MatchBehavior };
  byBanned?: boolean;
  byCanReattest?: boolean;
  /** Agents whose SVID expires before this time (a Date or epoch seconds). */
  byExpiresBefore?: Date | number;
}

/** A join token. `value` is a secret: JSON and util.inspect show it redacted. */
export interface JoinToken {
  readonly value: string;
  /** Epoch seconds. */
  readonly expiresAt: number;
}

export interface X509Authority {
  /** DER of the CA certificate. */
  der: Uint8Array;
  tainted: boolean;
}

export interface JwtAuthority {
  keyId: string;
  /** PKIX SubjectPublicKeyInfo DER. */
  publicKey: Uint8Array;
  /** Epoch seconds; 0 for none. */
  expiresAt: number;
  tainted: boolean;
}

/** A trust bundle as the server stores it (the server's own or a federated one). */
export interface Bundle {
  trustDomain: string;
  x509Authorities: X509Authority[];
  jwtAuthorities: JwtAuthority[];
  /** Seconds. */
  refreshHint: number;
  sequenceNumber: number;
}

export interface BundleInput {
  trustDomain: string;
  x509Authorities?: readonly (Uint8Array | { der: Uint8Array; tainted?: boolean })[];
  jwtAuthorities?: readonly { keyId: string; publicKey: Uint8Array; expiresAt?: number; tainted?: boolean }[];
  refreshHint?: number;
  sequenceNumber?: number;
}

export type BundleField = 'x509Authorities' | 'jwtAuthorities' | 'refreshHint' | 'sequenceNumber';
export type BundleMask = Mask<BundleField>;

/** What BatchDeleteFederatedBundle does with entries that federate with a deleted bundle. */
export type FederatedBundleDeleteMode = 'restrict' | 'delete' | 'dissociate';

export type BundleEndpointProfile =
  { type: 'https_web' } | { type: 'https_spiffe'; endpointSpiffeId: string };

export interface FederationRelationship {
  trustDomain: string;
  bundleEndpointUrl: string;
  /** Absent only when an output mask left it out. */
  profile?: BundleEndpointProfile;
  /** On reads, the latest bundle fetched from the endpoint, so it changes on its own. */
  trustDomainBundle?: Bundle;
}

export interface FederationRelationshipInput {
  trustDomain: string;
  bundleEndpointUrl: string;
  profile: BundleEndpointProfile;
  trustDomainBundle?: BundleInput;
}

export type FederationRelationshipUpdate = { trustDomain: string } & Partial<
  Omit<FederationRelationshipInput, 'trustDomain'>
>;

export type FederationRelationshipField = 'bundleEndpointUrl' | 'profile' | 'trustDomainBundle';
export type FederationRelationshipMask = Mask<FederationRelationshipField>;

/** grpc.health.v1 serving status. */
export type HealthStatus = 'SERVING' | 'NOT_SERVING' | 'UNKNOWN' | 'SERVICE_UNKNOWN';
