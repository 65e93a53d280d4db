// The per-role switch of a migration from Tarmak's Vault PKI, applied with `puppet apply` into a scratch
// root that already holds what Tarmak's vault_client left: its kubelet-cert.service and timer and the
// Vault-issued files. Phase by phase for the worker role: trust (vault-helper still issues; spire-helper
// adds the SPIRE bundle and the old CA to -ca.pem), takeover (spire-helper issues through drop-ins on the
// same units), and back to vault_client (a rollback, which clears spire-helper's files). systemd-analyze
// reads each unit with its drop-ins offline, and the command systemd would run is run against the SPIRE
// test double.
import t from 'tap';
import { createPrivateKey } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { derListToPem, parseCertificates } from '../../../src/core/x509/index.js';
import { tinyCa } from '../../unit/helper/fixtures/certs.js';
import {
  missing,
  puppetApply,
  puppetProblems,
  scratch,
  script,
  systemdArgv,
  unitValues,
  verifyUnits,
  type Scratch,
} from './fixtures/puppet.js';
import {
  hookLog,
  hookRecorder,
  LAUNCHER,
  presetAgent,
  roleManifest,
  runUnitCommand,
} from './fixtures/roles.js';

t.setTimeout(120_000);

const SYSTEMD = '/etc/systemd/system';
const KUBELET = '/etc/kubernetes/ssl/kubelet';
const skip = (await missing(['puppet', 'systemd-analyze'], { root: true })) ?? false;

/** Writes what Tarmak's vault_client left for the kubelet: units (as its templates render them) and files. */
async function tarmakNode(s: Scratch): Promise<{ vaultCa: string; vaultSubject: string }> {
  const systemd = join(s.root, SYSTEMD);
  await mkdir(systemd, { recursive: true });
  await writeFile(
    join(systemd, 'kubelet-cert.service'),
    [
      '[Unit]',
      'Description=certificate service kubelet',
      '',
      '[Service]',
      'Type=oneshot',
      'EnvironmentFile=/etc/vault/config',
      'ExecStart=/opt/bin/vault-helper cert cluster1/pki/k8s/sign/kubelet system:node:n1 /etc/kubernetes/ssl/kubelet --key-type=rsa --key-bit-size=2048 --owner=837 --group=0',
      'ExecStartPost=-/bin/systemctl --no-block try-restart kubelet.service',
      '',
      '[Install]',
      'WantedBy=multi-user.target',
      '',
    ].join('\n'),
  );
  await writeFile(
    join(systemd, 'kubelet-cert.timer'),
    '[Unit]\nDescription=trigger certificate service kubelet\n\n[Timer]\nOnUnitActiveSec=86400\nPersistent=true\n\n[Install]\nWantedBy=timers.target\n',
  );
  await mkdir(join(s.root, 'etc/vault'), { recursive: true });
  await writeFile(join(s.root, 'etc/vault/config'), 'VAULT_ADDR=https://vault.tarmak.local:8200\n');
  await mkdir(join(s.root, 'opt/bin'), { recursive: true });
  await script(join(s.root, 'opt/bin/vault-helper'), 'exit 0');

  const vault = await tinyCa('vault.example');
  const leaf = await vault.leaf({ spiffeId: 'spiffe://vault.example/kubelet', keyType: 'rsa' });
  await mkdir(join(s.root, '/etc/kubernetes/ssl'), { recursive: true });
  await writeFile(
    join(s.root, `${KUBELET}.pem`),
    derListToPem([new Uint8Array(leaf.certificates[0]!.rawData)], 'CERTIFICATE'),
  );
  const pkcs1 = createPrivateKey({ key: Buffer.from(leaf.privateKey.pkcs8), format: 'der', type: 'pkcs8' });
  await writeFile(join(s.root, `${KUBELET}-key.pem`), pkcs1.export({ format: 'pem', type: 'pkcs1' }), {
    mode: 0o600,
  });
  await writeFile(join(s.root, `${KUBELET}-ca.pem`), vault.bundle().toPem());
  // The Vault CA file the operator distributes for dual trust (outside the root: a path on this host).
  const vaultCa = join(s.work, 'vault-ca-k8s.pem');
  await writeFile(vaultCa, vault.bundle().toPem());
  return { vaultCa, vaultSubject: vault.root.subject };
}

/** Returns the manifest of the worker role in `phase`, with `extra` as the k8s PKI's Vault CA files. */
async function workerIn(s: Scratch, phase: string, extra: readonly string[]): Promise<string> {
  const manifest = await roleManifest(s, { role: 'worker', mode: 'oneshot' });
  const files = extra.map((file) => `'${file}'`).join(', ');
  return manifest.replace(
    'include spire::role::worker',
    `class { 'spire::role::common':
  migration      => { 'worker' => '${phase}' },
  extra_ca_files => ${extra.length === 0 ? '{}' : `{ 'k8s' => [${files}] }`},
}
include spire::role::worker`,
  );
}

/** Returns the command lines of `key` (ExecStart, ExecStartPost) of `unit` as systemd loaded it. */
function dumped(debugOutput: string, unit: string, key: string): string[] {
  const start = debugOutput.indexOf(`-> Unit ${unit}:`);
  if (start < 0) return [];
  const next = debugOutput.indexOf('-> Unit ', start + 1);
  const section = debugOutput.slice(start, next < 0 ? undefined : next);
  const pattern = new RegExp(`-> ${key}:\\n\\s*Command Line: (.*)\\n`, 'g');
  return [...section.matchAll(pattern)].map((match) => match[1] ?? '');
}

