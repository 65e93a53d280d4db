variable "trust_domain" {
  description = "The cluster's trust domain."
  type        = string
}

variable "servers" {
  description = "The SPIRE server members: a name, the private IP the Server API binds, and the availability zone."
  type = list(object({
    name              = string
    private_ip        = string
    availability_zone = string
  }))
}

variable "server_port" {
  description = "Port of the Server API on every member and on the load balancer."
  type        = number
  default     = 8081
}

variable "server_dns_name" {
  description = "The name agents dial: the load balancer's Route 53 record."
  type        = string
}

variable "aws_region" {
  description = "Region of the cluster, its KMS keys and its secrets."
  type        = string
}

variable "account_ids" {
  description = "AWS accounts whose instances may attest with aws_iid."
  type        = list(string)
}

variable "datastore" {
  description = "The shared PostgreSQL datastore (RDS Multi-AZ)."
  type = object({
    host     = string
    port     = number
    dbname   = string
    username = string
    password = string
    ca_pem   = string
  })
  sensitive = true
}

variable "root_ca" {
  description = "The upstream root: its certificate (the agents' bootstrap bundle) and the Secrets Manager secrets holding certificate and key."
  type = object({
    cert_pem        = string
    cert_secret_arn = string
    key_secret_arn  = string
  })
}

variable "composer" {
  description = "spire-credentialcomposer-k8s: executable, its SHA-256 and the JSON rules (composer/rules/tarmak.json)."
  type = object({
    plugin_cmd      = string
    plugin_checksum = string
    rules_json      = string
  })
}

variable "admin_ids" {
  description = "SPIFFE IDs with admin access to the Server API (Terraform's own)."
  type        = list(string)
}

variable "roles" {
  description = "Node roles that run a SPIRE agent."
  type        = list(string)
  default     = ["etcd", "master", "worker"]
}
