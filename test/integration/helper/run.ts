// `spire-helper run` against the SPIRE test double: every push rotates the files, a CA rotation rewrites the
// bundle, hooks fire once per change (coalesced, shared units restarted once) and never without a change.
import t from 'tap';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCertificates } from '../../../src/core/x509/index.js';
import { startAgent, TD } from '../../unit/helper/fixtures/agent.js';
import { startDaemon, type RunningDaemon } from './fixtures/daemon.js';

// Spawns and real waits make this file slower than most; on a loaded machine much slower.
t.setTimeout(120000);

const KUBELET = `spiffe://${TD}/node/kubelet`;
const APISERVER = `spiffe://${TD}/node/kube-apiserver`;
const OTHER = `spiffe://${TD}/node/unrelated`;

function serial(pem: string): string | undefined {
  return parseCertificates(pem)[0]?.serialNumber;
}

/** Returns a script that appends one line per call (its args and SPIRE_HELPER_OUTPUT) to a log. */
async function recorder(
  dir: string,
  name: string,
): Promise<{ path: string; calls: () => Promise<string[]> }> {
  const log = join(dir, `${name}.log`);
  const path = join(dir, name);
  await writeFile(path, `#!/bin/sh\necho "$* \${SPIRE_HELPER_OUTPUT:-}" >> ${log}\n`);
  await chmod(path, 0o755);
  return {
    path,
    calls: async () =>
      (await readFile(log, 'utf8').catch(() => ''))
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => line.trim()),
  };
}

/** Waits until the daemon received an update after log line `mark` and finished applying it and its hooks. */
async function settledAfter(run: RunningDaemon, mark: number): Promise<void> {
  await run.waitForLine(/^agent: update with/, mark);
  await run.daemon.idle();
}

t.test(
  'every push replaces the files of the outputs it changed, and each output hook fires once per change',
  async (t) => {
    const agent = await startAgent(t, {
      entries: [
        { spiffeId: KUBELET, hint: 'kubelet' },
        { spiffeId: APISERVER, hint: 'kube-apiserver' },
      ],
    });
    const hook = await recorder(agent.dir.replace(/out$/, ''), 'hook');
    const base = join(agent.dir, 'ssl/kubelet');
    const run = await startDaemon(t, agent.dir, {
      endpoint: agent.endpoint,
      debounce: '10ms',
      outputs: [
        { name: 'kubelet', hint: 'kubelet', base, exec: [hook.path] },
        {
          name: 'apiserver',
          spiffe_id: APISERVER,
          base: join(agent.dir, 'ssl/apiserver'),
          exec: [hook.path],
        },
      ],
    });
    await run.daemon.whenReady();
    await run.daemon.idle();
    t.same(
      (await hook.calls()).sort(),
      ['apiserver', 'kubelet'],
      'the first write is a change: one call each',
    );
    const held = agent.api.currentX509Svids().find((s) => s.spiffeId === KUBELET);
    t.equal(serial(await readFile(`${base}.pem`, 'utf8')), held?.certificates[0]?.serialNumber);

    for (let round = 1; round <= 3; round++) {
      const mark = run.lines.length;
      await agent.api.rotateNow();
      await settledAfter(run, mark);
      const now = agent.api.currentX509Svids().find((s) => s.spiffeId === KUBELET);
      t.equal(
        serial(await readFile(`${base}.pem`, 'utf8')),
        now?.certificates[0]?.serialNumber,
        `rotation ${round}: the new certificate is on disk`,
      );
      t.equal((await hook.calls()).length, 2 + 2 * round, `rotation ${round}: one more call per output`);
    }
    t.same(
      run.daemon.report().outputs.map((o) => o.phase),
      ['written', 'written'],
    );
  },
);

t.test('a push that changes nothing for an output writes nothing and runs no hook', async (t) => {
  const agent = await startAgent(t, { entries: [{ spiffeId: KUBELET }] });
  const hook = await recorder(agent.dir.replace(/out$/, ''), 'hook');
  const base = join(agent.dir, 'kubelet');
  const run = await startDaemon(t, agent.dir, {
    endpoint: agent.endpoint,
    debounce: '10ms',
    outputs: [{ name: 'kubelet', spiffe_id: KUBELET, base, exec: [hook.path] }],
  });
  await run.daemon.whenReady();
  await run.daemon.idle();
  const link = await readFile(`${base}.pem`, 'utf8');
  const mark = run.lines.length;
  // A new identity for the workload: the agent pushes the full state again, kubelet's SVID unchanged.
  agent.addEntry({ spiffeId: OTHER });
  await settledAfter(run, mark);
  t.match(run.lines.slice(mark).join('\n'), new RegExp(OTHER), 'the push arrived');
  t.notMatch(run.lines.slice(mark).join('\n'), /kubelet: wrote/, 'nothing written');
  t.equal(await readFile(`${base}.pem`, 'utf8'), link);
  t.same(await hook.calls(), ['kubelet'], 'only the first write ran the hook');
});

