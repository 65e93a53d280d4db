// The data sources end to end: spire_bundle, spire_entries and spire_agents read through real terraform
// and the real provider hold what SPIRE (the test double unless SPIRE_SERVER_BIN/SPIRE_AGENT_BIN are
// set) holds; a bad filter fails at plan time on its configuration line.
import t from 'tap';
import {
  TD,
  header,
  localProvider,
  skipWithoutTerraform,
  startBackend,
  workspace,
} from './harness/spire-provider.js';

// Terraform starts the provider about three times per command.
t.setTimeout(300_000);

interface ListedEntry {
  id: string;
  spiffe_id: string;
  parent_id: string;
  selectors: string[];
  dns_names: string[];
  hint: string;
  admin: boolean;
  created_at: string;
  additional_attributes: { disable_x509_svid_prefetch: boolean };
}

t.test('data sources against terraform', { skip: skipWithoutTerraform }, async (t) => {
  const backend = await startBackend(t);
  const { client, sim } = backend;
  const ws = workspace(t);
  const node = `spiffe://${TD}/node/data-sources`;
  const created = await client.entries.batchCreate([
    {
      spiffeId: `spiffe://${TD}/web`,
      parentId: node,
      selectors: [
        { type: 'unix', value: 'uid:1000' },
        { type: 'unix', value: 'gid:1000' },
      ],
      dnsNames: ['web.example.org'],
      hint: 'web',
      admin: true,
    },
    { spiffeId: `spiffe://${TD}/db`, parentId: node, selectors: [{ type: 'unix', value: 'uid:1001' }] },
    {
      spiffeId: `spiffe://${TD}/elsewhere`,
      parentId: `spiffe://${TD}/node/other`,
      selectors: [{ type: 'unix', value: 'uid:1000' }],
    },
  ]);
  t.ok(
    created.every((r) => r.ok),
    'entries created through the API',
  );
  const etcdAgent = `spiffe://${TD}/spire/agent/aws_iid/123/eu-west-1/i-0abc`;
  if (sim !== undefined) {
    await sim.controls.attestAgent({
      spiffeId: etcdAgent,
      attestationType: 'aws_iid',
      selectors: [
        { type: 'aws_iid', value: 'tag:role:etcd' },
        { type: 'aws_iid', value: 'region:eu-west-1' },
      ],
      canReattest: true,
    });
  }

  await t.test('a malformed selector filter fails at plan time on its line', async (t) => {
    ws.write(`${header}${localProvider(backend)}
data "spire_entries" "bad" {
  selectors = ["unix"]
}
`);
    const plan = await ws.run(['plan']);
    t.equal(plan.code, 1);
    t.match(
      plan.stderr.replace(/\s+/g, ' '),
      'on main.tf line 11, in data "spire_entries" "bad": 11: selectors = ["unix"] element 0: must be a selector "type:value" with a non-empty type',
    );
  });

  await t.test('the values are what SPIRE holds', async (t) => {
    ws.write(`${header}${localProvider(backend)}
data "spire_bundle" "own" {}
data "spire_entries" "node" {
  parent_id = "${node}"
}
data "spire_entries" "uid_1000" {
  selectors = ["unix:uid:1000"]
}
data "spire_entries" "exact" {
  selectors      = ["unix:uid:1000"]
  selector_match = "exact"
}
data "spire_agents" "all" {}
data "spire_agents" "etcd" {
  selectors = ["aws_iid:tag:role:etcd"]
}
output "bundle" { value = data.spire_bundle.own }
output "node_entries" { value = data.spire_entries.node.entries }
output "uid_1000" { value = data.spire_entries.uid_1000.entries[*].spiffe_id }
output "exact" { value = data.spire_entries.exact.entries[*].spiffe_id }
output "agents" { value = data.spire_agents.all.agents }
output "etcd" { value = data.spire_agents.etcd.agents[*].id }
`);
    const apply = await ws.run(['apply', '-auto-approve']);
    t.equal(apply.code, 0, apply.stderr);
    const out = await ws.run(['output', '-json']);
    t.equal(out.code, 0, out.stderr);
    const outputs = JSON.parse(out.stdout) as Record<string, { value: unknown }>;
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- a typed view of JSON
    const value = <T>(name: string): T => outputs[name]?.value as T;

    const own = await client.bundles.getBundle();
    const bundle = value<{
      trust_domain: string;
      x509_pem: string;
      sequence_number: number;
      spiffe_bundle_json: string;
      jwt_authorities: { key_id: string }[];
    }>('bundle');
    t.equal(bundle.trust_domain, TD);
    t.equal(bundle.x509_pem.trim(), backend.spire.bundlePem.trim(), 'x509_pem is the server bundle');
    t.equal(bundle.sequence_number, own.sequenceNumber);
    t.same(
      bundle.jwt_authorities.map((k) => k.key_id),
      own.jwtAuthorities.map((k) => k.keyId),
    );
    t.equal(
      (JSON.parse(bundle.spiffe_bundle_json) as { keys: unknown[] }).keys.length,
      own.x509Authorities.length + own.jwtAuthorities.length,
    );

    const entries = value<ListedEntry[]>('node_entries');
    const listed = await client.entries.listAll({ filter: { byParentId: node } });
    t.same(
      entries.map((e) => e.id),
      listed.map((e) => e.id),
      'the entries under the node, in server order',
    );
    t.match(entries[0], {
      spiffe_id: `spiffe://${TD}/web`,
      parent_id: node,
      selectors: ['unix:uid:1000', 'unix:gid:1000'],
      dns_names: ['web.example.org'],
      hint: 'web',
      admin: true,
      additional_attributes: { disable_x509_svid_prefetch: false },
    });
    t.match(entries[0]?.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    t.same(
      value<string[]>('uid_1000').sort(),
      [`spiffe://${TD}/elsewhere`, `spiffe://${TD}/web`],
      'superset by default',
    );
    t.same(value<string[]>('exact'), [`spiffe://${TD}/elsewhere`], 'exact');

    const agents = value<{ id: string; attestation_type: string; serial_number: string }[]>('agents');
    const known = await client.agents.listAll();
    t.same(
      agents.map((a) => a.id),
      known.map((a) => a.id),
      'every agent',
    );
    t.same(
      agents.map((a) => a.serial_number),
      known.map((a) => a.x509SvidSerialNumber),
    );
    t.ok(
      agents.some((a) => a.id === backend.parent && a.attestation_type === 'join_token'),
      'the agent startSpire attested',
    );
    if (sim !== undefined) t.same(value<string[]>('etcd'), [etcdAgent], 'filtered by node selector');

    const plan = await ws.run(['plan', '-detailed-exitcode']);
    t.equal(plan.code, 0, 'no changes');
  });
});
