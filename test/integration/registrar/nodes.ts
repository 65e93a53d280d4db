// The node registrar end to end through startSpire (test/sim/spire.ts): real SPIRE when
// SPIRE_SERVER_BIN/SPIRE_AGENT_BIN are set, the test double otherwise, with the Tarmak CredentialComposer
// rules either way. Two worker nodes attest the way aws_iid does; each fetches its own kubelet SVID
// through the Workload API as that node's kubelet (CN system:node:<its fqdn>); node A asking for node B's
// identity gets nothing; evicting A and banning B remove their entries.
//
// Real SPIRE here attests its one agent with a join token, which yields no selectors, and an aws_iid
// attestation needs EC2; so against real SPIRE only the parts that need no simulated node run: SPIRE
// accepts the role record and returns it intact, and the registrar deletes its own entries of agents that
// do not exist while leaving every other entry alone.
import t from 'tap';
import type { Test } from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tarmakRulesFile } from '../../../composer/index.js';
import { isCoreError } from '../../../src/core/errors/index.js';
import { TrustDomain } from '../../../src/core/spiffeid/index.js';
import { WorkloadApiClient } from '../../../src/core/workloadapi/index.js';
import { nodeEntryId } from '../../../registrar/ids.js';
import { roleFromRecord } from '../../../registrar/role.js';
import { startSpire, type SpireHandles } from '../../sim/spire.js';
import type { Sim } from '../../sim/index.js';
import {
  PREFIX,
  TD,
  attestationOf,
  clientOn,
  fqdnOf,
  instance,
  nodeEntries,
  registrarOn,
  workerRole,
  writeRole,
} from '../../unit/registrar/fixtures/world.js';

t.setTimeout(60_000);

