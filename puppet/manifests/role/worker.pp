# @summary Certificates of a Tarmak worker (and of a master, which includes this): kubelet, kube-proxy
#   and Calico's overlay etcd client.
#
# Tarmak's `tarmak::worker` and `tarmak::overlay_calico` rendered `kubelet-cert`, `kube-proxy-cert` and
# `etcd-overlay-cert`; this renders the same units with spire-helper (presets `kubelet`, `kube-proxy`,
# `etcd-overlay-client`) and orders kubelet and kube-proxy after their certificates.
#
# @example
#   include spire::agent
#   include spire::role::worker
class spire::role::worker {
  include spire::role::common

  $ssl_dir = $spire::role::common::kubernetes_ssl_dir
  $kubelet_dns = $spire::role::common::verify_sans ? { true => [$spire::role::common::fqdn], default => [] }

  spire::cert_service { 'kubelet':
    preset         => 'kubelet',
    base_path      => "${ssl_dir}/kubelet",
    uid            => $spire::role::common::kubernetes_uid,
    alt_names      => $kubelet_dns,
    reload_units   => ['kubelet.service'],
    phase          => $spire::role::common::phases['worker'],
    extra_ca_files => $spire::role::common::vault_cas['k8s'],
  }
  spire::cert_service { 'kube-proxy':
    preset         => 'kube-proxy',
    base_path      => "${ssl_dir}/kube-proxy",
    uid            => $spire::role::common::kubernetes_uid,
    reload_units   => ['kube-proxy.service'],
    phase          => $spire::role::common::phases['worker'],
    extra_ca_files => $spire::role::common::vault_cas['k8s'],
  }
  if $spire::role::common::overlay_etcd {
    spire::cert_service { 'etcd-overlay':
      preset         => 'etcd-overlay-client',
      base_path      => "${spire::role::common::etcd_ssl_dir}/etcd-overlay",
      uid            => $spire::role::common::etcd_uid,
      alt_names      => $spire::role::common::etcd_client_dns,
      ip_sans        => $spire::role::common::etcd_client_ips,
      reload_units   => ['calico-node.service'],
      # The policy controller runs as a pod; killing its container makes the kubelet restart it.
      exec           => ['docker ps -q --filter=label=io.kubernetes.container.name=calico-policy-controller | xargs docker kill'],
      exec_shell     => true,
      phase          => $spire::role::common::phases['worker'],
      extra_ca_files => $spire::role::common::vault_cas['etcd-overlay'],
    }
  }

  # Before the spire phase, Tarmak's own consumer units already order themselves after these unit names.
  if $spire::role::common::manage_dependencies and $spire::role::common::phases['worker'] == 'spire' {
    spire::cert_consumer { 'kubelet.service':
      certificates => ['kubelet'],
      dependency   => $spire::role::common::dependency,
    }
    spire::cert_consumer { 'kube-proxy.service':
      certificates => ['kube-proxy'],
      dependency   => $spire::role::common::dependency,
    }
  }
}
