variable "trust_domain" {
  description = "The cluster's SPIFFE trust domain."
  type        = string
}

variable "server_addresses" {
  description = "Server API addresses (host:port) of the SPIRE servers; the provider fails over between them."
  type        = list(string)
}

variable "admin_svid_cert_file" {
  description = "PEM file with Terraform's admin X509-SVID (its SPIFFE ID is in the servers' admin_ids)."
  type        = string
}

variable "admin_svid_key_file" {
  description = "The admin SVID's private key (PEM)."
  type        = string
}

variable "server_bundle_file" {
  description = "The trust bundle the servers' SVIDs chain to (PEM)."
  type        = string
}

variable "cluster_name" {
  description = "Tarmak cluster name (<C> in docs/composer.md)."
  type        = string
  default     = "demo"
}

variable "dns_zone" {
  description = "The cluster's private DNS zone (<Z>): names are <name>.<cluster>.<zone>."
  type        = string
  default     = "tarmak.local"
}

variable "node" {
  description = "The one node: FQDN, host name, Tarmak host name (etcd peers are <tarmak_hostname>.<C>.<Z>) and private IPv4 address."
  type = object({
    fqdn            = string
    hostname        = string
    tarmak_hostname = string
    ip              = string
  })
}

variable "role_selectors" {
  description = "Node selectors per Tarmak role: every agent having all selectors of a role is that role's node alias. On AWS these are aws_iid selectors (see ../tarmak-aws); the test double's simulated agent carries sim:role:<role>."
  type        = map(list(string))
  default = {
    etcd   = ["sim:role:etcd"]
    master = ["sim:role:master"]
    worker = ["sim:role:worker"]
  }

  validation {
    condition     = alltrue([for role in ["etcd", "master", "worker"] : contains(keys(var.role_selectors), role)])
    error_message = "role_selectors needs the roles etcd, master and worker."
  }
}

variable "workload_selectors" {
  description = "Workload selectors of the process running spire-helper (Tarmak's cert units ran as root)."
  type        = list(string)
  default     = ["unix:uid:0"]
}

variable "apiserver_additional_san_domains" {
  description = "More DNS names for the API server's serving certificate (Tarmak apiserver_additional_san_domains)."
  type        = list(string)
  default     = []
}

variable "x509_svid_ttl" {
  description = "X509-SVID lifetime in seconds; 0 is the servers' default_x509_svid_ttl (SPIRE: 1 h). The agent rotates at half-life."
  type        = number
  default     = 0
}
