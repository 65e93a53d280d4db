// Role rules and the role records they are stored in.
//
// SPIRE has no store for configuration, so a role lives in one registration entry of its own, the role
// record, written by Terraform's spire_node_role resource. The record can never be issued as an SVID:
//   - its parent is spiffe://<td>/node-registrar/roles, an ID no agent has (agent IDs live under
//     /spire/agent) and no entry gives (the registrar refuses to read roles if one does), and SPIRE only
//     sends an agent the entries below its own ID and below node-alias entries it matches
//     (SPIRE pkg/server/authorizedentries/cache.go);
//   - every selector has the type "node-registrar", which no workload attestor produces.
// The rule itself is spelled out in those selectors, one fact per selector, so `spire-server entry show`
// shows it readably and each value stays under the 255-byte column SPIRE's MySQL schema has for selector
// values (SPIRE sqlstore models.go Selector.Value, gorm's default varchar(255)):
//   node-registrar:format:1
//   node-registrar:cluster:<cluster>
//   node-registrar:fqdn:<node template>
//   node-registrar:ip:<node template>                                   (optional)
//   node-registrar:agent:<selector type>:<value>                        (one or more; all must match)
//   node-registrar:component:<name>:selector:<type>:<value>             (one or more per component)
//   node-registrar:component:<name>:dns:<index>:<component template>    (optional, indices 0, 1, …)
//   node-registrar:component:<name>:with_ip:true                        (optional)
//   node-registrar:component:<name>:x509_svid_ttl:<seconds>             (optional)
//   node-registrar:component:<name>:hint:<hint>                         (optional; default: the name)
// docs/registrar.md describes the format; provider/resources/node-role.ts writes it.
import { SpiffeId, type TrustDomain } from '../src/core/spiffeid/index.js';
import type { Entry, Selector } from '../src/core/spireapi/index.js';
import { NAME_PATTERN, roleOfRecordId } from './ids.js';
import { parseTemplate, type Template } from './template.js';

export const ROLE_SELECTOR_TYPE = 'node-registrar';
export const ROLE_FORMAT = '1';
export const ROLE_STORE_PATH = '/node-registrar/roles';
export const ROLE_RECORD_PATH = '/node-registrar/role';
const INT32_MAX = 2_147_483_647;

export interface ComponentRule {
  readonly name: string;
  /** The workload selectors of the component's entry (who on the node gets the SVID). */
  readonly selectors: readonly Selector[];
  readonly dnsNames: readonly Template[];
  /** The node's IP is the last segment of the SPIFFE ID (composer layout for IP SANs). */
  readonly withIp: boolean;
  /** Seconds; 0 for the server's default. */
  readonly x509SvidTtl: number;
  /** The entry's hint, which spire-helper selects SVIDs by (its presets use their own names). */
  readonly hint: string;
}

export interface RoleRule {
  readonly name: string;
  readonly cluster: string;
  /** An agent belongs to the role when it has every one of these selectors. */
  readonly agentSelectors: readonly Selector[];
  readonly fqdn: Template;
  readonly ip: Template | undefined;
  /** Sorted by name. */
  readonly components: readonly ComponentRule[];
}

export type RoleRecord =
  | { readonly ok: true; readonly role: RoleRule }
  | { readonly ok: false; readonly name: string; readonly problems: readonly string[] };

/** Returns spiffe://<td>/node-registrar/roles, the parent of every role record. */
export function roleStoreId(trustDomain: TrustDomain): string {
  return `${trustDomain.idString()}${ROLE_STORE_PATH}`;
}

/** Returns spiffe://<td>/node-registrar/role/<name>, the SPIFFE ID of a role record. */
export function roleRecordSpiffeId(trustDomain: TrustDomain, name: string): string {
  return `${trustDomain.idString()}${ROLE_RECORD_PATH}/${name}`;
}