async function start(t: Test): Promise<SpireHandles> {
  const dir = mkdtempSync(join(tmpdir(), 'registrar-'));
  t.teardown(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const spire = await startSpire({ trustDomain: TD, dir, composerRulesFile: tarmakRulesFile });
  t.teardown(() => spire.close());
  t.comment(`running against ${spire.kind === 'sim' ? 'the SPIRE test double' : 'real SPIRE'}`);
  return spire;
}

const REAL_SPIRE_SKIP =
  'needs aws_iid-attested nodes; real SPIRE here attests one agent with a join token, which has no selectors';
const realSpire = (process.env.SPIRE_SERVER_BIN ?? '') !== '' && (process.env.SPIRE_AGENT_BIN ?? '') !== '';

t.test('the role record and the registrar against the server', async (t) => {
  const spire = await start(t);
  const socket = spire.servers[0]!.socketPath;
  const client = clientOn(t, socket);

  await t.test('SPIRE accepts the role record and returns it intact', async (t) => {
    const written = await writeRole(client, workerRole());
    const read = await client.entries.get(written.id);
    const record = roleFromRecord(read, { prefix: PREFIX, trustDomain: TrustDomain.parse(TD) });
    t.equal(record?.ok, true, record?.ok === false ? record.problems.join('; ') : 'valid');
    t.equal(read.selectors.length, written.selectors.length, 'every selector stored');
  });

  await t.test('own entries of agents that do not exist are deleted; other entries are not', async (t) => {
    const ghost = `spiffe://${TD}/spire/agent/aws_iid/111111111111/eu-west-1/i-0999999999999999f`;
    const stale = {
      id: nodeEntryId(PREFIX, ghost, 'worker', 'kubelet'),
      spiffeId: `spiffe://${TD}/k8s/prod/node/ghost.internal/kubelet`,
      parentId: ghost,
      selectors: [{ type: 'systemd', value: 'id:kubelet.service' }],
    };
    const foreign = { ...stale, id: 'tf-ghost-kubelet', selectors: [{ type: 'unix', value: 'uid:0' }] };
    for (const result of await client.entries.batchCreate([stale, foreign])) t.equal(result.ok, true);
    const report = await registrarOn(t, socket).cycle();
    t.match(report, { roles: ['worker'], deleted: 1, failed: 0 });
    const ids = (await client.entries.listAll()).map((e) => e.id);
    t.notOk(ids.includes(stale.id), 'the stale entry is gone');
    t.ok(ids.includes(foreign.id), 'the foreign one stays');
    t.ok(ids.includes(`${PREFIX}role.worker`), 'the role record stays');
  });
});

t.test(
  'two worker nodes, each with only its own kubelet identity',
  { skip: realSpire && REAL_SPIRE_SKIP },
  async (t) => {
    const spire = await start(t);
    if (spire.sim === undefined)
      throw new Error('startSpire ran real SPIRE without SPIRE_SERVER_BIN/SPIRE_AGENT_BIN');
    const sim: Sim = spire.sim;
    const socket = spire.servers[0]!.socketPath;
    const client = clientOn(t, socket);
    await writeRole(client, workerRole());
    const nodeA = instance('i-0aaaaaaaaaaaaaaa1');
    const nodeB = instance('i-0bbbbbbbbbbbbbbb2');
    const agentA = await sim.controls.attestAgent(attestationOf(nodeA));
    const agentB = await sim.controls.attestAgent(attestationOf(nodeB));
    const registrar = registrarOn(t, socket);
    t.match(await registrar.cycle(), { agents: 2, created: 4, failed: 0 });

    const kubeletId = (node: typeof nodeA) => `spiffe://${TD}/k8s/prod/node/${fqdnOf(node)}/kubelet`;
    // The kubelet on a node: the node's agent, the kubelet's systemd unit.
    const kubeletOn = async (agentId: string) => {
      const workload = await sim.workload({
        agentId,
        selectors: [{ type: 'systemd', value: 'id:kubelet.service' }],
      });
      const workloadClient = new WorkloadApiClient({
        endpoint: `unix://${workload.socketPath}`,
        backoff: { initialMs: 20, maxMs: 50 },
      });
      t.teardown(() => {
        workloadClient.close();
      });
      return workloadClient;
    };
    const kubeletA = await kubeletOn(agentA.spiffeId);
    const kubeletB = await kubeletOn(agentB.spiffeId);

    await t.test('each node gets exactly its own kubelet SVID, CN system:node:<its fqdn>', async (t) => {
      for (const [node, workload] of [
        [nodeA, kubeletA],
        [nodeB, kubeletB],
      ] as const) {
        const context = await workload.fetchX509Context({ timeoutMs: 10_000 });
        t.same(
          context.svids.map((s) => s.id.toString()),
          [kubeletId(node)],
          `${node.instanceId}: one SVID, its own`,
        );
        const leaf = context.svids[0]!.certificates[0]!;
        t.same(leaf.subjectName.getField('CN'), [`system:node:${fqdnOf(node)}`], `${node.instanceId}: CN`);
        t.same(leaf.subjectName.getField('O'), ['system:nodes'], `${node.instanceId}: O`);
      }
    });

    await t.test("node A asking for node B's identity gets nothing", async (t) => {
      const error = await kubeletA
        .fetchJwtSvid({ audience: ['kubernetes'], spiffeId: kubeletId(nodeB) }, { timeoutMs: 2_000 })
        .catch((e: unknown) => e);
      t.ok(isCoreError(error, 'NO_IDENTITY'), `JWT-SVID for B's ID refused (${String(error)})`);
      // Whatever selectors a workload on A presents, A's agent holds no entry naming B.
      const onA = (await client.entries.listAll({ filter: { byParentId: agentA.spiffeId } })).map(
        (e) => e.spiffeId,
      );
      t.notOk(
        onA.some((id) => id.includes(fqdnOf(nodeB))),
        "no entry under A's agent names B",
      );
      const everything = await sim.workload({
        agentId: agentA.spiffeId,
        selectors: [
          { type: 'systemd', value: 'id:kubelet.service' },
          { type: 'systemd', value: 'id:kube-proxy.service' },
          { type: 'unix', value: 'uid:0' },
        ],
      });
      const all = new WorkloadApiClient({ endpoint: `unix://${everything.socketPath}` });
      t.teardown(() => {
        all.close();
      });
      const context = await all.fetchX509Context({ timeoutMs: 10_000 });
      t.same(
        context.svids.map((s) => s.id.toString()).sort(),
        [kubeletId(nodeA), `spiffe://${TD}/k8s/prod/node/${fqdnOf(nodeA)}/kube-proxy`].sort(),
        "a workload on A with every selector still gets only A's identities",
      );
    });

    await t.test(
      "evicting node A removes its entries; A's kubelet loses its identity, B keeps its own",
      async (t) => {
        await client.agents.delete(agentA.spiffeId);
        t.match(await registrar.cycle(), { deleted: 2, failed: 0 });
        t.same(
          (await nodeEntries(client)).filter((e) => e.parentId === agentA.spiffeId),
          [],
        );
        const error = await kubeletA.fetchX509Context({ timeoutMs: 1_000 }).catch((e: unknown) => e);
        t.ok(isCoreError(error, 'NO_IDENTITY'), `A: no identity (${String(error)})`);
        const context = await kubeletB.fetchX509Context({ timeoutMs: 10_000 });
        t.same(
          context.svids.map((s) => s.id.toString()),
          [kubeletId(nodeB)],
        );
      },
    );

    await t.test('banning node B removes its entries', async (t) => {
      await client.agents.ban(agentB.spiffeId);
      t.match(await registrar.cycle(), { deleted: 2, failed: 0 });
      t.same(await nodeEntries(client), []);
    });

    await t.test(
      'the evicted node attests again (aws_iid allows it after eviction) and gets its entries back',
      async (t) => {
        await sim.controls.attestAgent(attestationOf(nodeA));
        t.match(await registrar.cycle(), { created: 2 });
        const context = await kubeletA.fetchX509Context({ timeoutMs: 10_000 });
        t.same(
          context.svids.map((s) => s.id.toString()),
          [kubeletId(nodeA)],
        );
      },
    );
  },
);
