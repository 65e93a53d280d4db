// Attested agents and join tokens: spire.api.server.agent.v1.Agent (spire-api-sdk agent.proto).
import { inspect } from 'node:util';
import { loadProto, protoFiles } from '../proto/index.js';
import type { ProtoGrpcType } from '../generated/agent.js';
import type { AgentDefinition } from '../generated/spire/api/server/agent/v1/Agent.js';
import type { _spire_api_server_agent_v1_ListAgentsRequest_Filter__Input as AgentFilterInput } from '../generated/spire/api/server/agent/v1/ListAgentsRequest.js';
import type { Agent as ProtoAgent } from '../generated/spire/api/types/Agent.js';
import {
  int32,
  maskToProto,
  matchToProto,
  selectorsFromProto,
  selectorsToProto,
  spiffeIdFromProto,
  spiffeIdToProto,
} from './convert.js';
import { collect, pages, validPageSize } from './paging.js';
import type { CallOptions, Transport } from './transport.js';
import type { Agent, AgentField, AgentFilter, AgentMask, JoinToken } from './types.js';

// AgentMask flags (types/agent.proto).
const AGENT_MASK_FIELDS = {
  attestationType: 'attestation_type',
  x509SvidSerialNumber: 'x509svid_serial_number',
  x509SvidExpiresAt: 'x509svid_expires_at',
  selectors: 'selectors',
  banned: 'banned',
  canReattest: 'can_reattest',
  agentVersion: 'agent_version',
} as const satisfies Record<AgentField, string>;

export interface ListAgentsOptions extends CallOptions {
  filter?: AgentFilter;
  /** Agents per page; default 500. */
  pageSize?: number;
  outputMask?: AgentMask;
}

export interface CreateJoinTokenOptions extends CallOptions {
  /** Lifetime in seconds; SPIRE requires at least 1. */
  ttlSeconds: number;
  /** The token value to register; the server generates a UUID when absent. */
  token?: string;
  /** When set, the server also creates an entry giving the agent that uses the token this SPIFFE ID. */
  agentId?: string;
}

export class AgentClient {
  readonly #transport: Transport;
  readonly #service: AgentDefinition;

  constructor(transport: Transport) {
    this.#transport = transport;
    this.#service = (
      loadProto(protoFiles.agent) as unknown as ProtoGrpcType
    ).spire.api.server.agent.v1.Agent.service;
  }

  /** Returns an async iterator over pages of agents; filter and mask are checked before the first call. */
  list(options: ListAgentsOptions = {}): AsyncGenerator<Agent[], void, undefined> {
    const filter = filterToProto(options.filter);
    const outputMask = maskToProto(options.outputMask, AGENT_MASK_FIELDS, 'outputMask');
    const pageSize = validPageSize(options.pageSize, 'ListAgents');
    return pages(async (pageToken) => {
      const response = await this.#transport.unary(
        this.#service.ListAgents,
        { filter, output_mask: outputMask, page_size: pageSize, page_token: pageToken },
        'ListAgents',
        options,
      );
      return { items: response.agents.map(agentFromProto), nextPageToken: response.next_page_token };
    }, 'ListAgents');
  }

  /** Returns every agent matching the options, across all pages. */
  async listAll(options: ListAgentsOptions = {}): Promise<Agent[]> {
    return collect(this.list(options));
  }

  /** Returns the number of agents matching `filter`. */
  async count(filter?: AgentFilter, options: CallOptions = {}): Promise<number> {
    const response = await this.#transport.unary(
      this.#service.CountAgents,
      { filter: filterToProto(filter) },
      'CountAgents',
      options,
    );
    return response.count;
  }

  /** Returns the agent with SPIFFE ID `id`; throws CoreError SPIRE_API_NOT_FOUND when there is none. */
  async get(id: string, options: CallOptions & { outputMask?: AgentMask } = {}): Promise<Agent> {
    const response = await this.#transport.unary(
      this.#service.GetAgent,
      {
        id: spiffeIdToProto(id, 'id'),
        output_mask: maskToProto(options.outputMask, AGENT_MASK_FIELDS, 'outputMask'),
      },
      `GetAgent(${id})`,
      options,
    );
    return agentFromProto(response);
  }

  /** Bans the agent: its SVID is evicted and it cannot re-attest until deleted. */
  async ban(id: string, options: CallOptions = {}): Promise<void> {
    await this.#transport.unary(
      this.#service.BanAgent,
      { id: spiffeIdToProto(id, 'id') },
      `BanAgent(${id})`,
      options,
    );
  }

  /** Deletes the agent; it may attest again. */
  async delete(id: string, options: CallOptions = {}): Promise<void> {
    await this.#transport.unary(
      this.#service.DeleteAgent,
      { id: spiffeIdToProto(id, 'id') },
      `DeleteAgent(${id})`,
      options,
    );
  }

  /**
   * Returns a new join token. The value is a secret: it is never put in error messages, and the returned
   * object shows it redacted in JSON and util.inspect. SPIRE offers no way to read a token back
   * (spiffe/spire issue 1057), so this is the only time it can be seen.
   */
  async createJoinToken(options: CreateJoinTokenOptions): Promise<JoinToken> {
    const request = {
      ttl: int32(options.ttlSeconds, 'ttlSeconds', 1),
      token: options.token ?? '',
      agent_id: options.agentId === undefined ? null : spiffeIdToProto(options.agentId, 'agentId'),
    };
    const response = await this.#transport.unary(
      this.#service.CreateJoinToken,
      request,
      'CreateJoinToken',
      options,
    );
    return joinToken(response.value, response.expires_at);
  }
}

