# @summary A spire-helper preset (`spire-helper cert fetch --preset`; helper/outputs/presets.ts): Tarmak's
#   certificate inventory. The integration tests keep this list equal to the helper's.
type Spire::Preset = Enum[
  'etcd-k8s',
  'etcd-events',
  'etcd-overlay',
  'etcd-overlay-client',
  'etcd-apiserver',
  'kube-apiserver',
  'kube-apiserver-proxy',
  'admin',
  'kube-controller-manager',
  'kube-scheduler',
  'kubelet',
  'kube-proxy',
]
