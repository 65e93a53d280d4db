// spire_node_role (provider/resources/node-role.ts) in-process against the SPIRE test double: plan-time
// validation with attribute paths, the record it writes (and that the registrar accepts), drift, update
// in place, delete and import. Kept beside the registrar's tests because the record is their contract.
import t from 'tap';
import { TrustDomain } from '../../../src/core/spiffeid/index.js';
import { formatPath, type Diagnostics, type Value } from '../../../provider/framework/index.js';
import { nodeRoleResource } from '../../../provider/resources/node-role.js';
import { roleFromRecord } from '../../../registrar/role.js';
import { attr, startDriver, text } from '../provider/data-sources/fixtures/drive.js';

function lines(diagnostics: Diagnostics): string[] {
  return diagnostics.items.map(
    (d) => `${d.severity} ${d.summary}: ${d.detail}${d.path === undefined ? '' : ` @ ${formatPath(d.path)}`}`,
  );
}

const kubelet = {
  selectors: ['systemd:id:kubelet.service'],
  dns_names: ['{fqdn}'],
  with_ip: null,
  x509_svid_ttl: null,
  hint: null,
};
const base: Record<string, Value> = {
  name: 'worker',
  cluster: 'prod',
  agent_selectors: ['aws_iid:tag:tarmak_role:worker'],
  fqdn: '{selector:aws_iid:instance:id}.{selector:aws_iid:region}.compute.internal',
  components: { kubelet },
};

t.test('validation at plan time, with attribute paths', async (t) => {
  const d = await startDriver(t);
  const rows: { name: string; values: Record<string, Value>; path: string; match: RegExp }[] = [
    { name: 'name is one ID part', values: { name: 'a.b' }, path: 'name', match: /letters, digits/ },
    {
      name: 'cluster is one path segment',
      values: { cluster: 'a/b' },
      path: 'cluster',
      match: /one SPIFFE ID path segment/,
    },
    {
      name: 'at least one agent selector',
      values: { agent_selectors: [] },
      path: 'agent_selectors',
      match: /at least one agent selector/,
    },
    {
      name: 'agent selectors are type:value',
      values: { agent_selectors: ['worker'] },
      path: 'agent_selectors',
      match: /must be "type:value"/,
    },
    { name: 'fqdn cannot use {fqdn}', values: { fqdn: '{fqdn}' }, path: 'fqdn', match: /not known yet here/ },
    {
      name: 'ip is a node template',
      values: { ip: '{ec2:public_ip}' },
      path: 'ip',
      match: /not an EC2 fact/,
    },
    {
      name: 'at least one component',
      values: { components: {} },
      path: 'components',
      match: /at least one component/,
    },
    {
      name: 'component names are ID parts',
      values: { components: { 'kube.let': kubelet } },
      path: 'components',
      match: /component name "kube.let"/,
    },
    {
      name: 'components need a workload selector',
      values: { components: { kubelet: { ...kubelet, selectors: [] } } },
      path: 'components["kubelet"].selectors',
      match: /at least one selector/,
    },
    {
      name: 'DNS templates use known placeholders',
      values: { components: { kubelet: { ...kubelet, dns_names: ['{nodename}'] } } },
      path: 'components["kubelet"].dns_names',
      match: /unknown placeholder \{nodename\}/,
    },
    {
      name: 'TTL is whole non-negative seconds',
      values: { components: { kubelet: { ...kubelet, x509_svid_ttl: -1, hint: null } } },
      path: 'components["kubelet"].x509_svid_ttl',
      match: /between 0 and/,
    },
    {
      name: 'with_ip needs an ip template',
      values: { components: { kubelet: { ...kubelet, with_ip: true } } },
      path: 'components["kubelet"].with_ip',
      match: /needs an ip template/,
    },
    {
      name: "a value must fit SPIRE's 255-byte selector column",
      values: { components: { kubelet: { ...kubelet, dns_names: [`${'a'.repeat(250)}.{fqdn}`] } } },
      path: '',
      match: /at most 255 bytes per selector value/,
    },
  ];
  for (const row of rows) {
    const found = lines(d.validate(nodeRoleResource, d.config(nodeRoleResource, { ...base, ...row.values })));
    t.equal(found.length, 1, `${row.name}: one error (${found.join('; ')})`);
    t.match(found[0], row.match, row.name);
    if (row.path === '') t.notMatch(found[0], / @ /, `${row.name}: no path`);
    else t.ok(found[0]?.endsWith(` @ ${row.path}`), `${row.name}: points at ${row.path} (${found[0] ?? ''})`);
  }
  t.same(
    lines(d.validate(nodeRoleResource, d.config(nodeRoleResource, base))),
    [],
    'the base configuration is valid',
  );
});

