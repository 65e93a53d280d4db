// Measures the SPIRE test double under the provider's bulk pattern: 10,000 entries created with
// BatchCreateEntry in batches of 50 over the local socket, then read back with paged ListEntries.
// Prints the time, entries/s, and the ratio to a floor measured in the same run (the same number of
// near-empty RPCs), so the figure says how much the double adds on top of gRPC itself.
// Run: node_modules/.bin/tsx bench/sim-batch-create.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { connect } from '../test/unit/sim/fixtures/server.js';
import { startSim } from '../test/sim/index.js';

const TOTAL = 10_000;
const BATCH = 50;
const TD = 'example.org';

const dir = mkdtempSync(join(tmpdir(), 'sim-bench-'));
const sim = await startSim({ trustDomain: TD, dir });
const server = sim.servers[0];
if (server === undefined) throw new Error('no server');
const clients = connect(`unix://${server.socketPath}`, undefined, { deadlineMs: 60_000 });

try {
  // Floor: one cheap RPC per batch, same channel.
  const floorStart = performance.now();
  for (let i = 0; i < TOTAL / BATCH; i++)
    await clients.entry.CountEntries({ filter: { by_hint: { value: 'none' } } });
  const floorMs = performance.now() - floorStart;

  const start = performance.now();
  for (let offset = 0; offset < TOTAL; offset += BATCH) {
    const entries = Array.from({ length: BATCH }, (_, i) => ({
      id: `bench-${offset + i}`,
      spiffe_id: { trust_domain: TD, path: `/bench/w${offset + i}` },
      parent_id: { trust_domain: TD, path: '/spire/agent/join_token/bench' },
      selectors: [{ type: 'unix', value: `uid:${offset + i}` }],
      dns_names: [`w${offset + i}.example.org`],
    }));
    const response = await clients.entry.BatchCreateEntry({ entries });
    const failed = response.results.filter((r) => r.status?.code !== 0);
    if (failed.length > 0) throw new Error(`batch at ${offset}: ${failed[0]?.status?.message ?? ''}`);
  }
  const createMs = performance.now() - start;

  const listStart = performance.now();
  let listed = 0;
  let token = '';
  do {
    const page = await clients.entry.ListEntries({ page_size: 500, page_token: token });
    listed += page.entries.length;
    token = page.next_page_token;
  } while (token !== '');
  const listMs = performance.now() - listStart;
  if (listed !== TOTAL) throw new Error(`listed ${listed} entries, expected ${TOTAL}`);

  console.log(
    `sim BatchCreateEntry: ${TOTAL} entries in batches of ${BATCH}: ${createMs.toFixed(0)} ms, ${Math.round((TOTAL / createMs) * 1000)} entries/s`,
  );
  console.log(
    `floor (${TOTAL / BATCH} near-empty RPCs): ${floorMs.toFixed(0)} ms; ratio create/floor: ${(createMs / floorMs).toFixed(1)}`,
  );
  console.log(`ListEntries of ${listed} entries in pages of 500: ${listMs.toFixed(0)} ms`);
} finally {
  clients.close();
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
}
