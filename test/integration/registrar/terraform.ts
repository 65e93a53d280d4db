// The whole policy in one `terraform apply`: the documented spire_node_role example
// (terraform/examples/resources/spire_node_role) applied by the real terraform CLI with the provider from
// source, against SPIRE (the test double unless SPIRE_SERVER_BIN/SPIRE_AGENT_BIN select real SPIRE). The
// registrar then reads every role as valid; with attested nodes (test double only: real SPIRE here
// attests one join-token agent, which has no selectors) each node gets its entries, and `terraform
// destroy` makes the registrar remove them.
import t from 'tap';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ec2Lookup } from '../../../registrar/facts.js';
import {
  header,
  localProvider,
  skipWithoutTerraform,
  startBackend,
  workspace,
} from '../provider/harness/spire-provider.js';
import {
  TD,
  attestationOf,
  instance,
  nodeEntries,
  registrarOn,
} from '../../unit/registrar/fixtures/world.js';

// Terraform starts the provider about three times per command.
t.setTimeout(120_000);

const example = fileURLToPath(
  new URL('../../../terraform/examples/resources/spire_node_role/resource.tf', import.meta.url),
);

// What EC2 DescribeInstances would answer for the example's {ec2:…} placeholders.
const ec2: Ec2Lookup = {
  describeInstance(region, instanceId) {
    const n = Number.parseInt(instanceId.slice(-2), 16);
    return Promise.resolve({
      instanceId,
      privateDnsName: `ip-10-0-0-${n}.${region}.compute.internal`,
      privateIp: `10.0.0.${n}`,
    });
  },
};

t.test(
  'spire_node_role example applied with terraform, then served by the registrar',
  { skip: skipWithoutTerraform },
  async (t) => {
    const backend = await startBackend(t);
    const { sim, client } = backend;
    const socket = backend.spire.servers[0]!.socketPath;
    const ws = workspace(t);
    copyFileSync(example, join(ws.dir, 'resource.tf'));
    ws.write(localProvider(backend));

    const apply = await ws.run(['apply', '-auto-approve']);
    t.equal(apply.code, 0, apply.stderr);
    t.match(apply.stdout, /Apply complete! Resources: 4 added/);
    const plan = await ws.run(['plan', '-detailed-exitcode']);
    t.equal(plan.code, 0, `a second plan is empty: ${plan.stdout}${plan.stderr}`);

    const registrar = registrarOn(t, socket, { ec2 });
    const report = await registrar.cycle();
    t.same(report.roles, ['prod-bastion', 'prod-etcd', 'prod-master', 'prod-worker'], 'every role is valid');
    t.same(report.invalidRoles, []);

    if (sim === undefined) {
      t.comment(
        'real SPIRE: no aws_iid-attested nodes to register; the rest runs against the test double only',
      );
      return;
    }
    const worker = await sim.controls.attestAgent(attestationOf(instance('i-0000000000000000a', 'worker')));
    const master = await sim.controls.attestAgent(attestationOf(instance('i-0000000000000000b', 'master')));
    const etcd = await sim.controls.attestAgent(
      attestationOf(instance('i-0000000000000000c', 'etcd', { Name: 'etcd-1' })),
    );
    const created = await registrar.cycle();
    t.match(created, { agents: 3, created: 3 + 9 + 2, failed: 0 });
    const entries = await nodeEntries(client);
    const on = (agent: { spiffeId: string }) => entries.filter((e) => e.parentId === agent.spiffeId);
    t.same(
      on(worker)
        .map((e) => e.spiffeId)
        .sort(),
      [
        `spiffe://${TD}/k8s/prod/node/ip-10-0-0-10.eu-west-1.compute.internal/etcd-overlay-client/10.0.0.10`,
        `spiffe://${TD}/k8s/prod/node/ip-10-0-0-10.eu-west-1.compute.internal/kube-proxy`,
        `spiffe://${TD}/k8s/prod/node/ip-10-0-0-10.eu-west-1.compute.internal/kubelet`,
      ],
    );
    const apiserverClient = on(master).find((e) => e.spiffeId.includes('/etcd-apiserver/'));
    t.equal(apiserverClient?.hint, 'etcd-apiserver', "the hint spire-helper's preset selects by");
    t.same(apiserverClient?.dnsNames, ['ip-10-0-0-11.prod.tarmak.local']);
    const etcdServer = on(etcd).find((e) => e.spiffeId.includes('/etcd-k8s/'));
    t.same(etcdServer?.dnsNames, ['etcd-1.prod.tarmak.local', 'ip-10-0-0-12.eu-west-1.compute.internal']);

    const destroy = await ws.run(['destroy', '-auto-approve']);
    t.equal(destroy.code, 0, destroy.stderr);
    t.match(await registrar.cycle(), { roles: [], deleted: 14 });
    t.same(await nodeEntries(client), [], 'no role, no node entries');
  },
);

