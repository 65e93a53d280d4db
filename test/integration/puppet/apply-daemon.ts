// `puppet apply` of the master role in spire-helper's daemon mode: the configuration Puppet assembles from
// one fragment per certificate is accepted by `spire-helper run --check`, lists exactly the presets'
// outputs with their paths, owners, modes and hooks, and the daemon run from it against the SPIRE test
// double writes every file and reports ready; the `<name>-cert.service` check units then pass, systemd
// accepts every unit offline, a second apply changes nothing, and removing a certificate removes its
// output.
import t from 'tap';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { formatMode } from '../../../helper/values.js';
import { runHelper } from '../../unit/helper/fixtures/agent.js';
import {
  filesUnder,
  missing,
  puppetApply,
  puppetProblems,
  run,
  scratch,
  systemdArgv,
  unitValues,
  verifyUnits,
} from './fixtures/puppet.js';
import {
  ENDPOINT,
  expectedOrdering,
  expectedUnits,
  fileFacts,
  hookRecorder,
  LAUNCHER,
  presetAgent,
  roleManifest,
} from './fixtures/roles.js';

t.setTimeout(240_000);

const SYSTEMD = '/etc/systemd/system';
const CONFIG = '/etc/spire-helper/config.json';

interface DaemonOutput {
  name: string;
  preset?: string;
  base: string;
  owner: string;
  group: string;
  mode: string;
  key_mode: string;
  reload_units?: string[];
  exec?: string[];
  exec_shell: boolean;
  [key: string]: unknown;
}

const skip = (await missing(['puppet', 'systemd-analyze'], { root: true })) ?? false;

