# @summary Certificates of a Tarmak master: the control plane's, plus the worker's (a Tarmak master also
#   runs `tarmak::worker`).
#
# Tarmak's `tarmak::master` rendered `kube-apiserver-cert`, `kube-apiserver-proxy-cert` (API
# aggregation), `kube-admin-cert`, `etcd-apiserver-cert`, `kube-controller-manager-cert` and
# `kube-scheduler-cert`; this renders the same units with spire-helper and orders kube-apiserver,
# kube-controller-manager and kube-scheduler after their certificates.
#
# @example
#   include spire::agent
#   include spire::role::master
#
# @param api_aggregation
#   Render the front-proxy client certificate `kube-apiserver-proxy` (Tarmak: on for Kubernetes ≥ 1.7).
# @param apiserver_additional_san_domains
#   Further DNS SANs required of the API server certificate (with `verify_sans`).
# @param apiserver_additional_san_ips
#   Further IP SANs required of the API server certificate (with `verify_sans`).
# @param extra_dependencies
#   Further units each consumer is ordered after, such as the service-account key Tarmak read from Vault
#   (`{ 'kube-apiserver.service' => ['kube-service-account-key-secret.service'] }`).
class spire::role::master (
  Boolean $api_aggregation = true,
  Array[String[1]] $apiserver_additional_san_domains = [],
  Array[String[1]] $apiserver_additional_san_ips = [],
  Hash[Spire::UnitName, Array[Spire::UnitName]] $extra_dependencies = {},
) {
  include spire::role::common
  include spire::role::worker

  $ssl_dir = $spire::role::common::kubernetes_ssl_dir
  $uid = $spire::role::common::kubernetes_uid
  $verify = $spire::role::common::verify_sans

  $apiserver_dns = $verify ? {
    true    => unique([
        "${spire::role::common::api_prefix}.${spire::role::common::domain}",
        'kubernetes',
        'kubernetes.default',
        'kubernetes.default.svc',
        'kubernetes.default.svc.cluster.local',
        'localhost',
    ] + $apiserver_additional_san_domains),
    default => [],
  }
  $apiserver_ips = $verify ? {
    true    => unique([$spire::role::common::ipaddress, '10.254.0.1', '127.0.0.1'] + $apiserver_additional_san_ips),
    default => [],
  }

  spire::cert_service { 'kube-apiserver':
    preset         => 'kube-apiserver',
    base_path      => "${ssl_dir}/kube-apiserver",
    uid            => $uid,
    alt_names      => $apiserver_dns,
    ip_sans        => $apiserver_ips,
    reload_units   => ['kube-apiserver.service'],
    phase          => $spire::role::common::phases['master'],
    extra_ca_files => $spire::role::common::vault_cas['k8s'],
  }
  if $api_aggregation {
    spire::cert_service { 'kube-apiserver-proxy':
      preset         => 'kube-apiserver-proxy',
      base_path      => "${ssl_dir}/kube-apiserver-proxy",
      uid            => $uid,
      reload_units   => ['kube-apiserver.service'],
      phase          => $spire::role::common::phases['master'],
      extra_ca_files => $spire::role::common::vault_cas['k8s-api-proxy'],
    }
  }
  # The admin certificate is also the API server's client certificate towards kubelets; Tarmak did not
  # restart anything when it changed.
  spire::cert_service { 'kube-admin':
    preset         => 'admin',
    base_path      => "${ssl_dir}/kube-admin",
    uid            => $uid,
    phase          => $spire::role::common::phases['master'],
    extra_ca_files => $spire::role::common::vault_cas['k8s'],
  }
  spire::cert_service { 'etcd-apiserver':
    preset         => 'etcd-apiserver',
    base_path      => "${ssl_dir}/etcd-k8s",
    uid            => $uid,
    alt_names      => $spire::role::common::etcd_client_dns,
    ip_sans        => $spire::role::common::etcd_client_ips,
    reload_units   => ['kube-apiserver.service'],
    phase          => $spire::role::common::phases['master'],
    extra_ca_files => $spire::role::common::vault_cas['etcd-k8s'],
  }
  spire::cert_service { 'kube-controller-manager':
    preset         => 'kube-controller-manager',
    base_path      => "${ssl_dir}/kube-controller-manager",
    uid            => $uid,
    reload_units   => ['kube-controller-manager.service'],
    phase          => $spire::role::common::phases['master'],
    extra_ca_files => $spire::role::common::vault_cas['k8s'],
  }
  spire::cert_service { 'kube-scheduler':
    preset         => 'kube-scheduler',
    base_path      => "${ssl_dir}/kube-scheduler",
    uid            => $uid,
    reload_units   => ['kube-scheduler.service'],
    phase          => $spire::role::common::phases['master'],
    extra_ca_files => $spire::role::common::vault_cas['k8s'],
  }

  # Before the spire phase, Tarmak's own consumer units already order themselves after these unit names.
  if $spire::role::common::manage_dependencies and $spire::role::common::phases['master'] == 'spire' {
    # Tarmak ordered kube-apiserver after its serving, admin and proxy certificates; it also reads the
    # etcd client certificate, so it waits for that one too.
    $apiserver_certificates = ['kube-apiserver', 'kube-admin', 'etcd-apiserver'] + ($api_aggregation ? {
        true    => ['kube-apiserver-proxy'],
        default => [],
    })
    $consumers = {
      'kube-apiserver.service'          => $apiserver_certificates,
      'kube-controller-manager.service' => ['kube-controller-manager'],
      'kube-scheduler.service'          => ['kube-scheduler'],
    }
    $consumers.each |$consumer, $certificates| {
      spire::cert_consumer { $consumer:
        certificates => $certificates,
        dependency   => $spire::role::common::dependency,
        units        => $extra_dependencies[$consumer].lest || { [] },
      }
    }
  }
}
