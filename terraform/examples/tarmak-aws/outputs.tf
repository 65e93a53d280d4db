output "spire_server_address" {
  description = "What agents and Terraform dial."
  value       = "${aws_route53_record.spire.fqdn}:${local.spire_port}"
}

output "spire_cluster" {
  description = "Readiness of each server and the bundle they agree on."
  value = {
    healthy       = data.spire_cluster.this.healthy
    ready_count   = data.spire_cluster.this.ready_count
    bundle_sha256 = data.spire_cluster.this.bundle_sha256
  }
}

output "spire_server_config_redacted" {
  description = "server.conf of each member with secrets replaced."
  value       = module.spire.server_hcl_redacted
}
