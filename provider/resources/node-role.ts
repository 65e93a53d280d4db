// spire_node_role: a role rule for spire-node-registrar (registrar/, docs/registrar.md). Agents whose
// selectors include all of `agent_selectors` get one registration entry per component, parented to the
// agent's own SPIFFE ID, with the node's FQDN (and IP) in the SPIFFE ID path:
//   spiffe://<td>/k8s/<cluster>/node/<fqdn>/<component>[/<ip>]
// The registrar creates those entries when nodes attest; this resource only stores the rule, in the one
// place every registrar of an HA cluster reads: a role record, a registration entry that can never be
// issued (parent spiffe://<td>/node-registrar/roles, which no agent has; selectors of type
// "node-registrar", which no attestor produces). Each selector holds one fact of the rule, so the record
// reads plainly in `spire-server entry show` and each value fits SPIRE's 255-byte selector column. The
// format is the contract with registrar/role.ts, which reads it; test/unit/registrar/node-role.ts checks
// both sides agree.
//
// Choices:
// - the record's ID is `<entry_id_prefix>role.<name>`, outside the provider's own entry_id_prefix: the
//   registrar and this resource must agree on it, and spire_entry never touches it;
// - every field of the rule changes in place (one BatchUpdateEntry rewriting the record); only `name` and
//   `entry_id_prefix` replace it;
// - templates are checked here at plan time with the registrar's grammar, so a typo fails `terraform plan`
//   instead of leaving the role invalid on the servers.
import { isCoreError } from '../../src/core/errors/index.js';
import type { Entry, EntryField, EntryInput, Selector } from '../../src/core/spireapi/index.js';
import type { ConfigModel, Diagnostics, ModelOf } from '../framework/index.js';
import {
  Unknown,
  attribute,
  defineSchema,
  frameworkFor,
  requiresReplace,
  types,
  useStateForUnknown,
  validators,
} from '../framework/index.js';
import type { ProviderData } from '../provider-data.js';
import { parseSelector } from './entry.js';

const { defineResource } = frameworkFor<ProviderData>();

export const DEFAULT_REGISTRAR_PREFIX = 'node-registrar.';
export const ROLE_SELECTOR_TYPE = 'node-registrar';
export const ROLE_FORMAT = '1';
const ROLE_STORE_PATH = '/node-registrar/roles';
const ROLE_RECORD_PATH = '/node-registrar/role';
const NAME = /^[A-Za-z0-9_-]{1,64}$/;
const PATH_SEGMENT = /^[A-Za-z0-9._-]+$/;
// SPIRE sqlstore models.go Selector.Value: gorm's default varchar(255) on MySQL.
export const MAX_SELECTOR_VALUE_BYTES = 255;
const INT32_MAX = 2_147_483_647;
const MAX_DNS_NAMES = 1000;

// The registrar's template grammar (registrar/template.ts).
const NODE_PLACEHOLDERS = '{selector:<type>:<key>}, {ec2:private_dns_name}, {ec2:private_ip}';
const COMPONENT_PLACEHOLDERS = `{fqdn}, {hostname}, {ip}, {cluster}, ${NODE_PLACEHOLDERS}`;

