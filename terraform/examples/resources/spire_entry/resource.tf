# spire_entry examples: a workload entry, and Tarmak's node-alias pattern (one alias per instance role,
# workloads parented to the alias instead of to individual agents).
terraform {
  required_providers {
    spire = { source = "registry.terraform.io/tarmak/spire" }
  }
}

variable "trust_domain" {
  type    = string
  default = "cluster.example.org"
}

locals {
  td = "spiffe://${var.trust_domain}"
}

# One node alias per role: every agent attested by aws_iid on an instance tagged role=<role> is also the
# alias spiffe://<td>/node/<role>. SPIRE's node entries are parented to the server itself.
resource "spire_entry" "node_alias" {
  for_each = toset(["etcd", "master", "worker"])

  id_suffix = "node-${each.key}"
  spiffe_id = "${local.td}/node/${each.key}"
  parent_id = "${local.td}/spire/server"
  selectors = ["aws_iid:tag:role:${each.key}"]
}

# The etcd server identity, issued on every etcd instance to the etcd process (by unix user).
resource "spire_entry" "etcd_server" {
  id_suffix     = "etcd-server"
  spiffe_id     = "${local.td}/etcd/server"
  parent_id     = spire_entry.node_alias["etcd"].spiffe_id
  selectors     = ["unix:user:etcd"]
  dns_names     = ["etcd.${var.trust_domain}", "*.etcd.${var.trust_domain}"]
  x509_svid_ttl = 86400
}

# The kube-apiserver's client identity towards etcd, with a hint for workloads holding several SVIDs.
resource "spire_entry" "apiserver_etcd_client" {
  spiffe_id     = "${local.td}/k8s/apiserver/etcd-client"
  parent_id     = spire_entry.node_alias["master"].spiffe_id
  selectors     = ["unix:user:kubernetes", "unix:path:/usr/bin/kube-apiserver"]
  x509_svid_ttl = 3600
  hint          = "etcd-client"
}

# Every field, for reference.
resource "spire_entry" "everything" {
  id_suffix      = "everything"
  spiffe_id      = "${local.td}/billing/api"
  parent_id      = spire_entry.node_alias["worker"].spiffe_id
  selectors      = ["k8s:ns:billing", "k8s:sa:api"]
  x509_svid_ttl  = 3600
  jwt_svid_ttl   = 300
  federates_with = [] # trust domain names, e.g. ["partner.example"], each with a federated bundle
  admin          = false
  downstream     = false
  expires_at     = "2030-01-01T00:00:00Z"
  dns_names      = ["api.billing.svc"]
  store_svid     = false
  hint           = "billing"
  additional_attributes = {
    disable_x509_svid_prefetch = false
    jwt_svid_include_jti       = true
  }
}
