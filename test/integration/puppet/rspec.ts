// The rspec-puppet catalog tests (puppet/spec): every class, the defined types, the functions and each
// role, for files, modes, owners and unit contents. Any failing example fails this test, and names itself.
import t from 'tap';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { missing, PUPPET_DIR, run } from './fixtures/puppet.js';

t.setTimeout(180_000);

interface RspecReport {
  summary: { example_count: number; failure_count: number; errors_outside_of_examples_count: number };
  examples: { full_description: string; status: string; exception?: { message: string } }[];
}

const skip = (await missing(['rspec', 'puppet'])) ?? false;

t.test('rspec-puppet: every example passes', { skip }, async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'spire-rspec-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const report = join(dir, 'report.json');
  const result = await run('rspec', ['--format', 'progress', '--format', 'json', '--out', report], {
    cwd: PUPPET_DIR,
    timeoutMs: 170_000,
  });
  let parsed: RspecReport | undefined;
  try {
    parsed = JSON.parse(await readFile(report, 'utf8')) as RspecReport;
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined) {
    t.fail(`rspec wrote no report (exit ${result.exitCode})`, {
      stdout: result.stdout,
      stderr: result.stderr,
    });
    return;
  }
  for (const example of parsed.examples.filter((e) => e.status === 'failed')) {
    t.fail(example.full_description, { exception: example.exception?.message ?? '(no message)' });
  }
  t.equal(parsed.summary.errors_outside_of_examples_count, 0, result.stdout);
  t.equal(parsed.summary.failure_count, 0);
  t.ok(parsed.summary.example_count >= 100, `${parsed.summary.example_count} examples ran`);
  t.equal(result.exitCode, 0, result.stderr);
});