/** Returns why `text` is not a template for `context`, or undefined. */
export function templateProblem(text: string, context: 'node' | 'component'): string | undefined {
  if (text === '') return 'must not be empty';
  const allowed = context === 'node' ? NODE_PLACEHOLDERS : COMPONENT_PLACEHOLDERS;
  let rest = text;
  for (;;) {
    const open = rest.indexOf('{');
    const close = rest.indexOf('}');
    if (open < 0) return close < 0 ? undefined : `has a "}" without "{" in ${JSON.stringify(text)}`;
    if (close >= 0 && close < open) return `has a "}" without "{" in ${JSON.stringify(text)}`;
    const end = rest.indexOf('}', open);
    if (end < 0) return `has an unclosed "{" in ${JSON.stringify(text)}`;
    const name = rest.slice(open + 1, end);
    if (name.includes('{')) return `has a "{" inside a placeholder in ${JSON.stringify(text)}`;
    if (['fqdn', 'hostname', 'ip', 'cluster'].includes(name)) {
      if (context === 'node')
        return `{${name}} is not known yet here: the node's fqdn and ip are built from ${allowed}`;
    } else if (name.startsWith('selector:')) {
      const body = name.slice('selector:'.length);
      const colon = body.indexOf(':');
      if (colon <= 0 || colon === body.length - 1)
        return `{${name}} must name a selector type and key, as in {selector:aws_iid:instance:id}`;
    } else if (name.startsWith('ec2:')) {
      if (name !== 'ec2:private_dns_name' && name !== 'ec2:private_ip')
        return `{${name}} is not an EC2 fact; known: {ec2:private_dns_name}, {ec2:private_ip}`;
    } else {
      return `unknown placeholder {${name}}; known here: ${allowed}`;
    }
    rest = rest.slice(end + 1);
  }
}

const templateValidator = (context: 'node' | 'component') =>
  validators.validator<string>(`a ${context} template`, (value) => templateProblem(value, context));

const selectorValidator = validators.validator<string>('type:value', (s) => {
  const parsed = parseSelector(s);
  return typeof parsed === 'string' ? parsed : undefined;
});

const atLeastOne = (what: string) =>
  validators.validator<(string | null)[]>(`at least one ${what}`, (v) =>
    v.length === 0 ? `needs at least one ${what}` : undefined,
  );

