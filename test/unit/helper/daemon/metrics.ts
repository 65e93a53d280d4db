// Prometheus textfile output: the exposition format node_exporter's textfile collector reads, label
// escaping, and an atomic replacement of the file.
import t from 'tap';
import { link, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Metrics, escapeLabel } from '../../../../helper/daemon/metrics.js';
import { tempDir } from '../fixtures/agent.js';

t.test('renders not-after, last rotation, failures and withdrawn per output, with HELP and TYPE', (t) => {
  const metrics = new Metrics();
  const kubelet = metrics.output('kubelet', 'x509');
  kubelet.spiffeId = 'spiffe://cluster.example/node/kubelet';
  kubelet.notAfterSeconds = 1_800_000_000;
  kubelet.lastRotationSeconds = 1_799_990_000;
  kubelet.written = true;
  kubelet.writeFailures = 2;
  const token = metrics.output('vault', 'jwt');
  token.withdrawn = true;
  token.hookFailures = 1;
  metrics.agentConnected = true;
  metrics.updates = 5;
  const text = metrics.render();
  t.match(
    text,
    /^# HELP spire_helper_output_not_after_timestamp_seconds .+\n# TYPE spire_helper_output_not_after_timestamp_seconds gauge\n/m,
  );
  t.match(
    text,
    /^spire_helper_output_not_after_timestamp_seconds\{output="kubelet",type="x509",spiffe_id="spiffe:\/\/cluster\.example\/node\/kubelet"\} 1800000000$/m,
  );
  t.notMatch(text, /not_after_timestamp_seconds\{output="vault"/, 'no sample for an unknown expiry');
  t.match(text, /^spire_helper_output_last_rotation_timestamp_seconds\{output="kubelet"\} 1799990000$/m);
  t.match(text, /^# TYPE spire_helper_output_write_failures_total counter$/m);
  t.match(text, /^spire_helper_output_write_failures_total\{output="kubelet"\} 2$/m);
  t.match(text, /^spire_helper_output_hook_failures_total\{output="vault"\} 1$/m);
  t.match(text, /^spire_helper_output_withdrawn\{output="vault"\} 1$/m);
  t.match(text, /^spire_helper_output_withdrawn\{output="kubelet"\} 0$/m);
  t.match(text, /^spire_helper_agent_connected 1$/m);
  t.match(text, /^spire_helper_updates_total 5$/m);
  t.match(text, /^spire_helper_ready 0$/m);
  t.ok(text.endsWith('\n'), 'ends with a newline');
  for (const line of text.split('\n').filter((l) => l !== '' && !l.startsWith('#'))) {
    t.match(line, /^[a-z_]+(\{[a-z_]+="(?:[^"\\]|\\.)*"(,[a-z_]+="(?:[^"\\]|\\.)*")*\})? -?[0-9.e+]+$/, line);
  }
  t.end();
});

t.test('label values escape backslash, double quote and newline', (t) => {
  t.equal(escapeLabel('a\\b"c\nd'), 'a\\\\b\\"c\\nd');
  t.end();
});

t.test('the textfile is written whole with mode 0644 and replaced atomically on each write', async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'textfile/spire_helper.prom');
  const metrics = new Metrics(file);
  metrics.output('kubelet', 'x509').written = true;
  await metrics.write();
  t.equal(await readFile(file, 'utf8'), metrics.render());
  t.equal((await stat(file)).mode & 0o777, 0o644);
  // A hard link keeps the old inode: an in-place rewrite would change what it shows, a rename does not.
  const before = join(dir, 'before.prom');
  await link(file, before);
  const old = await readFile(before, 'utf8');
  metrics.updates = 3;
  await Promise.all([metrics.write(), metrics.write(), metrics.write()]);
  t.match(await readFile(file, 'utf8'), /^spire_helper_updates_total 3$/m);
  t.equal(
    await readFile(before, 'utf8'),
    old,
    'the old file was replaced by a rename, never rewritten in place',
  );
});

t.test('without a textfile, write() does nothing', async (t) => {
  await new Metrics().write();
  t.pass();
});
