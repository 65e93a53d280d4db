// The double's CredentialComposer step, and the X.509 encoding of what composers return. SPIRE builds
// every X509-SVID template, hands its attributes (subject, DNS SANs, extra extensions) to each configured
// CredentialComposer in turn and applies what comes back before signing (spire
// pkg/server/credtemplate/builder.go BuildWorkloadX509SVIDTemplate, BuildAgentX509SVIDTemplate,
// BuildServerX509SVIDTemplate, x509SVIDAttributesFromTemplate, applyX509SVIDAttributes). The double runs
// the project's composer rules engine (composer/index.ts) in-process in place of the plugin, with the
// same JSON file SPIRE would get as plugin_data_file.
import { readFileSync } from 'node:fs';
import {
  composeX509Svid,
  emptyDistinguishedName,
  parseComposerConfig,
  subjectAltNameOid,
  type ComposerRules,
  type DistinguishedName,
  type X509SvidAttributes,
} from '../../composer/index.js';
import { x509 } from '../../src/core/x509/setup.js';

export type { DistinguishedName, X509SvidAttributes };

/** Which SPIRE template an X509-SVID comes from. */
export type SvidKind = 'workload' | 'agent' | 'server';

export interface ComposeRequest {
  readonly kind: SvidKind;
  readonly spiffeId: string;
  /** What SPIRE proposes: the template's subject, DNS names and extra extensions. */
  readonly attributes: X509SvidAttributes;
}

/** A CredentialComposer as the double's CA calls it: returns the attributes to sign. */
export type SimCredentialComposer = (request: ComposeRequest) => X509SvidAttributes;

/**
 * Returns a composer applying `rules` to workload and agent X509-SVIDs. Server SVIDs pass unchanged: the
 * plugin does not serve ComposeServerX509SVID, and SPIRE reads its UNIMPLEMENTED as "keep the template"
 * (spire pkg/server/plugin/credentialcomposer/v1.go). A matching rule that cannot be applied throws
 * ComposerError COMPOSE_FAILED, and the SVID is not issued (the plugin answers INVALID_ARGUMENT).
 */
export function rulesComposer(rules: ComposerRules): SimCredentialComposer {
  return ({ kind, spiffeId, attributes }) =>
    kind === 'server' ? attributes : composeX509Svid(rules, { spiffeId, attributes });
}

/**
 * Returns a composer for the rules file at `path` (the plugin_data_file of server.conf). Throws
 * ComposerError CONFIG_INVALID with every note when the file is not a valid rule set, as spire-server
 * refuses to start when the plugin's Configure fails.
 */
export function loadComposerRulesFile(path: string): SimCredentialComposer {
  return rulesComposer(parseComposerConfig(readFileSync(path, 'utf8')));
}

const OID = {
  country: '2.5.4.6',
  province: '2.5.4.8',
  locality: '2.5.4.7',
  streetAddress: '2.5.4.9',
  postalCode: '2.5.4.17',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  commonName: '2.5.4.3',
  serialNumber: '2.5.4.5',
} as const;

// Go crypto/x509/pkix Name.ToRDNSequence: the multi-valued fields in this order, each as one RDN holding
// all its values, then CN, then serialNumber, then every ExtraNames entry as its own RDN. A field whose
// OID also appears in ExtraNames is left out (ExtraNames override).
const GO_LIST_FIELDS = [
  'country',
  'province',
  'locality',
  'streetAddress',
  'postalCode',
  'organization',
  'organizationalUnit',
] as const;

/**
 * Returns `name` as Go's pkix.Name encodes it (see GO_LIST_FIELDS). Strings are PrintableString when
 * every character is in PrintableString's set, else UTF8String (Go encoding/asn1 makeField, which rejects
 * '*' and '&' for PrintableString).
 */
export function goSubjectName(name: DistinguishedName): x509.Name {
  const extraOids = new Set(name.extraNames.map((n) => n.oid));
  const rdns: Record<string, x509.JsonAttributeObject[]>[] = [];
  const add = (oid: string, values: readonly string[]): void => {
    if (values.length === 0 || extraOids.has(oid)) return;
    rdns.push({ [oid]: values.map(goString) });
  };
  for (const field of GO_LIST_FIELDS) add(OID[field], name[field]);
  if (name.commonName !== '') add(OID.commonName, [name.commonName]);
  if (name.serialNumber !== '') add(OID.serialNumber, [name.serialNumber]);
  for (const extra of name.extraNames) rdns.push({ [extra.oid]: [goString(extra.value)] });
  return new x509.Name(rdns);
}

function goString(value: string): x509.JsonAttributeObject {
  return /^[A-Za-z0-9 '()+,\-./:=?]*$/.test(value) ? { printableString: value } : { utf8String: value };
}

/** Returns true when the subject has no attribute at all (Go: len(ToRDNSequence()) == 0). */
export function isEmptySubject(name: DistinguishedName): boolean {
  return (
    name.commonName === '' &&
    name.serialNumber === '' &&
    name.extraNames.length === 0 &&
    GO_LIST_FIELDS.every((field) => name[field].length === 0)
  );
}

const SUBJECT_FIELDS: Record<string, keyof typeof OID> = {
  C: 'country',
  ST: 'province',
  L: 'locality',
  street: 'streetAddress',
  postalCode: 'postalCode',
  O: 'organization',
  OU: 'organizationalUnit',
  CN: 'commonName',
  [OID.serialNumber]: 'serialNumber',
};

/** Returns a subject string such as "C=US, O=SPIRE" as the fields of a pkix.Name. */
export function parseDistinguishedName(subject: string): DistinguishedName {
  const lists: Record<(typeof GO_LIST_FIELDS)[number], string[]> = {
    country: [],
    province: [],
    locality: [],
    streetAddress: [],
    postalCode: [],
    organization: [],
    organizationalUnit: [],
  };
  let commonName = '';
  let serialNumber = '';
  const extraNames: { oid: string; value: string }[] = [];
  for (const rdn of new x509.Name(subject).toJSON()) {
    for (const [type, values] of Object.entries(rdn)) {
      const field = SUBJECT_FIELDS[type];
      for (const value of values) {
        if (field === 'commonName') commonName = value;
        else if (field === 'serialNumber') serialNumber = value;
        else if (field === undefined) extraNames.push({ oid: type, value });
        else lists[field].push(value);
      }
    }
  }
  return { ...emptyDistinguishedName(), ...lists, commonName, serialNumber, extraNames };
}

/** Returns the subjectAltName among `attributes.extraExtensions`, if a composer supplied one. */
export function composedSubjectAltName(attributes: X509SvidAttributes): x509.Extension | undefined {
  const san = attributes.extraExtensions.find((e) => e.oid === subjectAltNameOid);
  return san === undefined ? undefined : new x509.Extension(san.oid, san.critical, san.value);
}

/** Returns the extra extensions other than the subjectAltName, as @peculiar/x509 extensions. */
export function otherExtraExtensions(attributes: X509SvidAttributes): x509.Extension[] {
  return attributes.extraExtensions
    .filter((e) => e.oid !== subjectAltNameOid)
    .map((e) => new x509.Extension(e.oid, e.critical, e.value));
}
