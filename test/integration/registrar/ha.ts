// HA behaviour through startSpire: two registrars, each beside its own server of one datastore, running
// at the same moment create every entry exactly once and never fail each other; a registrar restarted
// (the real program, stopped with SIGTERM as systemd does) loses nothing and duplicates nothing, and
// catches up with evictions and new nodes that happened while it was down.
//
// These need aws_iid-attested nodes, which only the test double can provide here (real SPIRE through
// startSpire attests one agent with a join token, which has no selectors to match a role); against real
// SPIRE they are skipped with that reason.
import t from 'tap';
import type { Test } from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Entry } from '../../../src/core/spireapi/index.js';
import { startSpire, type SpireHandles } from '../../sim/spire.js';
import {
  TD,
  attestationOf,
  clientOn,
  instance,
  nodeEntries,
  registrarOn,
  workerRole,
  writeRole,
} from '../../unit/registrar/fixtures/world.js';
import { startDaemon } from './fixtures/process.js';

t.setTimeout(60_000);

const realSpire = (process.env.SPIRE_SERVER_BIN ?? '') !== '' && (process.env.SPIRE_AGENT_BIN ?? '') !== '';
const SKIP =
  realSpire &&
  'needs aws_iid-attested nodes; real SPIRE here attests one agent with a join token, which has no selectors';

async function start(
  t: Test,
  servers: number,
): Promise<SpireHandles & { sim: NonNullable<SpireHandles['sim']> }> {
  const dir = mkdtempSync(join(tmpdir(), 'registrar-ha-'));
  t.teardown(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const spire = await startSpire({ trustDomain: TD, dir, servers });
  t.teardown(() => spire.close());
  t.comment(`running against ${spire.kind === 'sim' ? 'the SPIRE test double' : 'real SPIRE'}`);
  const sim = spire.sim;
  if (sim === undefined)
    throw new Error('startSpire ran real SPIRE without SPIRE_SERVER_BIN/SPIRE_AGENT_BIN');
  return Object.assign(spire, { sim });
}

const nodeIds = (n: number, from = 0): string[] =>
  Array.from({ length: n }, (_, i) => `i-0${String(from + i).padStart(16, '0')}`);

/** Returns what must not change across a restart: ID, identity, revision and creation time. */
function fingerprint(entries: readonly Entry[]): string[] {
  return entries.map((e) => `${e.id} ${e.spiffeId} ${e.parentId} rev=${e.revisionNumber} at=${e.createdAt}`);
}

t.test(
  'two registrars at once create each entry once and never get in each other’s way',
  { skip: SKIP },
  async (t) => {
    const spire = await start(t, 2);
    const { sim } = spire;
    const [server0, server1] = spire.servers;
    const client = clientOn(t, server0!.socketPath);
    await writeRole(client, workerRole());
    const agents = [];
    for (const id of nodeIds(20)) agents.push(await sim.controls.attestAgent(attestationOf(instance(id))));
    const first = registrarOn(t, server0!.socketPath);
    const second = registrarOn(t, server1!.socketPath);

    sim.controls.resetCounts();
    const [a, b] = await Promise.all([first.cycle(), second.cycle()]);
    t.comment(
      `first created ${a.created} (${a.alreadyExisted} already there), second ${b.created} (${b.alreadyExisted})`,
    );
    t.equal(a.created + b.created, 40, 'every entry created exactly once across both registrars');
    t.equal(a.failed + b.failed, 0, 'no write failed');
    t.ok(
      (server0!.rpcCounts().BatchCreateEntry ?? 0) > 0 && (server1!.rpcCounts().BatchCreateEntry ?? 0) > 0,
      'both servers received creates',
    );
    const entries = await nodeEntries(client);
    t.equal(entries.length, 40);
    t.equal(new Set(entries.map((e) => `${e.parentId} ${e.spiffeId}`)).size, 40, 'no identity twice');

    const [again1, again2] = await Promise.all([first.cycle(), second.cycle()]);
    for (const report of [again1, again2])
      t.match(
        report,
        { created: 0, alreadyExisted: 0, updated: 0, deleted: 0, failed: 0 },
        'then both are idle',
      );

    for (const agent of agents.slice(0, 5)) await client.agents.delete(agent.spiffeId);
    await client.agents.ban(agents[5]!.spiffeId);
    const [evict1, evict2] = await Promise.all([first.cycle(), second.cycle()]);
    t.equal(evict1.failed + evict2.failed, 0, 'racing deletes do not fail (NOT_FOUND counts as done)');
    t.equal((await nodeEntries(client)).length, 28);

    const kubelet = workerRole().components.kubelet!;
    await writeRole(
      client,
      workerRole({
        components: { ...workerRole().components, kubelet: { ...kubelet, x509_svid_ttl: 1800 } },
      }),
    );
    const [update1, update2] = await Promise.all([first.cycle(), second.cycle()]);
    t.equal(update1.failed + update2.failed, 0, 'racing updates do not fail');
    const updated = (await nodeEntries(client)).filter((e) => e.hint === 'kubelet');
    t.equal(updated.length, 14);
    t.ok(
      updated.every((e) => e.x509SvidTtl === 1800),
      'both converge on the same content',
    );
  },
);

t.test('a registrar restart loses nothing and duplicates nothing', { skip: SKIP }, async (t) => {
  const spire = await start(t, 1);
  const { sim } = spire;
  const socket = spire.servers[0]!.socketPath;
  const client = clientOn(t, socket);
  await writeRole(client, workerRole());
  const agents: { spiffeId: string }[] = [];
  for (const id of nodeIds(3)) agents.push(await sim.controls.attestAgent(attestationOf(instance(id))));
  const args = ['--socket', socket, '--interval', '0.2', '--log-level', 'debug'];

  const first = startDaemon(t, args);
  await first.waitFor(/info: cycle done .*created=6/);
  const before = fingerprint(await nodeEntries(client));
  t.equal(before.length, 6);
  t.equal(await first.stop(), 0, 'SIGTERM stops it with exit code 0');
  t.match(first.log(), /info: SIGTERM: stopping[\s\S]*info: stopped/);

  const second = startDaemon(t, args);
  await second.waitFor(/debug: cycle done, nothing to change/);
  t.same(fingerprint(await nodeEntries(client)), before, 'same entries, same revisions, nothing recreated');
  t.notMatch(second.log(), /creating entry|deleting entry|updating entry/);
  t.equal(await second.stop(), 0);

  // While no registrar runs: one node is evicted, another joins.
  await client.agents.delete(agents[0]!.spiffeId);
  const late = await sim.controls.attestAgent(attestationOf(instance(nodeIds(1, 3)[0]!)));
  const third = startDaemon(t, args);
  await third.waitFor(/info: cycle done .*created=2 .*deleted=2/);
  const after = await nodeEntries(client);
  t.same(
    after.filter((e) => e.parentId === agents[0]!.spiffeId),
    [],
    "the evicted node's entries are gone",
  );
  t.equal(after.filter((e) => e.parentId === late.spiffeId).length, 2, 'the new node has its entries');
  t.same(
    fingerprint(after.filter((e) => e.parentId !== late.spiffeId)),
    before.filter((line) => !line.includes(agents[0]!.spiffeId)),
    'the other nodes keep theirs untouched',
  );
  t.equal(await third.stop(), 0);
});
