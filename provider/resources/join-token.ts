// spire_join_token: a join token an agent attests with (agent.v1 CreateJoinToken, spire-api-sdk
// agent.proto). SPIRE has no RPC to read, list or delete a token, and deletes it when an agent uses it
// (SPIRE pkg/server/api/agent/v1/service.go; by design, spiffe/spire issue 1057). So the resource is
// create-only, read keeps the state as created, and destroy only forgets it. The token is a secret: it is
// sensitive in the schema and never appears in a diagnostic or log line written here.
import type { ProviderData } from '../provider-data.js';
import { SpiffeId } from '../../src/core/spiffeid/index.js';
import {
  attribute,
  defineSchema,
  frameworkFor,
  requiresReplace,
  requiresReplaceIf,
  validators,
} from '../framework/index.js';
import type { Validator } from '../framework/index.js';
import { rfc3339, spiffeId, validationProblem } from '../validators.js';

const { defineResource } = frameworkFor<ProviderData>();

/** SPIRE stores the ttl as an int32 of seconds (agent.proto CreateJoinTokenRequest.ttl). */
export const MAX_TTL_SECONDS = 2_147_483_647;

/**
 * A caller-chosen token must be usable as the last segment of the agent ID
 * `spiffe://<td>/spire/agent/join_token/<token>` (SPIRE joinTokenID, SPIFFE-ID §2.2). The value itself is
 * never echoed in the message.
 */
export const tokenValue: Validator<string> = validators.validator('a SPIFFE ID path segment', (value) => {
  if (value === '') return 'must not be empty; leave token unset to let SPIRE generate one';
  if (value === '.' || value === '..') return 'must not be "." or ".." (it becomes a SPIFFE ID path segment)';
  if (!/^[A-Za-z0-9._-]+$/.test(value)) {
    return (
      'must contain only letters, digits, ".", "-" and "_" (it becomes a segment of the agent\'s SPIFFE ID); ' +
      'the value is not shown because it is secret'
    );
  }
  return undefined;
});

/** The alias SPIFFE ID: a workload ID outside SPIRE's reserved /spire namespace. */
export const agentAliasId: Validator<string> = validators.validator('an agent alias SPIFFE ID', (value) => {
  const problem = validationProblem(spiffeId, value);
  if (problem !== undefined) return problem;
  const id = SpiffeId.parse(value);
  // SPIRE pkg/server/api/id.go: a workload ID needs a path and may not live under /spire.
  if (id.path === '')
    return `must have a path, such as "spiffe://${id.trustDomain.name}/node/etcd"; got ${JSON.stringify(value)}`;
  if (id.path === '/spire' || id.path.startsWith('/spire/')) {
    return `must not be in the reserved /spire namespace; got ${JSON.stringify(value)}`;
  }
  return undefined;
});

export const joinTokenSchema = defineSchema({
  description:
    'A SPIRE join token for attesting one agent. Create-only: SPIRE cannot read back, list or delete ' +
    'tokens, and consumes a token when an agent attests with it.',
  attributes: {
    ttl: attribute.number({
      required: true,
      description: 'How long the token is valid, in seconds (at least 1). Changing it creates a new token.',
      validators: [validators.integerBetween(1, MAX_TTL_SECONDS)],
      planModifiers: [requiresReplace()],
    }),
    token: attribute.string({
      optional: true,
      computed: true,
      sensitive: true,
      description:
        'The token value. Leave it unset to let SPIRE generate a UUID; set it to register a value of your ' +
        'own (letters, digits, `.`, `-`, `_`). Sensitive: stored only in the Terraform state.',
      validators: [tokenValue],
      // Only a configured token forces a new one; a generated one is merely unknown while replacing.
      planModifiers: [
        requiresReplaceIf(
          'a new configured token replaces the resource',
          (request) => request.config !== null,
        ),
      ],
    }),
    agent_spiffe_id: attribute.string({
      optional: true,
      description:
        'When set, SPIRE also creates a registration entry that gives the agent attesting with this token ' +
        'this SPIFFE ID as an alias (parent `attested_agent_id`, selector `spiffe_id:<attested_agent_id>`). ' +
        'The entry is not deleted with the token.',
      validators: [agentAliasId],
      planModifiers: [requiresReplace()],
    }),
    expires_at: attribute.string({
      computed: true,
      description: 'When the token expires (RFC 3339, UTC).',
    }),
    attested_agent_id: attribute.string({
      computed: true,
      sensitive: true,
      description:
        'The SPIFFE ID an agent receives when it attests with this token, ' +
        '`spiffe://<trust domain>/spire/agent/join_token/<token>`: the parent ID for entries of that node. ' +
        'Sensitive because it contains the token.',
    }),
  },
});

export const joinTokenResource = defineResource({
  typeName: 'spire_join_token',
  schema: joinTokenSchema,
  async create({ plan }, { provider, log }) {
    const created = await provider.client.agents.createJoinToken({
      ttlSeconds: plan.ttl,
      ...(plan.token === null ? {} : { token: plan.token }),
      ...(plan.agent_spiffe_id === null ? {} : { agentId: plan.agent_spiffe_id }),
    });
    log.debug('created a join token', { expiresAt: created.expiresAt, alias: plan.agent_spiffe_id });
    return {
      ...plan,
      token: created.value,
      expires_at: rfc3339(created.expiresAt),
      attested_agent_id: `${provider.trustDomain.idString()}/spire/agent/join_token/${created.value}`,
    };
  },
  read({ state }) {
    // Nothing to compare with: SPIRE cannot read a token back. A used or expired token stays in state
    // as created; it is not drift a configuration change could correct (replace it to get a new one).
    return state;
  },
  delete({ prior }, { diagnostics }) {
    const expiresAt = prior.expires_at === null ? Number.NaN : Date.parse(prior.expires_at);
    if (!(expiresAt <= Date.now())) {
      diagnostics.addWarning(
        'Join token not revoked',
        'SPIRE has no way to delete a join token, so it was only removed from the Terraform state. ' +
          `Unless an agent already used it, it stays valid until ${prior.expires_at ?? 'it expires'}.`,
      );
    }
  },
});
