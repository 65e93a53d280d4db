// agent.v1 of the SPIRE test double, plus the attestation the tests trigger through a control (there is
// no agent process). Sources (facts only):
//   pkg/server/api/agent/v1/service.go   CountAgents, ListAgents, GetAgent, DeleteAgent, BanAgent,
//                                        CreateJoinToken, createJoinTokenRegistrationEntry,
//                                        AttestAgent + attestJoinToken, applyMask, joinTokenID
//   pkg/server/api/agent.go              ProtoFromAttestedNode (banned = empty serial number)
//   pkg/server/datastore/sqlstore/sqlstore.go listAttestedNodes (selector filter, paging)
//   pkg/server/plugin/nodeattestor/base/base.go AssessTOFU (attest once until the agent is deleted)
//   pkg/server/plugin/nodeattestor/awsiid/iid.go, spiffeid.go (aws_iid agent ID and selectors)
import { randomUUID } from 'node:crypto';
import type { Agent } from '../../src/core/generated/spire/api/types/Agent.js';
import type { AgentMask } from '../../src/core/generated/spire/api/types/AgentMask.js';
import type { Entry } from '../../src/core/generated/spire/api/types/Entry.js';
import type { JoinToken } from '../../src/core/generated/spire/api/types/JoinToken.js';
import type { Selector } from '../../src/core/generated/spire/api/types/Selector.js';
import type { ListAgentsRequest } from '../../src/core/generated/spire/api/server/agent/v1/ListAgentsRequest.js';
import type { ListAgentsResponse__Input } from '../../src/core/generated/spire/api/server/agent/v1/ListAgentsResponse.js';
import type { CountAgentsRequest } from '../../src/core/generated/spire/api/server/agent/v1/CountAgentsRequest.js';
import type { CountAgentsResponse__Input } from '../../src/core/generated/spire/api/server/agent/v1/CountAgentsResponse.js';
import type { GetAgentRequest } from '../../src/core/generated/spire/api/server/agent/v1/GetAgentRequest.js';
import type { DeleteAgentRequest } from '../../src/core/generated/spire/api/server/agent/v1/DeleteAgentRequest.js';
import type { BanAgentRequest } from '../../src/core/generated/spire/api/server/agent/v1/BanAgentRequest.js';
import type { CreateJoinTokenRequest } from '../../src/core/generated/spire/api/server/agent/v1/CreateJoinTokenRequest.js';
import type { x509 } from '../../src/core/x509/setup.js';
import type { SimPrivateKey } from './ca.js';
import { firstRowAfter } from './datastore.js';
import {
  idFromSegments,
  idFromString,
  protoFromId,
  selectorsFromProto,
  trustDomainAgentIdFromProto,
  trustDomainWorkloadIdFromProto,
  type GoSpiffeId,
} from './server-rules.js';
import { Code, causeOf as ruleCause, makeErr, type ServerContext } from './server-context.js';
import { parsePageToken, selectorKey, setMatches } from './server-entry.js';

type WireAgentFilter = NonNullable<ListAgentsRequest['filter']> | NonNullable<CountAgentsRequest['filter']>;

interface AgentFilter {
  attestationType?: string;
  banned?: boolean;
  canReattest?: boolean;
  /** Epoch seconds. */
  expiresBefore?: number;
  selectors?: { match: Parameters<typeof setMatches>[0]; selectors: Set<string> };
}

/**
 * Returns the parsed filter (service.go CountAgents/ListAgents). `by_expires_before` is parsed with Go
 * layout "2006-01-02 15:04:05 -0700 -07" and a parse error is ignored (no filter), as SPIRE does.
 */
function parseAgentFilter(filter: WireAgentFilter | null, rpc: 'list' | 'count'): AgentFilter {
  const parsed: AgentFilter = {};
  if (filter === null) return parsed;
  if (filter.by_banned !== null) parsed.banned = filter.by_banned.value;
  if (filter.by_can_reattest !== null) parsed.canReattest = filter.by_can_reattest.value;
  if (filter.by_attestation_type !== '') parsed.attestationType = filter.by_attestation_type;
  if (filter.by_expires_before !== '') {
    const before = parseGoTime(filter.by_expires_before);
    if (before !== undefined) parsed.expiresBefore = before;
  }
  if (filter.by_selector_match !== null) {
    let selectors: Selector[];
    try {
      selectors = selectorsFromProto(filter.by_selector_match.selectors);
    } catch (error) {
      throw makeErr(Code.INVALID_ARGUMENT, 'failed to parse selectors', ruleCause(error));
    }
    // sqlstore.go listAttestedNodes / countAttestedNodesWithFilters reject an empty set; the agent
    // service wraps any datastore failure as Internal.
    if (selectors.length === 0) {
      throw makeErr(Code.INTERNAL, `failed to ${rpc} agents`, 'cannot list by empty selectors set');
    }
    parsed.selectors = {
      match: filter.by_selector_match.match,
      selectors: new Set(selectors.map((s) => selectorKey(s))),
    };
  }
  return parsed;
}

