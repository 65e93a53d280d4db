// sd_notify: reading (and unsetting) the environment, socket addresses, the in-process datagram transport
// against a real receiver, and the watchdog that pings only while healthy.
import t from 'tap';
import { execa } from 'execa';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import {
  Notifier,
  createNotifier,
  datagramTransport,
  socketAddress,
  takeNotifySettings,
  type NotifyTransport,
} from '../../../../helper/daemon/notify.js';
import { tempDir } from '../fixtures/agent.js';

const LISTENER = join(import.meta.dirname, '../../../integration/helper/fixtures/notify-listener.py');

function capture(): NotifyTransport & { messages: string[] } {
  const messages: string[] = [];
  return {
    kind: 'datagram',
    messages,
    send: (message) => {
      messages.push(message);
      return Promise.resolve();
    },
    close: () => undefined,
  };
}

t.test('the settings come from NOTIFY_SOCKET and WATCHDOG_USEC, which are then unset for children', (t) => {
  const env: NodeJS.ProcessEnv = {
    NOTIFY_SOCKET: '/run/systemd/notify',
    WATCHDOG_USEC: '30000000',
    WATCHDOG_PID: '42',
    OTHER: 'x',
  };
  t.same(
    takeNotifySettings(env, 42, () => undefined),
    { socket: '/run/systemd/notify', watchdogUsec: 30_000_000 },
  );
  t.same(env, { OTHER: 'x' });
  t.end();
});

t.test('a WATCHDOG_PID of another process means the watchdog is not ours', (t) => {
  const env = { NOTIFY_SOCKET: '@notify', WATCHDOG_USEC: '1000000', WATCHDOG_PID: '7' };
  t.same(
    takeNotifySettings(env, 42, () => undefined),
    { socket: '@notify' },
  );
  t.end();
});

t.test('no NOTIFY_SOCKET: no notifications; an unsupported address is reported and ignored', (t) => {
  const lines: string[] = [];
  t.equal(
    takeNotifySettings({}, 1, (l) => lines.push(l)),
    undefined,
  );
  t.equal(
    takeNotifySettings({ NOTIFY_SOCKET: 'vsock:2:1234' }, 1, (l) => lines.push(l)),
    undefined,
  );
  t.match(lines, [/NOTIFY_SOCKET "vsock:2:1234" is neither a path nor an abstract socket/]);
  t.equal(
    takeNotifySettings({ NOTIFY_SOCKET: '/x', WATCHDOG_USEC: 'soon' }, 1, (l) => lines.push(l))?.watchdogUsec,
    undefined,
  );
  t.match(lines[1], /WATCHDOG_USEC "soon" is not a positive integer/);
  t.end();
});

t.test('socket addresses: a path ends in NUL, an abstract name starts with NUL (sockaddr_un)', (t) => {
  t.same([...socketAddress('/run/n')], [1, 0, ...Buffer.from('/run/n'), 0]);
  t.same([...socketAddress('@n1')], [1, 0, 0, ...Buffer.from('n1')]);
  t.throws(() => socketAddress(`/${'x'.repeat(200)}`), /longer than sun_path allows/);
  t.end();
});

t.test(
  'the datagram transport delivers from this process (SCM_CREDENTIALS pid) to path and abstract sockets',
  async (t) => {
    const dir = await tempDir(t);
    for (const address of [
      join(dir, 'notify.sock'),
      `@spire-helper-unit-${randomBytes(4).toString('hex')}`,
    ]) {
      const listener = execa('python3', [LISTENER, address], { stdin: 'pipe', stdout: 'pipe' });
      listener.catch(() => undefined);
      const lines = createInterface({ input: listener.stdout })[Symbol.asyncIterator]();
      await lines.next(); // {"listening": ...}
      const transport = await datagramTransport(address);
      await transport.send('READY=1\nSTATUS=all written');
      const got = JSON.parse(String((await lines.next()).value)) as { pid: number; message: string };
      t.same(got, { pid: process.pid, message: 'READY=1\nSTATUS=all written', files: true }, address);
      transport.close();
      listener.stdin.end();
      await listener;
    }
  },
);

t.test('a socket nobody listens on fails the send with the reason, once per distinct failure', async (t) => {
  const dir = await tempDir(t);
  const lines: string[] = [];
  const notifier = await createNotifier({
    env: { NOTIFY_SOCKET: join(dir, 'nobody.sock') },
    log: (line) => lines.push(line),
    transport: 'datagram',
  });
  await notifier.status('a');
  await notifier.status('b');
  await notifier.close();
  t.equal(lines.length, 1);
  t.match(lines[0], /^sd_notify: sendto .*nobody\.sock failed: No such file or directory \(errno 2\)$/);
});

t.test('READY=1 is sent once; STATUS= is not repeated when unchanged and stays on one line', async (t) => {
  const transport = capture();
  const notifier = new Notifier({ socket: '@x' }, transport, () => undefined);
  await notifier.status('starting');
  await notifier.status('starting');
  await notifier.ready('2/2 written');
  await notifier.ready('2/2 written again');
  await notifier.status('line one\nline two');
  await notifier.stopping('stopping');
  t.same(transport.messages, [
    'STATUS=starting',
    'READY=1\nSTATUS=2/2 written',
    'STATUS=2/2 written again',
    'STATUS=line one; line two',
    'STOPPING=1\nSTATUS=stopping',
  ]);
});

t.test('WATCHDOG=1 goes out at half of WATCHDOG_USEC, only while healthy', async (t) => {
  const transport = capture();
  const lines: string[] = [];
  const notifier = new Notifier({ socket: '@x', watchdogUsec: 40_000 }, transport, (l) => lines.push(l));
  let healthy = true;
  notifier.startWatchdog(() => healthy);
  await new Promise((resolve) => setTimeout(resolve, 130));
  const healthyPings = transport.messages.filter((m) => m === 'WATCHDOG=1').length;
  t.ok(healthyPings >= 3, `${healthyPings} pings in 130 ms at a 20 ms interval`);
  healthy = false;
  await new Promise((resolve) => setTimeout(resolve, 30));
  const atStop = transport.messages.length;
  await new Promise((resolve) => setTimeout(resolve, 100));
  t.equal(transport.messages.length, atStop, 'no ping while unhealthy');
  t.same(lines, ['sd_notify: unhealthy; watchdog pings stop']);
  healthy = true;
  await new Promise((resolve) => setTimeout(resolve, 60));
  t.ok(transport.messages.length > atStop, 'pings resume once healthy');
  await notifier.close();
});

t.test('without NOTIFY_SOCKET the notifier does nothing', async (t) => {
  const notifier = await createNotifier({ env: {}, log: () => undefined });
  t.notOk(notifier.enabled);
  await notifier.ready('x');
  notifier.startWatchdog(() => true);
  await notifier.close();
});
