// `puppet apply` of each role (etcd, worker, master) into a scratch root, in spire-helper's oneshot mode,
// compared with what spire-helper expects: the certificate units are exactly the Tarmak inventory of
// helper/outputs/presets.ts, each ExecStart (as systemd parses it) carries the preset's path, owner,
// group, modes and hooks, systemd-analyze accepts every unit offline, the consumers are ordered after their
// certificates, and the real spire-helper, run with each unit's arguments against the SPIRE test double,
// writes the files with those owners and modes and fires those hooks.
import t from 'tap';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TarmakRole } from '../../../helper/outputs/presets.js';
import { formatMode } from '../../../helper/values.js';
import { BIN } from '../../unit/helper/fixtures/agent.js';
import {
  dumpedArgv,
  dumpedCommandLines,
  filesUnder,
  missing,
  puppetApply,
  puppetProblems,
  run,
  scratch,
  systemdArgv,
  unitValues,
  verifyUnits,
  type Scratch,
} from './fixtures/puppet.js';
import {
  ENDPOINT,
  expectedOrdering,
  expectedUnits,
  fileFacts,
  hookLog,
  hookRecorder,
  LAUNCHER,
  limited,
  parseFlags,
  presetAgent,
  roleManifest,
  runUnitCommand,
} from './fixtures/roles.js';

t.setTimeout(240_000);

const SYSTEMD = '/etc/systemd/system';

/** Returns a tarball shaped like a release of the helper: one top directory with the repository layout. */
async function helperArchive(s: Scratch): Promise<string> {
  const top = join(s.work, 'archive', 'spire-helper-0.1.0');
  await mkdir(join(top, 'helper', 'bin'), { recursive: true });
  await cp(BIN, join(top, 'helper', 'bin', 'spire-helper'));
  await writeFile(join(top, 'package.json'), '{"name":"tarmak-spire","version":"0.1.0"}\n');
  const archive = join(s.work, 'spire-helper-0.1.0.tar.gz');
  const packed = await run('tar', ['-czf', archive, '-C', join(s.work, 'archive'), 'spire-helper-0.1.0']);
  if (packed.exitCode !== 0) throw new Error(`tar: ${packed.stderr}`);
  return archive;
}

/** Returns the argv of each ExecStart= of a unit file, as systemd runs it. */
function execStarts(text: string): string[][] {
  return unitValues(text, 'ExecStart').map((line) => systemdArgv(line));
}

const skip = (await missing(['puppet', 'systemd-analyze', 'tar'], { root: true })) ?? false;