export const nodeRoleSchema = defineSchema({
  description:
    'A role rule for spire-node-registrar: the agents it covers (by their attested selectors), how their ' +
    "node's FQDN and IP are derived, and the per-node entries they get (kubelet, kube-proxy, ...). Stored " +
    'on the SPIRE servers as a role record that every registrar reads; see docs/registrar.md.',
  attributes: {
    id: attribute.string({
      computed: true,
      description: "The role record's entry ID: `<entry_id_prefix>role.<name>`.",
      planModifiers: [useStateForUnknown()],
    }),
    name: attribute.string({
      required: true,
      description:
        'The role name (`worker`, `master`, `etcd`). Part of every node entry ID. Changing it replaces the role.',
      validators: [validators.matches(NAME, 'letters, digits, "_" or "-", at most 64')],
      planModifiers: [requiresReplace()],
    }),
    entry_id_prefix: attribute.string({
      optional: true,
      computed: true,
      default: DEFAULT_REGISTRAR_PREFIX,
      description:
        "The registrar's ownership prefix (its `--entry-id-prefix`). Default `node-registrar.`. Changing it replaces the role.",
      validators: [
        validators.matches(
          /^[A-Za-z0-9._-]+$/,
          'letters, digits, ".", "_" or "-" (SPIRE entry ID characters)',
        ),
        validators.lengthBetween(1, 64),
      ],
      planModifiers: [requiresReplace()],
    }),
    cluster: attribute.string({
      required: true,
      description:
        'The Kubernetes cluster name: the `<cluster>` segment of `spiffe://<td>/k8s/<cluster>/node/…`.',
      validators: [
        validators.validator<string>('a SPIFFE ID path segment', (v) =>
          PATH_SEGMENT.test(v) && v !== '.' && v !== '..'
            ? undefined
            : `must be one SPIFFE ID path segment (letters, digits, ".", "_", "-"), got ${JSON.stringify(v)}`,
        ),
      ],
    }),
    agent_selectors: attribute.set(types.string, {
      required: true,
      description:
        'Node selectors as `"type:value"` (`"aws_iid:tag:tarmak_role:worker"`). An agent belongs to the role when ' +
        'its attested selectors include every one of them. At least one.',
      validators: [atLeastOne('agent selector'), validators.eachElement(selectorValidator)],
    }),
    fqdn: attribute.string({
      required: true,
      description:
        "How the node's FQDN is derived from what SPIRE attested: a template with `{selector:<type>:<key>}` " +
        '(`"{selector:aws_iid:instance:id}.{selector:aws_iid:region}.compute.internal"`) or ' +
        "`{ec2:private_dns_name}` (needs the registrar's `--ec2`). It becomes the `<fqdn>` path segment.",
      validators: [templateValidator('node')],
    }),
    ip: attribute.string({
      optional: true,
      description:
        'How the node\'s IPv4 address is derived (`"{ec2:private_ip}"`); needed by components with `with_ip`.',
      validators: [templateValidator('node')],
    }),
    components: attribute.mapNested(
      {
        selectors: attribute.set(types.string, {
          required: true,
          description:
            'Workload selectors of the component\'s entry as `"type:value"` (`"systemd:id:kubelet.service"`). At least one.',
          validators: [atLeastOne('selector'), validators.eachElement(selectorValidator)],
        }),
        dns_names: attribute.list(types.string, {
          optional: true,
          description:
            'DNS names of the entry, as templates that may use `{fqdn}`, `{hostname}`, `{ip}`, `{cluster}` and ' +
            'the node placeholders (`["{fqdn}"]`).',
          validators: [validators.eachElement(templateValidator('component'))],
        }),
        with_ip: attribute.bool({
          optional: true,
          description: "Append the node's IP as the last SPIFFE ID segment (for the composer's IP SANs).",
        }),
        x509_svid_ttl: attribute.number({
          optional: true,
          description: "X509-SVID lifetime in seconds; unset or 0 for the server's default.",
          validators: [validators.integerBetween(0, INT32_MAX)],
        }),
        hint: attribute.string({
          optional: true,
          description:
            "The entry's hint, which `spire-helper --hint` (and its presets) select the SVID by. Default: the " +
            'component name, which is what the Tarmak presets select by; set it when a component is named ' +
            'differently from the preset or `--hint` that consumes it.',
          validators: [validators.lengthBetween(1, 200)],
        }),
      },
      {
        required: true,
        description:
          'The entries each node of the role gets, by component name (`kubelet`, `kube-proxy`, …; the last but ' +
          'one SPIFFE ID segment, or the last without `with_ip`). At least one.',
        validators: [
          validators.validator<Record<string, unknown>>('component names', (value) => {
            const names = Object.keys(value);
            if (names.length === 0) return 'needs at least one component';
            const bad = names.find((n) => !NAME.test(n));
            return bad === undefined
              ? undefined
              : `component name ${JSON.stringify(bad)} must be letters, digits, "_" or "-", at most 64`;
          }),
        ],
      },
    ),
    spiffe_id: attribute.string({
      computed: true,
      description: "The role record's SPIFFE ID, `spiffe://<td>/node-registrar/role/<name>` (never issued).",
      planModifiers: [useStateForUnknown()],
    }),
  },
});

export type NodeRoleModel = ModelOf<typeof nodeRoleSchema>;
type ComponentModel = NodeRoleModel['components'][string];

function strings(values: readonly (string | null)[] | null): string[] {
  return (values ?? []).filter((v): v is string => v !== null);
}

/** Returns the role record's selector values for a model, in a stable order. */
export function roleRecordValues(
  model: Pick<NodeRoleModel, 'cluster' | 'agent_selectors' | 'fqdn' | 'ip' | 'components'>,
): string[] {
  const values = [`format:${ROLE_FORMAT}`, `cluster:${model.cluster}`, `fqdn:${model.fqdn}`];
  if (model.ip !== null) values.push(`ip:${model.ip}`);
  for (const selector of strings(model.agent_selectors).sort()) values.push(`agent:${selector}`);
  for (const name of Object.keys(model.components).sort()) {
    const component = model.components[name];
    if (component === undefined) continue;
    for (const selector of strings(component.selectors).sort())
      values.push(`component:${name}:selector:${selector}`);
    strings(component.dns_names).forEach((dns, i) => values.push(`component:${name}:dns:${i}:${dns}`));
    if (component.with_ip === true) values.push(`component:${name}:with_ip:true`);
    if (component.x509_svid_ttl !== null && component.x509_svid_ttl !== 0)
      values.push(`component:${name}:x509_svid_ttl:${component.x509_svid_ttl}`);
    if (component.hint !== null && component.hint !== name)
      values.push(`component:${name}:hint:${component.hint}`);
  }
  return values;
}

