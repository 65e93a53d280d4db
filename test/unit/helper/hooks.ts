import t from 'tap';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runHooks, splitCommand } from '../../../helper/hooks.js';

t.test('splitCommand splits on blanks and honours quotes and backslashes, without a shell', (t) => {
  t.same(splitCommand('/bin/echo a  b'), ['/bin/echo', 'a', 'b']);
  t.same(splitCommand(`reload --name "two words" 'single $HOME' x\\ y ""`), [
    'reload',
    '--name',
    'two words',
    'single $HOME',
    'x y',
    '',
  ]);
  t.same(splitCommand('a "b\\"c"'), ['a', 'b"c']);
  t.same(splitCommand('cmd $(rm -rf /) | tee'), ['cmd', '$(rm', '-rf', '/)', '|', 'tee'], 'no shell syntax');
  for (const bad of ['', '   ', 'a "b', "a 'b", 'a \\']) {
    t.throws(() => splitCommand(bad), { code: 'CONFIG_INVALID', message: /--exec/ }, JSON.stringify(bad));
  }
  t.end();
});

async function script(dir: string, name: string, body: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `#!/bin/sh\n${body}\n`);
  await chmod(path, 0o755);
  return path;
}

t.test(
  'runHooks calls systemctl --no-block try-reload-or-restart with every unit, then --exec commands',
  async (t) => {
    const dir = t.testdir();
    const log = join(dir, 'calls');
    const systemctl = await script(dir, 'systemctl', `echo "systemctl $*" >> ${log}`);
    const hook = await script(
      dir,
      'hook',
      `echo "hook $1 $SPIRE_HELPER_SPIFFE_ID" >> ${log}; echo hook-output`,
    );
    const output: string[] = [];
    const results = await runHooks(
      {
        reloadUnits: ['kube-apiserver.service', 'kubelet.service'],
        exec: [{ command: `${hook} "arg one"`, shell: false }],
        systemctl,
        timeoutMs: 10_000,
      },
      { SPIRE_HELPER_SPIFFE_ID: 'spiffe://td/x' },
      (chunk) => output.push(chunk),
    );
    t.same(
      results.map((r) => r.ok),
      [true, true],
    );
    t.equal(
      await readFile(log, 'utf8'),
      'systemctl --no-block try-reload-or-restart kube-apiserver.service kubelet.service\nhook arg one spiffe://td/x\n',
    );
    t.same(output, ['hook-output\n'], 'hook output is forwarded to the log, not to stdout');
  },
);

t.test('runHooks runs a shell only when asked', async (t) => {
  const dir = t.testdir();
  const out = join(dir, 'out');
  const results = await runHooks(
    {
      reloadUnits: [],
      exec: [{ command: `echo piped | tr a-z A-Z > ${out}`, shell: true }],
      timeoutMs: 10_000,
    },
    {},
    () => undefined,
  );
  t.equal(results[0]?.ok, true);
  t.equal(await readFile(out, 'utf8'), 'PIPED\n');
});

t.test('runHooks reports each failure and still runs the remaining hooks', async (t) => {
  const dir = t.testdir();
  const marker = join(dir, 'ran');
  const results = await runHooks(
    {
      reloadUnits: ['x.service'],
      exec: [
        { command: 'sh -c "exit 3"', shell: false },
        { command: join(dir, 'missing-program'), shell: false },
        { command: `touch ${marker}`, shell: false },
      ],
      systemctl: join(dir, 'no-systemctl'),
      timeoutMs: 10_000,
    },
    {},
    () => undefined,
  );
  t.same(
    results.map((r) => ({ ok: r.ok, exitCode: r.exitCode })),
    [
      { ok: false, exitCode: undefined },
      { ok: false, exitCode: 3 },
      { ok: false, exitCode: undefined },
      { ok: true, exitCode: 0 },
    ],
  );
  t.match(results[1]?.error, 'exited with code 3');
  t.match(results[2]?.error, /ENOENT|not found|no such file/i);
  t.equal(await readFile(marker, 'utf8'), '', 'the last hook ran');
});

t.test('runHooks stops a hook that outlives its timeout', async (t) => {
  const results = await runHooks(
    { reloadUnits: [], exec: [{ command: 'sleep 30', shell: false }], timeoutMs: 200 },
    {},
    () => undefined,
  );
  t.same(
    results.map((r) => ({ ok: r.ok, error: r.error })),
    [{ ok: false, error: 'timed out' }],
  );
});
