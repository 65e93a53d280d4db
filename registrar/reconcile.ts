// One reconciliation cycle. SPIRE has no stream of agent events (agent.v1 offers List/Count/Get only), so
// the registrar polls: it reads the whole state, works out which entries should exist, and makes SPIRE
// match, touching nothing outside its own namespace (<prefix>node.…):
//   1. ListEntries (paged, all entries: SPIRE has no filter by entry ID) → role records and own entries;
//   2. for each valid role, ListAgents filtered by its agent selectors (MATCH_SUPERSET) and not banned;
//   3. for each matching agent, its node's facts (facts.ts) and one entry per component of its role,
//      with an ID derived from the agent ID (ids.ts), parented to that agent's own SPIFFE ID;
//   4. BatchDeleteEntry for own entries no longer wanted (agent evicted, banned, gone or no longer in
//      the role; role or component removed), then BatchCreateEntry, then BatchUpdateEntry for entries
//      that drifted.
// Every step is idempotent, so registrars beside each HA server can run it at the same time: a create
// another registrar made first answers ALREADY_EXISTS, a delete it made first answers NOT_FOUND, and
// both count as done. Nothing is deleted for a role whose record is invalid or a node whose facts could
// not be established this cycle (fail static): an outage of a fact source must not revoke identities.
import { isCoreError, type CoreError } from '../src/core/errors/index.js';
import { SpiffeId, type TrustDomain } from '../src/core/spiffeid/index.js';
import type {
  Agent,
  Entry,
  EntryField,
  EntryInput,
  Selector,
  SpireServerClient,
} from '../src/core/spireapi/index.js';
import { agentKey, isNodeEntryId, nodeEntryId, parseNodeEntryId } from './ids.js';
import type { NodeFactResolver } from './facts.js';
import { dnsNameProblem } from './facts.js';
import { RecurringNotices, type Logger } from './log.js';
import { roleFromRecord, roleStoreId, type RoleRule } from './role.js';
import { renderTemplate } from './template.js';

/** What the registrar needs of the SPIRE Server API client. */
export type RegistrarApi = Pick<SpireServerClient, 'entries' | 'agents'>;

