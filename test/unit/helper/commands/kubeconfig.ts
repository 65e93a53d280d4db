// `kubeconfig` reading the files of an output written by the output writer.
import t from 'tap';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { KubeconfigResult } from '../../../../helper/commands/kubeconfig.js';
import { writeSvid } from '../../../../helper/outputs/svid-files.js';
import { parseCertificates } from '../../../../src/core/x509/index.js';
import { runHelper, tempDir } from '../fixtures/agent.js';
import { tinyCa } from '../fixtures/certs.js';

interface Kubeconfig {
  clusters: { name: string; cluster: Record<string, string> }[];
  users: { name: string; user: Record<string, string> }[];
  contexts: { name: string; context: Record<string, string> }[];
  'current-context': string;
}

async function kubeletOutput(dir: string): Promise<string> {
  const ca = await tinyCa('cluster.example');
  const base = join(dir, 'ssl/kubelet');
  await writeSvid(await ca.leaf({ spiffeId: 'spiffe://cluster.example/node/kubelet' }), ca.bundles(), {
    base,
    certAccess: { mode: 0o644 },
    keyAccess: { mode: 0o600 },
    dirAccess: { mode: 0o750 },
  });
  return base;
}

t.test('references the certificate files with the real API server URL and the names given', async (t) => {
  const dir = await tempDir(t);
  const base = await kubeletOutput(dir);
  const path = join(dir, 'kubeconfig-kubelet');
  const run = await runHelper<KubeconfigResult>([
    'kubeconfig',
    base,
    path,
    '--server',
    'https://api.c1.example:6443',
    '--cluster-name',
    'c1',
    '--user-name',
    'system:node:node-1',
    '--json',
  ]);
  t.equal(run.exitCode, 0, 'exit 0');
  t.match(run.result, {
    path,
    outcome: 'written',
    embedded: false,
    mode: '0640',
    cluster: 'c1',
    user: 'system:node:node-1',
    context: 'default',
  });
  const doc = parse(await readFile(path, 'utf8')) as Kubeconfig;
  t.same(doc.clusters, [
    {
      name: 'c1',
      cluster: { server: 'https://api.c1.example:6443', 'certificate-authority': `${base}-ca.pem` },
    },
  ]);
  t.same(doc.users, [
    {
      name: 'system:node:node-1',
      user: { 'client-certificate': `${base}.pem`, 'client-key': `${base}-key.pem` },
    },
  ]);
  t.same(doc.contexts, [{ name: 'default', context: { cluster: 'c1', user: 'system:node:node-1' } }]);
  t.equal(doc['current-context'], 'default');
  t.equal((await stat(path)).mode & 0o7777, 0o640);
  const again = await runHelper<KubeconfigResult>([
    'kubeconfig',
    base,
    path,
    '--server',
    'https://api.c1.example:6443',
    '--cluster-name',
    'c1',
    '--user-name',
    'system:node:node-1',
    '--json',
  ]);
  t.equal(again.result?.outcome, 'unchanged');
});

t.test('--embed inlines the files and makes the kubeconfig 0600', async (t) => {
  const dir = await tempDir(t);
  const base = await kubeletOutput(dir);
  const path = join(dir, 'admin.conf');
  const run = await runHelper([
    'kubeconfig',
    base,
    path,
    '--server',
    'https://localhost:6443',
    '--embed',
    '--owner',
    '837',
  ]);
  t.equal(run.exitCode, 0, run.stderr);
  t.notMatch(run.stdout + run.stderr, /PRIVATE KEY|LS0t/, 'no key material printed');
  const doc = parse(await readFile(path, 'utf8')) as Kubeconfig;
  const data = (name: string): string =>
    Buffer.from(doc.users[0]?.user[name] ?? doc.clusters[0]?.cluster[name] ?? '', 'base64').toString();
  t.equal(data('client-certificate-data'), await readFile(`${base}.pem`, 'utf8'));
  t.equal(data('client-key-data'), await readFile(`${base}-key.pem`, 'utf8'));
  t.equal(data('certificate-authority-data'), await readFile(`${base}-ca.pem`, 'utf8'));
  const info = await stat(path);
  t.same([info.mode & 0o7777, info.uid], [0o600, 837]);
  const loose = await runHelper([
    'kubeconfig',
    base,
    path,
    '--server',
    'https://localhost:6443',
    '--embed',
    '--mode',
    '0644',
  ]);
  t.equal(loose.exitCode, 2, 'an embedded key is never readable by others');
});

