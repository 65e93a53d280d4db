// The real bin (helper/bin/spire-helper, TypeScript through tsx) as systemd runs it: exit codes, and
// stdout for results only, stderr for the one-line error.
import t from 'tap';
import { join } from 'node:path';
import { spawnHelper, startAgent } from '../../unit/helper/fixtures/agent.js';

const KUBELET = 'spiffe://cluster.example/node/kubelet';

t.test('the bin writes the files, prints one result line on stdout and nothing on stderr', async (t) => {
  const agent = await startAgent(t, { entries: [{ spiffeId: KUBELET }] });
  const base = join(agent.dir, 'kubelet');
  // SPIFFE_ENDPOINT_SOCKET in the bare-path form the spec allows.
  const run = await spawnHelper(['cert', 'fetch', base], { SPIFFE_ENDPOINT_SOCKET: agent.api.socketPath });
  t.equal(run.exitCode, 0, run.stderr);
  t.match(run.stdout, new RegExp(`^${base}\\.pem: wrote ${KUBELET} \\(expires [0-9TZ:.-]+\\)$`));
  t.equal(run.stderr, '');
});

t.test(
  'the bin exits 3 when the agent stays unreachable, with one line on stderr and an empty stdout',
  async (t) => {
    const agent = await startAgent(t, { entries: [{ spiffeId: KUBELET }] });
    await agent.api.withdraw();
    const run = await spawnHelper([
      'cert',
      'fetch',
      join(agent.dir, 'x'),
      '--socket',
      agent.endpoint,
      '--wait-timeout',
      '1s',
    ]);
    t.equal(run.exitCode, 3);
    t.equal(run.stdout, '');
    t.match(
      run.stderr,
      /^spire-helper: workloadapi: cannot reach the Workload API at unix:\/\/\S+ \(UNAVAILABLE: .*\); gave up after \d+ attempts? within 1000 ms$/,
    );
  },
);

t.test('the bin exits 2 on a bad flag; with --json the structured error goes to stdout', async (t) => {
  const run = await spawnHelper(['cert', 'fetch', '/tmp/x', '--mode', 'rw', '--json']);
  t.equal(run.exitCode, 2);
  t.equal(run.stderr, '');
  t.same(JSON.parse(run.stdout), {
    error: {
      code: 'CONFIG_INVALID',
      message: 'flags: --mode "rw" is not valid; expected an octal mode such as 0644 or 0600',
      suggestions: [],
      details: { flag: 'mode', value: 'rw' },
      exitCode: 2,
    },
  });
});
