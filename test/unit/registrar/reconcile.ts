// One reconciliation cycle against the SPIRE test double over its admin socket: which entries a node
// gets, when they go, what the registrar never touches, and how it fails static.
import t from 'tap';
import type { Test } from 'tap';
import { startSim, type Sim } from '../../sim/index.js';
import type { SpireServerClient } from '../../../src/core/spireapi/index.js';
import { agentKey, nodeEntryId } from '../../../registrar/ids.js';
import type { Ec2Lookup } from '../../../registrar/facts.js';
import {
  PREFIX,
  TD,
  attestationOf,
  captureLog,
  clientOn,
  fqdnOf,
  instance,
  nodeEntries,
  registrarOn,
  workerRole,
  writeRole,
} from './fixtures/world.js';

interface Rig {
  sim: Sim;
  client: SpireServerClient;
  socket: string;
}

async function rig(t: Test): Promise<Rig> {
  const sim = await startSim({ trustDomain: TD, dir: t.testdir() });
  t.teardown(() => sim.close());
  const socket = sim.servers[0]!.socketPath;
  return { sim, client: clientOn(t, socket), socket };
}

const nodeA = instance('i-0aaaaaaaaaaaaaaa1');
const nodeB = instance('i-0bbbbbbbbbbbbbbb2');

t.test('an agent of a role gets one entry per component, parented to its own agent ID', async (t) => {
  const { sim, client, socket } = await rig(t);
  await writeRole(client, workerRole());
  const a = await sim.controls.attestAgent(attestationOf(nodeA));
  const report = await registrarOn(t, socket).cycle();
  t.match(report, { roles: ['worker'], agents: 1, wanted: 2, created: 2, deleted: 0, failed: 0 });
  const entries = await nodeEntries(client);
  t.same(
    entries.map((e) => ({
      id: e.id,
      spiffeId: e.spiffeId,
      parentId: e.parentId,
      selectors: e.selectors,
      dnsNames: e.dnsNames,
      hint: e.hint,
    })),
    [
      {
        id: nodeEntryId(PREFIX, a.spiffeId, 'worker', 'kube-proxy'),
        spiffeId: `spiffe://${TD}/k8s/prod/node/${fqdnOf(nodeA)}/kube-proxy`,
        parentId: a.spiffeId,
        selectors: [{ type: 'systemd', value: 'id:kube-proxy.service' }],
        dnsNames: [],
        hint: 'kube-proxy',
      },
      {
        id: nodeEntryId(PREFIX, a.spiffeId, 'worker', 'kubelet'),
        spiffeId: `spiffe://${TD}/k8s/prod/node/${fqdnOf(nodeA)}/kubelet`,
        parentId: a.spiffeId,
        selectors: [{ type: 'systemd', value: 'id:kubelet.service' }],
        dnsNames: [fqdnOf(nodeA)],
        hint: 'kubelet',
      },
    ].sort((x, y) => (x.id < y.id ? -1 : 1)),
  );
  t.equal(
    entries[0]?.id.startsWith(`${PREFIX}node.${agentKey(a.spiffeId)}.worker.`),
    true,
    'ID under the prefix',
  );
});

t.test('a second cycle with nothing new changes nothing', async (t) => {
  const { sim, client, socket } = await rig(t);
  await writeRole(client, workerRole());
  await sim.controls.attestAgent(attestationOf(nodeA));
  const registrar = registrarOn(t, socket);
  await registrar.cycle();
  const before = await nodeEntries(client);
  sim.controls.resetCounts();
  const report = await registrar.cycle();
  t.match(report, { created: 0, updated: 0, deleted: 0, alreadyExisted: 0 });
  t.same(await nodeEntries(client), before, 'same entries, same revisions');
  const counts = sim.controls.rpcCounts();
  t.equal(counts.BatchCreateEntry ?? 0, 0);
  t.equal(counts.BatchUpdateEntry ?? 0, 0);
  t.equal(counts.BatchDeleteEntry ?? 0, 0);
});

