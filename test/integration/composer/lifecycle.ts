// The plugin's life under a real go-plugin host (test/harness/gohost, following spire-server's loader):
// the checksum users put in server.conf, configuration checks, and that no plugin process outlives the
// host, whether the host unloads it or dies.
import t, { type Test } from 'tap';
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { tarmakRulesFile } from '../../../composer/index.js';
import {
  goHostUnavailable,
  processRunning,
  processesWithEnv,
  runGoHost,
  type HostScript,
} from '../../harness/gohost/index.js';

const skip = goHostUnavailable() ?? false;
// The first run builds the Go host (about 15 s with a cold Go cache).
t.setTimeout(180_000);

const plugin = fileURLToPath(new URL('../../../composer/bin/spire-credentialcomposer-k8s', import.meta.url));
const docs = fileURLToPath(new URL('../../../docs/composer.md', import.meta.url));
const TD = 'cluster.example';
const tarmak = readFileSync(tarmakRulesFile, 'utf8');
const script = (over: Partial<HostScript>): HostScript => ({
  plugin,
  type: 'CredentialComposer',
  name: 'k8s',
  trust_domain: TD,
  steps: [],
  ...over,
});

/** A private temp directory (short enough for unix socket paths) removed after the test. */
function tempDir(t: Test): string {
  const dir = mkdtempSync(join(tmpdir(), 'ccl-'));
  t.teardown(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

t.test('plugin_checksum computed as docs/composer.md says is what the host accepts', { skip }, async (t) => {
  const documented = readFileSync(docs, 'utf8')
    .split('\n')
    .map((line) => /^sha256sum (\S+) \| cut -d ' ' -f 1$/.exec(line.trim()))
    .find((m) => m !== null);
  t.ok(documented, 'the docs show a sha256sum command');
  const [command, documentedPath] = documented ?? ['', ''];
  t.match(documentedPath, /\/composer\/bin\/spire-credentialcomposer-k8s$/, 'of the plugin_cmd file');
  const checksum = execFileSync('sh', ['-c', command.replace(documentedPath, plugin)], {
    encoding: 'utf8',
  }).trim();
  t.match(checksum, /^[0-9a-f]{64}$/, '64 hex digits');
  t.equal(checksum, createHash('sha256').update(readFileSync(plugin)).digest('hex'));

  const loaded = await runGoHost(script({ checksum, steps: [{ op: 'unload' }] }));
  t.equal(loaded.code, 0, loaded.stderr);
  t.match(loaded.results[0], { op: 'init' }, 'loaded and initialised');

  const wrong = checksum.replace(/^./, (c) => (c === '0' ? '1' : '0'));
  const refused = await runGoHost(script({ checksum: wrong, steps: [] }));
  t.equal(refused.code, 1);
  t.match(refused.results[0], { op: 'load', error: /checksums did not match/ });
  t.end();
});

t.test(
  'a bad configuration: Validate says not valid with notes, Configure refuses it and the old rules stay',
  { skip },
  async (t) => {
    const bad = JSON.stringify({
      rules: [
        { name: 'kubelet', match: '/k8s/{cluster}/node/{fqdn}/kubelet', subject: { common_name: 'HALF' } },
        {
          name: 'kube-apiserver',
          match: '/k8s/{cluster}/node/{fqdn}/kube-apiserver/{ip}',
          ip_sans: ['{node_ip}'],
        },
      ],
    });
    const dir = tempDir(t);
    const out = join(dir, 'kubelet.pem');
    const run = await runGoHost(
      script({
        steps: [
          { op: 'configure', config: tarmak },
          { op: 'validate', config: bad },
          { op: 'configure', config: bad },
          {
            op: 'compose_workload',
            spiffe_id: `spiffe://${TD}/k8s/c1/node/n1.example/kubelet`,
            dns_names: ['n1.example'],
            out,
          },
        ],
      }),
    );
    t.equal(run.code, 0, run.stderr);
    const [, configured, validated, reconfigured, composed] = run.results;
    t.match(configured, { op: 'configure', ok: true });
    t.match(validated, {
      op: 'validate',
      valid: false,
      notes: [/^rules\[1\] \(kube-apiserver\)\.ip_sans\[0\]: unknown placeholder \{node_ip\}/],
    });
    t.match(reconfigured, {
      op: 'configure',
      code: 'InvalidArgument',
      error: /rules\[1\] \(kube-apiserver\)\.ip_sans\[0\]/,
    });
    t.match(composed, { ok: true });
    const subject = execFileSync(
      'openssl',
      ['x509', '-in', out, '-noout', '-subject', '-nameopt', 'RFC2253'],
      {
        encoding: 'utf8',
      },
    );
    t.equal(
      subject.trim(),
      'subject=CN=system:node:n1.example,O=system:nodes',
      'the Tarmak rules still apply',
    );
    t.end();
  },
);

t.test(
  'unloading (Deinit, then the host’s Kill) ends the plugin process and removes its socket',
  { skip },
  async (t) => {
    const dir = tempDir(t);
    const marker = randomUUID();
    const run = await runGoHost(script({ steps: [{ op: 'pid' }, { op: 'unload' }] }), {
      env: { TMPDIR: dir, COMPOSER_TEST_RUN: marker },
    });
    t.equal(run.code, 0, run.stderr);
    const pid = Number(run.results[1]?.pid);
    const socket = String(run.results[1]?.address);
    t.ok(pid > 0);
    t.match(
      run.results[1],
      { network: 'unix', address: new RegExp(`^${dir}/plugin\\d+$`) },
      'the plugin listened in TMPDIR',
    );
    t.match(run.results[2], { op: 'unload', deinit: 'OK', pid, exited: true });
    t.notOk(processRunning(pid), 'the plugin process is gone');
    t.strictSame(processesWithEnv('COMPOSER_TEST_RUN', marker), [], 'nothing it started is left either');
    t.notOk(existsSync(socket), 'the plugin removed its socket');
    // What remains is tsx's compile cache; the host's own broker socket went with its server.
    t.strictSame(
      readdirSync(dir).filter((f) => !f.startsWith('tsx-')),
      [],
      'no socket left behind',
    );
    t.end();
  },
);

t.test(
  'when the host dies, the plugin dies with it (Pdeathsig, as spire-server sets it)',
  { skip },
  async (t) => {
    const dir = tempDir(t);
    const marker = randomUUID();
    let pid = 0;
    const run = await runGoHost(script({ steps: [{ op: 'pid' }, { op: 'hang' }] }), {
      env: { TMPDIR: dir, COMPOSER_TEST_RUN: marker },
      onResult: (result, kill) => {
        if (result.op === 'pid') pid = Number(result.pid);
        if (result.op === 'hang') kill('SIGKILL');
      },
    });
    t.equal(run.signal, 'SIGKILL');
    t.ok(pid > 0);
    // The kernel delivers the plugin's SIGKILL as the host goes; give the exit a moment to be reaped.
    // The marker finds every process of this run, a launcher's child included.
    const left = (): number[] => processesWithEnv('COMPOSER_TEST_RUN', marker);
    for (let i = 0; i < 200 && left().length > 0; i++) await sleep(50);
    t.notOk(processRunning(pid), 'the plugin process is gone');
    t.strictSame(left(), [], 'no orphaned process of this run');
    t.end();
  },
);