export interface ReconcileOptions {
  readonly api: RegistrarApi;
  readonly trustDomain: TrustDomain;
  /** Ownership prefix of entry IDs (ids.ts). */
  readonly prefix: string;
  readonly facts: NodeFactResolver;
  readonly log: Logger;
  readonly notices?: RecurringNotices;
  /** Work out and log the changes, write nothing. */
  readonly dryRun?: boolean;
  /** ListEntries / ListAgents page size; default 500. */
  readonly pageSize?: number;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

export interface CycleReport {
  /** Valid roles, by name. */
  readonly roles: readonly string[];
  readonly invalidRoles: readonly string[];
  /** Agents that belong to exactly one valid role and are not banned. */
  readonly agents: number;
  /** Agents left out this cycle (in two roles, or facts unknown); their entries are kept as they are. */
  readonly skippedAgents: readonly string[];
  /** Entries that should exist. */
  readonly wanted: number;
  readonly created: number;
  /** Creates another registrar (or an earlier attempt) had already made. */
  readonly alreadyExisted: number;
  readonly updated: number;
  readonly deleted: number;
  /** Writes SPIRE refused or that failed; retried next cycle. */
  readonly failed: number;
  /** Wanted identities already given by an entry outside the registrar's namespace (left alone). */
  readonly foreign: number;
  /** The whole cycle was refused (the role store is reachable by agents); nothing was written. */
  readonly refused?: string;
  readonly dryRun: boolean;
}

/** Returns true when the cycle left nothing undone. */
export function isComplete(report: CycleReport): boolean {
  return (
    report.refused === undefined &&
    report.failed === 0 &&
    report.invalidRoles.length === 0 &&
    report.skippedAgents.length === 0
  );
}

/** The fields the registrar decides; any other value on its entries is put back. */
export const MANAGED_FIELDS: readonly EntryField[] = [
  'spiffeId',
  'parentId',
  'selectors',
  'dnsNames',
  'x509SvidTtl',
  'jwtSvidTtl',
  'hint',
  'admin',
  'downstream',
  'federatesWith',
  'expiresAt',
  'storeSvid',
];

type WantedEntry = EntryInput & { readonly id: string };

/** Runs one cycle; throws CoreError when SPIRE cannot be read (nothing is written then). */
export async function reconcileOnce(options: ReconcileOptions): Promise<CycleReport> {
  const { api, trustDomain, prefix, log } = options;
  const notices = options.notices ?? new RecurringNotices();
  const call = {
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  };
  const pageSize = options.pageSize ?? 500;
  const dryRun = options.dryRun === true;

  // 1. Everything the registrar reads or owns.
  const storeId = roleStoreId(trustDomain);
  const roles: RoleRule[] = [];
  const invalidRoles = new Set<string>();
  const own = new Map<string, Entry>();
  let storeReachable: Entry | undefined;
  for await (const page of api.entries.list({ pageSize, ...call })) {
    for (const entry of page) {
      if (entry.spiffeId === storeId) storeReachable = entry;
      if (isNodeEntryId(prefix, entry.id)) {
        own.set(entry.id, entry);
        continue;
      }
      if (!entry.id.startsWith(`${prefix}role.`)) continue;
      const record = roleFromRecord(entry, { prefix, trustDomain });
      if (record === undefined) {
        notices.notice(`bad-role-id:${entry.id}`, () => {
          log.warn('ignoring an entry in the role namespace whose ID names no role', { entry: entry.id });
        });
      } else if (record.ok) {
        roles.push(record.role);
      } else {
        invalidRoles.add(record.name);
        notices.notice(`invalid-role:${record.name}:${record.problems.join('|')}`, () => {
          log.error('role record is invalid; its nodes keep their entries, new nodes get none', {
            role: record.name,
            entry: entry.id,
            problems: record.problems.join('; '),
          });
        });
      }
    }
  }
  const base = { invalidRoles: [...invalidRoles].sort(), dryRun };
  if (storeReachable !== undefined) {
    // An entry giving the role store's ID would put role records in reach of the agents it matches.
    const refused = `entry ${storeReachable.id} gives the role store ID ${storeId}, so agents could receive role records; delete it`;
    notices.notice(`store-reachable:${storeReachable.id}`, () => {
      log.error('refusing to reconcile', { reason: refused });
    });
    notices.endCycle();
    return { ...empty(base), roles: roles.map((r) => r.name), refused };
  }

  // 2. The agents of each role.
  const agentsById = new Map<string, Agent>();
  const rolesOfAgent = new Map<string, RoleRule[]>();
  for (const role of roles) {
    const agents = await api.agents.listAll({
      filter: { bySelectorMatch: { selectors: role.agentSelectors, match: 'superset' }, byBanned: false },
      outputMask: ['selectors', 'banned', 'attestationType'],
      pageSize,
      ...call,
    });
    for (const agent of agents) {
      // The server filtered already; checking again costs nothing and does not depend on its semantics.
      if (agent.banned || !hasAll(agent.selectors, role.agentSelectors)) continue;
      agentsById.set(agent.id, agent);
      rolesOfAgent.set(agent.id, [...(rolesOfAgent.get(agent.id) ?? []), role]);
    }
  }

  // 3. What should exist.
  const wanted = new Map<string, WantedEntry>();
  const keptAgents = new Set<string>(); // agent keys whose entries stay as they are this cycle
  const skippedAgents: string[] = [];
  let agents = 0;
  for (const [agentId, agentRoles] of rolesOfAgent) {
    const agent = agentsById.get(agentId);
    if (agent === undefined) continue;
    const [role, ...others] = agentRoles;
    if (role === undefined) continue;
    if (others.length > 0) {
      const names = agentRoles.map((r) => r.name).sort();
      keptAgents.add(agentKey(agentId));
      skippedAgents.push(agentId);
      notices.notice(`conflict:${agentId}:${names.join(',')}`, () => {
        log.error('agent matches more than one role; it gets no new entries and keeps the ones it has', {
          agent: agentId,
          roles: names,
        });
      });
      continue;
    }
    const entries = await entriesFor(agent, role, options);
    if ('problem' in entries) {
      keptAgents.add(agentKey(agentId));
      skippedAgents.push(agentId);
      notices.notice(`facts:${agentId}:${entries.problem}`, () => {
        log.error('cannot work out the node of an agent; it gets no new entries and keeps the ones it has', {
          agent: agentId,
          role: role.name,
          problem: entries.problem,
        });
      });
      continue;
    }
    agents++;
    for (const entry of entries.entries) wanted.set(entry.id, entry);
  }
  options.facts.retain(new Set(agentsById.keys()));

  // 4. The difference.
  const deletes: Entry[] = [];
  for (const [id, entry] of own) {
    if (wanted.has(id)) continue;
    const parts = parseNodeEntryId(prefix, id);
    if (parts === undefined) {
      notices.notice(`bad-node-id:${id}`, () => {
        log.warn('leaving an entry in the registrar namespace whose ID it did not make', { entry: id });
      });
      continue;
    }
    if (invalidRoles.has(parts.role) || keptAgents.has(parts.agentKey)) continue;
    deletes.push(entry);
  }
  const creates: WantedEntry[] = [];
  const updates: WantedEntry[] = [];
  for (const [id, entry] of wanted) {
    const existing = own.get(id);
    if (existing === undefined) creates.push(entry);
    else if (differs(existing, entry)) updates.push(entry);
  }

  let created = 0;
  let alreadyExisted = 0;
  let updated = 0;
  let deleted = 0;
  let failed = 0;
  let foreign = 0;
  const failure = (verb: string, id: string, error: CoreError): void => {
    failed++;
    log.error(`could not ${verb} an entry; retrying next cycle`, { entry: id, error: error.message });
  };

  for (const entry of deletes)
    log.info(dryRun ? 'would delete entry' : 'deleting entry', {
      entry: entry.id,
      spiffeId: entry.spiffeId,
      agent: entry.parentId,
    });
  for (const entry of creates)
    log.info(dryRun ? 'would create entry' : 'creating entry', {
      entry: entry.id,
      spiffeId: entry.spiffeId,
      agent: entry.parentId,
    });
  for (const entry of updates)
    log.info(dryRun ? 'would update entry' : 'updating entry', {
      entry: entry.id,
      spiffeId: entry.spiffeId,
      fields: changedFields(own.get(entry.id), entry),
    });

  if (!dryRun) {
    if (deletes.length > 0) {
      const results = await api.entries.batchDelete(
        deletes.map((e) => e.id),
        call,
      );
      results.forEach((result, i) => {
        const id = deletes[i]?.id ?? '';
        // NOT_FOUND: another registrar deleted it first.
        if (result.ok || isCoreError(result.error, 'SPIRE_API_NOT_FOUND')) deleted++;
        else failure('delete', id, result.error);
      });
    }
    if (creates.length > 0) {
      const results = await api.entries.batchCreate(creates, call);
      results.forEach((result, i) => {
        const wantedEntry = creates[i];
        if (wantedEntry === undefined) return;
        if (result.ok) {
          created++;
          return;
        }
        if (!isCoreError(result.error, 'SPIRE_API_ALREADY_EXISTS')) {
          failure('create', wantedEntry.id, result.error);
          return;
        }
        // ALREADY_EXISTS: either the same ID (another registrar won the race; any difference is fixed
        // by the next cycle's update), or a "similar" entry (same SPIFFE ID, parent and selectors)
        // under another ID, which SPIRE returns.
        const existing = result.error.details.existingEntry as Entry | undefined;
        if (existing === undefined || existing.id === wantedEntry.id || isNodeEntryId(prefix, existing.id)) {
          alreadyExisted++;
          return;
        }
        foreign++;
        notices.notice(`foreign:${existing.id}`, () => {
          log.warn(
            'the node already has this identity from an entry the registrar does not own; leaving it',
            {
              entry: existing.id,
              spiffeId: existing.spiffeId,
              agent: existing.parentId,
            },
          );
        });
      });
    }
    if (updates.length > 0) {
      const results = await api.entries.batchUpdate(updates, { ...call, inputMask: MANAGED_FIELDS });
      results.forEach((result, i) => {
        const id = updates[i]?.id ?? '';
        if (result.ok) updated++;
        // NOT_FOUND: another registrar deleted it meanwhile (its agent went away); nothing to fix.
        else if (!isCoreError(result.error, 'SPIRE_API_NOT_FOUND')) failure('update', id, result.error);
      });
    }
  }

  notices.endCycle();
  return {
    ...base,
    roles: roles.map((r) => r.name).sort(),
    agents,
    skippedAgents,
    wanted: wanted.size,
    created: dryRun ? creates.length : created,
    alreadyExisted,
    updated: dryRun ? updates.length : updated,
    deleted: dryRun ? deletes.length : deleted,
    failed,
    foreign,
  };
}

function empty(base: { invalidRoles: string[]; dryRun: boolean }): Omit<CycleReport, 'roles' | 'refused'> {
  return {
    ...base,
    agents: 0,
    skippedAgents: [],
    wanted: 0,
    created: 0,
    alreadyExisted: 0,
    updated: 0,
    deleted: 0,
    failed: 0,
    foreign: 0,
  };
}

/** Returns the entries of `agent`'s node under `role`, or why they cannot be made. */
async function entriesFor(
  agent: Agent,
  role: RoleRule,
  options: ReconcileOptions,
): Promise<{ entries: WantedEntry[] } | { problem: string }> {
  const resolved = await options.facts.resolve(agent, role);
  if (!resolved.ok) return { problem: resolved.problem };
  const { facts } = resolved;
  const entries: WantedEntry[] = [];
  for (const component of role.components) {
    const segments = ['k8s', role.cluster, 'node', facts.fqdn, component.name];
    if (component.withIp) {
      if (facts.ip === undefined) return { problem: `component ${component.name} needs the node's ip` };
      segments.push(facts.ip);
    }
    let spiffeId: string;
    try {
      spiffeId = SpiffeId.fromSegments(options.trustDomain, ...segments).toString();
    } catch (err) {
      return {
        problem: `SPIFFE ID of component ${component.name}: ${err instanceof Error ? err.message : String(err)}`,
      };
    }
    const dnsNames: string[] = [];
    for (const template of component.dnsNames) {
      const rendered = renderTemplate(template, facts.lookup);
      if ('missing' in rendered)
        return {
          problem: `component ${component.name}: DNS name ${JSON.stringify(template.text)} has no value for a placeholder`,
        };
      const problem = dnsNameProblem(rendered.text);
      if (problem !== undefined)
        return {
          problem: `component ${component.name}: DNS name ${JSON.stringify(rendered.text)} is invalid (${problem})`,
        };
      if (!dnsNames.includes(rendered.text)) dnsNames.push(rendered.text);
    }
    entries.push({
      id: nodeEntryId(options.prefix, agent.id, role.name, component.name),
      spiffeId,
      parentId: agent.id,
      selectors: component.selectors,
      dnsNames,
      x509SvidTtl: component.x509SvidTtl,
      jwtSvidTtl: 0,
      hint: component.hint,
      admin: false,
      downstream: false,
      federatesWith: [],
      expiresAt: 0,
      storeSvid: false,
    });
  }
  return { entries };
}

function hasAll(have: readonly Selector[], wanted: readonly Selector[]): boolean {
  const keys = new Set(have.map((s) => `${s.type}:${s.value}`));
  return wanted.every((s) => keys.has(`${s.type}:${s.value}`));
}

function selectorSet(selectors: readonly Selector[]): string {
  return selectors
    .map((s) => `${s.type}:${s.value}`)
    .sort()
    .join('\n');
}

/** Returns the managed fields whose values differ. */
export function changedFields(existing: Entry | undefined, wanted: WantedEntry): EntryField[] {
  if (existing === undefined) return [...MANAGED_FIELDS];
  const changed: EntryField[] = [];
  if (existing.spiffeId !== wanted.spiffeId) changed.push('spiffeId');
  if (existing.parentId !== wanted.parentId) changed.push('parentId');
  if (selectorSet(existing.selectors) !== selectorSet(wanted.selectors)) changed.push('selectors');
  if (existing.dnsNames.join('\n') !== (wanted.dnsNames ?? []).join('\n')) changed.push('dnsNames');
  if (existing.x509SvidTtl !== (wanted.x509SvidTtl ?? 0)) changed.push('x509SvidTtl');
  if (existing.jwtSvidTtl !== (wanted.jwtSvidTtl ?? 0)) changed.push('jwtSvidTtl');
  if (existing.hint !== (wanted.hint ?? '')) changed.push('hint');
  if (existing.admin !== (wanted.admin ?? false)) changed.push('admin');
  if (existing.downstream !== (wanted.downstream ?? false)) changed.push('downstream');
  if ([...existing.federatesWith].sort().join(',') !== [...(wanted.federatesWith ?? [])].sort().join(','))
    changed.push('federatesWith');
  if (existing.expiresAt !== (wanted.expiresAt ?? 0)) changed.push('expiresAt');
  if (existing.storeSvid !== (wanted.storeSvid ?? false)) changed.push('storeSvid');
  return changed;
}

function differs(existing: Entry, wanted: WantedEntry): boolean {
  return changedFields(existing, wanted).length > 0;
}
