import t from 'tap';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findPreset, PRESET_NAMES, PRESETS } from '../../../../helper/outputs/presets.js';
import { REPO_ROOT } from '../fixtures/agent.js';

// The Tarmak inventory (helper-anchors.md (b)): base path, owner uid, units restarted after renewal.
const INVENTORY: [name: string, base: string, uid: number, units: string[]][] = [
  ['etcd-k8s', '/etc/etcd/ssl/etcd-k8s', 873, ['etcd-k8s-main.service', 'etcd-k8s-events.service']],
  ['etcd-overlay', '/etc/etcd/ssl/etcd-overlay', 873, ['etcd-overlay.service']],
  ['etcd-overlay-client', '/etc/etcd/ssl/etcd-overlay', 873, ['calico-node.service']],
  ['etcd-apiserver', '/etc/kubernetes/ssl/etcd-k8s', 837, ['kube-apiserver.service']],
  ['kube-apiserver', '/etc/kubernetes/ssl/kube-apiserver', 837, ['kube-apiserver.service']],
  ['kube-apiserver-proxy', '/etc/kubernetes/ssl/kube-apiserver-proxy', 837, ['kube-apiserver.service']],
  ['admin', '/etc/kubernetes/ssl/kube-admin', 837, []],
  [
    'kube-controller-manager',
    '/etc/kubernetes/ssl/kube-controller-manager',
    837,
    ['kube-controller-manager.service'],
  ],
  ['kube-scheduler', '/etc/kubernetes/ssl/kube-scheduler', 837, ['kube-scheduler.service']],
  ['kubelet', '/etc/kubernetes/ssl/kubelet', 837, ['kubelet.service']],
  ['kube-proxy', '/etc/kubernetes/ssl/kube-proxy', 837, ['kube-proxy.service']],
];

t.test("presets reproduce Tarmak's certificate inventory", (t) => {
  for (const [name, base, uid, units] of INVENTORY) {
    const preset = findPreset(name);
    t.match(
      preset,
      { base, uid, gid: 0, certMode: 0o644, keyMode: 0o600, reloadUnits: units, hint: name },
      name,
    );
  }
  t.equal(findPreset('etcd-events')?.base, '/etc/etcd/ssl/etcd-k8s-events');
  t.equal(findPreset('nope'), undefined);
  t.end();
});

t.test('Tarmak ignored hook failures ("-" prefix); presets warn instead of failing', (t) => {
  t.ok(PRESETS.every((p) => p.hookErrors === 'warn'));
  t.same(findPreset('etcd-overlay-client')?.exec, [
    {
      command:
        'docker ps -q --filter=label=io.kubernetes.container.name=calico-policy-controller | xargs docker kill',
      shell: true,
    },
  ]);
  t.end();
});

t.test('component kubeconfigs sit where Tarmak put them, 0640 root:kubernetes', (t) => {
  const kubeconfigs = Object.fromEntries(
    PRESETS.filter((p) => p.kubeconfig).map((p) => [p.name, p.kubeconfig?.path]),
  );
  t.same(kubeconfigs, {
    admin: '/etc/kubernetes/kubeconfig-kubectl',
    'kube-controller-manager': '/etc/kubernetes/kubeconfig-controller-manager',
    'kube-scheduler': '/etc/kubernetes/kubeconfig-scheduler',
    kubelet: '/etc/kubernetes/kubeconfig-kubelet',
    'kube-proxy': '/etc/kubernetes/kubeconfig-proxy',
  });
  t.ok(
    PRESETS.every(
      (p) =>
        p.kubeconfig === undefined ||
        (p.kubeconfig.mode === 0o640 && p.kubeconfig.uid === 0 && p.kubeconfig.gid === 837),
    ),
  );
  t.end();
});

t.test('docs/helper/presets.md documents every preset', async (t) => {
  const doc = await readFile(join(REPO_ROOT, 'docs/helper/presets.md'), 'utf8');
  for (const name of PRESET_NAMES) t.match(doc, `\`${name}\``, name);
});
