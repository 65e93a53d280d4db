// spire_entry in bulk with the real terraform CLI against SPIRE (the test double unless SPIRE_SERVER_BIN
// and SPIRE_AGENT_BIN are set): a batch with one entry SPIRE rejects leaves the other 99 in SPIRE and in
// state and one error naming the failing resource; refresh reads come from one listing, not a GetEntry per
// resource; writes are coalesced; entries outside the ownership prefix are never touched. RPC counts are
// read at the double, so those checks skip against real SPIRE.
import t from 'tap';
import type { Entry } from '../../../src/core/spireapi/index.js';
import {
  TD,
  header,
  localProvider,
  rpcCount,
  skipWithoutTerraform,
  startBackend,
  workspace,
} from './harness/spire-provider.js';

t.setTimeout(300_000);

const N = 100;
const BAD = 42;

t.test('spire_entry in bulk against terraform', { skip: skipWithoutTerraform }, async (t) => {
  const backend = await startBackend(t);
  const { client, parent, sim } = backend;

  // Entries this provider does not own, some with IDs close to the prefix.
  const foreignIds = ['tf', 'TF-upper', 'tfx-1', 'other-1', 'other-2'];
  const seeded = await client.entries.batchCreate(
    foreignIds.map((id, i) => ({
      id,
      spiffeId: `spiffe://${TD}/foreign/${i}`,
      parentId: parent,
      selectors: [{ type: 'unix', value: `uid:${9000 + i}` }],
    })),
  );
  t.ok(
    seeded.every((r) => r.ok),
    'foreign entries seeded',
  );
  const foreignBefore = await foreignEntries();

  async function foreignEntries(): Promise<Entry[]> {
    return (await client.entries.listAll()).filter((e) => foreignIds.includes(e.id));
  }

  const ws = workspace(t);
  const config = (extra = ''): string =>
    header +
    localProvider(backend) +
    `
resource "spire_entry" "e" {
  count          = ${N}
  id_suffix      = "e-\${count.index}"
  spiffe_id      = "spiffe://${TD}/bulk/\${count.index}"
  parent_id      = "${parent}"
  selectors      = ["unix:uid:\${count.index}"]
  # SPIRE refuses to federate with a trust domain it has no bundle for.
  federates_with = count.index == ${BAD} ? ["nowhere.org"] : []
}
${extra}`;

  await t.test(
    `a batch of ${N} with one entry SPIRE rejects: ${N - 1} created, one error naming it`,
    async (t) => {
      ws.write(config());
      sim?.controls.resetCounts();
      const result = await ws.run(['apply', '-auto-approve', '-parallelism=100']);
      t.not(result.code, 0, 'the apply reports the failure');
      const errors = result.stderr.match(/^Error: /gm) ?? [];
      t.equal(errors.length, 1, `one error:\n${result.stderr}`);
      t.match(result.stderr, new RegExp(`with spire_entry\\.e\\[${BAD}\\]`));
      t.match(result.stderr, /SPIRE refused to create entry "tf-e-42"/);
      t.match(result.stderr, /nowhere\.org/);
      const list = await ws.run(['state', 'list']);
      const inState = list.stdout.trim().split('\n');
      t.equal(inState.length, N - 1, `${N - 1} resources in state`);
      t.notOk(inState.includes(`spire_entry.e[${BAD}]`));
      const owned = (await client.entries.listAll()).filter((e) => e.id.startsWith('tf-e-'));
      t.equal(owned.length, N - 1, `${N - 1} entries in SPIRE`);
      if (sim !== undefined) {
        const calls = rpcCount(backend, 'BatchCreateEntry');
        t.ok(calls < N, `creates were coalesced (${calls} BatchCreateEntry calls for ${N} entries)`);
      }
    },
  );

  await t.test(
    'a refresh reads from one listing, never one GetEntry per resource',
    { skip: sim === undefined ? "needs the double's RPC counts" : false },
    async (t) => {
      sim?.controls.resetCounts();
      const result = await ws.run(['plan', '-parallelism=100']);
      t.equal(result.code, 0, result.stderr);
      t.match(result.stdout, /Plan: 1 to add, 0 to change, 0 to destroy/, 'only the failed entry is planned');
      t.equal(rpcCount(backend, 'GetEntry'), 0);
      const lists = rpcCount(backend, 'ListEntries');
      t.ok(
        lists >= 1 && lists <= Math.ceil((N + foreignIds.length) / 500) + 1,
        `ListEntries calls: ${lists}`,
      );
    },
  );

  await t.test(
    'a per-item failure injected by the double fails exactly one resource',
    { skip: sim === undefined ? "needs the double's fault injection" : false },
    async (t) => {
      sim?.controls.injectBatchFailure({
        method: 'BatchCreateEntry',
        index: 0,
        code: 13,
        message: 'injected outage',
      });
      ws.write(
        config(`
resource "spire_entry" "f" {
  count     = 10
  id_suffix = "f-\${count.index}"
  spiffe_id = "spiffe://${TD}/f/\${count.index}"
  parent_id = "${parent}"
  selectors = ["unix:uid:\${count.index}"]
}
`),
      );
      const result = await ws.run(['apply', '-auto-approve', '-parallelism=100', '-target=spire_entry.f']);
      t.not(result.code, 0);
      const named = [...result.stderr.matchAll(/with spire_entry\.f\[(\d+)\]/g)].map((m) => m[1]);
      t.equal(named.length, 1, result.stderr);
      t.match(result.stderr, /INTERNAL: injected outage/);
      const created = (await client.entries.listAll()).filter((e) => e.id.startsWith('tf-f-'));
      t.equal(created.length, 9);
      t.notOk(
        created.some((e) => e.id === `tf-f-${named[0] ?? ''}`),
        'the failed one is not in SPIRE',
      );
      const list = await ws.run(['state', 'list']);
      t.equal(list.stdout.split('\n').filter((l) => l.startsWith('spire_entry.f[')).length, 9, '9 in state');
    },
  );

  await t.test('destroy deletes every owned entry and no other', async (t) => {
    sim?.controls.resetCounts();
    const result = await ws.run(['destroy', '-auto-approve', '-parallelism=100']);
    t.equal(result.code, 0, result.stderr);
    const left = await client.entries.listAll();
    t.strictSame(left.map((e) => e.id).sort(), [...foreignIds].sort(), 'only the foreign entries are left');
    t.strictSame(await foreignEntries(), foreignBefore, 'and they are untouched (same revision and fields)');
    if (sim !== undefined) {
      const calls = rpcCount(backend, 'BatchDeleteEntry');
      t.ok(calls < N, `deletes were coalesced (${calls} BatchDeleteEntry calls)`);
      t.equal(rpcCount(backend, 'BatchUpdateEntry'), 0, 'nothing was updated');
    }
  });
});