/** Returns the whole role record entry for a model (every other field at its zero value). */
export function roleRecordEntry(
  trustDomainId: string,
  prefix: string,
  model: NodeRoleModel,
): EntryInput & { id: string } {
  return {
    id: `${prefix}role.${model.name}`,
    spiffeId: `${trustDomainId}${ROLE_RECORD_PATH}/${model.name}`,
    parentId: `${trustDomainId}${ROLE_STORE_PATH}`,
    selectors: roleRecordValues(model).map((value) => ({ type: ROLE_SELECTOR_TYPE, value })),
    x509SvidTtl: 0,
    jwtSvidTtl: 0,
    federatesWith: [],
    admin: false,
    downstream: false,
    expiresAt: 0,
    dnsNames: [],
    storeSvid: false,
    hint: '',
  };
}

/** Every field the record has: an update rewrites all of them (ENTRY_FIELDS minus server-set ones). */
const RECORD_FIELDS: readonly EntryField[] = [
  'spiffeId',
  'parentId',
  'selectors',
  'x509SvidTtl',
  'jwtSvidTtl',
  'federatesWith',
  'admin',
  'downstream',
  'expiresAt',
  'dnsNames',
  'storeSvid',
  'hint',
];

/**
 * Returns the rule in a role record's selectors as model fields, reading what it can: a record changed
 * outside Terraform shows up as a difference in the plan, and the next apply writes it back whole.
 */
export function modelFieldsOfRecord(
  selectors: readonly Selector[],
): Pick<NodeRoleModel, 'cluster' | 'agent_selectors' | 'fqdn' | 'ip' | 'components'> {
  let cluster = '';
  let fqdn = '';
  let ip: string | null = null;
  const agents: string[] = [];
  const components: Record<
    string,
    {
      selectors: string[];
      dns: Map<number, string>;
      withIp: boolean;
      ttl: number | null;
      hint: string | null;
    }
  > = {};
  const slot = (name: string) =>
    (components[name] ??= { selectors: [], dns: new Map(), withIp: false, ttl: null, hint: null });
  for (const { type, value } of selectors) {
    if (type !== ROLE_SELECTOR_TYPE) continue;
    const [key, rest = ''] = splitOnce(value);
    if (key === 'cluster') cluster = rest;
    else if (key === 'fqdn') fqdn = rest;
    else if (key === 'ip') ip = rest;
    else if (key === 'agent') agents.push(rest);
    else if (key === 'component') {
      const [name, afterName = ''] = splitOnce(rest);
      const [field, fieldValue = ''] = splitOnce(afterName);
      if (field === 'selector') slot(name).selectors.push(fieldValue);
      else if (field === 'dns') {
        const [index, template = ''] = splitOnce(fieldValue);
        slot(name).dns.set(Number(index), template);
      } else if (field === 'with_ip') slot(name).withIp = fieldValue === 'true';
      else if (field === 'x509_svid_ttl') slot(name).ttl = Number(fieldValue);
      else if (field === 'hint') slot(name).hint = fieldValue;
    }
  }
  return {
    cluster,
    fqdn,
    ip,
    agent_selectors: agents.sort(),
    components: Object.fromEntries(
      Object.entries(components).map(([name, c]): [string, ComponentModel] => [
        name,
        {
          selectors: c.selectors.sort(),
          dns_names:
            c.dns.size === 0 ? null : [...c.dns.entries()].sort(([a], [b]) => a - b).map(([, t]) => t),
          with_ip: c.withIp ? true : null,
          x509_svid_ttl: c.ttl === 0 ? null : c.ttl,
          hint: c.hint,
        },
      ]),
    ),
  };
}

