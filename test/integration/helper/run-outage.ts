// `spire-helper run` when the agent misbehaves: no identity yet (PermissionDenied, then granted), the agent
// gone and back (recovered without a restart; the backoff keeps retrying well past 30 s), an identity
// withdrawn while running (reported; files kept or removed by on_withdraw).
import t from 'tap';
import { access, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../../../src/core/workloadapi/index.js';
import { parseCertificates } from '../../../src/core/x509/index.js';
import { startAgent, TD } from '../../unit/helper/fixtures/agent.js';
import { startDaemon } from './fixtures/daemon.js';

// Spawns and real waits make this file slower than most; on a loaded machine much slower.
t.setTimeout(120000);

const KUBELET = `spiffe://${TD}/node/kubelet`;
const APISERVER = `spiffe://${TD}/node/kube-apiserver`;

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function serialAt(path: string): Promise<string | undefined> {
  return parseCertificates(await readFile(path, 'utf8'))[0]?.serialNumber;
}

t.test('PermissionDenied at start is retried; once an entry is granted the files are written', async (t) => {
  const agent = await startAgent(t, { entries: [] });
  const base = join(agent.dir, 'late');
  const run = await startDaemon(t, agent.dir, {
    endpoint: agent.endpoint,
    outputs: [{ name: 'late', base }],
  });
  await run.waitForLine(/^agent: .*has no identity for this workload.*\(retrying with backoff\)$/);
  t.notOk(run.daemon.ready(), 'not ready without an identity');
  t.notOk(await exists(`${base}.pem`), 'nothing written yet');
  t.match(run.notifications.at(-1), /^STATUS=0\/1 outputs written; agent no identity, retrying/);
  agent.addEntry({ spiffeId: KUBELET });
  await run.daemon.whenReady();
  t.equal(await serialAt(`${base}.pem`), agent.api.currentX509Svids()[0]?.certificates[0]?.serialNumber);
  t.ok(agent.api.rpcCounts().FetchX509SVID >= 2, 'the refused stream was opened again');
  t.ok(
    run.notifications.some((m) => m.startsWith('READY=1\n')),
    'READY=1 once written',
  );
});

t.test(
  'the agent gone for a while and back: the daemon reconnects and writes the new SVID unaided',
  async (t) => {
    const agent = await startAgent(t, { entries: [{ spiffeId: KUBELET }] });
    const base = join(agent.dir, 'kubelet');
    const run = await startDaemon(t, agent.dir, {
      endpoint: agent.endpoint,
      outputs: [{ name: 'kubelet', base }],
    });
    await run.daemon.whenReady();
    await run.daemon.idle();
    const mark = run.lines.length;
    await agent.api.withdraw();
    await run.waitForLine(/^agent: .*(UNAVAILABLE|cannot reach).*\(retrying with backoff\)$/, mark);
    t.ok(run.daemon.live(), 'still live while the agent is away');
    t.ok(run.daemon.ready(), 'still ready: the files on disk are valid');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await agent.api.rotateNow();
    await agent.api.restore();
    await run.waitForLine(/^kubelet: wrote/, mark);
    await run.daemon.idle();
    t.equal(await serialAt(`${base}.pem`), agent.api.currentX509Svids()[0]?.certificates[0]?.serialNumber);
    t.ok(
      run.lines.slice(mark).some((l) => l.startsWith('agent: connected again (unreachable before)')),
      'the reconnection is logged',
    );
  },
);

t.test(
  'the backoff keeps retrying past 30 s (injected clock), capped at 30 s per wait, then recovers',
  async (t) => {
    const agent = await startAgent(t, { entries: [{ spiffeId: KUBELET }] });
    const sleeps: number[] = [];
    let virtual = 0;
    const clock: Clock = {
      now: () => virtual,
      sleep: async (ms, signal) => {
        if (signal.aborted) return;
        sleeps.push(ms);
        virtual += ms;
        // Real time passes too, a little, so the loop does not spin.
        await new Promise((resolve) => setTimeout(resolve, 2));
      },
    };
    const base = join(agent.dir, 'kubelet');
    const run = await startDaemon(
      t,
      agent.dir,
      { endpoint: agent.endpoint, outputs: [{ name: 'kubelet', base }] },
      { backoff: { clock } },
    );
    await run.daemon.whenReady();
    await run.daemon.idle();
    const mark = run.lines.length;
    await agent.api.withdraw();
    // Ten minutes of (virtual) outage.
    while (virtual < 600_000) await new Promise((resolve) => setTimeout(resolve, 10));
    t.same(
      sleeps.slice(0, 30),
      Array.from({ length: 30 }, (_, i) => (i + 1) * 1000),
      'linear steps of 1 s up to 30 s',
    );
    t.ok(sleeps.length > 30, `${sleeps.length} retries in ${virtual / 1000} s of outage`);
    t.ok(
      sleeps.slice(30).every((ms) => ms === 30_000),
      'every wait after the ramp is 30 s',
    );
    t.ok(run.daemon.live(), 'live throughout');
    await agent.api.rotateNow();
    await agent.api.restore();
    await run.waitForLine(/^kubelet: wrote/, mark);
    await run.daemon.idle();
    t.equal(await serialAt(`${base}.pem`), agent.api.currentX509Svids()[0]?.certificates[0]?.serialNumber);
  },
);

t.test(
  'a withdrawn identity is reported; on_withdraw keep leaves the files, remove deletes them',
  async (t) => {
    const agent = await startAgent(t, {
      entries: [
        { spiffeId: KUBELET, hint: 'kubelet' },
        { spiffeId: APISERVER, hint: 'apiserver' },
      ],
    });
    const kept = join(agent.dir, 'kept');
    const removed = join(agent.dir, 'ssl/removed');
    const run = await startDaemon(t, agent.dir, {
      endpoint: agent.endpoint,
      debounce: '10ms',
      metrics: { textfile: join(agent.dir, 'metrics/helper.prom') },
      outputs: [
        { name: 'kept', hint: 'kubelet', base: kept, on_withdraw: 'keep' },
        { name: 'removed', hint: 'kubelet', base: removed, on_withdraw: 'remove' },
        { name: 'other', hint: 'apiserver', base: join(agent.dir, 'other') },
      ],
    });
    await run.daemon.whenReady();
    await run.daemon.idle();
    const keptCert = await readFile(`${kept}.pem`, 'utf8');
    const mark = run.lines.length;
    await agent.api.hideIdentity(KUBELET);
    await run.waitForLine(/^removed: identity withdrawn/, mark);
    await run.waitForLine(/^kept: identity withdrawn/, mark);
    await run.daemon.idle();
    t.match(
      run.lines.slice(mark).join('\n'),
      /kept: identity withdrawn \(select: the agent returned no X509-SVID with hint "kubelet"; it has spiffe:\/\/cluster\.example\/node\/kube-apiserver \(hint "apiserver"\)\); on_withdraw keep: files left in place/,
    );
    t.equal(await readFile(`${kept}.pem`, 'utf8'), keptCert, 'keep: the files stay');
    for (const path of [`${removed}.pem`, `${removed}-key.pem`, `${removed}-ca.pem`]) {
      t.notOk(await exists(path), `remove: ${path} is gone`);
    }
    t.same(
      (await readdir(join(agent.dir, 'ssl'))).filter((name) => name.includes('removed')),
      [],
      'remove: no versions directory left either',
    );
    t.notOk(run.daemon.ready(), '/ready fails while an identity is withdrawn');
    t.match(run.notifications.at(-1), /^STATUS=3\/3 outputs written; withdrawn: kept, removed/);
    const metrics = await readFile(join(agent.dir, 'metrics/helper.prom'), 'utf8');
    t.match(metrics, /^spire_helper_output_withdrawn\{output="kept"\} 1$/m);
    t.match(metrics, /^spire_helper_output_withdrawn\{output="removed"\} 1$/m);
    t.match(metrics, /^spire_helper_output_withdrawn\{output="other"\} 0$/m);

    const back = run.lines.length;
    await agent.api.unhideIdentity(KUBELET);
    await run.waitForLine(/^removed: identity is back/, back);
    await run.daemon.idle();
    t.ok(await exists(`${removed}-key.pem`), 'written again once the identity is back');
    t.ok(run.daemon.ready());
  },
);

t.test(
  'when the last identity is withdrawn (PermissionDenied on the open stream) every output is withdrawn',
  async (t) => {
    const agent = await startAgent(t, { entries: [{ spiffeId: KUBELET }] });
    const base = join(agent.dir, 'kubelet');
    const run = await startDaemon(t, agent.dir, {
      endpoint: agent.endpoint,
      outputs: [{ name: 'kubelet', base, on_withdraw: 'remove' }],
    });
    await run.daemon.whenReady();
    await run.daemon.idle();
    const mark = run.lines.length;
    await agent.api.hideIdentity(KUBELET);
    await run.waitForLine(
      /^kubelet: identity withdrawn \(the agent has no identity for this workload any more\); on_withdraw remove: files removed$/,
      mark,
    );
    t.notOk(await exists(`${base}-key.pem`));
    t.equal(run.daemon.report().outputs[0]?.phase, 'withdrawn');
  },
);
