# @summary One of the four PKIs Tarmak's Vault ran per cluster (`<cluster>/pki/<name>`), whose CA a
#   certificate of that PKI keeps trusting during a migration (`spire::role::common::extra_ca_files`).
type Spire::VaultPki = Enum['k8s', 'k8s-api-proxy', 'etcd-k8s', 'etcd-overlay']