t.test('agents without every role selector get nothing', async (t) => {
  const { sim, client, socket } = await rig(t);
  await writeRole(
    client,
    workerRole({ agent_selectors: ['aws_iid:tag:tarmak_role:worker', 'aws_iid:tag:tarmak_cluster:prod'] }),
  );
  await sim.controls.attestAgent(attestationOf(instance('i-0ccccccccccccccc3', 'master')));
  await sim.controls.attestAgent(
    attestationOf({ ...instance('i-0ddddddddddddddd4'), tags: { tarmak_role: 'worker' } }),
  );
  const token = 'join-token-value';
  sim.ds.putJoinToken({ value: token, expiresAt: Math.floor(Date.now() / 1000) + 60 });
  await sim.controls.attestAgent({ joinToken: token });
  const report = await registrarOn(t, socket).cycle();
  t.match(report, { agents: 0, wanted: 0, created: 0 });
  t.same(await nodeEntries(client), []);
});

t.test('an evicted agent loses its entries; other nodes keep theirs', async (t) => {
  const { sim, client, socket } = await rig(t);
  await writeRole(client, workerRole());
  const a = await sim.controls.attestAgent(attestationOf(nodeA));
  const b = await sim.controls.attestAgent(attestationOf(nodeB));
  const registrar = registrarOn(t, socket);
  await registrar.cycle();
  const bBefore = (await nodeEntries(client)).filter((e) => e.parentId === b.spiffeId);
  await client.agents.delete(a.spiffeId);
  const report = await registrar.cycle();
  t.match(report, { deleted: 2, created: 0, agents: 1 });
  const after = await nodeEntries(client);
  t.same(
    after.filter((e) => e.parentId === a.spiffeId),
    [],
  );
  t.same(after, bBefore, "node B's entries are untouched");
});

t.test('a banned agent loses its entries', async (t) => {
  const { sim, client, socket } = await rig(t);
  await writeRole(client, workerRole());
  const a = await sim.controls.attestAgent(attestationOf(nodeA));
  const registrar = registrarOn(t, socket);
  await registrar.cycle();
  await client.agents.ban(a.spiffeId);
  t.match(await registrar.cycle(), { deleted: 2 });
  t.same(await nodeEntries(client), []);
});

t.test('removing a component, or the whole role, deletes those entries', async (t) => {
  const { sim, client, socket } = await rig(t);
  const role = workerRole();
  await writeRole(client, role);
  const a = await sim.controls.attestAgent(attestationOf(nodeA));
  const registrar = registrarOn(t, socket);
  await registrar.cycle();
  const kubeletOnly = { kubelet: role.components.kubelet! };
  await writeRole(client, { ...role, components: kubeletOnly });
  t.match(await registrar.cycle(), { deleted: 1, created: 0 });
  t.same(
    (await nodeEntries(client)).map((e) => e.id),
    [nodeEntryId(PREFIX, a.spiffeId, 'worker', 'kubelet')],
  );
  await client.entries.batchDelete([`${PREFIX}role.worker`]);
  t.match(await registrar.cycle(), { roles: [], deleted: 1 });
  t.same(await nodeEntries(client), []);
});

t.test('a changed role rewrites the entries in place, keeping their IDs', async (t) => {
  const { sim, client, socket } = await rig(t);
  const role = workerRole();
  await writeRole(client, role);
  await sim.controls.attestAgent(attestationOf(nodeA));
  const registrar = registrarOn(t, socket);
  await registrar.cycle();
  const before = await nodeEntries(client);
  const kubelet = role.components.kubelet!;
  await writeRole(client, {
    ...role,
    components: {
      ...role.components,
      kubelet: {
        ...kubelet,
        dns_names: ['{fqdn}', '{hostname}.nodes.{cluster}.example'],
        x509_svid_ttl: 600,
        hint: null,
      },
    },
  });
  t.match(await registrar.cycle(), { updated: 1, created: 0, deleted: 0 });
  const after = await nodeEntries(client);
  t.same(
    after.map((e) => e.id),
    before.map((e) => e.id),
  );
  const updated = after.find((e) => e.hint === 'kubelet');
  t.same(updated?.dnsNames, [fqdnOf(nodeA), `${nodeA.instanceId}.nodes.prod.example`]);
  t.equal(updated?.x509SvidTtl, 600);
});

