// How `cert fetch` waits for the agent within --wait-timeout: retried refusals, an agent that has no
// identity for us, one that is gone, one that never answers. Each case ends with its own exit code.
import t from 'tap';
import { join } from 'node:path';
import type { CertFetchResult } from '../../../helper/commands/cert/fetch.js';
import { runHelper, startAgent } from '../../unit/helper/fixtures/agent.js';

const KUBELET = 'spiffe://cluster.example/node/kubelet';

t.test('waits for an identity within --wait-timeout (PermissionDenied, then granted)', async (t) => {
  const agent = await startAgent(t, { entries: [] });
  const base = join(agent.dir, 'late');
  const running = runHelper<CertFetchResult>([
    'cert',
    'fetch',
    base,
    '--socket',
    agent.endpoint,
    '--wait-timeout',
    '60s',
    '--json',
  ]);
  while (agent.api.rpcCounts().FetchX509SVID === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  agent.addEntry({ spiffeId: KUBELET });
  const run = await running;
  t.equal(run.exitCode, 0, 'exit 0');
  t.equal(run.result?.spiffeId, KUBELET);
  t.ok(agent.api.rpcCounts().FetchX509SVID >= 2, 'the first call was refused and retried');
});

t.test('no identity for the whole --wait-timeout exits 4', async (t) => {
  const agent = await startAgent(t, { entries: [] });
  const run = await runHelper([
    'cert',
    'fetch',
    join(agent.dir, 'x'),
    '--socket',
    agent.endpoint,
    '--wait-timeout',
    '500ms',
  ]);
  t.equal(run.exitCode, 4);
  t.match(
    run.stderr,
    /^spire-helper: workloadapi: the Workload API at unix:\/\/.* has no identity for this workload \(PERMISSION_DENIED: no identity issued\); gave up after 1 attempt within 500 ms\n$/,
  );
});

t.test('an agent that is gone for the whole --wait-timeout exits 3 (unreachable)', async (t) => {
  const agent = await startAgent(t, { entries: [{ spiffeId: KUBELET }] });
  await agent.api.withdraw();
  const run = await runHelper([
    'cert',
    'fetch',
    join(agent.dir, 'x'),
    '--socket',
    agent.endpoint,
    '--wait-timeout',
    '1500ms',
  ]);
  t.equal(run.exitCode, 3);
  t.match(
    run.stderr,
    /^spire-helper: workloadapi: cannot reach the Workload API at unix:\/\/.*; gave up after \d+ attempts? within 1500 ms\n$/,
  );
});

t.test('an agent that accepts the call but never answers exits 7 (timeout)', async (t) => {
  const agent = await startAgent(t, { entries: [{ spiffeId: KUBELET }] });
  agent.api.setLatency(60_000);
  t.teardown(() => {
    agent.api.setLatency(0);
  });
  const run = await runHelper([
    'cert',
    'fetch',
    join(agent.dir, 'x'),
    '--socket',
    agent.endpoint,
    '--wait-timeout',
    '300ms',
    '--json',
  ]);
  t.equal(run.exitCode, 7);
  t.match(JSON.parse(run.stdout), {
    error: { code: 'TIMEOUT', exitCode: 7, message: /no answer to FetchX509SVID .* within 300 ms/ },
  });
});
