// `spire-helper run` outputs beyond certificate files: JWT-SVIDs refreshed before expiry, kubeconfigs, the
// health listener and the Prometheus textfile.
import t from 'tap';
import { readFile, stat } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { parseJwtSvidInsecure } from '../../../src/core/svid/index.js';
import { entry, startAgent, TD } from '../../unit/helper/fixtures/agent.js';
import { startDaemon } from './fixtures/daemon.js';

t.setTimeout(120_000);

const APP = `spiffe://${TD}/app`;

function get(socketPath: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path }, (res) => {
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

t.test(
  'a JWT-SVID output is written 0600 for its audience and fetched again before it expires',
  async (t) => {
    const agent = await startAgent(t);
    const spec = entry({ spiffeId: APP });
    spec.jwt_svid_ttl = 4;
    agent.sim.ds.insertEntry(spec);
    await agent.api.settled();
    const path = join(agent.dir, 'tokens/vault.jwt');
    const run = await startDaemon(t, agent.dir, {
      endpoint: agent.endpoint,
      outputs: [{ name: 'vault', type: 'jwt', path, audience: ['vault', 'consul'], refresh_before: '3s' }],
    });
    await run.daemon.whenReady();
    const first = await readFile(path, 'utf8');
    const svid = parseJwtSvidInsecure(first, ['vault']);
    t.equal(svid.id.toString(), APP);
    t.same([...svid.audience].sort(), ['consul', 'vault']);
    t.equal((await stat(path)).mode & 0o777, 0o600, 'a token is a secret');
    t.match(run.daemon.report().outputs[0], { name: 'vault', type: 'jwt', phase: 'written', spiffeId: APP });
    const mark = run.lines.length;
    await run.waitForLine(/^vault: wrote JWT-SVID/, mark);
    t.not(await readFile(path, 'utf8'), first, 'a new token before the old one expired');
  },
);

t.test('kubeconfig outputs: referenced files stay put on rotation, embedded data follows it', async (t) => {
  const agent = await startAgent(t, { entries: [{ spiffeId: APP, hint: 'kubelet' }] });
  const base = join(agent.dir, 'ssl/kubelet');
  const referenced = join(agent.dir, 'kubeconfig-kubelet');
  const embedded = join(agent.dir, 'kubeconfig-admin');
  const run = await startDaemon(t, agent.dir, {
    endpoint: agent.endpoint,
    kubeconfig: { server: 'https://api.cluster.example:6443' },
    outputs: [
      { name: 'kubelet', hint: 'kubelet', base, kubeconfig: { path: referenced } },
      {
        name: 'admin',
        hint: 'kubelet',
        base: join(agent.dir, 'ssl/admin'),
        kubeconfig: { path: embedded, embed: true },
      },
    ],
  });
  await run.daemon.whenReady();
  await run.daemon.idle();
  const ref = await readFile(referenced, 'utf8');
  t.match(ref, /server: "https:\/\/api\.cluster\.example:6443"/);
  t.match(ref, new RegExp(`client-certificate: "${base}\\.pem"`));
  t.match(ref, new RegExp(`client-key: "${base}-key\\.pem"`));
  t.equal((await stat(referenced)).mode & 0o777, 0o640);
  const emb = await readFile(embedded, 'utf8');
  t.match(emb, /client-key-data: "[A-Za-z0-9+/=]+"/);
  t.equal((await stat(embedded)).mode & 0o777, 0o600, 'an embedded key makes the kubeconfig 0600');

  const mark = run.lines.length;
  await agent.api.rotateNow();
  await run.waitForLine(/^admin: wrote/, mark);
  await run.daemon.idle();
  t.equal(await readFile(referenced, 'utf8'), ref, 'referencing kubeconfig unchanged');
  t.not(await readFile(embedded, 'utf8'), emb, 'embedding kubeconfig carries the new certificate and key');
  const keyData = /client-key-data: "([^"]+)"/.exec(await readFile(embedded, 'utf8'))?.[1] ?? '';
  t.equal(
    Buffer.from(keyData, 'base64').toString(),
    await readFile(join(agent.dir, 'ssl/admin-key.pem'), 'utf8'),
    'the embedded key is the key on disk',
  );
});

t.test(
  'health on a unix socket: /ready 503 until every output is written; metrics in the textfile',
  async (t) => {
    const agent = await startAgent(t, { entries: [{ spiffeId: APP, hint: 'a' }] });
    const socket = join(agent.dir, '..', 'health.sock');
    const textfile = join(agent.dir, 'textfile/spire_helper.prom');
    const run = await startDaemon(t, agent.dir, {
      endpoint: agent.endpoint,
      health: { listen: `unix://${socket}` },
      metrics: { textfile },
      outputs: [
        { name: 'a', hint: 'a', base: join(agent.dir, 'a') },
        { name: 'b', hint: 'b', base: join(agent.dir, 'b') },
      ],
    });
    await run.waitForLine(/^b: waiting: /);
    await run.waitForLine(/^a: wrote /);
    await run.daemon.idle();
    const waiting = await get(socket, '/ready');
    t.equal(waiting.status, 503, 'not ready with one output unwritten');
    t.match(JSON.parse(waiting.body), {
      ready: false,
      outputs: [
        { name: 'a', phase: 'written' },
        { name: 'b', phase: 'waiting' },
      ],
    });
    t.equal((await get(socket, '/live')).status, 200);
    agent.addEntry({ spiffeId: `spiffe://${TD}/b`, hint: 'b' });
    await run.daemon.whenReady();
    await run.daemon.idle();
    t.equal((await get(socket, '/ready')).status, 200);
    const text = await readFile(textfile, 'utf8');
    t.match(text, /^spire_helper_ready 1$/m);
    t.match(
      text,
      new RegExp(
        `^spire_helper_output_not_after_timestamp_seconds\\{output="a",type="x509",spiffe_id="${APP.replace(/[/.]/g, '\\$&')}"\\} \\d+$`,
        'm',
      ),
    );
    t.match(text, /^spire_helper_output_last_rotation_timestamp_seconds\{output="b"\} \d+$/m);
    t.match(text, /^spire_helper_output_write_failures_total\{output="a"\} 0$/m);
    t.equal((await get(socket, '/metrics')).body, run.daemon.metrics());
    t.notMatch(
      JSON.stringify(run.daemon.report()),
      /PRIVATE KEY|BEGIN/,
      'no key material in the health report',
    );
  },
);