t.test('a field changed outside the registrar is put back (admin, TTL, selectors)', async (t) => {
  const { sim, client, socket } = await rig(t);
  await writeRole(client, workerRole());
  await sim.controls.attestAgent(attestationOf(nodeA));
  const registrar = registrarOn(t, socket);
  await registrar.cycle();
  const kubelet = (await nodeEntries(client)).find((e) => e.hint === 'kubelet')!;
  await client.entries.batchUpdate(
    [{ id: kubelet.id, admin: true, x509SvidTtl: 99999, selectors: [{ type: 'unix', value: 'uid:0' }] }],
    { inputMask: ['admin', 'x509SvidTtl', 'selectors'] },
  );
  t.match(await registrar.cycle(), { updated: 1 });
  const restored = await client.entries.get(kubelet.id);
  t.equal(restored.admin, false);
  t.equal(restored.x509SvidTtl, 0);
  t.same(restored.selectors, [{ type: 'systemd', value: 'id:kubelet.service' }]);
});

t.test('entries outside its namespace are never touched, even ones naming its nodes', async (t) => {
  const { sim, client, socket } = await rig(t);
  await writeRole(client, workerRole());
  const a = await sim.controls.attestAgent(attestationOf(nodeA));
  const foreign = [
    // The same identity, made by hand (or by spire_entry) before the registrar ran.
    {
      id: 'tf-kubelet-a',
      spiffeId: `spiffe://${TD}/k8s/prod/node/${fqdnOf(nodeA)}/kubelet`,
      parentId: a.spiffeId,
      selectors: [{ type: 'systemd', value: 'id:kubelet.service' }],
    },
    // Parented to the node, unknown to the role.
    {
      id: 'tf-sshd-a',
      spiffeId: `spiffe://${TD}/node/sshd`,
      parentId: a.spiffeId,
      selectors: [{ type: 'unix', value: 'uid:0' }],
    },
    // Another registrar's namespace, parented to an agent that does not exist.
    {
      id: 'other-registrar.node.0123.worker.kubelet',
      spiffeId: `spiffe://${TD}/k8s/prod/node/gone/kubelet`,
      parentId: `spiffe://${TD}/spire/agent/aws_iid/1/r/i-gone`,
      selectors: [{ type: 'unix', value: 'uid:0' }],
    },
  ];
  for (const result of await client.entries.batchCreate(foreign)) t.equal(result.ok, true);
  const logged = captureLog();
  const registrar = registrarOn(t, socket, { log: logged.log });
  const report = await registrar.cycle();
  t.match(
    report,
    { created: 1, foreign: 1, deleted: 0 },
    'kube-proxy created; the kubelet identity exists already',
  );
  t.match(logged.text(), /does not own; leaving it .*entry=tf-kubelet-a/);
  await client.agents.delete(a.spiffeId);
  t.match(await registrar.cycle(), { deleted: 1 }, "only the registrar's own kube-proxy entry goes");
  const left = (await client.entries.listAll()).map((e) => e.id).sort();
  t.same(
    left.filter((id) => !id.startsWith(`${PREFIX}role.`)),
    foreign.map((e) => e.id).sort(),
  );
});

t.test('an invalid role record keeps its nodes as they are and gives new nodes nothing', async (t) => {
  const { sim, client, socket } = await rig(t);
  const record = await writeRole(client, workerRole());
  const a = await sim.controls.attestAgent(attestationOf(nodeA));
  const logged = captureLog();
  const registrar = registrarOn(t, socket, { log: logged.log });
  await registrar.cycle();
  const before = await nodeEntries(client);
  await client.entries.batchUpdate(
    [{ id: record.id, selectors: [...record.selectors, { type: 'node-registrar', value: 'colour:blue' }] }],
    { inputMask: ['selectors'] },
  );
  await client.agents.delete(a.spiffeId);
  await sim.controls.attestAgent(attestationOf(nodeB));
  const report = await registrar.cycle();
  t.match(report, { invalidRoles: ['worker'], roles: [], created: 0, deleted: 0 });
  t.same(
    await nodeEntries(client),
    before,
    'even the evicted node keeps its entries while the role is unreadable',
  );
  t.match(logged.text(), /error: role record is invalid.*role=worker.*unknown key \\"colour\\"/);
});