for (const role of ['etcd', 'worker', 'master'] as const satisfies readonly TarmakRole[]) {
  t.test(`role ${role}, oneshot units`, { skip }, async (t) => {
    const s = await scratch(t);
    const archive = role === 'etcd' ? await helperArchive(s) : undefined;
    const manifest = await roleManifest(s, {
      role,
      mode: 'oneshot',
      ...(archive === undefined ? {} : { archive }),
    });
    const applied = await puppetApply(s, manifest);
    t.equal(applied.exitCode, 2, 'puppet apply changed the root without failures', {
      stderr: applied.stderr,
    });
    t.same(puppetProblems(applied.stderr), [], 'no error or warning');

    const units = expectedUnits(role);
    const systemdDir = join(s.root, SYSTEMD);
    const texts = new Map<string, string>();
    for (const title of units.keys())
      texts.set(title, await readFile(join(systemdDir, `${title}-cert.service`), 'utf8'));

    t.test(
      `renders exactly the ${units.size} certificate units and timers of Tarmak's ${role} role`,
      async (t) => {
        const expected = [...units.keys()].sort();
        t.same(
          (await filesUnder(systemdDir, ['-cert.service'])).map((f) => f.replace(/-cert\.service$/, '')),
          expected,
        );
        t.same(
          (await filesUnder(systemdDir, ['-cert.timer'])).map((f) => f.replace(/-cert\.timer$/, '')),
          expected,
        );
      },
    );

    t.test("each ExecStart is cert fetch with the preset's path, owner, group, modes and hooks", (t) => {
      for (const [title, preset] of units) {
        const text = texts.get(title) ?? '';
        const [argv, ...more] = execStarts(text);
        t.equal(more.length, 0, `${title}: one ExecStart`);
        t.same(
          argv?.slice(0, 4),
          [LAUNCHER, 'cert', 'fetch', preset.base],
          `${title}: fetches into ${preset.base}`,
        );
        const { positional, flags } = parseFlags(argv?.slice(4) ?? []);
        t.same(positional, [], `${title}: no further arguments`);
        t.same(
          {
            preset: flags.get('--preset'),
            owner: flags.get('--owner'),
            group: flags.get('--group'),
            mode: flags.get('--mode'),
            keyMode: flags.get('--key-mode'),
            reloadUnits: flags.get('--reload-unit') ?? [],
            exec: flags.get('--exec') ?? [],
            execShell: flags.has('--exec-shell'),
            hookErrors: flags.get('--hook-errors'),
          },
          {
            preset: [preset.name],
            owner: [String(preset.uid)],
            group: [String(preset.gid)],
            mode: [formatMode(preset.certMode)],
            keyMode: [formatMode(preset.keyMode)],
            reloadUnits: preset.reloadUnits,
            exec: preset.exec.map((hook) => hook.command),
            execShell: preset.exec.some((hook) => hook.shell),
            hookErrors: [preset.hookErrors],
          },
          `${title}: flags match preset ${preset.name}`,
        );
        t.same(
          unitValues(text, 'Environment'),
          [`SPIFFE_ENDPOINT_SOCKET=${ENDPOINT}`],
          `${title}: agent socket`,
        );
        t.same(unitValues(text, 'Type'), ['oneshot'], `${title}: oneshot`);
      }
      t.end();
    });

    const ordering = expectedOrdering(role);
    t.test(
      'every unit a certificate restarts starts after (and requires) that certificate unit',
      async (t) => {
        const dropins = (await filesUnder(systemdDir, ['.d/spire-certificates.conf'])).map(
          (f) => f.split('.d/')[0],
        );
        t.same(dropins, [...ordering.keys()].sort(), 'one drop-in per consumer');
        for (const [consumer, certificates] of ordering) {
          const text = await readFile(join(systemdDir, `${consumer}.d`, 'spire-certificates.conf'), 'utf8');
          const after = unitValues(text, 'After').flatMap((v) => v.split(' '));
          const requires = unitValues(text, 'Requires').flatMap((v) => v.split(' '));
          t.same([...after].sort(), [...certificates].sort(), `${consumer}: After=`);
          t.same([...requires].sort(), [...certificates].sort(), `${consumer}: Requires=`);
        }
      },
    );

    t.test('systemd-analyze verify accepts every unit offline, and parses ExecStart as we do', async (t) => {
      // The consumers are Tarmak's units, not this module's: stand-ins let systemd load the drop-ins and
      // resolve every certificate unit they require.
      for (const consumer of ordering.keys()) {
        await writeFile(
          join(systemdDir, consumer),
          `[Unit]\nDescription=stand-in for ${consumer}\n\n[Service]\nExecStart=/opt/bin/spire-agent\n`,
        );
      }
      const verified = [
        `${SYSTEMD}/spire-agent.service`,
        ...[...units.keys()].flatMap((title) => [
          `${SYSTEMD}/${title}-cert.service`,
          `${SYSTEMD}/${title}-cert.timer`,
        ]),
        ...[...ordering.keys()].map((consumer) => `${SYSTEMD}/${consumer}`),
      ];
      const { plain, debug } = await verifyUnits(s.root, verified);
      t.equal(plain.exitCode, 0, plain.stderr);
      t.equal(plain.stderr + plain.stdout, '', 'no warnings');
      for (const title of units.keys()) {
        const dumped = dumpedCommandLines(debug.stdout + debug.stderr, `${title}-cert.service`);
        if (dumped === undefined) {
          t.comment(`this systemd prints no command lines; ${title} checked with our parser only`);
          continue;
        }
        t.same(dumped.map(dumpedArgv), execStarts(texts.get(title) ?? ''), `${title}: same argv as systemd`);
      }
    });

    if (archive !== undefined) {
      t.test('the helper archive is unpacked into the install directory', async (t) => {
        const unpacked = await readFile(join(s.root, 'opt/spire-helper/helper/bin/spire-helper'));
        t.same(unpacked, await readFile(BIN));
        const launcher = await readFile(join(s.root, LAUNCHER), 'utf8');
        t.match(launcher, `exec '${process.execPath}' '/opt/spire-helper/helper/bin/spire-helper' "$@"`);
      });
    }

    if (role === 'worker') return;
    t.test(
      "spire-helper runs each unit's command and writes files with the preset's owners and modes",
      async (t) => {
        const agent = await presetAgent(t);
        const recorder = await hookRecorder(s);
        const entries = [...units];
        const runs = await limited(
          3,
          entries.map(([title]) => async () => {
            const [argv = []] = execStarts(texts.get(title) ?? '');
            const env = recorder.env(join(s.work, `${title}.hooks`));
            // The master's units run through the module's launcher; the etcd node's launcher points at the
            // unpacked stand-in archive, so those run the repository's bin with the same arguments.
            return runUnitCommand(argv, { root: s.root, agent, env, launcher: archive === undefined });
          }),
        );
        for (const [index, [title, preset]] of entries.entries()) {
          const result = runs[index];
          t.equal(result?.exitCode, 0, `${title}: exit 0\n${result?.stdout ?? ''}${result?.stderr ?? ''}`);
          const fetched = JSON.parse(result?.stdout ?? '{}') as {
            outcome?: string;
            hint?: string;
            warnings?: string[];
          };
          t.equal(fetched.outcome, 'written', `${title}: written`);
          t.equal(fetched.hint, preset.name, `${title}: selected by hint ${preset.name}`);
          t.same(fetched.warnings, [], `${title}: no warnings (every hook succeeded)`);
          const base = s.root + preset.base;
          for (const [suffix, mode] of [
            ['.pem', preset.certMode],
            ['-key.pem', preset.keyMode],
            ['-ca.pem', preset.certMode],
          ] as const) {
            t.same(
              await fileFacts(base + suffix),
              { symlink: true, mode, uid: preset.uid, gid: preset.gid },
              `${title}: ${preset.base}${suffix} is ${formatMode(mode)} ${preset.uid}:${preset.gid}`,
            );
          }
          const hooks = await hookLog(join(s.work, `${title}.hooks`));
          const expectedHooks = [
            ...(preset.reloadUnits.length === 0
              ? []
              : [`systemctl --no-block try-reload-or-restart ${preset.reloadUnits.join(' ')}`]),
            ...(preset.exec.length === 0
              ? []
              : [
                  'docker ps -q --filter=label=io.kubernetes.container.name=calico-policy-controller',
                  'docker kill',
                ]),
          ];
          t.same(hooks, expectedHooks, `${title}: hooks`);
        }
      },
    );

    if (role !== 'master') return;
    t.test('a second apply changes nothing, also after spire-helper wrote the certificates', async (t) => {
      const again = await puppetApply(s, manifest);
      t.equal(again.exitCode, 0, 'exit 0: no change', { stdout: again.stdout, stderr: again.stderr });
    });
  });
}
