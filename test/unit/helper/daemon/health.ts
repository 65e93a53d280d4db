// The health listener: /live and /ready answer from the daemon's state, /metrics the Prometheus text,
// on a loopback port or a unix socket.
import t from 'tap';
import { request } from 'node:http';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { startHealthServer, type HealthSource } from '../../../../helper/daemon/health.js';
import { tempDir } from '../fixtures/agent.js';

function get(
  target: { url: string } | { socketPath: string; path: string },
  method = 'GET',
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = 'url' in target ? new URL(target.url) : undefined;
    const options =
      url === undefined
        ? {
            socketPath: 'socketPath' in target ? target.socketPath : '',
            path: 'path' in target ? target.path : '/',
          }
        : { host: url.hostname, port: url.port, path: url.pathname };
    const req = request({ ...options, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

function source(state: { live: boolean; ready: boolean }): HealthSource {
  return {
    live: () => state.live,
    ready: () => state.ready,
    report: () => ({ outputs: [{ name: 'kubelet', phase: state.ready ? 'written' : 'waiting' }] }),
    metrics: () => 'spire_helper_ready 0\n',
  };
}

t.test(
  '/ready is 503 until the daemon says ready, /live follows health, /metrics serves the text',
  async (t) => {
    const state = { live: true, ready: false };
    const server = await startHealthServer({ kind: 'tcp', host: '127.0.0.1', port: 0 }, source(state));
    t.teardown(() => server.close());
    t.match(server.address, /^http:\/\/127\.0\.0\.1:\d+$/);
    let ready = await get({ url: `${server.address}/ready` });
    t.equal(ready.status, 503);
    t.same(JSON.parse(ready.body), { ready: false, outputs: [{ name: 'kubelet', phase: 'waiting' }] });
    state.ready = true;
    ready = await get({ url: `${server.address}/ready` });
    t.equal(ready.status, 200);
    t.equal((await get({ url: `${server.address}/live` })).status, 200);
    state.live = false;
    t.equal((await get({ url: `${server.address}/live` })).status, 503);
    const metrics = await get({ url: `${server.address}/metrics` });
    t.same(metrics, { status: 200, body: 'spire_helper_ready 0\n' });
    t.equal((await get({ url: `${server.address}/other` })).status, 404);
    t.equal((await get({ url: `${server.address}/ready` }, 'POST')).status, 405);
  },
);

t.test('a unix socket listener replaces a stale socket file and is 0660', async (t) => {
  const dir = await tempDir(t);
  const path = join(dir, 'health.sock');
  const first = await startHealthServer({ kind: 'unix', path }, source({ live: true, ready: true }));
  // A killed daemon leaves its socket file behind; the next one must still start.
  const second = await startHealthServer({ kind: 'unix', path }, source({ live: true, ready: true }));
  t.teardown(async () => {
    await second.close();
    await first.close().catch(() => undefined);
  });
  t.equal(second.address, `unix://${path}`);
  t.equal((await stat(path)).mode & 0o777, 0o660);
  t.equal((await get({ socketPath: path, path: '/ready' })).status, 200);
});