t.test('an agent in two roles keeps what it has and gets nothing new', async (t) => {
  const { sim, client, socket } = await rig(t);
  await writeRole(client, workerRole());
  const a = await sim.controls.attestAgent(attestationOf(nodeA));
  const logged = captureLog();
  const registrar = registrarOn(t, socket, { log: logged.log });
  await registrar.cycle();
  const before = await nodeEntries(client);
  await writeRole(
    client,
    workerRole({ name: 'ingress', agent_selectors: [`aws_iid:instance:id:${nodeA.instanceId}`] }),
  );
  const report = await registrar.cycle();
  t.same(report.skippedAgents, [a.spiffeId]);
  t.match(report, { created: 0, deleted: 0 });
  t.same(await nodeEntries(client), before);
  t.match(logged.text(), /more than one role.*roles=ingress,worker/);
});

t.test('node facts: a missing selector skips the node; existing entries stay', async (t) => {
  const { sim, client, socket } = await rig(t);
  await writeRole(client, workerRole({ fqdn: '{selector:aws_iid:tag:Name}.internal' }));
  await sim.controls.attestAgent(attestationOf(instance('i-0eeeeeeeeeeeeeee5', 'worker', { Name: 'web-1' })));
  const logged = captureLog();
  const registrar = registrarOn(t, socket, { log: logged.log });
  t.match(await registrar.cycle(), { created: 2 });
  t.equal((await nodeEntries(client))[0]?.spiffeId.includes('/node/web-1.internal/'), true);
  await sim.controls.attestAgent(attestationOf(nodeA)); // no Name tag
  const report = await registrar.cycle();
  t.equal(report.skippedAgents.length, 1);
  t.match(logged.text(), /no aws_iid:tag:Name:… selectors; \{selector:aws_iid:tag:Name\} needs exactly one/);
});

t.test(
  'EC2 facts: private DNS name as FQDN, private IP as the last segment of with_ip components',
  async (t) => {
    const { sim, client, socket } = await rig(t);
    const calls: string[] = [];
    let up = true;
    const ec2: Ec2Lookup = {
      describeInstance(region, instanceId) {
        calls.push(`${region}/${instanceId}`);
        if (!up) return Promise.reject(new Error('EC2 DescribeInstances: throttled'));
        return Promise.resolve({
          instanceId,
          privateDnsName: 'IP-10-0-1-23.eu-west-1.compute.internal',
          privateIp: '10.0.1.23',
        });
      },
    };
    await writeRole(
      client,
      workerRole({
        name: 'master',
        agent_selectors: ['aws_iid:tag:tarmak_role:master'],
        fqdn: '{ec2:private_dns_name}',
        ip: '{ec2:private_ip}',
        components: {
          'kube-apiserver': {
            selectors: ['systemd:id:kube-apiserver.service'],
            dns_names: ['api.{cluster}.example'],
            with_ip: true,
            x509_svid_ttl: null,
            hint: null,
          },
        },
      }),
    );
    await sim.controls.attestAgent(attestationOf(instance('i-0fffffffffffffff6', 'master')));
    const registrar = registrarOn(t, socket, { ec2 });
    t.match(await registrar.cycle(), { created: 1 });
    t.same(calls, ['eu-west-1/i-0fffffffffffffff6']);
    const [entry] = await nodeEntries(client);
    t.equal(
      entry?.spiffeId,
      `spiffe://${TD}/k8s/prod/node/ip-10-0-1-23.eu-west-1.compute.internal/kube-apiserver/10.0.1.23`,
      'FQDN lower-cased',
    );
    t.same(entry?.dnsNames, ['api.prod.example']);
    await registrar.cycle();
    t.equal(calls.length, 1, 'the answer is kept: an instance keeps its primary address');
    up = false;
    const fresh = captureLog();
    const restarted = registrarOn(t, socket, { ec2, log: fresh.log });
    const report = await restarted.cycle();
    t.equal(report.skippedAgents.length, 1, 'EC2 down: the node is skipped');
    t.equal(report.deleted, 0, 'and keeps its entry');
    t.equal((await nodeEntries(client)).length, 1);
    t.match(fresh.text(), /throttled/);
  },
);

