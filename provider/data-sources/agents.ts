// spire_agents: attested agents matching a filter (agent.v1 ListAgents, spire-api-sdk agent.proto).
import type { Agent, AgentFilter, MatchBehavior } from '../../src/core/spireapi/index.js';
import { attribute, defineSchema, frameworkFor, path, types, validators } from '../framework/index.js';
import type { ModelOf } from '../framework/index.js';
import type { ProviderData } from '../provider-data.js';
import { matchBehaviors, parseSelector, rfc3339, selectors } from '../validators.js';

const { defineDataSource } = frameworkFor<ProviderData>();

/** SPIRE's CLI compares agent selector sets as a superset by default (`agent list -matchSelectorsOn`). */
export const DEFAULT_AGENT_MATCH: MatchBehavior = 'superset';

export const agentsSchema = defineSchema({
  description: 'Attested agents that match every given filter. With no filter, every agent.',
  attributes: {
    attestation_type: attribute.string({
      optional: true,
      description: 'Only agents attested by this node attestor (`join_token`, `aws_iid`, `x509pop`, …).',
      validators: [validators.lengthBetween(1, 1024)],
    }),
    selectors: attribute.set(types.string, {
      optional: true,
      description: 'Only agents whose node selectors (`type:value`) match these, as `selector_match` says.',
      validators: [selectors],
    }),
    selector_match: attribute.string({
      optional: true,
      computed: true,
      description:
        "How `selectors` is compared with each agent's: `exact`, `subset`, `superset` (default) or `any`.",
      validators: [validators.oneOf(...matchBehaviors)],
    }),
    banned: attribute.bool({
      optional: true,
      description: 'Only banned (true) or not banned (false) agents.',
    }),
    can_reattest: attribute.bool({
      optional: true,
      description: 'Only agents that can (true) or cannot (false) re-attest.',
    }),
    agents: attribute.listNested(
      {
        id: attribute.string({ computed: true, description: 'The agent SPIFFE ID.' }),
        attestation_type: attribute.string({
          computed: true,
          description: 'The node attestor that attested it.',
        }),
        serial_number: attribute.string({
          computed: true,
          description: 'Serial number (decimal) of its current X509-SVID; empty once banned.',
        }),
        expires_at: attribute.string({
          computed: true,
          description: 'When its X509-SVID expires (RFC 3339); null when unknown.',
        }),
        selectors: attribute.list(types.string, {
          computed: true,
          description: 'Its node selectors as `type:value`.',
        }),
        banned: attribute.bool({ computed: true, description: 'Whether it is banned.' }),
        can_reattest: attribute.bool({ computed: true, description: 'Whether it can re-attest.' }),
        agent_version: attribute.string({
          computed: true,
          description: 'The SPIRE version the agent reported.',
        }),
      },
      { computed: true, description: 'The matching agents, in the order the server returns them.' },
    ),
  },
});

type AgentsModel = ModelOf<typeof agentsSchema>;

/** Returns the ListAgents filter of the configuration (empty lists every agent). */
export function agentFilter(config: AgentsModel): AgentFilter {
  const filter: AgentFilter = {};
  if (config.attestation_type !== null) filter.byAttestationType = config.attestation_type;
  if (config.selectors !== null) {
    filter.bySelectorMatch = {
      selectors: config.selectors.filter((s): s is string => s !== null).map(parseSelector),
      match: (config.selector_match as MatchBehavior | null) ?? DEFAULT_AGENT_MATCH,
    };
  }
  if (config.banned !== null) filter.byBanned = config.banned;
  if (config.can_reattest !== null) filter.byCanReattest = config.can_reattest;
  return filter;
}

/** Returns the data source's model of one agent. */
export function agentModel(agent: Agent): NonNullable<AgentsModel['agents']>[number] {
  return {
    id: agent.id,
    attestation_type: agent.attestationType,
    serial_number: agent.x509SvidSerialNumber,
    expires_at: rfc3339(agent.x509SvidExpiresAt),
    selectors: agent.selectors.map((s) => `${s.type}:${s.value}`),
    banned: agent.banned,
    can_reattest: agent.canReattest,
    agent_version: agent.agentVersion,
  };
}

export const agentsDataSource = defineDataSource({
  typeName: 'spire_agents',
  schema: agentsSchema,
  validate(config, { diagnostics }) {
    if (Array.isArray(config.selectors) && config.selectors.length === 0) {
      // SPIRE refuses an empty selector set ("cannot list by empty selectors set").
      diagnostics.addError(
        'Invalid Attribute Value',
        'must hold at least one selector when set',
        path('selectors'),
      );
    }
    if (config.selector_match !== null && config.selectors === null) {
      diagnostics.addError(
        'Missing selectors',
        'selector_match applies to the selectors filter; set selectors too, or remove selector_match.',
        path('selector_match'),
      );
    }
  },
  async read({ config }, { provider }) {
    const agents = await provider.client.agents.listAll({ filter: agentFilter(config) });
    return {
      ...config,
      selector_match: config.selectors === null ? null : (config.selector_match ?? DEFAULT_AGENT_MATCH),
      agents: agents.map(agentModel),
    };
  },
});
