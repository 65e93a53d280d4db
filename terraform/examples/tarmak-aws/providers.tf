provider "aws" {
  region = var.aws_region
}

# Terraform reaches the servers through the load balancer name over TCP + mTLS, presenting an admin
# X509-SVID and pinning the servers to the upstream root (the same root agents bootstrap from).
provider "spire" {
  address              = "${aws_route53_record.spire.fqdn}:${local.spire_port}"
  trust_domain         = var.trust_domain
  admin_svid_cert_file = var.terraform_admin_svid_cert_file
  admin_svid_key_file  = var.terraform_admin_svid_key_file
  server_bundle_file   = local_file.spire_root_ca.filename
}

data "aws_caller_identity" "current" {}
