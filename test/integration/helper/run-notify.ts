// systemd Type=notify, checked with a real datagram receiver (test/integration/helper/fixtures/
// notify-listener.py, which reads SCM_CREDENTIALS as systemd does): READY=1 only once every output's files
// exist, STATUS= lines, WATCHDOG=1 at half of WATCHDOG_USEC, STOPPING=1 on SIGTERM, and every datagram
// sent by the daemon's main PID, for a path and an abstract NOTIFY_SOCKET.
import t, { type Test } from 'tap';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { execa } from 'execa';
import { svidPaths } from '../../../helper/outputs/svid-files.js';
import { BIN, startAgent, TD } from '../../unit/helper/fixtures/agent.js';
import { startDaemon, writeConfig } from './fixtures/daemon.js';

// Spawns and real waits make this file slower than most; on a loaded machine much slower.
t.setTimeout(120000);

const KUBELET = `spiffe://${TD}/node/kubelet`;
const APISERVER = `spiffe://${TD}/node/kube-apiserver`;
const LISTENER = join(import.meta.dirname, 'fixtures/notify-listener.py');

interface Datagram {
  pid: number | null;
  message: string;
  /** Whether every output file existed when the datagram was read. */
  files: boolean;
}

interface Listener {
  readonly received: Datagram[];
  waitFor(predicate: (d: Datagram) => boolean): Promise<Datagram>;
}

async function listen(t: Test, address: string, files: string[]): Promise<Listener> {
  const child = execa('python3', [LISTENER, address, ...files], {
    stdin: 'pipe',
    stdout: 'pipe',
    stderr: 'inherit',
  });
  child.catch(() => undefined);
  const received: Datagram[] = [];
  const waiters: { predicate: (d: Datagram) => boolean; resolve: (d: Datagram) => void }[] = [];
  let listening!: () => void;
  const started = new Promise<void>((resolve) => (listening = resolve));
  createInterface({ input: child.stdout }).on('line', (line) => {
    const parsed = JSON.parse(line) as Datagram | { listening: string };
    if ('listening' in parsed) {
      listening();
      return;
    }
    received.push(parsed);
    for (const waiter of [...waiters]) {
      if (waiter.predicate(parsed)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(parsed);
      }
    }
  });
  t.teardown(() => {
    child.stdin.end();
    child.kill();
  });
  await started;
  return {
    received,
    waitFor: (predicate) => {
      const found = received.find(predicate);
      if (found !== undefined) return Promise.resolve(found);
      return new Promise((resolve) => waiters.push({ predicate, resolve }));
    },
  };
}

function startBin(configPath: string, env: Record<string, string>, extra: string[] = []) {
  return execa(process.execPath, [BIN, 'run', '--config', configPath, ...extra], {
    env: { SPIFFE_ENDPOINT_SOCKET: undefined, ...env },
    reject: false,
    timeout: 60_000,
  });
}

