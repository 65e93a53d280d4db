// The whole policy in one `terraform apply`: the documented spire_node_role example
// (terraform/examples/resources/spire_node_role) applied by the real terraform CLI with the provider from
// source, against SPIRE (the test double unless SPIRE_SERVER_BIN/SPIRE_AGENT_BIN select real SPIRE). The
// registrar then reads every role as valid; with attested nodes (test double only: real SPIRE here
// attests one join-token agent, which has no selectors) each node gets its entries, and `terraform
// destroy` makes the registrar remove them.
import t from 'tap';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Ec2Lookup } from '../../../registrar/facts.js';
import {
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
    const apiserverClient = on(master).find((e) => e.spiffeId.includes('/etcd-k8s-client/'));
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
