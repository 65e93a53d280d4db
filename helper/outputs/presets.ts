// Tarmak's certificate inventory as presets: where each component's certificate lived, who owned it, which
// unit was restarted after a renewal and which kubeconfig pointed at it. Sources (jetstack/tarmak@151872f5c):
// puppet/modules/tarmak/manifests/{etcd,master,worker,overlay_calico}.pp (paths, uids, ExecStartPost hooks),
// puppet/modules/tarmak/manifests/init.pp (kubernetes uid/gid 837, etcd uid 873),
// puppet/modules/vault_client/manifests/cert_service.pp (gid 0, key 0600, certs 0644, dir 0750),
// puppet/modules/kubernetes/manifests/*.pp + templates/kubeconfig.erb (kubeconfig paths, 0640 root:kubernetes).
// Every preset selects its SVID by hint = preset name; registration entries for the node set that hint.

/** Where a Tarmak node runs the certificate (Puppet role). */
export type TarmakRole = 'etcd' | 'master' | 'worker';

export interface PresetHook {
  readonly command: string;
  /** Run through /bin/sh -c (the command uses a pipe). */
  readonly shell: boolean;
}

export interface KubeconfigPreset {
  readonly path: string;
  /** User entry name in the kubeconfig (a local label; the identity is the certificate). */
  readonly userName: string;
  readonly uid: number;
  readonly gid: number;
  readonly mode: number;
}

/** What vault-helper asked Vault for; documentation of what the SVID should carry (not enforced). */
export interface TarmakCertificate {
  /** The systemd unit that ran vault-helper. */
  readonly unit: string;
  readonly commonName: string;
  readonly organisation?: string;
  /** `<C>` cluster, `<Z>` DNS zone, `<fqdn>`, `<h>` hostname, `<th>` tarmak hostname, `<ip>` node IP. */
  readonly dnsSans: readonly string[];
  readonly ipSans: readonly string[];
  readonly consumers: string;
}

export interface Preset {
  readonly name: string;
  readonly summary: string;
  readonly roles: readonly TarmakRole[];
  /** Output base path: <base>.pem, <base>-key.pem, <base>-ca.pem. */
  readonly base: string;
  /** SVID hint to select (registration entry `hint`). */
  readonly hint: string;
  readonly uid: number;
  readonly gid: number;
  readonly certMode: number;
  readonly keyMode: number;
  /** Units reloaded (or restarted) after a change: `systemctl --no-block try-reload-or-restart`. */
  readonly reloadUnits: readonly string[];
  readonly exec: readonly PresetHook[];
  /** Tarmak prefixed every ExecStartPost with "-": a failing hook did not fail the unit. */
  readonly hookErrors: 'warn' | 'fail';
  readonly kubeconfig?: KubeconfigPreset;
  readonly tarmak: TarmakCertificate;
}

const KUBERNETES_UID = 837;
const KUBERNETES_GID = 837;
const ETCD_UID = 873;
const ROOT = 0;
const CERT_MODE = 0o644;
const KEY_MODE = 0o600;
const KUBECONFIG_MODE = 0o640;

function kubeconfig(file: string, userName: string): KubeconfigPreset {
  return { path: `/etc/kubernetes/${file}`, userName, uid: ROOT, gid: KUBERNETES_GID, mode: KUBECONFIG_MODE };
}

type PresetInput = Omit<Preset, 'hint' | 'certMode' | 'keyMode' | 'hookErrors' | 'exec' | 'gid'> &
  Partial<Pick<Preset, 'exec'>>;

function preset(input: PresetInput): Preset {
  return Object.freeze({
    hint: input.name,
    certMode: CERT_MODE,
    keyMode: KEY_MODE,
    gid: ROOT,
    hookErrors: 'warn' as const,
    exec: [],
    ...input,
  });
}

const ETCD_SERVER_SANS = {
  dnsSans: ['<th>.<C>.<Z>', '<fqdn>', 'localhost'],
  ipSans: ['127.0.0.1', '<ip>'],
};

