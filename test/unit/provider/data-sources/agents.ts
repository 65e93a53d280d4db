// spire_agents in-process against the SPIRE test double: filters reach ListAgents and every agent
// field is mapped.
import t from 'tap';
import { agentsDataSource } from '../../../../provider/data-sources/agents.js';
import type { Value } from '../../../../provider/framework/value.js';
import { attr, describe, startDriver } from './fixtures/drive.js';

type Listed = { id: string } & Record<string, unknown>;

t.test('validation at plan time, with attribute paths', async (t) => {
  const d = await startDriver(t);
  const rows: { name: string; values: Record<string, Value>; path: string; match: RegExp }[] = [
    {
      name: 'selectors are type:value',
      values: { selectors: [':x'] },
      path: 'selectors',
      match: /non-empty type/,
    },
    {
      name: 'an empty selector set is refused',
      values: { selectors: [] },
      path: 'selectors',
      match: /at least one selector/,
    },
    {
      name: 'selector_match needs selectors',
      values: { selector_match: 'exact' },
      path: 'selector_match',
      match: /set selectors too/,
    },
    {
      name: 'attestation_type is not empty',
      values: { attestation_type: '' },
      path: 'attestation_type',
      match: /between 1 and/,
    },
  ];
  for (const row of rows) {
    const lines = describe(d.validateDataSource(agentsDataSource, d.config(agentsDataSource, row.values)));
    t.equal(lines.length, 1, `${row.name}: one error (${lines.join('; ')})`);
    t.match(lines[0], row.match, row.name);
    t.match(lines[0], new RegExp(`@ ${row.path}$`), `${row.name}: points at ${row.path}`);
  }
});

t.test('filters reach ListAgents and every field is mapped', async (t) => {
  const d = await startDriver(t);
  d.sim.ds.putJoinToken({ value: 'tok1', expiresAt: Math.floor(Date.now() / 1000) + 600 });
  await d.sim.controls.attestAgent({ joinToken: 'tok1' });
  await d.sim.controls.attestAgent({
    spiffeId: 'spiffe://example.org/spire/agent/aws_iid/1/eu/i-1',
    attestationType: 'aws_iid',
    selectors: [
      { type: 'aws_iid', value: 'tag:role:etcd' },
      { type: 'aws_iid', value: 'region:eu' },
    ],
    canReattest: true,
  });
  await d.sim.controls.attestAgent({
    spiffeId: 'spiffe://example.org/spire/agent/aws_iid/1/eu/i-2',
    attestationType: 'aws_iid',
    selectors: [{ type: 'aws_iid', value: 'tag:role:worker' }],
    canReattest: true,
  });
  await d.client.agents.ban('spiffe://example.org/spire/agent/aws_iid/1/eu/i-2');

  const ids = async (values: Record<string, Value>): Promise<string[]> => {
    const read = await d.readData(agentsDataSource, d.config(agentsDataSource, values));
    t.same(describe(read.diagnostics), [], JSON.stringify(values));
    return (attr(read.state, 'agents') as Listed[]).map((a) => a.id);
  };
  const joinAgent = 'spiffe://example.org/spire/agent/join_token/tok1';
  const etcd = 'spiffe://example.org/spire/agent/aws_iid/1/eu/i-1';
  const worker = 'spiffe://example.org/spire/agent/aws_iid/1/eu/i-2';
  t.same(await ids({}), [joinAgent, etcd, worker], 'no filter: every agent');
  t.same(await ids({ attestation_type: 'join_token' }), [joinAgent], 'by attestation_type');
  t.same(await ids({ selectors: ['aws_iid:tag:role:etcd'] }), [etcd], 'selectors default to superset');
  t.same(await ids({ selectors: ['aws_iid:tag:role:etcd'], selector_match: 'exact' }), [], 'exact');
  t.same(await ids({ banned: true }), [worker], 'by banned');
  t.same(await ids({ can_reattest: false }), [joinAgent], 'by can_reattest');

  const read = await d.readData(
    agentsDataSource,
    d.config(agentsDataSource, { attestation_type: 'aws_iid' }),
  );
  const [first, second] = attr(read.state, 'agents') as Listed[];
  const stored = d.sim.ds.getAgent(etcd);
  t.match(first, {
    id: etcd,
    attestation_type: 'aws_iid',
    serial_number: stored?.x509svid_serial_number,
    expires_at: new Date((stored?.x509svid_expires_at ?? 0) * 1000).toISOString().replace('.000Z', 'Z'),
    selectors: ['aws_iid:tag:role:etcd', 'aws_iid:region:eu'],
    banned: false,
    can_reattest: true,
    agent_version: '',
  });
  t.match(second, { id: worker, banned: true, serial_number: '' });
});