/** Returns true when `segment` can be one SPIFFE ID path segment (SPIFFE-ID §2.2). */
export function isPathSegment(segment: string): boolean {
  return /^[A-Za-z0-9._-]+$/.test(segment) && segment !== '.' && segment !== '..';
}

/**
 * Returns the role of a role record, or its problems; undefined when `entry` is not a role record under
 * `prefix` (its ID says so).
 */
export function roleFromRecord(
  entry: Entry,
  options: { readonly prefix: string; readonly trustDomain: TrustDomain },
): RoleRecord | undefined {
  const name = roleOfRecordId(options.prefix, entry.id);
  if (name === undefined) return undefined;
  const problems: string[] = [];
  const fail = (): RoleRecord => ({ ok: false, name, problems });

  const wantId = roleRecordSpiffeId(options.trustDomain, name);
  const wantParent = roleStoreId(options.trustDomain);
  if (!sameId(entry.spiffeId, wantId))
    problems.push(`its SPIFFE ID is ${entry.spiffeId}, expected ${wantId}`);
  if (!sameId(entry.parentId, wantParent))
    problems.push(`its parent ID is ${entry.parentId}, expected ${wantParent}`);

  const single = new Map<string, string[]>();
  const agentSelectors: Selector[] = [];
  const components = new Map<
    string,
    {
      selectors: Selector[];
      dns: Map<number, string>;
      withIp: boolean;
      ttl: number | undefined;
      hint: string | undefined;
    }
  >();
  const component = (c: string) => {
    let found = components.get(c);
    if (found === undefined) {
      found = { selectors: [], dns: new Map(), withIp: false, ttl: undefined, hint: undefined };
      components.set(c, found);
    }
    return found;
  };

  for (const selector of entry.selectors) {
    if (selector.type !== ROLE_SELECTOR_TYPE) {
      problems.push(`selector "${selector.type}:${selector.value}" is not of type ${ROLE_SELECTOR_TYPE}`);
      continue;
    }
    const [key, rest] = splitOnce(selector.value);
    switch (key) {
      case 'format':
      case 'cluster':
      case 'fqdn':
      case 'ip': {
        const values = single.get(key) ?? [];
        values.push(rest ?? '');
        single.set(key, values);
        break;
      }
      case 'agent': {
        const parsed = rest === undefined ? undefined : parseSelector(rest);
        if (parsed === undefined) problems.push(`"${selector.value}" must be agent:<type>:<value>`);
        else agentSelectors.push(parsed);
        break;
      }
      case 'component': {
        const [c, afterName] = splitOnce(rest ?? '');
        if (!NAME_PATTERN.test(c) || afterName === undefined) {
          problems.push(`"${selector.value}" must be component:<name>:<field>:<value>`);
          break;
        }
        const [field, value] = splitOnce(afterName);
        const slot = component(c);
        if (field === 'selector') {
          const parsed = value === undefined ? undefined : parseSelector(value);
          if (parsed === undefined) problems.push(`"${selector.value}" must end in selector:<type>:<value>`);
          else slot.selectors.push(parsed);
        } else if (field === 'dns') {
          const [index, template] = splitOnce(value ?? '');
          if (!/^(0|[1-9]\d{0,2})$/.test(index) || template === undefined) {
            problems.push(`"${selector.value}" must end in dns:<index>:<template>`);
          } else if (slot.dns.has(Number(index))) {
            problems.push(`component ${c} has dns name ${index} twice`);
          } else {
            slot.dns.set(Number(index), template);
          }
        } else if (field === 'with_ip') {
          if (value === 'true') slot.withIp = true;
          else problems.push(`"${selector.value}": with_ip can only be true`);
        } else if (field === 'x509_svid_ttl') {
          const ttl = /^\d{1,10}$/.test(value ?? '') ? Number(value) : Number.NaN;
          if (!(ttl <= INT32_MAX)) problems.push(`"${selector.value}": x509_svid_ttl must be whole seconds`);
          else if (slot.ttl !== undefined) problems.push(`component ${c} has x509_svid_ttl twice`);
          else slot.ttl = ttl;
        } else if (field === 'hint') {
          if (value === undefined || value === '')
            problems.push(`"${selector.value}": hint must not be empty`);
          else if (slot.hint !== undefined) problems.push(`component ${c} has hint twice`);
          else slot.hint = value;
        } else {
          problems.push(`"${selector.value}": unknown component field "${field}"`);
        }
        break;
      }
      default:
        problems.push(`unknown key "${key}" in "${selector.value}"`);
    }
  }

  const one = (key: string, required: boolean): string | undefined => {
    const values = single.get(key) ?? [];
    if (values.length > 1) problems.push(`"${key}" is given ${values.length} times`);
    if (values.length === 0 && required) problems.push(`"${key}" is missing`);
    return values.length === 1 ? values[0] : undefined;
  };
  const format = one('format', true);
  if (format !== undefined && format !== ROLE_FORMAT) {
    problems.push(`it is written in format ${format}; this registrar reads format ${ROLE_FORMAT}`);
    return fail();
  }
  const cluster = one('cluster', true);
  if (cluster !== undefined && !isPathSegment(cluster))
    problems.push(`cluster "${cluster}" is not a SPIFFE ID path segment (letters, digits, ".", "_", "-")`);
  const fqdnText = one('fqdn', true);
  const fqdn = fqdnText === undefined ? undefined : parseTemplate(fqdnText, 'node');
  if (typeof fqdn === 'string') problems.push(`fqdn ${fqdn}`);
  const ipText = one('ip', false);
  const ip = ipText === undefined ? undefined : parseTemplate(ipText, 'node');
  if (typeof ip === 'string') problems.push(`ip ${ip}`);
  if (agentSelectors.length === 0)
    problems.push('it names no agent selector, so it would match every agent; give at least one');
  if (components.size === 0) problems.push('it has no component');

  const rules: ComponentRule[] = [];
  for (const [c, slot] of [...components].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (slot.selectors.length === 0) problems.push(`component ${c} has no workload selector`);
    if (slot.withIp && ipText === undefined)
      problems.push(`component ${c} has with_ip, but the role has no ip template`);
    const dnsNames: Template[] = [];
    for (let i = 0; i < slot.dns.size; i++) {
      const text = slot.dns.get(i);
      if (text === undefined) {
        problems.push(`component ${c}: dns names must be numbered 0 to ${slot.dns.size - 1}`);
        break;
      }
      const template = parseTemplate(text, 'component');
      if (typeof template === 'string') problems.push(`component ${c} dns name ${i} ${template}`);
      else dnsNames.push(template);
    }
    rules.push({
      name: c,
      selectors: slot.selectors,
      dnsNames,
      withIp: slot.withIp,
      x509SvidTtl: slot.ttl ?? 0,
      hint: slot.hint ?? c,
    });
  }

  if (problems.length > 0 || cluster === undefined || fqdn === undefined || typeof fqdn === 'string')
    return fail();
  if (typeof ip === 'string') return fail();
  return { ok: true, role: { name, cluster, agentSelectors, fqdn, ip, components: rules } };
}

/** Returns the text before the first ":" and the rest after it (undefined when there is no ":"). */
function splitOnce(text: string): [string, string | undefined] {
  const colon = text.indexOf(':');
  return colon < 0 ? [text, undefined] : [text.slice(0, colon), text.slice(colon + 1)];
}

/** Returns "type:value" as a selector, split at the first colon, or undefined when a part is empty. */
export function parseSelector(text: string): Selector | undefined {
  const [type, value] = splitOnce(text);
  if (type === '' || value === undefined || value === '') return undefined;
  return { type, value };
}

function sameId(actual: string, wanted: string): boolean {
  try {
    return SpiffeId.parse(actual).toString() === wanted;
  } catch {
    return false;
  }
}
