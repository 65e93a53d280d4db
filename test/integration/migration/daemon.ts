// Dual trust in `spire-helper run`: extra_ca_files at the top level and per output reach every x509
// output's -ca.pem and its embedded kubeconfig's certificate-authority-data, after the SPIRE bundle; a
// daemon restarted without them writes the files again without them and runs the hooks.
import t from 'tap';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseCertificates } from '../../../src/core/x509/index.js';
import { startAgent, TD } from '../../unit/helper/fixtures/agent.js';
import { tinyCa } from '../../unit/helper/fixtures/certs.js';
import { startDaemon } from '../helper/fixtures/daemon.js';

t.setTimeout(60_000);

interface Kubeconfig {
  clusters: { cluster: Record<string, string> }[];
}

t.test('the daemon adds extra CA files to -ca.pem and embedded kubeconfigs, and drops them', async (t) => {
  const agent = await startAgent(t, {
    entries: [
      { spiffeId: `spiffe://${TD}/node/kubelet`, hint: 'kubelet' },
      { spiffeId: `spiffe://${TD}/node/etcd`, hint: 'etcd' },
    ],
  });
  const dir = agent.dir;
  const work = t.testdir();
  const k8s = await tinyCa('k8s.vault.example');
  const etcd = await tinyCa('etcd.vault.example');
  const files = { k8s: join(work, 'k8s.pem'), etcd: join(work, 'etcd.pem') };
  await writeFile(files.k8s, k8s.bundle().toPem());
  await writeFile(files.etcd, etcd.bundle().toPem());
  const hookLog = join(work, 'hook.log');
  const hook = join(work, 'hook');
  await writeFile(hook, `#!/bin/sh\necho "$SPIRE_HELPER_OUTPUT" >> ${hookLog}\n`);
  await chmod(hook, 0o755);
  const kubeconfig = join(dir, 'kubeconfig-kubelet');
  const outputs = (dual: boolean): Record<string, unknown>[] => [
    {
      name: 'kubelet',
      base: join(dir, 'ssl/kubelet'),
      hint: 'kubelet',
      exec: [hook],
      debounce: '10ms',
      kubeconfig: { path: kubeconfig, server: 'https://api.example:6443', embed: true },
    },
    {
      name: 'etcd',
      base: join(dir, 'ssl/etcd'),
      hint: 'etcd',
      exec: [hook],
      debounce: '10ms',
      ...(dual ? { extra_ca_files: [files.etcd] } : {}),
    },
  ];
  const spire = agent.sim.ca.bundleCertificates().map((cert) => cert.subject);
  const subjects = async (path: string): Promise<string[]> =>
    parseCertificates(await readFile(path, 'utf8')).map((cert) => cert.subject);
  const embedded = async (): Promise<string[]> => {
    const doc = parse(await readFile(kubeconfig, 'utf8')) as Kubeconfig;
    const data = doc.clusters[0]?.cluster['certificate-authority-data'] ?? '';
    return parseCertificates(Buffer.from(data, 'base64').toString()).map((cert) => cert.subject);
  };
  const hooks = async (): Promise<string[]> =>
    (await readFile(hookLog, 'utf8').catch(() => '')).split('\n').filter((line) => line !== '');

  const on = await startDaemon(t, join(dir, 'on'), {
    endpoint: agent.endpoint,
    extra_ca_files: [files.k8s],
    outputs: outputs(true),
  });
  await on.daemon.whenReady();
  await on.daemon.idle();
  t.same(await subjects(join(dir, 'ssl/kubelet-ca.pem')), [...spire, k8s.root.subject], 'top-level list');
  t.same(
    await subjects(join(dir, 'ssl/etcd-ca.pem')),
    [...spire, etcd.root.subject],
    "the output's own list",
  );
  t.same(await embedded(), [...spire, k8s.root.subject], 'the embedded kubeconfig trusts the same');
  await on.stop();
  t.same((await hooks()).sort(), ['etcd', 'kubelet']);

  const off = await startDaemon(t, join(dir, 'off'), { endpoint: agent.endpoint, outputs: outputs(false) });
  await off.daemon.whenReady();
  await off.daemon.idle();
  t.same(await subjects(join(dir, 'ssl/kubelet-ca.pem')), spire, 'dropped from -ca.pem');
  t.same(await subjects(join(dir, 'ssl/etcd-ca.pem')), spire);
  t.same(await embedded(), spire, 'dropped from the kubeconfig');
  await off.stop();
  t.same((await hooks()).sort(), ['etcd', 'etcd', 'kubelet', 'kubelet'], 'the change ran the hooks again');
});
