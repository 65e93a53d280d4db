// R3 for the daemon: while `run` rotates three outputs again and again (versioned and plain layouts, one
// key shared with a group at 0640), a worker thread samples every key path in the output tree — final
// files, version directories and temporary files — as fast as it can: no key may ever carry more permission
// than configured, not for an instant, whatever the umask.
import t from 'tap';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { startAgent, TD } from '../../unit/helper/fixtures/agent.js';
import { startDaemon } from './fixtures/daemon.js';

// Spawns and real waits make this file slower than most; on a loaded machine much slower.
t.setTimeout(120000);

interface Report {
  samples: number;
  keys: number;
  bad: string[];
}

// Key files of "shared" may be group-readable (0640); every other key must be owner-only.
const SAMPLER = `
const { workerData, parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const { dir, stop } = workerData;
const flag = new Int32Array(stop);
const report = { samples: 0, keys: 0, bad: [] };
while (Atomics.load(flag, 0) === 0) {
  report.samples++;
  let names = [];
  try { names = fs.readdirSync(dir, { recursive: true }); } catch {}
  for (const name of names) {
    const text = String(name);
    if (!text.includes('key')) continue;
    try {
      const info = fs.lstatSync(path.join(dir, text));
      if (info.isSymbolicLink() || info.isDirectory()) continue;
      report.keys++;
      const allowed = text.includes('shared') ? 0o037 : 0o077;
      if ((info.mode & allowed) !== 0 && report.bad.length < 20) report.bad.push(text + ' ' + (info.mode & 0o777).toString(8));
    } catch {}
  }
}
parentPort.postMessage(report);
`;

t.test('R3: no key file of `run` is ever readable beyond its configured mode, at any instant', async (t) => {
  const agent = await startAgent(t, {
    entries: [
      { spiffeId: `spiffe://${TD}/node/kubelet`, hint: 'kubelet' },
      { spiffeId: `spiffe://${TD}/node/etcd`, hint: 'etcd' },
    ],
  });
  const previousUmask = process.umask(0);
  t.teardown(() => process.umask(previousUmask));
  const run = await startDaemon(t, agent.dir, {
    endpoint: agent.endpoint,
    outputs: [
      { name: 'versioned', hint: 'kubelet', base: join(agent.dir, 'ssl/kubelet') },
      { name: 'plain', hint: 'etcd', base: join(agent.dir, 'ssl/etcd'), layout: 'plain' },
      { name: 'shared', hint: 'kubelet', base: join(agent.dir, 'ssl/shared'), key_mode: '0640', group: '0' },
    ],
  });
  await run.daemon.whenReady();
  await run.daemon.idle();

  const stop = new SharedArrayBuffer(4);
  const worker = new Worker(SAMPLER, { eval: true, workerData: { dir: agent.dir, stop } });
  const report = new Promise<Report>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  let writes = 0;
  for (let i = 0; i < 25; i++) {
    const mark = run.lines.length;
    await agent.api.rotateNow();
    await run.waitForLine(/^agent: update with/, mark);
    await run.daemon.idle();
    writes += run.lines.slice(mark).filter((line) => /: wrote /.test(line)).length;
  }
  Atomics.store(new Int32Array(stop), 0, 1);
  const result = await report;
  await worker.terminate();
  t.equal(writes, 75, 'every rotation rewrote all three outputs');
  t.ok(result.keys > 100, `sampled ${result.keys} key files in ${result.samples} passes`);
  t.same(result.bad, [], 'no key file ever had a bit beyond its mode');
});
