# A one-node Tarmak cluster registered in SPIRE: one node alias per Tarmak role, and one workload entry per
# certificate of Tarmak's Vault PKI inventory (docs/helper/presets.md), named the way the Tarmak
# CredentialComposer rules expect (docs/composer.md):
#   spiffe://<td>/k8s/<cluster>/node/<fqdn>/<component>[/<node ip>]
# The rules turn those IDs into Kubernetes names (CN system:node:<fqdn>, O system:nodes, IP SANs, ...);
# each entry carries the DNS names the rule does not add, and the hint spire-helper's preset selects by.
# `npm run demo` applies this against the repository's SPIRE test double; see README.md.

provider "spire" {
  address              = var.server_addresses
  trust_domain         = var.trust_domain
  admin_svid_cert_file = var.admin_svid_cert_file
  admin_svid_key_file  = var.admin_svid_key_file
  server_bundle_file   = var.server_bundle_file
  entry_id_prefix      = "tarmak-${var.cluster_name}-"
}

locals {
  cluster_domain = "${var.cluster_name}.${var.dns_zone}"
  node_id        = "spiffe://${var.trust_domain}/k8s/${var.cluster_name}/node/${var.node.fqdn}"
  etcd_server_dns = [
    "${var.node.tarmak_hostname}.${local.cluster_domain}",
    var.node.fqdn,
  ]
  etcd_client_dns = ["${var.node.hostname}.${local.cluster_domain}"]

  # Key = spire-helper preset (and entry hint). role = the Puppet class that issued the certificate in
  # Tarmak: tarmak::etcd, tarmak::master, or tarmak::worker (which masters apply too), so a master node
  # carries the master and the worker alias. path = the SPIFFE ID after the node.
  components = {
    "etcd-k8s"                = { role = "etcd", path = "etcd-k8s/${var.node.ip}", dns_names = local.etcd_server_dns }
    "etcd-overlay"            = { role = "etcd", path = "etcd-overlay/${var.node.ip}", dns_names = local.etcd_server_dns }
    "kube-apiserver"          = { role = "master", path = "kube-apiserver/${var.node.ip}", dns_names = concat(["api.${local.cluster_domain}"], var.apiserver_additional_san_domains) }
    "kube-apiserver-proxy"    = { role = "master", path = "kube-apiserver-proxy", dns_names = [] }
    "admin"                   = { role = "master", path = "admin", dns_names = [] }
    "etcd-apiserver"          = { role = "master", path = "etcd-apiserver/${var.node.ip}", dns_names = local.etcd_client_dns }
    "kube-controller-manager" = { role = "master", path = "kube-controller-manager", dns_names = [] }
    "kube-scheduler"          = { role = "master", path = "kube-scheduler", dns_names = [] }
    "kubelet"                 = { role = "worker", path = "kubelet", dns_names = [var.node.fqdn] }
    "kube-proxy"              = { role = "worker", path = "kube-proxy", dns_names = [] }
    "etcd-overlay-client"     = { role = "worker", path = "etcd-overlay-client/${var.node.ip}", dns_names = local.etcd_client_dns }
  }
}

# Node aliases: SPIRE parents node entries to the server itself; every agent whose attested selectors
# include a role's selectors receives the entries below that alias. This replaces Tarmak's Vault init
# token per role.
resource "spire_entry" "node_alias" {
  for_each = var.role_selectors

  id_suffix = "role-${each.key}"
  spiffe_id = "spiffe://${var.trust_domain}/tarmak/${var.cluster_name}/role/${each.key}"
  parent_id = "spiffe://${var.trust_domain}/spire/server"
  selectors = each.value
}

# One workload entry per certificate. With one node per role alias, per-node names (FQDN, IP) can hang off
# the role alias; with several nodes of a role, parent each node's entries to its own agent ID instead,
# since every agent matching a role alias receives every entry below it.
resource "spire_entry" "component" {
  for_each = local.components

  id_suffix     = each.key
  spiffe_id     = "${local.node_id}/${each.value.path}"
  parent_id     = spire_entry.node_alias[each.value.role].spiffe_id
  selectors     = var.workload_selectors
  dns_names     = each.value.dns_names
  hint          = each.key
  x509_svid_ttl = var.x509_svid_ttl
}