// Go time.Parse("2006-01-02 15:04:05 -0700 -07", s): the last field is the zone abbreviation as ±hh.
function parseGoTime(s: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.\d+)? ([+-])(\d{2})(\d{2}) [+-]\d{2}$/.exec(
    s,
  );
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, sec, sign, oh, om] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec));
  const offsetMs = (Number(oh) * 60 + Number(om)) * 60_000 * (sign === '-' ? -1 : 1);
  return Math.floor((utc - offsetMs) / 1000);
}

function agentMatches(agent: Agent, filter: AgentFilter): boolean {
  if (filter.attestationType !== undefined && agent.attestation_type !== filter.attestationType) return false;
  if (filter.banned !== undefined && agent.banned !== filter.banned) return false;
  if (filter.canReattest !== undefined && agent.can_reattest !== filter.canReattest) return false;
  if (filter.expiresBefore !== undefined && !(agent.x509svid_expires_at < filter.expiresBefore)) return false;
  if (filter.selectors !== undefined) {
    const have = new Set(agent.selectors.map((s) => selectorKey(s)));
    if (!setMatches(filter.selectors.match, have, filter.selectors.selectors)) return false;
  }
  return true;
}

/** Returns a copy of `agent` with masked-out fields zeroed (service.go applyMask; the ID always stays). */
function applyAgentMask(agent: Agent, mask: AgentMask | null): Agent {
  const out: Agent = { ...agent, selectors: agent.selectors.map((s) => ({ ...s })) };
  if (mask === null) return out;
  if (!mask.attestation_type) out.attestation_type = '';
  if (!mask.x509svid_serial_number) out.x509svid_serial_number = '';
  if (!mask.x509svid_expires_at) out.x509svid_expires_at = 0;
  if (!mask.selectors) out.selectors = [];
  if (!mask.banned) out.banned = false;
  if (!mask.can_reattest) out.can_reattest = false;
  if (!mask.agent_version) out.agent_version = '';
  return out;
}

/** How a test attests a simulated agent. */
export type AttestAgentOptions =
  | {
      /** Attest with a join token, consuming it (single use, expiry checked), as SPIRE's join_token attestor. */
      joinToken: string;
      selectors?: undefined;
    }
  | {
      /** Attest as another node attestor would: the agent ID and node selectors it produced. */
      spiffeId: string;
      attestationType: string;
      selectors?: readonly Selector[];
      canReattest?: boolean;
      /**
       * Trust on first use, as aws_iid, gcp_iit and azure_msi do: while an agent with this ID exists
       * (banned or not), attesting again fails with PERMISSION_DENIED "attestation data has already been
       * used to attest an agent"; after DeleteAgent it succeeds (base.go AssessTOFU).
       */
      tofu?: boolean;
      joinToken?: undefined;
    };

/** An EC2 instance as SPIRE's aws_iid node attestor sees it (instance identity document + DescribeInstances). */
export interface AwsIidInstance {
  accountId: string;
  region: string;
  instanceId: string;
  availabilityZone?: string;
  imageId?: string;
  tags?: Readonly<Record<string, string>>;
  securityGroups?: readonly { id: string; name: string }[];
  /** ARNs of the IAM roles of the instance profile. */
  iamRoles?: readonly string[];
}

/**
 * Returns the attestation SPIRE's aws_iid attestor produces for `instance`: the agent ID from the default
 * agent_path_template `/{{ .PluginName}}/{{ .AccountID }}/{{ .Region }}/{{ .InstanceID }}` under
 * /spire/agent (spiffeid.go), and the selectors of iid.go resolveSelectors, type "aws_iid", sorted:
 * `account_id:`, `az:`, `iamrole:`, `image:id:`, `instance:id:`, `region:`, `sg:id:`, `sg:name:`,
 * `tag:<key>:<value>`. The double cannot check an instance identity document; the test states the facts.
 * aws_iid is trust on first use, so the attestation carries `tofu: true`.
 */
