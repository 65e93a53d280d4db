// `spire-helper run` as a command: a bad configuration exits 2 with one line naming the key (or the
// structured error with --json) before anything is contacted; --check validates and exits 0.
import t from 'tap';
import { join } from 'node:path';
import type { ErrorJson } from '../../../helper/base-command.js';
import type { RunResult } from '../../../helper/commands/run.js';
import { runHelper, spawnHelper, tempDir } from '../../unit/helper/fixtures/agent.js';
import { writeConfig } from './fixtures/daemon.js';

t.setTimeout(120_000);

t.test('a bad config exits 2 with one stderr line naming the file and the key', async (t) => {
  const dir = await tempDir(t);
  const file = await writeConfig(dir, {
    endpoint: 'unix:///run/spire/agent.sock',
    outputs: [{ preset: 'kubelet' }, { name: 'app', base: '/etc/app/tls', key_mode: '0644' }],
  });
  const run = await runHelper(['run', '--config', file]);
  t.equal(run.exitCode, 2);
  t.equal(
    run.stderr,
    `spire-helper: config: ${file}: outputs[1].key_mode: 0644 gives "other" users access to a private key; use 0600 (or 0640 for a group)\n`,
  );
  t.equal(run.stdout, '');
});

t.test('with --json the error is structured on stdout, with the key path in details', async (t) => {
  const dir = await tempDir(t);
  const file = await writeConfig(dir, { outputs: [{ preset: 'kubelet', colour: 'blue' }] });
  const run = await runHelper(['run', '--config', file, '--json']);
  t.equal(run.exitCode, 2);
  t.match(JSON.parse(run.stdout) as ErrorJson, {
    error: { code: 'CONFIG_INVALID', exitCode: 2, details: { file, key: 'outputs[0].colour' } },
  });
});

t.test('a bad endpoint address in the file is a configuration error too', async (t) => {
  const dir = await tempDir(t);
  const file = await writeConfig(dir, {
    endpoint: 'tcp://agent.local:8081',
    outputs: [{ preset: 'kubelet' }],
  });
  const run = await runHelper(['run', '--config', file, '--check']);
  t.equal(run.exitCode, 2);
  t.match(run.stderr, /^spire-helper: workloadapi: .*tcp:\/\/agent\.local:8081/);
});

t.test('--check validates the file and exits 0 listing the outputs', async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'run.yaml');
  await (
    await import('node:fs/promises')
  ).writeFile(
    file,
    'endpoint: unix:///run/spire/agent.sock\noutputs:\n  - preset: kubelet\n  - { name: trust, type: bundles, dir: /etc/spire/bundles }\n',
  );
  const run = await runHelper<RunResult>(['run', '--config', file, '--check', '--json']);
  t.equal(run.exitCode, 0, run.stderr);
  t.same(run.result, {
    config: file,
    checked: true,
    ready: false,
    outputs: [
      { name: 'kubelet', type: 'x509' },
      { name: 'trust', type: 'bundles' },
    ],
  });
});

t.test('the bin: a missing config file exits 2 with one line', async (t) => {
  const dir = await tempDir(t);
  const run = await spawnHelper(['run', '--config', join(dir, 'missing.yaml')]);
  t.equal(run.exitCode, 2);
  t.match(run.stderr, /^spire-helper: config: cannot read \S+missing\.yaml: ENOENT/);
  t.equal(run.stderr.trim().split('\n').length, 1);
});
