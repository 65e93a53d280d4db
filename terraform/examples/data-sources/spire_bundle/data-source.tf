# spire_bundle: the server's own trust bundle.
data "spire_bundle" "own" {}

# PEM roots, for the agents' bootstrap bundle (spire-agent trust_bundle_path).
output "bootstrap_bundle_pem" {
  value = data.spire_bundle.own.x509_pem
}

# What a federation peer configures for this trust domain (its spire_federated_bundle or
# spire_federation_relationship.trust_domain_bundle).
output "spiffe_bundle_json" {
  value = data.spire_bundle.own.spiffe_bundle_json
}

output "jwt_key_ids" {
  value = data.spire_bundle.own.jwt_authorities[*].key_id
}
