# spire_federated_bundle: a foreign trust domain's bundle set by hand (no bundle endpoint).

# X.509 roots only, as PEM.
variable "partner_roots_pem" {
  type = string
}

resource "spire_federated_bundle" "partner" {
  trust_domain = "partner.example"
  x509_pem     = var.partner_roots_pem
}

# The full SPIFFE bundle (X.509 and JWT authorities). Destroying it removes the trust domain from the
# entries that federate with it instead of failing (delete_mode "restrict", the default).
variable "mesh_bundle_json" {
  type = string
}

resource "spire_federated_bundle" "mesh" {
  trust_domain       = "mesh.example"
  spiffe_bundle_json = var.mesh_bundle_json
  delete_mode        = "dissociate"
}

resource "spire_entry" "frontend" {
  spiffe_id      = "spiffe://cluster.example.org/frontend"
  parent_id      = "spiffe://cluster.example.org/node/worker"
  selectors      = ["unix:user:frontend"]
  federates_with = [spire_federated_bundle.partner.trust_domain, spire_federated_bundle.mesh.trust_domain]
}

# The other form is filled in from the server.
output "mesh_roots_pem" {
  value = spire_federated_bundle.mesh.x509_pem
}