async function notifyRound(
  t: Test,
  socketFor: (dir: string) => string,
  transport: 'datagram' | 'systemd-notify' = 'datagram',
): Promise<void> {
  const agent = await startAgent(t, {
    entries: [
      { spiffeId: KUBELET, hint: 'kubelet' },
      { spiffeId: APISERVER, hint: 'kube-apiserver' },
    ],
  });
  const bases = [join(agent.dir, 'kubelet'), join(agent.dir, 'apiserver')];
  const files = bases.flatMap((base): string[] => {
    const paths = svidPaths(base);
    return [paths.cert, paths.key, paths.ca];
  });
  const config = await writeConfig(agent.dir, {
    endpoint: agent.endpoint,
    outputs: [
      { name: 'kubelet', hint: 'kubelet', base: bases[0] },
      { name: 'apiserver', hint: 'kube-apiserver', base: bases[1] },
    ],
  });
  const socket = socketFor(agent.dir);
  const listener = await listen(t, socket, files);
  const daemon = startBin(
    config,
    { NOTIFY_SOCKET: socket, WATCHDOG_USEC: '400000' },
    transport === 'datagram' ? [] : ['--notify-transport', transport],
  );
  const pid = daemon.pid;
  const ready = await listener.waitFor((d) => d.message.startsWith('READY=1'));
  t.ok(ready.files, 'every output file existed when READY=1 arrived');
  t.match(
    ready.message,
    /^READY=1\nSTATUS=2\/2 outputs written; last: \S+: wrote spiffe:\/\/cluster\.example\/node\//,
  );
  const before = listener.received.slice(0, listener.received.indexOf(ready));
  t.notOk(
    before.some((d) => d.message.includes('READY=1')),
    'READY=1 exactly once, after the writes',
  );
  t.ok(
    before.some((d) => d.message.startsWith('STATUS=waiting for the Workload API')),
    'STATUS= while starting',
  );
  const readyAt = listener.received.indexOf(ready);
  await listener.waitFor((d) => d.message === 'WATCHDOG=1' && listener.received.indexOf(d) > readyAt + 3);
  t.ok(listener.received.filter((d) => d.message === 'WATCHDOG=1').length >= 2, 'WATCHDOG=1 keeps coming');
  daemon.kill('SIGTERM');
  const stopping = await listener.waitFor((d) => d.message.startsWith('STOPPING=1'));
  t.match(stopping.message, /^STOPPING=1\nSTATUS=stopping$/);
  const result = await daemon;
  t.equal(
    result.exitCode,
    0,
    `exit 0 after SIGTERM (stderr: ${result.stderr.split('\n').slice(-3).join(' | ')})`,
  );
  if (transport === 'systemd-notify') {
    // systemd-notify follows each message with BARRIER=1 from its own PID and waits for the fd it passes
    // to be closed; systemd handles barriers before checking who may notify.
    t.ok(
      listener.received.some((d) => d.message === 'BARRIER=1' && d.pid !== pid),
      'barriers come from the child',
    );
  }
  t.same(
    [...new Set(listener.received.filter((d) => d.message !== 'BARRIER=1').map((d) => d.pid))],
    [pid],
    `every datagram carried the main PID ${String(pid)} in its credentials`,
  );
  t.notMatch(result.stderr, /PRIVATE KEY/, 'no key material in the log');
  t.ok(
    result.stderr.split('\n').every((line) => line === '' || line.startsWith('spire-helper: ')),
    'one prefixed line per event',
  );
}

t.test('Type=notify over a path socket: READY after all writes, STATUS, WATCHDOG, STOPPING, main PID', (t) =>
  notifyRound(t, (dir) => join(dir, '..', 'notify.sock')),
);

t.test('the same over an abstract socket (NOTIFY_SOCKET=@name)', (t) =>
  notifyRound(t, () => `@spire-helper-test-${randomBytes(6).toString('hex')}`),
);

t.test('the systemd-notify fallback: as root it sends with the main PID as sender too', (t) =>
  notifyRound(t, (dir) => join(dir, '..', 'notify-fallback.sock'), 'systemd-notify'),
);

t.test('READY=1 waits for the last output: one identity granted late holds it back', async (t) => {
  const agent = await startAgent(t, { entries: [{ spiffeId: KUBELET, hint: 'kubelet' }] });
  const run = await startDaemon(t, agent.dir, {
    endpoint: agent.endpoint,
    outputs: [
      { name: 'kubelet', hint: 'kubelet', base: join(agent.dir, 'kubelet') },
      { name: 'apiserver', hint: 'kube-apiserver', base: join(agent.dir, 'apiserver') },
    ],
  });
  await run.waitForLine(/^kubelet: wrote/);
  await run.waitForLine(
    /^apiserver: waiting: select: the agent returned no X509-SVID with hint "kube-apiserver"/,
  );
  await run.daemon.idle();
  t.notOk(
    run.notifications.some((m) => m.includes('READY=1')),
    'no READY=1 with one output missing',
  );
  t.match(run.notifications.at(-1), /^STATUS=1\/2 outputs written/);
  agent.addEntry({ spiffeId: APISERVER, hint: 'kube-apiserver' });
  await run.daemon.whenReady();
  t.equal(run.notifications.filter((m) => m.startsWith('READY=1\n')).length, 1);
  t.match(run.notifications.at(-1), /^READY=1\nSTATUS=2\/2 outputs written; last: apiserver: wrote/);
});