function splitOnce(text: string): [string, string | undefined] {
  const colon = text.indexOf(':');
  return colon < 0 ? [text, undefined] : [text.slice(0, colon), text.slice(colon + 1)];
}

/** Returns true when two rules store the same record (sets compared as sets, null as the zero value). */
function sameRule(
  a: Parameters<typeof roleRecordValues>[0],
  b: Parameters<typeof roleRecordValues>[0],
): boolean {
  const key = (m: Parameters<typeof roleRecordValues>[0]) => roleRecordValues(m).sort().join('\n');
  return key(a) === key(b);
}

/** Cross-attribute rules: with_ip needs ip; every record selector value fits SPIRE's column. */
function validateNodeRole(
  config: ConfigModel<NodeRoleModel>,
  { diagnostics }: { readonly diagnostics: Diagnostics },
): void {
  // A top-level value that is not wholly known yet is an Unknown; its parts are then checked at apply.
  const components = config.components;
  if (components instanceof Unknown) return;
  for (const [name, component] of Object.entries(components)) {
    if (component.with_ip === true && config.ip === null) {
      diagnostics.addError(
        'Component needs the node IP',
        `Component "${name}" has with_ip = true, so the role needs an ip template (for example ip = "{ec2:private_ip}").`,
        [{ attribute: 'components' }, { key: name }, { attribute: 'with_ip' }],
      );
    }
    const dns = component.dns_names;
    if (Array.isArray(dns) && dns.length > MAX_DNS_NAMES) {
      diagnostics.addError(
        'Too many DNS names',
        `Component "${name}" has more than ${MAX_DNS_NAMES} DNS names.`,
        [{ attribute: 'components' }, { key: name }, { attribute: 'dns_names' }],
      );
    }
  }
  const texts: string[] = [];
  const push = (value: unknown, render: (v: string) => string): void => {
    if (typeof value === 'string') texts.push(render(value));
  };
  push(config.cluster, (v) => `cluster:${v}`);
  push(config.fqdn, (v) => `fqdn:${v}`);
  push(config.ip, (v) => `ip:${v}`);
  if (Array.isArray(config.agent_selectors))
    for (const s of config.agent_selectors) push(s, (v) => `agent:${v}`);
  for (const [name, component] of Object.entries(components)) {
    if (Array.isArray(component.selectors))
      for (const s of component.selectors) push(s, (v) => `component:${name}:selector:${v}`);
    if (Array.isArray(component.dns_names))
      component.dns_names.forEach((d, i) => {
        push(d, (v) => `component:${name}:dns:${i}:${v}`);
      });
    push(component.hint, (v) => `component:${name}:hint:${v}`);
  }
  for (const text of texts) {
    if (Buffer.byteLength(text) > MAX_SELECTOR_VALUE_BYTES) {
      diagnostics.addError(
        'Value too long for a role record',
        `"${text.slice(0, 60)}…" is ${Buffer.byteLength(text)} bytes once stored; SPIRE's datastore keeps at most ${MAX_SELECTOR_VALUE_BYTES} bytes per selector value (MySQL column size). Shorten it.`,
      );
    }
  }
}

function writeError(verb: string, id: string, err: unknown): Error {
  const text = err instanceof Error ? err.message : String(err);
  const hint = isCoreError(err, 'SPIRE_API_ALREADY_EXISTS')
    ? `. The role record already exists; import it (terraform import <address> ${id})`
    : '';
  return new Error(`SPIRE refused to ${verb} role record "${id}": ${text}${hint}`);
}