/** Returns a join token whose value stays out of JSON and inspect output. */
function joinToken(value: string, expiresAt: number): JoinToken {
  const redacted = { value: '[REDACTED]', expiresAt };
  const token = { value, expiresAt };
  Object.defineProperties(token, {
    toJSON: { value: () => redacted, enumerable: false },
    [inspect.custom]: {
      value: () => `JoinToken { value: '[REDACTED]', expiresAt: ${expiresAt} }`,
      enumerable: false,
    },
  });
  return Object.freeze(token);
}

function agentFromProto(agent: ProtoAgent): Agent {
  return {
    id: spiffeIdFromProto(agent.id),
    attestationType: agent.attestation_type,
    x509SvidSerialNumber: agent.x509svid_serial_number,
    x509SvidExpiresAt: agent.x509svid_expires_at,
    selectors: selectorsFromProto(agent.selectors),
    banned: agent.banned,
    canReattest: agent.can_reattest,
    agentVersion: agent.agent_version,
  };
}

function filterToProto(filter: AgentFilter | undefined): AgentFilterInput | null {
  if (filter === undefined) return null;
  const { byAttestationType, bySelectorMatch, byBanned, byCanReattest, byExpiresBefore } = filter;
  return {
    by_attestation_type: byAttestationType ?? '',
    by_selector_match:
      bySelectorMatch === undefined
        ? null
        : {
            selectors: selectorsToProto(bySelectorMatch.selectors),
            match: matchToProto(bySelectorMatch.match),
          },
    by_banned: byBanned === undefined ? null : { value: byBanned },
    by_can_reattest: byCanReattest === undefined ? null : { value: byCanReattest },
    by_expires_before: byExpiresBefore === undefined ? '' : goTimeString(byExpiresBefore),
  };
}

/**
 * Returns the time in the layout SPIRE parses by_expires_before with, "2006-01-02 15:04:05 -0700 -07"
 * (SPIRE pkg/server/api/agent/v1/service.go ListAgents), in UTC: "2024-05-01 12:00:00 +0000 +00".
 */
function goTimeString(time: Date | number): string {
  const date = typeof time === 'number' ? new Date(time * 1000) : time;
  const iso = date.toISOString(); // 2024-05-01T12:00:00.000Z
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000 +00`;
}