t.test('a burst of pushes within the debounce time runs the hooks once', async (t) => {
  const agent = await startAgent(t, { entries: [{ spiffeId: KUBELET }] });
  const hook = await recorder(agent.dir.replace(/out$/, ''), 'hook');
  const run = await startDaemon(t, agent.dir, {
    endpoint: agent.endpoint,
    debounce: '1s',
    outputs: [{ name: 'kubelet', base: join(agent.dir, 'kubelet'), exec: [hook.path] }],
  });
  await run.daemon.whenReady();
  await run.daemon.idle();
  const mark = run.lines.length;
  await agent.api.rotateNow();
  await run.waitForLine(/kubelet: wrote/, mark);
  const second = run.lines.length;
  await agent.api.rotateNow();
  await run.waitForLine(/kubelet: wrote/, second);
  await run.daemon.idle();
  t.equal(run.lines.slice(mark).filter((l) => /kubelet: wrote/.test(l)).length, 2, 'two writes');
  t.same(await hook.calls(), ['kubelet', 'kubelet'], 'first write, then one call for the burst of two');
});

t.test('outputs that reload the same unit restart it with one systemctl call per burst', async (t) => {
  const agent = await startAgent(t, {
    entries: [
      { spiffeId: APISERVER, hint: 'kube-apiserver' },
      { spiffeId: KUBELET, hint: 'admin' },
    ],
  });
  const systemctl = await recorder(agent.dir.replace(/out$/, ''), 'systemctl');
  const run = await startDaemon(t, agent.dir, {
    endpoint: agent.endpoint,
    debounce: '50ms',
    systemctl: systemctl.path,
    outputs: [
      {
        name: 'apiserver',
        hint: 'kube-apiserver',
        base: join(agent.dir, 'a'),
        reload_units: ['kube-apiserver.service'],
      },
      {
        name: 'admin',
        hint: 'admin',
        base: join(agent.dir, 'b'),
        reload_units: ['kube-apiserver.service', 'kubelet.service'],
      },
    ],
  });
  await run.daemon.whenReady();
  await run.daemon.idle();
  const mark = run.lines.length;
  await agent.api.rotateNow();
  await settledAfter(run, mark);
  t.same(await systemctl.calls(), [
    '--no-block try-reload-or-restart kube-apiserver.service kubelet.service',
    '--no-block try-reload-or-restart kube-apiserver.service kubelet.service',
  ]);
});

t.test('a CA rotation rewrites the bundle file (same leaf) and runs the hook once', async (t) => {
  const agent = await startAgent(t, { entries: [{ spiffeId: KUBELET }] });
  const hook = await recorder(agent.dir.replace(/out$/, ''), 'hook');
  const base = join(agent.dir, 'kubelet');
  const run = await startDaemon(t, agent.dir, {
    endpoint: agent.endpoint,
    debounce: '10ms',
    outputs: [{ name: 'kubelet', base, exec: [hook.path] }],
  });
  await run.daemon.whenReady();
  await run.daemon.idle();
  const leafBefore = serial(await readFile(`${base}.pem`, 'utf8'));
  const rootsBefore = parseCertificates(await readFile(`${base}-ca.pem`, 'utf8')).length;
  const mark = run.lines.length;
  await agent.sim.ca.rotate();
  await settledAfter(run, mark);
  const roots = parseCertificates(await readFile(`${base}-ca.pem`, 'utf8')).map((c) => c.serialNumber);
  t.same(
    roots,
    agent.sim.ca.bundleCertificates().map((c) => c.serialNumber),
    'the bundle file holds the new bundle',
  );
  t.equal(roots.length, rootsBefore + 1, 'old and new root during the overlap');
  t.equal(
    serial(await readFile(`${base}.pem`, 'utf8')),
    leafBefore,
    'the leaf stays until the agent rotates it',
  );
  t.same(await hook.calls(), ['kubelet', 'kubelet'], 'one hook call for the bundle change');
});

t.test(
  'federated bundles: one file per trust domain for an x509 output and for a bundles output',
  async (t) => {
    const agent = await startAgent(t, {
      entries: [{ spiffeId: KUBELET, federatesWith: ['spiffe://partner.example'] }],
    });
    const { tinyCa } = await import('../../unit/helper/fixtures/certs.js');
    const partner = await tinyCa('partner.example');
    agent.sim.ds.putFederatedBundle({
      trust_domain: 'partner.example',
      x509_authorities: [{ asn1: Buffer.from(partner.root.rawData), tainted: false }],
      jwt_authorities: [],
      refresh_hint: 0,
      sequence_number: 1,
    });
    await agent.api.settled();
    const base = join(agent.dir, 'app');
    const bundles = join(agent.dir, 'bundles');
    const run = await startDaemon(t, agent.dir, {
      endpoint: agent.endpoint,
      outputs: [
        { name: 'app', base, federated: true },
        { name: 'trust', type: 'bundles', dir: bundles },
      ],
    });
    await run.daemon.whenReady();
    await run.daemon.idle();
    t.equal(await readFile(`${base}-ca.partner.example.pem`, 'utf8'), partner.bundle().toPem());
    t.equal(await readFile(join(bundles, 'partner.example.pem'), 'utf8'), partner.bundle().toPem());
    t.equal(
      await readFile(join(bundles, `${TD}.pem`), 'utf8'),
      await readFile(`${base}-ca.pem`, 'utf8'),
      'the own trust domain has its file too',
    );
  },
);
