variable "trust_domain" {
  description = "The cluster's trust domain."
  type        = string
  default     = "example.org"
}

variable "servers" {
  description = "The SPIRE servers: a name, the Server API address (host:port) and the health listener's base URL."
  type = list(object({
    name       = string
    address    = string
    health_url = string
  }))
}

variable "admin_svid_cert_file" {
  description = "PEM file with Terraform's admin X509-SVID (its ID is in every server's admin_ids)."
  type        = string
}

variable "admin_svid_key_file" {
  description = "The admin SVID's private key (PEM, PKCS#8)."
  type        = string
}

variable "server_bundle_file" {
  description = "The trust bundle the servers' SVIDs chain to (PEM)."
  type        = string
}

variable "terraform_spiffe_id" {
  description = "The SPIFFE ID of Terraform's admin SVID."
  type        = string
  default     = "spiffe://example.org/terraform"
}

variable "agent_id" {
  description = "The SPIFFE ID of the agent the workload entries hang off."
  type        = string
}

variable "workloads" {
  description = "How many workload entries to manage."
  type        = number
  default     = 12
}

variable "datastore_host" {
  description = "Host of the shared postgres datastore named in each member's server.conf."
  type        = string
  default     = "db.spire.internal"
}
