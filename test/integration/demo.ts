// `npm run demo`, run as a user runs it: the README's first command. The assertions are on what the user
// sees (the certificate table with Kubernetes names, the files, the rotation line and the hooks), on the
// exit code, and on what is left behind: no process and no temporary directory, also after a Ctrl-C.
// Needs terraform and openssl on PATH, as the demo does.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import t from 'tap';

t.setTimeout(150_000);

const repo = fileURLToPath(new URL('../..', import.meta.url));
const FQDN = 'ip-10-0-1-10.ec2.internal';
const NODE_IP = '10.0.1.10';

function missingTool(): string | false {
  for (const [tool, args] of [
    ['terraform', ['version']],
    ['openssl', ['version']],
    ['npm', ['--version']],
  ] as const) {
    const probe = spawnSync(tool, args, {
      stdio: 'ignore',
      env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null' },
    });
    if (probe.status !== 0) return `${tool} is not on PATH`;
  }
  return false;
}
const skip = missingTool();

interface DemoRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `npm run demo` in its own process group with a marker in its environment (inherited by everything
 * it starts). With `interruptWhen`, runs the script's own command instead (`node --import tsx
 * scripts/demo.ts`, so the exit code is the demo's, not npm's re-raised signal) and sends SIGINT to the
 * group, as Ctrl-C in a terminal does, two seconds after stdout matches.
 */
function runDemo(marker: string, interruptWhen?: RegExp): Promise<DemoRun> {
  return new Promise((resolve, reject) => {
    const [command, args] =
      interruptWhen === undefined
        ? ['npm', ['run', '--silent', 'demo']]
        : [process.execPath, ['--import', 'tsx', 'scripts/demo.ts']];
    const child = spawn(command, args, {
      cwd: repo,
      env: { ...process.env, SPIRE_DEMO_TEST_MARKER: marker },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let interrupted = false;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (interruptWhen !== undefined && !interrupted && interruptWhen.test(stdout)) {
        interrupted = true;
        // A moment later, so that what the step starts (terraform, its provider) is running.
        setTimeout(() => {
          process.kill(-(child.pid ?? 0), 'SIGINT');
        }, 2000);
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** Returns the processes (pid and command line) whose environment carries `marker`. */
function processesWith(marker: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    if (Number(pid) === process.pid) continue;
    try {
      if (!readFileSync(`/proc/${pid}/environ`, 'latin1').includes(`SPIRE_DEMO_TEST_MARKER=${marker}`))
        continue;
      found.push(`${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'latin1').replaceAll('\0', ' ')}`);
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

function workDir(stdout: string): string {
  const dir = /^work dir: (\S+)/m.exec(stdout)?.[1];
  if (dir === undefined) throw new Error(`the demo printed no work dir:\n${stdout}`);
  return dir;
}

interface TableRow {
  /** Column header → the column's lines in this row, joined. */
  [column: string]: string;
}

/** Returns the rows of the table printed under the line starting with `title`. */
function tableAfter(stdout: string, title: string): TableRow[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((l) => l.startsWith(title));
  if (start === -1) throw new Error(`no table "${title}" in:\n${stdout}`);
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') break;
    body.push(line);
  }
  const split = (line: string): string[] => line.split('│').map((cell) => cell.trim());
  const headers = split(body[0] ?? '');
  const rows: TableRow[] = [];
  let current: string[][] = [];
  for (const line of body.slice(2)) {
    if (line.includes('┼')) {
      rows.push(
        Object.fromEntries(headers.map((h, i) => [h, current.map((cells) => cells[i] ?? '').join('')])),
      );
      current = [];
    } else {
      current.push(split(line));
    }
  }
  return rows;
}

/** What Kubernetes and etcd need of each certificate (Tarmak's Vault roles, docs/helper/presets.md). */
const expected: Record<string, { subject: string[]; sans: string[] }> = {
  'etcd-k8s': {
    subject: ['CN=etcd-server'],
    sans: ['DNS:localhost', `DNS:${FQDN}`, 'IP:127.0.0.1', `IP:${NODE_IP}`],
  },
  'etcd-overlay': { subject: ['CN=etcd-server'], sans: ['DNS:localhost', 'IP:127.0.0.1', `IP:${NODE_IP}`] },
  'etcd-overlay-client': { subject: ['CN=etcd-client'], sans: [`IP:${NODE_IP}`] },
  'etcd-apiserver': { subject: ['CN=etcd-client'], sans: [`IP:${NODE_IP}`] },
  'kube-apiserver': {
    subject: ['CN=system:kube-apiserver'],
    sans: [
      'DNS:api.demo.tarmak.local',
      'DNS:kubernetes.default.svc.cluster.local',
      `IP:${NODE_IP}`,
      'IP:10.254.0.1',
      'IP:127.0.0.1',
    ],
  },
  'kube-apiserver-proxy': { subject: ['CN=kube-apiserver-proxy'], sans: [] },
  admin: { subject: ['O=system:masters', 'CN=admin'], sans: [] },
  'kube-controller-manager': { subject: ['CN=system:kube-controller-manager'], sans: [] },
  'kube-scheduler': { subject: ['CN=system:kube-scheduler'], sans: [] },
  kubelet: { subject: ['O=system:nodes', `CN=system:node:${FQDN}`], sans: [`DNS:${FQDN}`] },
  'kube-proxy': { subject: ['CN=system:kube-proxy'], sans: [] },
};

/** Tarmak's roles and the certificates each one's nodes carry. */
const rows = [
  ['etcd', 'etcd-k8s'],
  ['etcd', 'etcd-overlay'],
  ...[
    'etcd-overlay-client',
    'etcd-apiserver',
    'kube-apiserver',
    'kube-apiserver-proxy',
    'admin',
    'kube-controller-manager',
    'kube-scheduler',
    'kubelet',
    'kube-proxy',
  ].map((c) => ['master', c]),
  ['worker', 'etcd-overlay-client'],
  ['worker', 'kubelet'],
  ['worker', 'kube-proxy'],
].map(([role, component]) => `${component ?? ''}(${role ?? ''})`);

t.test('npm run demo', { skip }, async (t) => {
  const marker = randomUUID();
  const demo = await runDemo(marker);
  const out = demo.stdout;
  t.equal(demo.code, 0, `exit 0\n${out}\n${demo.stderr}`);

  t.test('says plainly that it runs against the test double', (t) => {
    t.match(out, /runs against the repository's SPIRE TEST DOUBLE \(test\/sim\), not a real SPIRE server/);
    t.match(out, /demo finished in [\d.]+ s against the SPIRE test double: all checks passed/);
    t.end();
  });

  t.test('the certificate table has a verified row per role and component, with Kubernetes names', (t) => {
    const certificates = tableAfter(out, 'Certificates');
    t.same(
      certificates.map((r) => r['COMPONENT (ROLE)']),
      rows,
    );
    for (const row of certificates) {
      const component = (row['COMPONENT (ROLE)'] ?? '').replace(/\(.*$/, '');
      const want = expected[component];
      if (want === undefined) {
        t.fail(`unexpected component ${component}`);
        continue;
      }
      t.equal(row['CHECK'], 'ok', `${component}: openssl checks`);
      t.equal(row['SUBJECT'], want.subject.join(''), `${component}: subject in certificate order`);
      for (const san of want.sans) t.ok(row['SANS']?.includes(san), `${component}: SAN ${san}`);
      if (want.sans.every((s) => !s.startsWith('IP:')))
        t.notMatch(row['SANS'], /IP:/, `${component}: no IP SAN`);
      t.match(row['SANS'], /URI: the SPIFFE ID/, `${component}: SPIFFE ID as URI SAN`);
      t.match(row['SPIFFE ID'], new RegExp(`^…/${component}`));
      t.match(row['NOT AFTER (UTC)'], /^\d{4}-\d\d-\d\d \d\d:\d\dZ$/);
    }
    t.end();
  });

  t.test('the files table shows path, owner and mode of certificate, key and bundle', (t) => {
    const files = tableAfter(out, 'Files');
    t.same(
      files.map((r) => r['COMPONENT (ROLE)']),
      rows,
    );
    const kubelet = files.find((r) => r['COMPONENT (ROLE)'] === 'kubelet(worker)');
    t.equal(
      kubelet?.['PATH'],
      '/etc/kubernetes/ssl/kubelet.pem/etc/kubernetes/ssl/kubelet-key.pem/etc/kubernetes/ssl/kubelet-ca.pem',
    );
    for (const row of files) t.equal(row['MODE'], '064406000644', `${row['COMPONENT (ROLE)'] ?? ''}: modes`);
    const owners = process.getuid?.() === 0 ? { etcd: '873:0', kubernetes: '837:0' } : undefined;
    if (owners !== undefined) {
      t.equal(kubelet?.['OWNER'], owners.kubernetes.repeat(3), 'kubelet files: Tarmak kubernetes uid');
      const etcd = files.find((r) => r['COMPONENT (ROLE)'] === 'etcd-k8s(etcd)');
      t.equal(etcd?.['OWNER'], owners.etcd.repeat(3), 'etcd files: Tarmak etcd uid');
    }
    const kubeconfigs = tableAfter(out, 'Kubeconfigs');
    t.same(
      kubeconfigs.map((r) => r['KUBECONFIG']),
      [
        '/etc/kubernetes/kubeconfig-kubectl',
        '/etc/kubernetes/kubeconfig-controller-manager',
        '/etc/kubernetes/kubeconfig-scheduler',
        '/etc/kubernetes/kubeconfig-kubelet',
        '/etc/kubernetes/kubeconfig-proxy',
        '/etc/kubernetes/kubeconfig-kubelet',
        '/etc/kubernetes/kubeconfig-proxy',
      ],
    );
    t.end();
  });

  t.test('one rotation renews every certificate and fires the reload hooks', (t) => {
    t.match(
      out,
      /^rotation: 14 of 14 certificates re-issued with new serials and keys; 14 of 14 verify with openssl$/m,
    );
    const hooks = out.slice(out.indexOf('hooks that fired'), out.indexOf('\nrotation: '));
    // The daemon's outputs share one debounced systemctl call (units in no fixed order); the oneshot units
    // call it once per certificate.
    const master = hooks.split('\n').filter((l) => l.includes('master systemctl'));
    t.equal(master.length, 1, 'one systemctl call for all master outputs');
    for (const unit of [
      'kube-apiserver',
      'kube-controller-manager',
      'kube-scheduler',
      'kubelet',
      'kube-proxy',
    ])
      t.match(master[0], `${unit}.service`, `master: ${unit} restarted`);
    t.match(
      hooks,
      /etcd systemctl --no-block try-reload-or-restart etcd-k8s-main\.service etcd-k8s-events\.service/,
    );
    t.match(hooks, /worker systemctl --no-block try-reload-or-restart kubelet\.service/);
    t.match(hooks, /worker docker kill/, "etcd-overlay-client's calico-policy-controller hook");
    t.end();
  });

  t.test('nothing is left behind', (t) => {
    t.same(processesWith(marker), [], 'no process started by the demo is still running');
    t.notOk(existsSync(workDir(out)), 'the work dir is gone');
    t.end();
  });
});

t.test('Ctrl-C while terraform applies: exit 130, nothing left behind', { skip }, async (t) => {
  const pkg = JSON.parse(readFileSync(`${repo}/package.json`, 'utf8')) as { scripts: Record<string, string> };
  t.equal(pkg.scripts['demo'], 'node --import tsx scripts/demo.ts', 'the command npm run demo runs');
  const marker = randomUUID();
  const demo = await runDemo(marker, /\[2\/7\] terraform apply/);
  t.equal(demo.code, 130, demo.stdout);
  t.match(demo.stdout, /demo: SIGINT: stopping and cleaning up\ndemo: cleaned up/);
  t.same(processesWith(marker), [], 'no process started by the demo is still running');
  t.notOk(existsSync(workDir(demo.stdout)), 'the work dir is gone');
});