const tarmakAwsNodeRoles = fileURLToPath(
  new URL('../../../terraform/examples/tarmak-aws/node-roles.tf', import.meta.url),
);

// The production example's role rules (terraform/examples/tarmak-aws/node-roles.tf), with what AWS and
// the rest of that example would supply given as literals: the node groups' IAM role ARNs, and no wait on
// the spire_cluster check (which needs the EC2 servers).
t.test(
  'tarmak-aws node-roles.tf applied with terraform: each node of each group gets its own entries',
  { skip: skipWithoutTerraform },
  async (t) => {
    const backend = await startBackend(t);
    const { sim, client } = backend;
    const socket = backend.spire.servers[0]!.socketPath;
    const ws = workspace(t);
    const roleArn = (group: string) => `arn:aws:iam::111111111111:role/prod-${group}`;
    const nodeRoles = readFileSync(tarmakAwsNodeRoles, 'utf8');
    t.match(nodeRoles, /depends_on = \[data\.spire_cluster\.this\]/, 'the example waits for the cluster');
    writeFileSync(
      join(ws.dir, 'node-roles.tf'),
      nodeRoles.replace(/\n\s*depends_on = \[data\.spire_cluster\.this\]\n/, '\n'),
    );
    ws.write(
      `${header}\n${localProvider(backend)}
variable "cluster_name" {
  default = "prod"
}
variable "private_zone_name" {
  default = "tarmak.local"
}
variable "node_groups" {
  default = { etcd = {}, master = {}, worker = {} }
}
locals {
  node_instance_role_arns = { for g in keys(var.node_groups) : g => "arn:aws:iam::111111111111:role/prod-\${g}" }
}
`,
    );
    const apply = await ws.run(['apply', '-auto-approve']);
    t.equal(apply.code, 0, apply.stderr);
    t.match(apply.stdout, /Apply complete! Resources: 3 added/);

    const registrar = registrarOn(t, socket, { ec2 });
    const report = await registrar.cycle();
    t.same(report.roles, ['prod-etcd', 'prod-master', 'prod-worker'], 'every role is valid');
    if (sim === undefined) {
      t.comment(
        'real SPIRE: no aws_iid-attested nodes to register; the rest runs against the test double only',
      );
      return;
    }
    const inGroup = (id: string, group: string, tags: Record<string, string> = {}) =>
      attestationOf({
        ...instance(id, group, { 'tarmak.io/cluster': 'prod', ...tags }),
        iamRoles: [roleArn(group)],
      });
    const worker = await sim.controls.attestAgent(inGroup('i-0000000000000000a', 'worker'));
    const master = await sim.controls.attestAgent(inGroup('i-0000000000000000b', 'master'));
    const etcd = await sim.controls.attestAgent(inGroup('i-0000000000000000c', 'etcd'));
    // Same tags as a worker, but another group's instance profile: not a worker.
    const impostor = await sim.controls.attestAgent(
      attestationOf({
        ...instance('i-0000000000000000d', 'worker', { 'tarmak.io/cluster': 'prod' }),
        iamRoles: ['arn:aws:iam::111111111111:role/some-other-role'],
      }),
    );
    t.match(await registrar.cycle(), { created: 3 + 9 + 2, failed: 0 });
    const entries = await nodeEntries(client);
    const on = (agent: { spiffeId: string }) => entries.filter((e) => e.parentId === agent.spiffeId);
    t.same(
      on(worker)
        .map((e) => e.spiffeId)
        .sort(),
      [
        `spiffe://${TD}/k8s/prod/node/ip-10-0-0-10.eu-west-1.compute.internal/etcd-overlay-client/10.0.0.10`,
        `spiffe://${TD}/k8s/prod/node/ip-10-0-0-10.eu-west-1.compute.internal/kube-proxy`,
        `spiffe://${TD}/k8s/prod/node/ip-10-0-0-10.eu-west-1.compute.internal/kubelet`,
      ],
    );
    t.same(on(impostor), [], 'an instance without the group’s IAM role gets nothing');
    t.equal(on(master).length, 9, 'a master gets the nine Tarmak master certificates');
    const apiserver = on(master).find((e) => e.spiffeId.includes('/kube-apiserver/'));
    t.same(apiserver?.dnsNames, ['api.prod.tarmak.local']);
    t.equal(apiserver?.hint, 'kube-apiserver', 'the hint is the preset name');
    const etcdServer = on(etcd).find((e) => e.spiffeId.includes('/etcd-k8s/'));
    t.same(etcdServer?.dnsNames, [
      'ip-10-0-0-12.prod.tarmak.local',
      'ip-10-0-0-12.eu-west-1.compute.internal',
    ]);
  },
);
