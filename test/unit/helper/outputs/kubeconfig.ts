import t from 'tap';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { renderKubeconfig, writeKubeconfig } from '../../../../helper/outputs/kubeconfig.js';

const files = {
  cert: '/etc/kubernetes/ssl/kubelet.pem',
  key: '/etc/kubernetes/ssl/kubelet-key.pem',
  ca: '/etc/kubernetes/ssl/kubelet-ca.pem',
};

t.test('renderKubeconfig references the certificate files under one cluster, user and context', (t) => {
  const doc: unknown = parse(
    renderKubeconfig({
      server: 'https://api.c.example:6443',
      clusterName: 'c',
      userName: 'kubelet',
      contextName: 'ctx',
      files,
    }),
  );
  t.same(doc, {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      { name: 'c', cluster: { server: 'https://api.c.example:6443', 'certificate-authority': files.ca } },
    ],
    users: [{ name: 'kubelet', user: { 'client-certificate': files.cert, 'client-key': files.key } }],
    contexts: [{ name: 'ctx', context: { cluster: 'c', user: 'kubelet' } }],
    'current-context': 'ctx',
    preferences: {},
  });
  t.end();
});

t.test('renderKubeconfig names everything "default" like Tarmak unless told otherwise', (t) => {
  const doc = parse(renderKubeconfig({ server: 'https://localhost:6443', files })) as Record<string, unknown>;
  t.equal(doc['current-context'], 'default');
  t.match(doc, {
    clusters: [{ name: 'default' }],
    users: [{ name: 'default' }],
    contexts: [{ name: 'default' }],
  });
  t.end();
});

t.test('renderKubeconfig embeds base64 data with --embed', (t) => {
  const doc = parse(
    renderKubeconfig({
      server: 'https://localhost:6443',
      files,
      embed: { cert: Buffer.from('CERT'), key: Buffer.from('KEY'), ca: Buffer.from('CA') },
    }),
  ) as { clusters: { cluster: Record<string, string> }[]; users: { user: Record<string, string> }[] };
  t.same(doc.clusters[0]?.cluster, {
    server: 'https://localhost:6443',
    'certificate-authority-data': 'Q0E=',
  });
  t.same(doc.users[0]?.user, { 'client-certificate-data': 'Q0VSVA==', 'client-key-data': 'S0VZ' });
  t.end();
});

t.test('values cannot change the YAML structure (every string is quoted)', (t) => {
  const nasty = 'x\n  injected: true\n"quote": #comment';
  const doc = parse(
    renderKubeconfig({ server: 'https://h:1', userName: nasty, clusterName: ': [', files }),
  ) as {
    users: { name: string }[];
    clusters: { name: string }[];
  };
  t.equal(doc.users[0]?.name, nasty);
  t.equal(doc.clusters[0]?.name, ': [');
  t.end();
});

t.test('writeKubeconfig writes atomically with mode and owner, and skips an identical file', async (t) => {
  const path = join(t.testdir(), 'etc/kubeconfig-kubelet');
  const content = { server: 'https://localhost:6443', files };
  t.equal(
    await writeKubeconfig(path, content, { mode: 0o640, uid: 0, gid: 837 }, { mode: 0o750 }),
    'written',
  );
  const info = await stat(path);
  t.same([info.mode & 0o7777, info.uid, info.gid], [0o640, 0, 837]);
  t.equal(await readFile(path, 'utf8'), renderKubeconfig(content));
  t.equal(
    await writeKubeconfig(path, content, { mode: 0o640, uid: 0, gid: 837 }, { mode: 0o750 }),
    'unchanged',
  );
  t.equal((await stat(path)).ino, info.ino);
});
