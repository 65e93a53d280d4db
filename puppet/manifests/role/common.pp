# @summary Cluster-wide settings of the role profiles, as Tarmak's `tarmak` class held them.
#
# Included by `spire::role::etcd`, `spire::role::master` and `spire::role::worker`; set its parameters
# through Hiera (`spire::role::common::cluster_name: …`) or declare it before them.
#
# @param kubernetes_ssl_dir
#   Directory of the Kubernetes certificates.
# @param etcd_ssl_dir
#   Directory of the etcd certificates.
# @param kubernetes_uid
#   Owner of the Kubernetes certificates: Tarmak's `kubernetes` user.
# @param etcd_uid
#   Owner of the etcd certificates: Tarmak's `etcd` user.
# @param overlay_etcd
#   Whether Calico keeps its state in the overlay etcd cluster (Tarmak's `calico_backend => 'etcd'`); with
#   the Kubernetes backend the overlay certificates are not rendered.
# @param manage_dependencies
#   Render the drop-ins that order each consumer after its certificate units.
# @param dependency
#   `Requires` (Tarmak) or `Wants`; see `spire::cert_consumer`.
# @param verify_sans
#   Make spire-helper check the DNS and IP SANs Tarmak's Vault roles issued, and refuse an SVID without
#   them. Off by default: registration entries carry DNS names only, and the IP SANs need the project's
#   CredentialComposer plugin.
# @param cluster_name
#   Tarmak cluster name (`<C>`); needed with `verify_sans`.
# @param dns_root
#   Private DNS zone (`<Z>`); needed with `verify_sans`.
# @param api_prefix
#   Host part of the API server's name (`api.<C>.<Z>`).
# @param tarmak_hostname
#   Tarmak's host name of the node (`etcd-1`), used in the etcd server SANs.
# @param fqdn
#   The node's FQDN.
# @param hostname
#   The node's short host name.
# @param ipaddress
#   The node's IP address.
class spire::role::common (
  Spire::AbsolutePath $kubernetes_ssl_dir = '/etc/kubernetes/ssl',
  Spire::AbsolutePath $etcd_ssl_dir = '/etc/etcd/ssl',
  Spire::Owner $kubernetes_uid = 837,
  Spire::Owner $etcd_uid = 873,
  Boolean $overlay_etcd = true,
  Boolean $manage_dependencies = true,
  Enum['Requires', 'Wants'] $dependency = 'Requires',
  Boolean $verify_sans = false,
  Optional[String[1]] $cluster_name = undef,
  Optional[String[1]] $dns_root = undef,
  String[1] $api_prefix = 'api',
  Optional[String[1]] $tarmak_hostname = undef,
  String[1] $fqdn = $facts['networking']['fqdn'],
  String[1] $hostname = $facts['networking']['hostname'],
  String[1] $ipaddress = $facts['networking']['ip'],
) {
  if $verify_sans and ($cluster_name == undef or $dns_root == undef) {
    fail('spire::role::common: verify_sans needs cluster_name and dns_root')
  }
  $domain = "${cluster_name}.${dns_root}"
  $etcd_node_name = $tarmak_hostname ? { undef => $hostname, default => $tarmak_hostname }
  # SANs of etcd's server certificates and of the etcd clients' certificates (Tarmak etcd.pp, master.pp,
  # overlay_calico.pp).
  $etcd_server_dns = $verify_sans ? {
    true    => unique(["${etcd_node_name}.${domain}", $fqdn, 'localhost']),
    default => [],
  }
  $etcd_server_ips = $verify_sans ? { true => unique(['127.0.0.1', $ipaddress]), default => [] }
  $etcd_client_dns = $verify_sans ? { true => ["${hostname}.${domain}"], default => [] }
  $etcd_client_ips = $verify_sans ? { true => [$ipaddress], default => [] }
}
