// Node facts: the FQDN and IP address a node's SPIFFE IDs carry, derived only from what the SPIRE server
// itself established about the node, never from anything the node reports about itself:
// - the agent's selectors, which the server-side node attestor produced (for aws_iid: instance ID,
//   region, account, availability zone, AMI, security groups, IAM role and tags, read by the server from
//   the signed instance identity document and the EC2 API);
// - optionally EC2 DescribeInstances for that instance ID (private DNS name and private IPv4 address).
// The role's `fqdn` and `ip` templates say how to combine them (template.ts).
import type { Agent, Selector } from '../src/core/spireapi/index.js';
import type { Ec2Instance } from './ec2.js';
import { isPathSegment, type RoleRule } from './role.js';
import {
  placeholdersOf,
  placeholderText,
  renderTemplate,
  type Placeholder,
  type Template,
} from './template.js';

export interface NodeFacts {
  /** Lower case; a DNS name that is also one SPIFFE ID path segment. */
  readonly fqdn: string;
  /** Dotted-quad IPv4 address; only when the role has an `ip` template. */
  readonly ip: string | undefined;
  /** Returns the value of a placeholder in component templates, or undefined. */
  readonly lookup: (placeholder: Placeholder) => string | undefined;
}

export type FactsResult =
  { readonly ok: true; readonly facts: NodeFacts } | { readonly ok: false; readonly problem: string };

/** What the resolver needs of an EC2 client. */
export interface Ec2Lookup {
  describeInstance(region: string, instanceId: string): Promise<Ec2Instance>;
}

export interface NodeFactResolverOptions {
  /** Set when the registrar runs with --ec2; {ec2:…} placeholders fail without it. */
  readonly ec2?: Ec2Lookup;
}

export class NodeFactResolver {
  readonly #ec2: Ec2Lookup | undefined;
  /** EC2 answers per agent ID; an instance's primary private address and DNS name never change. */
  readonly #ec2Cache = new Map<string, Ec2Instance>();

  constructor(options: NodeFactResolverOptions = {}) {
    this.#ec2 = options.ec2;
  }

  /** Returns the node's facts for `role`, or why they cannot be established. */
  async resolve(agent: Agent, role: RoleRule): Promise<FactsResult> {
    const templates: Template[] = [role.fqdn, ...(role.ip === undefined ? [] : [role.ip])];
    for (const component of role.components) templates.push(...component.dnsNames);
    let ec2: Ec2Instance | undefined;
    if (placeholdersOf(templates).some((p) => p.kind === 'ec2')) {
      const found = await this.#describe(agent, role);
      if ('problem' in found) return { ok: false, problem: found.problem };
      ec2 = found.instance;
    }
    const nodeLookup = (placeholder: Placeholder): string | undefined => {
      if (placeholder.kind === 'selector')
        return selectorValue(agent.selectors, placeholder.type, placeholder.key);
      if (placeholder.kind === 'ec2') {
        const value = placeholder.field === 'private_ip' ? ec2?.privateIp : ec2?.privateDnsName;
        return value === '' ? undefined : value;
      }
      return undefined;
    };

    const fqdnText = renderTemplate(role.fqdn, nodeLookup);
    if ('missing' in fqdnText)
      return { ok: false, problem: missingProblem('fqdn', role.fqdn, fqdnText.missing, agent) };
    const fqdn = fqdnText.text.toLowerCase();
    const fqdnProblem = dnsNameProblem(fqdn);
    if (fqdnProblem !== undefined || !isPathSegment(fqdn))
      return {
        ok: false,
        problem: `fqdn ${JSON.stringify(fqdn)} is not a DNS name usable in a SPIFFE ID${fqdnProblem === undefined ? '' : ` (${fqdnProblem})`}`,
      };

    let ip: string | undefined;
    if (role.ip !== undefined) {
      const ipText = renderTemplate(role.ip, nodeLookup);
      if ('missing' in ipText)
        return { ok: false, problem: missingProblem('ip', role.ip, ipText.missing, agent) };
      if (!isIpv4(ipText.text))
        return { ok: false, problem: `ip ${JSON.stringify(ipText.text)} is not an IPv4 address` };
      ip = ipText.text;
    }
    const hostname = fqdn.split('.')[0] ?? fqdn;
    const lookup = (placeholder: Placeholder): string | undefined => {
      if (placeholder.kind === 'fqdn') return fqdn;
      if (placeholder.kind === 'hostname') return hostname;
      if (placeholder.kind === 'ip') return ip;
      if (placeholder.kind === 'cluster') return role.cluster;
      return nodeLookup(placeholder);
    };
    return { ok: true, facts: { fqdn, ip, lookup } };
  }

