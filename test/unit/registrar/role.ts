// Role records: what spire_node_role writes is what the registrar reads (the Terraform → registrar
// contract), and a record the registrar cannot fully understand is rejected whole, naming each problem.
import t from 'tap';
import { TrustDomain } from '../../../src/core/spiffeid/index.js';
import type { Entry, Selector } from '../../../src/core/spireapi/index.js';
import { roleFromRecord, type RoleRecord } from '../../../registrar/role.js';
import { modelFieldsOfRecord, roleRecordEntry } from '../../../provider/resources/node-role.js';
import { PREFIX, workerRole, type RoleModel } from './fixtures/world.js';

const td = TrustDomain.parse('example.org');

function asEntry(model: RoleModel, edit: (selectors: Selector[]) => Selector[] = (s) => s): Entry {
  const input = roleRecordEntry(td.idString(), PREFIX, model);
  return {
    id: input.id,
    spiffeId: input.spiffeId,
    parentId: input.parentId,
    selectors: edit([...input.selectors]),
    x509SvidTtl: 0,
    jwtSvidTtl: 0,
    federatesWith: [],
    admin: false,
    downstream: false,
    expiresAt: 0,
    dnsNames: [],
    revisionNumber: 0,
    storeSvid: false,
    hint: '',
    createdAt: 0,
  };
}

function read(entry: Entry): RoleRecord {
  const record = roleFromRecord(entry, { prefix: PREFIX, trustDomain: td });
  if (record === undefined) throw new Error('not a role record');
  return record;
}

const master = workerRole({
  name: 'master',
  agent_selectors: ['aws_iid:tag:tarmak_role:master', 'aws_iid:account_id:111111111111'],
  fqdn: '{ec2:private_dns_name}',
  ip: '{ec2:private_ip}',
  components: {
    'kube-apiserver': {
      selectors: ['systemd:id:kube-apiserver.service', 'unix:uid:0'],
      dns_names: ['api.{cluster}.example', 'kubernetes', '{fqdn}'],
      with_ip: true,
      x509_svid_ttl: 3600,
      hint: null,
    },
    admin: {
      selectors: ['unix:uid:0'],
      dns_names: null,
      with_ip: null,
      x509_svid_ttl: null,
      hint: 'kube-admin',
    },
  },
});

t.test('the registrar reads back exactly the rule the provider wrote', (t) => {
  const record = read(asEntry(master));
  if (!record.ok) throw new Error(record.problems.join('; '));
  const { role } = record;
  t.equal(role.name, 'master');
  t.equal(role.cluster, 'prod');
  t.equal(role.fqdn.text, '{ec2:private_dns_name}');
  t.equal(role.ip?.text, '{ec2:private_ip}');
  t.same(role.agentSelectors, [
    { type: 'aws_iid', value: 'account_id:111111111111' },
    { type: 'aws_iid', value: 'tag:tarmak_role:master' },
  ]);
  t.same(
    role.components.map((c) => ({
      name: c.name,
      selectors: c.selectors,
      dns: c.dnsNames.map((d) => d.text),
      withIp: c.withIp,
      ttl: c.x509SvidTtl,
      hint: c.hint,
    })),
    [
      {
        name: 'admin',
        selectors: [{ type: 'unix', value: 'uid:0' }],
        dns: [],
        withIp: false,
        ttl: 0,
        hint: 'kube-admin',
      },
      {
        name: 'kube-apiserver',
        selectors: [
          { type: 'systemd', value: 'id:kube-apiserver.service' },
          { type: 'unix', value: 'uid:0' },
        ],
        dns: ['api.{cluster}.example', 'kubernetes', '{fqdn}'],
        withIp: true,
        ttl: 3600,
        hint: 'kube-apiserver',
      },
    ],
    'DNS names keep their order',
  );
  t.end();
});

t.test('the provider reads its own record back into the same model (no false drift)', (t) => {
  const fields = modelFieldsOfRecord(asEntry(master).selectors);
  t.same(fields, {
    cluster: master.cluster,
    fqdn: master.fqdn,
    ip: master.ip,
    agent_selectors: [...master.agent_selectors].sort(),
    components: {
      'kube-apiserver': {
        ...master.components['kube-apiserver'],
        selectors: ['systemd:id:kube-apiserver.service', 'unix:uid:0'],
      },
      admin: master.components.admin,
    },
  });
  t.end();
});

