// Applying the rules to one X509-SVID: the first rule whose pattern matches the SPIFFE ID's path sets
// the subject fields it names, adds DNS SANs, and adds IP SANs. SPIRE has no field for IP SANs: they go
// in as an extra subjectAltName extension, and Go's x509.CreateCertificate then leaves out the SAN it
// would have built from the template's DNS names and URIs (SPIRE pkg/server/credtemplate/builder.go
// applyX509SVIDAttributes copies ExtraExtensions onto the template; Go crypto/x509 buildCertExtensions
// skips its own SAN when ExtraExtensions has one). So the extension carries everything: the DNS names,
// the IP addresses and the SPIFFE ID's URI, which SPIRE then checks is the one and only URI SAN
// (pkg/server/credvalidator/validator.go checkURISAN).
import { SpiffeId } from '../src/core/spiffeid/index.js';
import type { DistinguishedName, X509Extension, X509SvidAttributes } from './attributes.js';
import { ComposerError } from './errors.js';
import { type ComposerRules, type Rule, ruleLabel } from './rules.js';
import { encodeSubjectAltName, ipAddressBytes, subjectAltNameOid } from './san.js';
import { renderTemplate, type Template, type TemplateContext } from './template.js';

export interface ComposeInput {
  /** The SVID's SPIFFE ID, "spiffe://<trust domain>/<path>". */
  readonly spiffeId: string;
  /** What SPIRE (or an earlier composer) proposes. */
  readonly attributes: X509SvidAttributes;
}

/** Returns the first rule whose pattern matches `spiffeId`, with its captures. */
export function findRule(
  rules: ComposerRules,
  spiffeId: SpiffeId,
): { rule: Rule; captures: ReadonlyMap<string, string> } | undefined {
  for (const rule of rules.rules) {
    const captures = rule.pattern.match(spiffeId.path);
    if (captures !== undefined) return { rule, captures };
  }
  return undefined;
}

/** Characters a DNS SAN may hold here: IA5String, no spaces or separators. */
const dnsSanText = /^[A-Za-z0-9*_.-]+$/;

/**
 * Returns the attributes for the X509-SVID of `input.spiffeId` after the rules, or `input.attributes`
 * itself (the same object) when no rule matches. Throws ComposerError COMPOSE_FAILED, naming the rule and
 * field, when the matching rule cannot be applied: the SPIFFE ID is invalid, a template needs a DNS name
 * the entry lacks, a captured segment used as an IP SAN is not an IP address, or a DNS SAN is not a
 * name.
 */
export function composeX509Svid(rules: ComposerRules, input: ComposeInput): X509SvidAttributes {
  let id: SpiffeId;
  try {
    id = SpiffeId.parse(input.spiffeId);
  } catch (err) {
    throw new ComposerError('COMPOSE_FAILED', [`${JSON.stringify(input.spiffeId)} is not a SPIFFE ID`], {
      cause: err,
    });
  }
  const found = findRule(rules, id);
  if (found === undefined) return input.attributes;
  const { rule, captures } = found;
  const label = ruleLabel(rule);
  const context: TemplateContext = {
    captures,
    trustDomain: id.trustDomain.name,
    spiffeId: id.toString(),
    dnsSans: input.attributes.dnsSans,
  };
  const render = (template: Template, where: string): string => {
    const out = renderTemplate(template, context);
    if ('missing' in out)
      throw new ComposerError('COMPOSE_FAILED', [`${label}.${where}: ${out.missing} (${id.toString()})`]);
    return out.text;
  };
  const renderAll = (templates: readonly Template[], where: string): string[] =>
    templates.map((t, i) => render(t, `${where}[${i}]`));

  const proposed = input.attributes.subject;
  const s = rule.subject;
  const subject: DistinguishedName = {
    ...proposed,
    ...(s.commonName === undefined ? {} : { commonName: render(s.commonName, 'subject.common_name') }),
    ...(s.organization === undefined
      ? {}
      : { organization: renderAll(s.organization, 'subject.organization') }),
    ...(s.organizationalUnit === undefined
      ? {}
      : { organizationalUnit: renderAll(s.organizationalUnit, 'subject.organizational_unit') }),
    ...(s.country === undefined ? {} : { country: renderAll(s.country, 'subject.country') }),
  };

  const dnsSans = [...new Set([...input.attributes.dnsSans, ...renderAll(rule.dnsSans, 'dns_sans')])];
  for (const [i, name] of dnsSans.entries()) {
    if (!dnsSanText.test(name))
      throw new ComposerError('COMPOSE_FAILED', [
        `${label}.dns_sans: DNS SAN ${i} ${JSON.stringify(name)} is not a DNS name (${id.toString()})`,
      ]);
  }

  const ipAddresses = new Map<string, Uint8Array>();
  for (const [i, ip] of rule.ipSans.entries()) {
    if ('address' in ip) {
      ipAddresses.set(Buffer.from(ip.address).toString('hex'), ip.address);
      continue;
    }
    const segment = captures.get(ip.capture) ?? '';
    const address = ipAddressBytes(segment);
    if (address === undefined)
      throw new ComposerError('COMPOSE_FAILED', [
        `${label}.ip_sans[${i}]: {${ip.capture}} is ${JSON.stringify(segment)} in ${id.toString()}, which is not an IP address`,
      ]);
    ipAddresses.set(Buffer.from(address).toString('hex'), address);
  }

  let extraExtensions = input.attributes.extraExtensions;
  if (ipAddresses.size > 0) {
    const san: X509Extension = {
      oid: subjectAltNameOid,
      value: encodeSubjectAltName({
        dnsNames: dnsSans,
        ipAddresses: [...ipAddresses.values()],
        uris: [id.toString()],
      }),
      // RFC 5280 §4.2.1.6: critical when the subject is empty.
      critical: isEmptySubject(subject),
    };
    extraExtensions = [...extraExtensions.filter((e) => e.oid !== subjectAltNameOid), san];
  }
  return { subject, dnsSans, extraExtensions };
}

function isEmptySubject(subject: DistinguishedName): boolean {
  return (
    subject.commonName === '' &&
    subject.serialNumber === '' &&
    subject.extraNames.length === 0 &&
    [
      subject.country,
      subject.organization,
      subject.organizationalUnit,
      subject.locality,
      subject.province,
      subject.streetAddress,
      subject.postalCode,
    ].every((list) => list.length === 0)
  );
}
