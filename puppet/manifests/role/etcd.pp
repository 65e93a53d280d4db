# @summary Certificates of a Tarmak etcd node: the Kubernetes etcd clusters' and the overlay's.
#
# Tarmak's `tarmak::etcd` rendered `etcd-k8s-main-cert` and `etcd-k8s-overlay-cert` (vault_client); this
# renders the same units with spire-helper (presets `etcd-k8s` and `etcd-overlay`), owned by the `etcd`
# user, and orders the three etcd instances after them.
#
# @example
#   include spire::agent
#   include spire::role::etcd
class spire::role::etcd {
  include spire::role::common

  spire::cert_service { 'etcd-k8s-main':
    preset         => 'etcd-k8s',
    base_path      => "${spire::role::common::etcd_ssl_dir}/etcd-k8s",
    uid            => $spire::role::common::etcd_uid,
    alt_names      => $spire::role::common::etcd_server_dns,
    ip_sans        => $spire::role::common::etcd_server_ips,
    # Tarmak's events cluster shares the main cluster's files.
    reload_units   => ['etcd-k8s-main.service', 'etcd-k8s-events.service'],
    phase          => $spire::role::common::phases['etcd'],
    extra_ca_files => $spire::role::common::vault_cas['etcd-k8s'],
  }

  if $spire::role::common::overlay_etcd {
    spire::cert_service { 'etcd-k8s-overlay':
      preset         => 'etcd-overlay',
      base_path      => "${spire::role::common::etcd_ssl_dir}/etcd-overlay",
      uid            => $spire::role::common::etcd_uid,
      alt_names      => $spire::role::common::etcd_server_dns,
      ip_sans        => $spire::role::common::etcd_server_ips,
      reload_units   => ['etcd-overlay.service'],
      phase          => $spire::role::common::phases['etcd'],
      extra_ca_files => $spire::role::common::vault_cas['etcd-overlay'],
    }
  }

  # Before the spire phase, Tarmak's own consumer units already order themselves after these unit names.
  if $spire::role::common::manage_dependencies and $spire::role::common::phases['etcd'] == 'spire' {
    spire::cert_consumer { ['etcd-k8s-main.service', 'etcd-k8s-events.service']:
      certificates => ['etcd-k8s-main'],
      dependency   => $spire::role::common::dependency,
    }
    if $spire::role::common::overlay_etcd {
      spire::cert_consumer { 'etcd-overlay.service':
        certificates => ['etcd-k8s-overlay'],
        dependency   => $spire::role::common::dependency,
      }
    }
  }
}
