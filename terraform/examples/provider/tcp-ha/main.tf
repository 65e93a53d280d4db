# The provider over TCP + mTLS to an HA cluster of SPIRE servers sharing one datastore. It presents an
# admin X509-SVID (its SPIFFE ID in the servers' admin_ids, or an entry with admin = true), and accepts
# only a server presenting spiffe://<trust_domain>/spire/server chained to the pinned bundle. Calls go
# to a server that accepts connections, and fail over to the next on UNAVAILABLE.
terraform {
  required_providers {
    spire = { source = "registry.terraform.io/tarmak/spire" }
  }
}

provider "spire" {
  address = [
    "spire-0.cluster.example.org:8081",
    "spire-1.cluster.example.org:8081",
    "spire-2.cluster.example.org:8081",
  ]
  trust_domain         = "cluster.example.org"
  admin_svid_cert_file = "/etc/spire/admin/svid.pem"
  admin_svid_key_file  = "/etc/spire/admin/svid-key.pem"
  server_bundle_file   = "/etc/spire/admin/bundle.pem"
  timeout_seconds      = 20
}