t.test('create writes a role record the registrar accepts, and read finds no drift', async (t) => {
  const d = await startDriver(t);
  const created = await d.apply(nodeRoleResource, null, d.config(nodeRoleResource, base));
  t.same(lines(created.diagnostics), []);
  t.equal(text(created.state, 'id'), 'node-registrar.role.worker');
  t.equal(text(created.state, 'spiffe_id'), 'spiffe://example.org/node-registrar/role/worker');
  t.equal(text(created.state, 'entry_id_prefix'), 'node-registrar.');

  const entry = await d.client.entries.get('node-registrar.role.worker');
  t.equal(entry.parentId, 'spiffe://example.org/node-registrar/roles');
  t.equal(entry.admin, false);
  const record = roleFromRecord(entry, {
    prefix: 'node-registrar.',
    trustDomain: TrustDomain.parse('example.org'),
  });
  t.equal(record?.ok, true, 'the registrar reads it as a valid role');

  const read = await d.read(nodeRoleResource, created.state);
  t.same(read.state, created.state, 'no drift');
  const replan = d.plan(nodeRoleResource, created.state, d.config(nodeRoleResource, base));
  t.same(replan.planned, created.state, 'a second plan is empty');
});

t.test(
  'a change made outside Terraform shows up as drift; apply writes the rule back in place',
  async (t) => {
    const d = await startDriver(t);
    const created = await d.apply(nodeRoleResource, null, d.config(nodeRoleResource, base));
    const entry = await d.client.entries.get('node-registrar.role.worker');
    await d.client.entries.batchUpdate(
      [
        {
          id: entry.id,
          selectors: entry.selectors.map((s) =>
            s.value === 'agent:aws_iid:tag:tarmak_role:worker'
              ? { ...s, value: 'agent:aws_iid:tag:tarmak_role:any' }
              : s,
          ),
        },
      ],
      { inputMask: ['selectors'] },
    );
    const read = await d.read(nodeRoleResource, created.state);
    t.same(
      attr(read.state, 'agent_selectors'),
      ['aws_iid:tag:tarmak_role:any'],
      'the read shows the changed selector',
    );
    const applied = await d.apply(nodeRoleResource, read.state, d.config(nodeRoleResource, base));
    t.same(applied.replace, [], 'updated in place');
    const after = await d.client.entries.get('node-registrar.role.worker');
    t.ok(after.selectors.some((s) => s.value === 'agent:aws_iid:tag:tarmak_role:worker'));
    t.equal(after.id, entry.id);
  },
);

t.test('changing components updates in place; changing the name replaces the record', async (t) => {
  const d = await startDriver(t);
  const created = await d.apply(nodeRoleResource, null, d.config(nodeRoleResource, base));
  const withProxy = {
    ...base,
    components: {
      kubelet,
      'kube-proxy': { ...kubelet, selectors: ['systemd:id:kube-proxy.service'], dns_names: null },
    },
  };
  const updated = await d.apply(nodeRoleResource, created.state, d.config(nodeRoleResource, withProxy));
  t.same(lines(updated.diagnostics), []);
  t.same(updated.replace, []);
  const entry = await d.client.entries.get('node-registrar.role.worker');
  t.ok(
    entry.selectors.some((s) => s.value === 'component:kube-proxy:selector:systemd:id:kube-proxy.service'),
  );
  const renamed = await d.apply(
    nodeRoleResource,
    updated.state,
    d.config(nodeRoleResource, { ...withProxy, name: 'node' }),
  );
  t.same(renamed.replace, ['name']);
  const ids = (await d.client.entries.listAll()).map((e) => e.id);
  t.same(ids, ['node-registrar.role.node']);
});

t.test(
  'destroy deletes the record; a record already gone is fine; read of a gone record drops it',
  async (t) => {
    const d = await startDriver(t);
    const created = await d.apply(nodeRoleResource, null, d.config(nodeRoleResource, base));
    const destroyed = await d.destroy(nodeRoleResource, created.state);
    t.same(lines(destroyed.diagnostics), []);
    t.same(await d.client.entries.listAll(), []);
    t.same(lines((await d.destroy(nodeRoleResource, created.state)).diagnostics), []);
    t.equal((await d.read(nodeRoleResource, created.state)).state, null);
  },
);

t.test('import by the record entry ID', async (t) => {
  const d = await startDriver(t);
  await d.apply(nodeRoleResource, null, d.config(nodeRoleResource, { ...base, entry_id_prefix: 'nr-' }));
  const imported = await d.importState(nodeRoleResource, 'nr-role.worker');
  t.same(lines(imported.diagnostics), []);
  t.equal(text(imported.state, 'name'), 'worker');
  t.equal(text(imported.state, 'entry_id_prefix'), 'nr-');
  t.equal(text(imported.state, 'fqdn'), base.fqdn as string);
  const replan = d.plan(
    nodeRoleResource,
    imported.state,
    d.config(nodeRoleResource, { ...base, entry_id_prefix: 'nr-' }),
  );
  t.same(replan.replace, [], 'the imported state matches the configuration');
  const bad = await d.importState(nodeRoleResource, 'worker');
  t.match(lines(bad.diagnostics).join('\n'), /must be a role record's entry ID/);
});