t.test('the worker role moves trust → takeover → back to vault_client', { skip }, async (t) => {
  const s = await scratch(t);
  const { vaultCa, vaultSubject } = await tarmakNode(s);
  const agent = await presetAgent(t);
  const recorder = await hookRecorder(s);
  const spireSubjects = agent.sim.ca.bundleCertificates().map((cert) => cert.subject);
  const systemd = join(s.root, SYSTEMD);
  const apply = async (phase: string, extra: readonly string[]): Promise<void> => {
    const applied = await puppetApply(s, await workerIn(s, phase, extra), `${phase}.pp`);
    t.ok([0, 2].includes(applied.exitCode), `puppet apply (${phase}) without failures`, {
      stderr: applied.stderr,
    });
    t.same(puppetProblems(applied.stderr), [], `${phase}: no error or warning`);
  };
  const verify = async (units: string[]): Promise<string> => {
    const { plain, debug } = await verifyUnits(
      s.root,
      units.map((unit) => `${SYSTEMD}/${unit}`),
    );
    t.equal(plain.exitCode, 0, plain.stderr);
    t.equal(plain.stderr + plain.stdout, '', 'systemd-analyze verify: no warnings');
    return debug.stdout + debug.stderr;
  };
  const runCommand = async (commandLine: string, log: string): ReturnType<typeof runUnitCommand> =>
    runUnitCommand(systemdArgv(commandLine), {
      root: s.root,
      agent,
      env: recorder.env(log),
      launcher: false,
    });

  await t.test(
    'trust: vault-helper keeps issuing; then spire-helper writes -ca.pem with both CAs',
    async (t) => {
      await apply('trust', [vaultCa]);
      const dropin = await readFile(join(systemd, 'kubelet-cert.service.d/spire-migration.conf'), 'utf8');
      const posts = unitValues(dropin, 'ExecStartPost');
      t.equal(posts[0], '', "vault_client's restart line is cleared");
      t.equal(posts.length, 2);
      const debug = await verify([
        'kubelet-cert.service',
        'kubelet-cert-trust.service',
        'kubelet-cert-trust.timer',
      ]);
      const loaded = dumped(debug, 'kubelet-cert.service', 'ExecStart');
      if (loaded.length > 0)
        t.match(loaded, [/^\/opt\/bin\/vault-helper cert /], 'systemd still runs vault-helper');
      const loadedPost = dumped(debug, 'kubelet-cert.service', 'ExecStartPost');
      if (loadedPost.length > 0)
        t.match(loadedPost, [new RegExp(`^${LAUNCHER} cert fetch ${KUBELET} --ca-only `)]);

      const cert = await readFile(join(s.root, `${KUBELET}.pem`), 'utf8');
      const log = join(s.work, 'trust.log');
      const ran = await runCommand(posts[1] ?? '', log);
      t.equal(ran.exitCode, 0, ran.stderr);
      t.same(
        parseCertificates(await readFile(join(s.root, `${KUBELET}-ca.pem`), 'utf8')).map((c) => c.subject),
        [...spireSubjects, vaultSubject],
        'the SPIRE bundle, then the Vault CA',
      );
      t.equal(
        await readFile(join(s.root, `${KUBELET}.pem`), 'utf8'),
        cert,
        "vault-helper's certificate stays",
      );
      t.same(await hookLog(log), ['systemctl --no-block try-reload-or-restart kubelet.service']);
    },
  );

  await t.test(
    'takeover: the same unit runs spire-helper, vault-helper and its environment cleared',
    async (t) => {
      await apply('takeover', [vaultCa]);
      const debug = await verify(['kubelet-cert.service', 'kubelet-cert.timer']);
      const dropin = await readFile(join(systemd, 'kubelet-cert.service.d/spire-migration.conf'), 'utf8');
      t.same(unitValues(dropin, 'EnvironmentFile'), [''], 'the Vault environment file is cleared');
      const [cleared, start, ...more] = unitValues(dropin, 'ExecStart');
      t.same([cleared, more], ['', []], 'vault-helper is cleared, one command left');
      const loaded = dumped(debug, 'kubelet-cert.service', 'ExecStart');
      if (loaded.length > 0)
        t.match(loaded, [new RegExp(`^${LAUNCHER} cert fetch ${KUBELET} --preset kubelet `)]);
      t.same(dumped(debug, 'kubelet-cert.service', 'ExecStartPost'), [], 'no restart after every run');
      await t.rejects(
        lstat(join(systemd, 'kubelet-cert-trust.timer')),
        { code: 'ENOENT' },
        'trust refresher gone',
      );

      const ran = await runCommand(start ?? '', join(s.work, 'takeover.log'));
      t.equal(ran.exitCode, 0, ran.stderr);
      t.ok((await lstat(join(s.root, `${KUBELET}-key.pem`))).isSymbolicLink(), "spire-helper's key");
      t.same(
        parseCertificates(await readFile(join(s.root, `${KUBELET}-ca.pem`), 'utf8')).map((c) => c.subject),
        [...spireSubjects, vaultSubject],
      );
    },
  );

  await t.test("back to vault_client: the drop-ins and spire-helper's files go", async (t) => {
    await apply('vault_client', []);
    t.same(await readdir(join(systemd, 'kubelet-cert.service.d')), [], 'no drop-in left');
    await verify(['kubelet-cert.service', 'kubelet-cert.timer']);
    t.match(
      await readFile(join(systemd, 'kubelet-cert.service'), 'utf8'),
      /vault-helper/,
      "vault_client's unit",
    );
    const left = (await readdir(join(s.root, '/etc/kubernetes/ssl'))).filter((name) =>
      name.includes('kubelet'),
    );
    t.same(left, [], 'vault-helper starts from empty files: it cannot read the key spire-helper wrote');
  });
});