async function applyRecord(
  plan: NodeRoleModel,
  provider: ProviderData,
  verb: 'create' | 'update',
): Promise<NodeRoleModel> {
  const prefix = plan.entry_id_prefix ?? DEFAULT_REGISTRAR_PREFIX;
  const record = roleRecordEntry(provider.trustDomain.idString(), prefix, plan);
  const [result] =
    verb === 'create'
      ? await provider.client.entries.batchCreate([record])
      : await provider.client.entries.batchUpdate([record], { inputMask: RECORD_FIELDS });
  if (result === undefined) throw new Error(`SPIRE returned no result for role record "${record.id}"`);
  if (!result.ok) throw writeError(verb, record.id, result.error);
  return { ...plan, entry_id_prefix: prefix, id: record.id, spiffe_id: record.spiffeId };
}

/** Returns the record's entry, or undefined when SPIRE has none. */
async function getRecord(provider: ProviderData, id: string): Promise<Entry | undefined> {
  try {
    return await provider.client.entries.get(id);
  } catch (err) {
    if (isCoreError(err, 'SPIRE_API_NOT_FOUND')) return undefined;
    throw err;
  }
}

export const nodeRoleResource = defineResource({
  typeName: 'spire_node_role',
  schema: nodeRoleSchema,
  validate: validateNodeRole,

  create({ plan }, { provider }) {
    return applyRecord(plan, provider, 'create');
  },

  async read({ state }, { provider, diagnostics }) {
    const id = state.id ?? `${state.entry_id_prefix ?? DEFAULT_REGISTRAR_PREFIX}role.${state.name}`;
    const entry = await getRecord(provider, id);
    if (entry === undefined) return 'gone';
    const prefix = state.entry_id_prefix ?? DEFAULT_REGISTRAR_PREFIX;
    const canonical = roleRecordEntry(provider.trustDomain.idString(), prefix, state);
    if (
      entry.spiffeId !== canonical.spiffeId ||
      entry.parentId !== canonical.parentId ||
      entry.admin ||
      entry.downstream
    ) {
      diagnostics.addWarning(
        'Role record changed outside Terraform',
        `Entry "${id}" no longer has the SPIFFE ID, parent ID or flags this resource writes; the registrar ignores it ` +
          `until it is rewritten. Run terraform apply -replace=<address> to write it again.`,
      );
    }
    const server = modelFieldsOfRecord(entry.selectors);
    // Keep the configuration's spelling when the record says the same thing.
    if (sameRule(server, state)) return { ...state, id: entry.id, spiffe_id: entry.spiffeId };
    return { ...state, ...server, id: entry.id, spiffe_id: entry.spiffeId };
  },

  update({ plan }, { provider }) {
    return applyRecord(plan, provider, 'update');
  },

  async delete({ prior }, { provider }) {
    const id = prior.id ?? `${prior.entry_id_prefix ?? DEFAULT_REGISTRAR_PREFIX}role.${prior.name}`;
    const [result] = await provider.client.entries.batchDelete([id]);
    if (result !== undefined && !result.ok && !isCoreError(result.error, 'SPIRE_API_NOT_FOUND'))
      throw writeError('delete', id, result.error);
  },

  async importState({ id }, { provider }) {
    const at = id.lastIndexOf('role.');
    const name = at < 0 ? '' : id.slice(at + 'role.'.length);
    const prefix = at < 0 ? '' : id.slice(0, at);
    if (!NAME.test(name) || prefix === '')
      throw new Error(
        `import ID ${JSON.stringify(id)} must be a role record's entry ID, <entry_id_prefix>role.<name> (for example node-registrar.role.worker)`,
      );
    const entry = await getRecord(provider, id);
    if (entry === undefined) throw new Error(`SPIRE has no role record "${id}"`);
    return {
      id,
      name,
      entry_id_prefix: prefix,
      spiffe_id: entry.spiffeId,
      ...modelFieldsOfRecord(entry.selectors),
    };
  },
});