export function awsIidAttestation(
  trustDomain: string,
  instance: AwsIidInstance,
): Extract<AttestAgentOptions, { spiffeId: string }> {
  const values = new Set<string>([
    `account_id:${instance.accountId}`,
    `instance:id:${instance.instanceId}`,
    `region:${instance.region}`,
    ...(instance.availabilityZone === undefined ? [] : [`az:${instance.availabilityZone}`]),
    ...(instance.imageId === undefined ? [] : [`image:id:${instance.imageId}`]),
    ...Object.entries(instance.tags ?? {}).map(([key, value]) => `tag:${key}:${value}`),
    ...(instance.securityGroups ?? []).flatMap((sg) => [`sg:id:${sg.id}`, `sg:name:${sg.name}`]),
    ...(instance.iamRoles ?? []).map((arn) => `iamrole:${arn}`),
  ]);
  return {
    spiffeId: `spiffe://${trustDomain}/spire/agent/aws_iid/${instance.accountId}/${instance.region}/${instance.instanceId}`,
    attestationType: 'aws_iid',
    selectors: [...values].sort().map((value) => ({ type: 'aws_iid', value })),
    tofu: true,
  };
}

export interface AttestedAgent {
  spiffeId: string;
  /** The agent's X509-SVID (leaf first) and key, as the agent would hold them. */
  certificates: x509.X509Certificate[];
  privateKey: SimPrivateKey;
}

export interface AgentServiceImpl {
  ListAgents(req: ListAgentsRequest): ListAgentsResponse__Input;
  CountAgents(req: CountAgentsRequest): CountAgentsResponse__Input;
  GetAgent(req: GetAgentRequest): Agent;
  DeleteAgent(req: DeleteAgentRequest): Record<string, never>;
  BanAgent(req: BanAgentRequest): Record<string, never>;
  CreateJoinToken(req: CreateJoinTokenRequest): JoinToken;
}

/** Returns the agent.v1 implementation over the shared datastore. */
export function agentService(ctx: ServerContext): AgentServiceImpl {
  const { ds, trustDomain: td } = ctx;

  function agentIdFrom(id: GetAgentRequest['id']): GoSpiffeId {
    try {
      return trustDomainAgentIdFromProto(td, id);
    } catch (error) {
      throw makeErr(Code.INVALID_ARGUMENT, 'invalid agent ID', ruleCause(error));
    }
  }

  return {
    ListAgents(req) {
      const filter = parseAgentFilter(req.filter, 'list');
      const rows = ds.agentRows();
      if (req.page_size <= 0) {
        return {
          agents: rows
            .filter((row) => agentMatches(row.value, filter))
            .map((row) => applyAgentMask(row.value, req.output_mask)),
          next_page_token: '',
        };
      }
      // ListAttestedNodes runs in a read transaction, whose error mapping keeps the inner status only.
      const after = parsePageToken(req.page_token, (token) =>
        makeErr(Code.INTERNAL, 'failed to list agents', `could not parse token '${token}'`),
      );
      const agents: Agent[] = [];
      let last = 0;
      for (let i = firstRowAfter(rows, after); i < rows.length && agents.length < req.page_size; i++) {
        const row = rows[i];
        if (row === undefined || !agentMatches(row.value, filter)) continue;
        agents.push(applyAgentMask(row.value, req.output_mask));
        last = row.seq;
      }
      return { agents, next_page_token: agents.length > 0 ? String(last) : '' };
    },

    CountAgents(req) {
      const filter = parseAgentFilter(req.filter, 'count');
      return { count: ds.agentRows().filter((row) => agentMatches(row.value, filter)).length };
    },

    GetAgent(req) {
      const id = agentIdFrom(req.id);
      const agent = ds.getAgent(id.id);
      if (agent === undefined) throw makeErr(Code.NOT_FOUND, 'agent not found');
      return applyAgentMask(agent, req.output_mask);
    },

    DeleteAgent(req) {
      const id = agentIdFrom(req.id);
      if (!ds.deleteAgent(id.id)) throw makeErr(Code.NOT_FOUND, 'agent not found');
      return {};
    },

    BanAgent(req) {
      const id = agentIdFrom(req.id);
      const agent = ds.getAgent(id.id);
      if (agent === undefined) throw makeErr(Code.NOT_FOUND, 'agent not found');
      // Banning clears the certificate serial numbers; "banned" is derived from the empty serial.
      ds.putAgent(id.id, { ...agent, x509svid_serial_number: '', banned: true });
      return {};
    },

    CreateJoinToken(req) {
      if (req.ttl < 1) throw makeErr(Code.INVALID_ARGUMENT, 'ttl is required, you must provide one');
      let agentId: GoSpiffeId | undefined;
      if (req.agent_id !== null) {
        try {
          agentId = trustDomainWorkloadIdFromProto(td, req.agent_id);
        } catch (error) {
          throw makeErr(Code.INVALID_ARGUMENT, 'invalid agent ID', ruleCause(error));
        }
      }
      const token = req.token === '' ? randomUUID() : req.token;
      const expiresAt = ctx.now() + req.ttl;
      if (ds.getJoinToken(token) !== undefined) {
        throw makeErr(
          Code.INTERNAL,
          'failed to create token',
          'datastore-sql: UNIQUE constraint failed: join_tokens.token',
        );
      }
      ds.putJoinToken({ value: token, expiresAt });
      if (agentId !== undefined) {
        // createJoinTokenRegistrationEntry: the alias entry maps the token's agent ID to agent_id. The
        // token stays stored when this fails, as in SPIRE.
        let parent: GoSpiffeId;
        try {
          parent = joinTokenAgentId(td, token);
        } catch (error) {
          throw makeErr(
            Code.INTERNAL,
            'failed to create join token registration entry',
            `failed to create join token ID: ${ruleCause(error)}`,
          );
        }
        const alias: Entry = {
          id: randomUUID(),
          spiffe_id: protoFromId(agentId),
          parent_id: protoFromId(parent),
          selectors: [{ type: 'spiffe_id', value: parent.id }],
          x509_svid_ttl: 0,
          federates_with: [],
          admin: false,
          downstream: false,
          expires_at: 0,
          dns_names: [],
          revision_number: 0,
          store_svid: false,
          jwt_svid_ttl: 0,
          hint: '',
          created_at: ctx.now(),
        };
        // CreateRegistrationEntry is create-or-return: an existing similar entry is kept silently.
        if (ds.findSimilarEntry(alias) === undefined) ds.insertEntry(alias);
      }
      return { value: token, expires_at: expiresAt };
    },
  };
}

