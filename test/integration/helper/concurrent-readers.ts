// Readers racing the writer. A worker thread samples the output directory in a tight loop while the main
// thread fetches one rotated SVID after another: no path holding a key (final or temporary) may ever show a
// group or other permission bit, and the version `current` points to must always hold a complete key and
// certificate that belong together.
import t from 'tap';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { versionsDirectory } from '../../../helper/outputs/svid-files.js';
import { runHelper, startAgent } from '../../unit/helper/fixtures/agent.js';

interface Report {
  keySamples: number;
  badModes: string[];
  pairChecks: number;
  badPairs: string[];
}

const SAMPLER = `
const { workerData, parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { dir, versions, stop } = workerData;
const flag = new Int32Array(stop);
const report = { keySamples: 0, badModes: [], pairChecks: 0, badPairs: [] };
const spki = (key) => key.export({ type: 'spki', format: 'der' }).toString('base64');
while (Atomics.load(flag, 0) === 0) {
  let names = [];
  try { names = fs.readdirSync(dir, { recursive: true }); } catch {}
  for (const name of names) {
    if (!String(name).includes('key')) continue;
    try {
      const info = fs.lstatSync(path.join(dir, String(name)));
      if (info.isSymbolicLink() || info.isDirectory()) continue;
      report.keySamples++;
      if ((info.mode & 0o077) !== 0) report.badModes.push(name + ' ' + (info.mode & 0o777).toString(8));
    } catch {}
  }
  let version;
  try { version = fs.readlinkSync(path.join(versions, 'current')); } catch { continue; }
  let key, cert;
  try {
    key = fs.readFileSync(path.join(versions, version, 'key.pem'));
    cert = fs.readFileSync(path.join(versions, version, 'cert.pem'));
  } catch (err) {
    // Missing files are fine only if the writer has moved on (the version was pruned meanwhile).
    let now;
    try { now = fs.readlinkSync(path.join(versions, 'current')); } catch {}
    if (now === version) report.badPairs.push(version + ' is current but incomplete: ' + err.code);
    continue;
  }
  report.pairChecks++;
  try {
    const fromKey = spki(crypto.createPublicKey(crypto.createPrivateKey(key)));
    const fromCert = spki(new crypto.X509Certificate(cert).publicKey);
    if (fromKey !== fromCert) report.badPairs.push(version + ': key does not match certificate');
  } catch (err) {
    report.badPairs.push(version + ': ' + err.message);
  }
}
parentPort.postMessage(report);
`;

t.test(
  'the key is never readable by group or other, and `current` always names a complete matching pair',
  async (t) => {
    const agent = await startAgent(t, { entries: [{ spiffeId: 'spiffe://cluster.example/node/kubelet' }] });
    const base = join(agent.dir, 'ssl/kubelet');
    // The first write creates the tree, so the sampler has something to watch from the start.
    t.equal((await runHelper(['cert', 'fetch', base, '--socket', agent.endpoint])).exitCode, 0);

    const stop = new SharedArrayBuffer(4);
    const worker = new Worker(SAMPLER, {
      eval: true,
      workerData: { dir: agent.dir, versions: versionsDirectory(base), stop },
    });
    const report = new Promise<Report>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    const previousUmask = process.umask(0);
    t.teardown(() => process.umask(previousUmask));
    let written = 0;
    for (let i = 0; i < 15; i++) {
      await agent.api.rotateNow();
      const layout = i % 3 === 2 ? 'plain' : 'versioned';
      const run = await runHelper<{ outcome: string }>([
        'cert',
        'fetch',
        base,
        '--socket',
        agent.endpoint,
        '--layout',
        layout,
        '--json',
      ]);
      if (run.result?.outcome === 'written') written++;
    }
    Atomics.store(new Int32Array(stop), 0, 1);
    const result = await report;
    await worker.terminate();

    t.equal(written, 15, 'every rotation was written');
    t.ok(result.keySamples > 0, `sampled key paths ${result.keySamples} times`);
    t.same(result.badModes, [], 'no key path ever had a group or other bit');
    t.ok(result.pairChecks > 0, `checked the current version ${result.pairChecks} times`);
    t.same(result.badPairs, [], 'the current version was always complete and matching');
  },
);