t.test('each value fits one selector: no value holds more than one fact', (t) => {
  const entry = asEntry(master);
  for (const selector of entry.selectors) t.equal(selector.type, 'node-registrar', selector.value);
  t.ok(entry.selectors.some((s) => s.value === 'format:1'));
  t.end();
});

t.test('a record with any problem is rejected whole, each problem named', (t) => {
  const drop = (value: string) => (s: Selector[]) => s.filter((x) => x.value !== value);
  const add =
    (value: string, type = 'node-registrar') =>
    (s: Selector[]) => [...s, { type, value }];
  const rows: { name: string; entry: Entry; problem: RegExp }[] = [
    {
      name: 'a newer format',
      entry: asEntry(master, (s) => [...drop('format:1')(s), { type: 'node-registrar', value: 'format:2' }]),
      problem: /format 2; this registrar reads format 1/,
    },
    { name: 'no format', entry: asEntry(master, drop('format:1')), problem: /"format" is missing/ },
    { name: 'no cluster', entry: asEntry(master, drop('cluster:prod')), problem: /"cluster" is missing/ },
    {
      name: 'two clusters',
      entry: asEntry(master, add('cluster:dev')),
      problem: /"cluster" is given 2 times/,
    },
    {
      name: 'a cluster that is no path segment',
      entry: asEntry(master, (s) => [
        ...drop('cluster:prod')(s),
        { type: 'node-registrar', value: 'cluster:a/b' },
      ]),
      problem: /not a SPIFFE ID path segment/,
    },
    {
      name: 'no agent selector (it would match every agent)',
      entry: asEntry(master, (s) => s.filter((x) => !x.value.startsWith('agent:'))),
      problem: /would match every agent/,
    },
    { name: 'an unknown key', entry: asEntry(master, add('colour:blue')), problem: /unknown key "colour"/ },
    {
      name: 'an unknown component field',
      entry: asEntry(master, add('component:admin:mode:x')),
      problem: /unknown component field "mode"/,
    },
    {
      name: 'a selector of another type',
      entry: asEntry(master, add('uid:0', 'unix')),
      problem: /is not of type node-registrar/,
    },
    {
      name: 'a gap in DNS name numbers',
      entry: asEntry(master, drop('component:kube-apiserver:dns:1:kubernetes')),
      problem: /numbered 0 to 1/,
    },
    {
      name: 'a component without workload selector',
      entry: asEntry(master, add('component:etcd:with_ip:true')),
      problem: /component etcd has no workload selector/,
    },
    {
      name: 'with_ip without an ip template',
      entry: asEntry(master, drop('ip:{ec2:private_ip}')),
      problem: /with_ip, but the role has no ip template/,
    },
    {
      name: 'a bad template',
      entry: asEntry(master, add('component:admin:dns:0:{nodename}')),
      problem: /unknown placeholder \{nodename\}/,
    },
    {
      name: 'a bad TTL',
      entry: asEntry(master, add('component:admin:x509_svid_ttl:-5')),
      problem: /whole seconds/,
    },
    {
      name: 'another SPIFFE ID',
      entry: { ...asEntry(master), spiffeId: 'spiffe://example.org/node-registrar/role/other' },
      problem: /its SPIFFE ID is/,
    },
    {
      name: 'another parent (could be reachable by agents)',
      entry: { ...asEntry(master), parentId: 'spiffe://example.org/spire/server' },
      problem: /its parent ID is/,
    },
  ];
  for (const row of rows) {
    const record = read(row.entry);
    t.equal(record.ok, false, row.name);
    if (!record.ok) t.match(record.problems.join('\n'), row.problem, row.name);
  }
  t.end();
});

t.test('entries outside the role namespace are not role records', (t) => {
  const entry = asEntry(master);
  t.equal(roleFromRecord({ ...entry, id: 'tf-role.master' }, { prefix: PREFIX, trustDomain: td }), undefined);
  t.equal(
    roleFromRecord({ ...entry, id: `${PREFIX}node.x` }, { prefix: PREFIX, trustDomain: td }),
    undefined,
  );
  t.end();
});