/** Returns spiffe://<td>/spire/agent/join_token/<token> (service.go joinTokenID, go-spiffe FromSegments). */
export function joinTokenAgentId(td: string, token: string): GoSpiffeId {
  return idFromSegments(td, ['spire', 'agent', 'join_token', token]);
}

/**
 * Attests a simulated agent and returns its SVID; throws ApiError with SPIRE's AttestAgent status on
 * failure (service.go AttestAgent and attestJoinToken).
 */
export async function attestAgent(ctx: ServerContext, options: AttestAgentOptions): Promise<AttestedAgent> {
  const { ds, trustDomain: td } = ctx;
  let agentId: GoSpiffeId;
  let attestationType: string;
  let selectors: Selector[] = [];
  let canReattest = false;
  if (options.joinToken !== undefined) {
    attestationType = 'join_token';
    const token = ds.getJoinToken(options.joinToken);
    if (token === undefined) {
      throw makeErr(
        Code.INVALID_ARGUMENT,
        'failed to attest: join token does not exist or has already been used',
      );
    }
    // The token is deleted before the expiry check: an expired token is gone too.
    ds.deleteJoinToken(options.joinToken);
    if (token.expiresAt < ctx.now()) throw makeErr(Code.INVALID_ARGUMENT, 'join token expired');
    try {
      agentId = joinTokenAgentId(td, options.joinToken);
    } catch (error) {
      throw makeErr(Code.INTERNAL, 'failed to create join token ID', ruleCause(error));
    }
  } else {
    attestationType = options.attestationType;
    selectors = (options.selectors ?? []).map((s) => ({ type: s.type, value: s.value }));
    canReattest = options.canReattest ?? false;
    try {
      agentId = idFromString(options.spiffeId);
    } catch (error) {
      throw makeErr(Code.INTERNAL, 'invalid agent ID', ruleCause(error));
    }
  }
  // The attestor runs before the service's own checks, so a TOFU attestor answers for a banned agent too.
  if (options.joinToken === undefined && options.tofu === true && ds.getAgent(agentId.id) !== undefined) {
    throw makeErr(Code.PERMISSION_DENIED, 'attestation data has already been used to attest an agent');
  }
  if (agentId.path === '/spire/server') {
    throw makeErr(Code.INTERNAL, 'agent ID cannot collide with the server ID');
  }
  const existing = ds.getAgent(agentId.id);
  if (existing?.banned === true) throw makeErr(Code.PERMISSION_DENIED, 'failed to attest: agent is banned');
  const svid = await ctx.ca.mintX509Svid({ spiffeId: agentId.id, kind: 'agent' });
  const leaf = svid.certificates[0];
  if (leaf === undefined) throw new Error('sim CA returned an empty chain');
  const agent: Agent = {
    id: protoFromId(agentId),
    attestation_type: existing?.attestation_type ?? attestationType,
    // SPIRE stores big.Int.String() of the serial: decimal.
    x509svid_serial_number: BigInt(`0x${leaf.serialNumber}`).toString(10),
    x509svid_expires_at: Math.floor(leaf.notAfter.getTime() / 1000),
    selectors,
    banned: false,
    can_reattest: canReattest,
    agent_version: existing?.agent_version ?? '',
  };
  ds.putAgent(agentId.id, agent);
  return { spiffeId: agentId.id, certificates: svid.certificates, privateKey: svid.privateKey };
}
