variable "cluster_name" {
  description = "Tarmak cluster name; prefixes every resource."
  type        = string
  default     = "tarmak"
}

variable "trust_domain" {
  description = "The cluster's SPIFFE trust domain."
  type        = string
  default     = "cluster.tarmak.example"
}

variable "aws_region" {
  description = "AWS region of the cluster."
  type        = string
  default     = "eu-west-1"
}

variable "vpc_id" {
  description = "The cluster VPC."
  type        = string
}

variable "private_subnets" {
  description = "One private subnet per availability zone: SPIRE servers, RDS and the load balancer spread over them."
  type = list(object({
    id                = string
    availability_zone = string
    cidr_block        = string
  }))
}

variable "private_zone_id" {
  description = "Route 53 private hosted zone of the cluster."
  type        = string
}

variable "private_zone_name" {
  description = "Name of that zone (the SPIRE server name is spire.<zone>)."
  type        = string
}

variable "spire_server_count" {
  description = "How many SPIRE servers (Tarmak ran 3 Vault instances)."
  type        = number
  default     = 3
}

variable "spire_server_ami" {
  description = "AMI of the SPIRE servers (with spire-server and the composer plugin in /opt/bin)."
  type        = string
}

variable "node_ami" {
  description = "AMI of etcd, master and worker nodes (with spire-agent in /opt/bin)."
  type        = string
}

variable "node_groups" {
  description = "Instance type and size of each node role."
  type = map(object({
    instance_type = string
    min_size      = number
    max_size      = number
  }))
  default = {
    etcd   = { instance_type = "m5.large", min_size = 3, max_size = 3 }
    master = { instance_type = "m5.large", min_size = 2, max_size = 3 }
    worker = { instance_type = "m5.xlarge", min_size = 3, max_size = 10 }
  }
}

variable "composer_plugin_checksum" {
  description = "SHA-256 of /opt/bin/spire-credentialcomposer-k8s on the server AMI."
  type        = string
}

variable "terraform_admin_svid_cert_file" {
  description = "Terraform's admin X509-SVID (its SPIFFE ID is in admin_ids), PEM."
  type        = string
}

variable "terraform_admin_svid_key_file" {
  description = "Its private key, PEM (PKCS#8)."
  type        = string
}

variable "rds_ca_bundle_file" {
  description = "The RDS CA bundle (https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem) the servers verify PostgreSQL with (sslmode=verify-full)."
  type        = string
}
