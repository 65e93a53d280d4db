# spire_federation_relationship: the server fetches the partner's bundle from its bundle endpoint and keeps
# it current. The bootstrap bundle (SPIFFE bundle JSON) is only needed with https_spiffe.
variable "partner_bundle_json" {
  type        = string
  description = "The partner trust domain's SPIFFE bundle (for example its spire_bundle.spiffe_bundle_json)."
}

resource "spire_federation_relationship" "partner" {
  trust_domain            = "partner.example"
  bundle_endpoint_url     = "https://spire.partner.example:8443"
  bundle_endpoint_profile = "https_spiffe"
  endpoint_spiffe_id      = "spiffe://partner.example/spire/server"
  trust_domain_bundle     = var.partner_bundle_json
}

# An endpoint with a Web PKI certificate needs neither endpoint_spiffe_id nor a bootstrap bundle.
resource "spire_federation_relationship" "public" {
  trust_domain            = "public.example"
  bundle_endpoint_url     = "https://bundle.public.example/spiffe"
  bundle_endpoint_profile = "https_web"
}

# Workloads that trust the partner's identities too.
resource "spire_entry" "api" {
  spiffe_id      = "spiffe://cluster.example.org/api"
  parent_id      = "spiffe://cluster.example.org/node/worker"
  selectors      = ["unix:user:api"]
  federates_with = [spire_federation_relationship.partner.trust_domain]
}