  /** Drops EC2 answers of agents not in `present`. */
  retain(present: ReadonlySet<string>): void {
    for (const id of this.#ec2Cache.keys()) if (!present.has(id)) this.#ec2Cache.delete(id);
  }

  async #describe(agent: Agent, role: RoleRule): Promise<{ instance: Ec2Instance } | { problem: string }> {
    if (this.#ec2 === undefined)
      return { problem: `role ${role.name} uses {ec2:…} placeholders; start the registrar with --ec2` };
    const cached = this.#ec2Cache.get(agent.id);
    if (cached !== undefined) return { instance: cached };
    const instanceId = selectorValue(agent.selectors, 'aws_iid', 'instance:id');
    const region = selectorValue(agent.selectors, 'aws_iid', 'region');
    if (instanceId === undefined || region === undefined)
      return {
        problem: 'EC2 facts need one aws_iid:instance:id and one aws_iid:region selector on the agent',
      };
    try {
      const instance = await this.#ec2.describeInstance(region, instanceId);
      this.#ec2Cache.set(agent.id, instance);
      return { instance };
    } catch (err) {
      return { problem: err instanceof Error ? err.message : String(err) };
    }
  }
}

/**
 * Returns V for the agent's one selector `<type>:<key>:V`; undefined when it has none or several (an
 * ambiguous fact is no fact).
 */
export function selectorValue(selectors: readonly Selector[], type: string, key: string): string | undefined {
  const head = `${key}:`;
  const values = selectors
    .filter((s) => s.type === type && s.value.startsWith(head))
    .map((s) => s.value.slice(head.length));
  return values.length === 1 && values[0] !== '' ? values[0] : undefined;
}

function missingProblem(what: string, template: Template, missing: Placeholder, agent: Agent): string {
  const text = placeholderText(missing);
  if (missing.kind === 'selector') {
    const count = agent.selectors.filter(
      (s) => s.type === missing.type && s.value.startsWith(`${missing.key}:`),
    ).length;
    return `${what} template ${JSON.stringify(template.text)}: the agent has ${count === 0 ? 'no' : `${count}`} ${missing.type}:${missing.key}:… selector${count === 1 ? '' : 's'}; {${text}} needs exactly one`;
  }
  return `${what} template ${JSON.stringify(template.text)}: {${text}} has no value for this node`;
}

/** Returns true for a dotted-quad IPv4 address without leading zeros. */
export function isIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

/** Returns why `name` is not a DNS name SPIRE accepts in an entry, or undefined (x509util ValidateLabel). */
export function dnsNameProblem(name: string): string | undefined {
  if (name === '') return 'empty';
  if (name.length > 253) return 'longer than 253 characters';
  if (name.endsWith('.')) return 'ends with a dot';
  for (const label of name.split('.')) {
    if (label === '') return 'has an empty label';
    if (label.length > 63) return `label "${label}" is longer than 63 characters`;
    if (!/^[A-Za-z0-9_-]+$/.test(label))
      return `label "${label}" has characters other than letters, digits, "-" and "_"`;
    if (label.startsWith('-') || label.endsWith('-')) return `label "${label}" starts or ends with "-"`;
  }
  return undefined;
}