t.test('role master, daemon mode', { skip }, async (t) => {
  const s = await scratch(t);
  const manifest = await roleManifest(s, { role: 'master', mode: 'daemon' });
  const applied = await puppetApply(s, manifest);
  t.equal(applied.exitCode, 2, 'puppet apply changed the root without failures', { stderr: applied.stderr });
  t.same(puppetProblems(applied.stderr), [], 'no error or warning');

  const units = expectedUnits('master');
  const configPath = s.root + CONFIG;
  const config = JSON.parse(await readFile(configPath, 'utf8')) as {
    endpoint: string;
    outputs: DaemonOutput[];
  };
  const launcher = s.root + LAUNCHER;

  t.test("the configuration lists each certificate with the preset's path, owner, modes and hooks", (t) => {
    t.same(
      config.outputs.map((o) => o.name).sort(),
      [...units.keys()].sort(),
      'one output per certificate, by name',
    );
    t.equal(config.endpoint, ENDPOINT, "the agent's socket");
    for (const output of config.outputs) {
      const preset = units.get(output.name);
      if (preset === undefined) continue;
      t.same(
        {
          preset: output.preset,
          base: output.base,
          owner: output.owner,
          group: output.group,
          mode: output.mode,
          key_mode: output.key_mode,
          reload_units: output.reload_units ?? [],
          exec: output.exec ?? [],
          exec_shell: output.exec_shell,
        },
        {
          preset: preset.name,
          base: preset.base,
          owner: String(preset.uid),
          group: String(preset.gid),
          mode: formatMode(preset.certMode),
          key_mode: formatMode(preset.keyMode),
          reload_units: preset.reloadUnits,
          exec: preset.exec.map((hook) => hook.command),
          exec_shell: preset.exec.some((hook) => hook.shell),
        },
        `${output.name}: matches preset ${preset.name}`,
      );
    }
    t.end();
  });

  t.test('spire-helper run --check accepts the configuration Puppet built', async (t) => {
    const checked = await run(launcher, ['run', '--config', configPath, '--check']);
    t.equal(checked.exitCode, 0, checked.stderr);
    t.match(checked.stdout, `valid; ${units.size} outputs`);
  });

  const ordering = expectedOrdering('master');
  t.test('systemd-analyze verify accepts the daemon, the check units and the ordering offline', async (t) => {
    const unitText = await readFile(join(s.root, SYSTEMD, 'spire-helper.service'), 'utf8');
    t.same(unitValues(unitText, 'Type'), ['notify']);
    t.same(unitValues(unitText, 'ExecStart').map(systemdArgv), [[LAUNCHER, 'run', '--config', CONFIG]]);
    t.same(
      await filesUnder(join(s.root, SYSTEMD), ['-cert.timer']),
      [],
      'no timers: the daemon follows rotations',
    );
    for (const consumer of ordering.keys()) {
      await writeFile(
        join(s.root, SYSTEMD, consumer),
        `[Unit]\nDescription=stand-in for ${consumer}\n\n[Service]\nExecStart=/opt/bin/spire-agent\n`,
      );
    }
    const { plain } = await verifyUnits(s.root, [
      `${SYSTEMD}/spire-agent.service`,
      `${SYSTEMD}/spire-helper.service`,
      ...[...units.keys()].map((title) => `${SYSTEMD}/${title}-cert.service`),
      ...[...ordering.keys()].map((consumer) => `${SYSTEMD}/${consumer}`),
    ]);
    t.equal(plain.exitCode, 0, plain.stderr);
    t.equal(plain.stderr + plain.stdout, '', 'no warnings');
  });

  t.test('the daemon writes every output and becomes ready; then every check unit passes', async (t) => {
    const agent = await presetAgent(t);
    const recorder = await hookRecorder(s);
    // The same configuration, with the node's paths moved under the scratch root.
    const moved = join(s.work, 'daemon.json');
    await writeFile(
      moved,
      JSON.stringify({
        systemctl: join(recorder.dir, 'systemctl'),
        outputs: config.outputs.map((o) => ({ ...o, base: s.root + o.base })),
      }),
    );
    const daemon = execa(launcher, ['run', '--config', moved, '--socket', agent.endpoint], {
      reject: false,
      env: recorder.env(join(s.work, 'daemon.hooks')),
    });
    let stderr = '';
    const ready = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        resolve(false);
      }, 90_000);
      daemon.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes(`ready: all ${units.size} outputs written`)) {
          clearTimeout(timer);
          resolve(true);
        }
      });
      void daemon.then(() => {
        clearTimeout(timer);
        resolve(false);
      });
    });
    t.ok(await ready, 'the daemon reported ready', { stderr });
    daemon.kill('SIGTERM');
    const stopped = await daemon;
    t.equal(stopped.exitCode, 0, 'stops cleanly on SIGTERM', { stderr });

    for (const [title, preset] of units) {
      const facts = await fileFacts(s.root + preset.base + '-key.pem');
      t.same(
        facts,
        { symlink: true, mode: preset.keyMode, uid: preset.uid, gid: preset.gid },
        `${title}: key`,
      );
      const cert = await fileFacts(s.root + preset.base + '.pem');
      t.same(
        cert,
        { symlink: true, mode: preset.certMode, uid: preset.uid, gid: preset.gid },
        `${title}: cert`,
      );
    }

    // The launcher already ran the daemon; the check commands run in this process (same CLI, no startup).
    for (const title of units.keys()) {
      const text = await readFile(join(s.root, SYSTEMD, `${title}-cert.service`), 'utf8');
      const [argv = []] = unitValues(text, 'ExecStart').map(systemdArgv);
      t.same(argv.slice(0, 3), [LAUNCHER, 'check', units.get(title)?.base], `${title}: checks its files`);
      t.same(unitValues(text, 'RemainAfterExit'), ['yes'], `${title}: stays active for its consumers`);
      const [, ...args] = argv;
      const result = await runHelper(args.map((word, i) => (i === 1 ? s.root + word : word)));
      t.equal(result.exitCode, 0, `${title}: check passes`, { stderr: result.stderr });
    }
  });

  t.test('a second apply changes nothing', async (t) => {
    const again = await puppetApply(s, manifest);
    t.equal(again.exitCode, 0, 'exit 0: no change', { stdout: again.stdout, stderr: again.stderr });
  });

  t.test('dropping a certificate removes its fragment and its output', async (t) => {
    const smaller = await roleManifest(s, {
      role: 'master',
      mode: 'daemon',
      masterParams: 'api_aggregation => false',
    });
    const applied = await puppetApply(s, smaller, 'smaller.pp');
    t.equal(applied.exitCode, 2, 'changes applied', { stderr: applied.stderr });
    const fragments = await readdir(join(s.root, '/etc/spire-helper/outputs.d'));
    t.notOk(fragments.includes('kube-apiserver-proxy.json'), 'fragment purged');
    const rebuilt = JSON.parse(await readFile(configPath, 'utf8')) as { outputs: DaemonOutput[] };
    t.same(
      rebuilt.outputs.map((o) => o.name).sort(),
      [...units.keys()].filter((title) => title !== 'kube-apiserver-proxy').sort(),
    );
    const checked = await run(launcher, ['run', '--config', configPath, '--check']);
    t.equal(checked.exitCode, 0, checked.stderr);
  });
});