t.test('a preset gives the Tarmak kubeconfig path, user name, mode and owner', async (t) => {
  const dir = await tempDir(t);
  const base = await kubeletOutput(dir);
  const path = join(dir, 'kubeconfig-proxy');
  const run = await runHelper<KubeconfigResult>([
    'kubeconfig',
    base,
    path,
    '--preset',
    'kube-proxy',
    '--server',
    'https://localhost:6443',
    '--json',
  ]);
  t.match(run.result, { user: 'kube-proxy', mode: '0640' });
  const info = await stat(path);
  t.same([info.mode & 0o7777, info.uid, info.gid], [0o640, 0, 837], '0640 root:kubernetes');
});

t.test('configuration errors exit 2 naming the flag; embedding missing files exits 5', async (t) => {
  const dir = await tempDir(t);
  const rows: [string[], RegExp][] = [
    [
      ['kubeconfig', join(dir, 'x'), join(dir, 'k'), '--server', 'http://api:8080'],
      /--server "http:\/\/api:8080" must be an https:\/\/ URL/,
    ],
    [
      ['kubeconfig', join(dir, 'x'), join(dir, 'k'), '--server', 'not a url'],
      /--server "not a url" is not a URL/,
    ],
    [['kubeconfig', join(dir, 'x'), join(dir, 'k')], /Missing required flag server/],
    [['kubeconfig', join(dir, 'x'), '--server', 'https://h:1'], /KUBECONFIG is required/],
    [['kubeconfig', '--preset', 'kube-apiserver', '--server', 'https://h:1'], /kube-apiserver has none/],
  ];
  for (const [args, message] of rows) {
    const run = await runHelper(args);
    t.equal(run.exitCode, 2, args.join(' '));
    t.match(run.stderr, message, args.join(' '));
    t.equal(run.stderr.split('\n').length, 2, `${args.join(' ')}: one line`);
  }
  const missing = await runHelper([
    'kubeconfig',
    join(dir, 'none'),
    join(dir, 'k'),
    '--server',
    'https://h:1',
    '--embed',
  ]);
  t.equal(missing.exitCode, 5);
  t.match(missing.stderr, /certificate file .*none\.pem does not exist/);
});

t.test(
  '--extra-ca-file with --embed adds the CA to certificate-authority-data; dropping it removes it',
  async (t) => {
    const dir = await tempDir(t);
    const base = await kubeletOutput(dir);
    const vault = await tinyCa('vault.example');
    const extra = join(dir, 'vault-ca.pem');
    await writeFile(extra, vault.bundle().toPem());
    const path = join(dir, 'kubeconfig-kubelet');
    const args = ['kubeconfig', base, path, '--server', 'https://localhost:6443', '--embed', '--json'];
    const caData = async (): Promise<string[]> => {
      const doc = parse(await readFile(path, 'utf8')) as Kubeconfig;
      const pem = Buffer.from(
        doc.clusters[0]?.cluster['certificate-authority-data'] ?? '',
        'base64',
      ).toString();
      return parseCertificates(pem).map((cert) => cert.subject);
    };
    const bundle = parseCertificates(await readFile(`${base}-ca.pem`, 'utf8')).map((cert) => cert.subject);

    const on = await runHelper<KubeconfigResult>([...args, '--extra-ca-file', extra]);
    t.equal(on.exitCode, 0, on.stderr);
    t.same(await caData(), [...bundle, vault.root.subject], 'the bundle first, then the extra CA');
    t.same(on.result?.extraCas, [{ file: extra, subject: vault.root.subject }]);
    const off = await runHelper<KubeconfigResult>(args);
    t.equal(off.result?.outcome, 'written', 'without the flag the kubeconfig changes');
    t.same(await caData(), bundle);

    const referenced = await runHelper([
      'kubeconfig',
      base,
      path,
      '--server',
      'https://localhost:6443',
      '--extra-ca-file',
      extra,
    ]);
    t.equal(referenced.exitCode, 2, 'a kubeconfig that references -ca.pem cannot add to it');
    t.match(
      referenced.stderr,
      /--extra-ca-file needs --embed: without it the kubeconfig trusts what .*kubelet-ca\.pem holds/,
    );
  },
);