t.test('{ec2:…} without --ec2 skips the node with a message saying so', async (t) => {
  const { sim, client, socket } = await rig(t);
  await writeRole(client, workerRole({ fqdn: '{ec2:private_dns_name}' }));
  await sim.controls.attestAgent(attestationOf(nodeA));
  const logged = captureLog();
  const report = await registrarOn(t, socket, { log: logged.log }).cycle();
  t.equal(report.skippedAgents.length, 1);
  t.match(logged.text(), /start the registrar with --ec2/);
});

t.test('refuses to work while an entry puts the role store in reach of agents', async (t) => {
  const { sim, client, socket } = await rig(t);
  await writeRole(client, workerRole());
  await sim.controls.attestAgent(attestationOf(nodeA));
  await client.entries.batchCreate([
    {
      id: 'alias',
      spiffeId: `spiffe://${TD}/node-registrar/roles`,
      parentId: `spiffe://${TD}/spire/server`,
      selectors: [{ type: 'aws_iid', value: 'tag:tarmak_role:worker' }],
    },
  ]);
  const report = await registrarOn(t, socket).cycle();
  t.match(report.refused, /entry alias gives the role store ID/);
  t.equal(report.created, 0);
  t.same(await nodeEntries(client), []);
});

t.test('a failed write is reported and retried by the next cycle', async (t) => {
  const { sim, client, socket } = await rig(t);
  await writeRole(client, workerRole());
  await sim.controls.attestAgent(attestationOf(nodeA));
  sim.controls.injectBatchFailure({
    method: 'BatchCreateEntry',
    index: 1,
    code: 13,
    message: 'datastore hiccup',
  });
  const logged = captureLog();
  const registrar = registrarOn(t, socket, { log: logged.log });
  t.match(await registrar.cycle(), { created: 1, failed: 1 });
  t.match(logged.text(), /could not create an entry; retrying next cycle.*datastore hiccup/);
  sim.controls.clearFaults();
  t.match(await registrar.cycle(), { created: 1, failed: 0 });
  t.equal((await nodeEntries(client)).length, 2);
});

t.test('--dry-run reports the changes and writes nothing', async (t) => {
  const { sim, client, socket } = await rig(t);
  await writeRole(client, workerRole());
  await sim.controls.attestAgent(attestationOf(nodeA));
  const logged = captureLog();
  const report = await registrarOn(t, socket, { log: logged.log, dryRun: true }).cycle();
  t.match(report, { dryRun: true, created: 2 });
  t.same(await nodeEntries(client), []);
  t.match(logged.text(), /would create entry/);
});

t.test('log lines never show the token of a join_token agent ID', async (t) => {
  const { sim, client, socket } = await rig(t);
  await writeRole(client, workerRole());
  const secret = 'c0ffee-secret-token';
  // A node whose role selectors match but whose FQDN cannot be derived: the error names the agent.
  await sim.controls.attestAgent({
    spiffeId: `spiffe://${TD}/spire/agent/join_token/${secret}`,
    attestationType: 'join_token',
    selectors: [{ type: 'aws_iid', value: 'tag:tarmak_role:worker' }],
  });
  const logged = captureLog();
  await registrarOn(t, socket, { log: logged.log }).cycle();
  t.match(logged.text(), /agent=spiffe:\/\/example\.org\/spire\/agent\/join_token\/<redacted>/);
  t.notMatch(logged.text(), secret);
});
