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
# @param migration
#   Per role, the phase of a migration from Tarmak's Vault PKI (`Spire::MigrationPhase`): `vault_client`,
#   `trust`, `takeover` or `spire`; a role not listed is `spire`. `worker` covers the certificates of
#   `spire::role::worker`, which masters include too. Move one role at a time, in the order of
#   docs/migrating-from-vault-helper.md ("Zero-downtime migration runbook").
# @param extra_ca_files
#   Per Tarmak PKI (`k8s`, `k8s-api-proxy`, `etcd-k8s`, `etcd-overlay`), PEM files of its Vault CA that
#   spire-helper keeps in the `-ca.pem` of every certificate of that PKI (dual trust). Remove a PKI's
#   entry, once no Vault certificate of it is in use, to drop its CA again.
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
  Hash[Spire::Role, Spire::MigrationPhase] $migration = {},
  Hash[Spire::VaultPki, Array[Spire::AbsolutePath, 1]] $extra_ca_files = {},
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

  # The phase of each role, and the extra CA files of each PKI (none when not listed).
  $phases = Hash(['etcd', 'master', 'worker'].map |$role| { [$role, $migration[$role].lest || { 'spire' }] })
  $vault_cas = Hash(['k8s', 'k8s-api-proxy', 'etcd-k8s', 'etcd-overlay'].map |$pki| {
      [$pki, $extra_ca_files[$pki].lest || { [] }]
  })
}