export const PRESETS: readonly Preset[] = Object.freeze([
  preset({
    name: 'etcd-k8s',
    summary: 'etcd server and peer certificate of the Kubernetes etcd clusters (main and events)',
    roles: ['etcd'],
    base: '/etc/etcd/ssl/etcd-k8s',
    uid: ETCD_UID,
    reloadUnits: ['etcd-k8s-main.service', 'etcd-k8s-events.service'],
    tarmak: {
      unit: 'etcd-k8s-main-cert',
      commonName: 'etcd-server',
      ...ETCD_SERVER_SANS,
      consumers: 'etcd-k8s-main (2379/2380) and etcd-k8s-events (2369/2370): server, peer and trusted CA',
    },
  }),
  preset({
    name: 'etcd-events',
    summary: 'etcd server certificate for an events cluster given its own identity (Tarmak shared etcd-k8s)',
    roles: ['etcd'],
    base: '/etc/etcd/ssl/etcd-k8s-events',
    uid: ETCD_UID,
    reloadUnits: ['etcd-k8s-events.service'],
    tarmak: {
      unit: 'etcd-k8s-main-cert (shared)',
      commonName: 'etcd-server',
      ...ETCD_SERVER_SANS,
      consumers: 'etcd-k8s-events (2369/2370) when it no longer shares the etcd-k8s files',
    },
  }),
  preset({
    name: 'etcd-overlay',
    summary: 'etcd server certificate of the overlay (Calico) etcd cluster',
    roles: ['etcd'],
    base: '/etc/etcd/ssl/etcd-overlay',
    uid: ETCD_UID,
    reloadUnits: ['etcd-overlay.service'],
    tarmak: {
      unit: 'etcd-k8s-overlay-cert',
      commonName: 'etcd-server',
      ...ETCD_SERVER_SANS,
      consumers: 'etcd-overlay (2359/2360); absent when calico_backend=kubernetes',
    },
  }),
  preset({
    name: 'etcd-overlay-client',
    summary: 'Calico client certificate for the overlay etcd (masters and workers)',
    roles: ['master', 'worker'],
    base: '/etc/etcd/ssl/etcd-overlay',
    uid: ETCD_UID,
    reloadUnits: ['calico-node.service'],
    exec: [
      {
        command:
          'docker ps -q --filter=label=io.kubernetes.container.name=calico-policy-controller | xargs docker kill',
        shell: true,
      },
    ],
    tarmak: {
      unit: 'etcd-overlay-cert',
      commonName: 'etcd-client',
      dnsSans: ['<h>.<C>.<Z>'],
      ipSans: ['<ip>'],
      consumers:
        'calico-node and calico-policy-controller (etcd backend); absent when calico_backend=kubernetes',
    },
  }),
  preset({
    name: 'etcd-apiserver',
    summary: 'kube-apiserver client certificate for the Kubernetes etcd',
    roles: ['master'],
    base: '/etc/kubernetes/ssl/etcd-k8s',
    uid: KUBERNETES_UID,
    reloadUnits: ['kube-apiserver.service'],
    tarmak: {
      unit: 'etcd-apiserver-cert',
      commonName: 'etcd-client',
      dnsSans: ['<h>.<C>.<Z>'],
      ipSans: ['<ip>'],
      consumers: 'kube-apiserver --etcd-certfile/--etcd-keyfile/--etcd-cafile',
    },
  }),
  preset({
    name: 'kube-apiserver',
    summary: 'kube-apiserver serving certificate',
    roles: ['master'],
    base: '/etc/kubernetes/ssl/kube-apiserver',
    uid: KUBERNETES_UID,
    reloadUnits: ['kube-apiserver.service'],
    tarmak: {
      unit: 'kube-apiserver-cert',
      commonName: 'system:kube-apiserver',
      dnsSans: [
        'api.<C>.<Z>',
        'kubernetes',
        'kubernetes.default',
        'kubernetes.default.svc',
        'kubernetes.default.svc.cluster.local',
        'localhost',
      ],
      ipSans: ['<ip>', '10.254.0.1', '127.0.0.1'],
      consumers:
        'kube-apiserver --tls-cert-file/--tls-private-key-file; -ca.pem as --client-ca-file and --kubelet-certificate-authority',
    },
  }),
  preset({
    name: 'kube-apiserver-proxy',
    summary: 'kube-apiserver front-proxy (API aggregation) client certificate',
    roles: ['master'],
    base: '/etc/kubernetes/ssl/kube-apiserver-proxy',
    uid: KUBERNETES_UID,
    reloadUnits: ['kube-apiserver.service'],
    tarmak: {
      unit: 'kube-apiserver-proxy-cert',
      commonName: 'kube-apiserver-proxy',
      dnsSans: [],
      ipSans: [],
      consumers:
        'kube-apiserver --proxy-client-cert-file/--proxy-client-key-file; -ca.pem as --requestheader-client-ca-file',
    },
  }),
  preset({
    name: 'admin',
    summary: 'cluster admin client certificate (kubectl on masters, apiserver→kubelet client)',
    roles: ['master'],
    base: '/etc/kubernetes/ssl/kube-admin',
    uid: KUBERNETES_UID,
    reloadUnits: [],
    kubeconfig: kubeconfig('kubeconfig-kubectl', 'admin'),
    tarmak: {
      unit: 'kube-admin-cert',
      commonName: 'admin',
      organisation: 'system:masters',
      dnsSans: [],
      ipSans: [],
      consumers:
        'kube-apiserver --kubelet-client-certificate/--kubelet-client-key; /etc/kubernetes/kubeconfig-kubectl',
    },
  }),
  preset({
    name: 'kube-controller-manager',
    summary: 'kube-controller-manager client certificate',
    roles: ['master'],
    base: '/etc/kubernetes/ssl/kube-controller-manager',
    uid: KUBERNETES_UID,
    reloadUnits: ['kube-controller-manager.service'],
    kubeconfig: kubeconfig('kubeconfig-controller-manager', 'kube-controller-manager'),
    tarmak: {
      unit: 'kube-controller-manager-cert',
      commonName: 'system:kube-controller-manager',
      dnsSans: [],
      ipSans: [],
      consumers: '/etc/kubernetes/kubeconfig-controller-manager; -ca.pem as --root-ca-file',
    },
  }),
  preset({
    name: 'kube-scheduler',
    summary: 'kube-scheduler client certificate',
    roles: ['master'],
    base: '/etc/kubernetes/ssl/kube-scheduler',
    uid: KUBERNETES_UID,
    reloadUnits: ['kube-scheduler.service'],
    kubeconfig: kubeconfig('kubeconfig-scheduler', 'kube-scheduler'),
    tarmak: {
      unit: 'kube-scheduler-cert',
      commonName: 'system:kube-scheduler',
      dnsSans: [],
      ipSans: [],
      consumers: '/etc/kubernetes/kubeconfig-scheduler',
    },
  }),
  preset({
    name: 'kubelet',
    summary: 'kubelet client and serving certificate',
    roles: ['master', 'worker'],
    base: '/etc/kubernetes/ssl/kubelet',
    uid: KUBERNETES_UID,
    reloadUnits: ['kubelet.service'],
    kubeconfig: kubeconfig('kubeconfig-kubelet', 'kubelet'),
    tarmak: {
      unit: 'kubelet-cert',
      commonName: 'system:node:<fqdn>',
      organisation: 'system:nodes',
      dnsSans: ['<fqdn>'],
      ipSans: [],
      consumers:
        'kubelet /etc/kubernetes/kubeconfig-kubelet (client) and --tls-cert-file/--tls-private-key-file; -ca.pem as --client-ca-file',
    },
  }),
  preset({
    name: 'kube-proxy',
    summary: 'kube-proxy client certificate',
    roles: ['master', 'worker'],
    base: '/etc/kubernetes/ssl/kube-proxy',
    uid: KUBERNETES_UID,
    reloadUnits: ['kube-proxy.service'],
    kubeconfig: kubeconfig('kubeconfig-proxy', 'kube-proxy'),
    tarmak: {
      unit: 'kube-proxy-cert',
      commonName: 'system:kube-proxy',
      dnsSans: [],
      ipSans: [],
      consumers: '/etc/kubernetes/kubeconfig-proxy',
    },
  }),
]);

export const PRESET_NAMES: readonly string[] = PRESETS.map((p) => p.name);

/** Returns the preset called `name`, or undefined. */
export function findPreset(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name);
}
