output "cluster" {
  description = "What spire_cluster saw: readiness per member and whether they agree."
  value = {
    healthy       = data.spire_cluster.this.healthy
    ready_count   = data.spire_cluster.this.ready_count
    bundle_sha256 = data.spire_cluster.this.bundle_sha256
    status        = data.spire_cluster.this.status
  }
}

output "server_config_sha256" {
  description = "Hash of each member's server.conf (changes when a member must be restarted)."
  value       = { for name, config in data.spire_server_config.member : name => config.sha256 }
}

output "entry_ids" {
  description = "IDs of the managed workload entries."
  value       = spire_entry.workload[*].id
}
