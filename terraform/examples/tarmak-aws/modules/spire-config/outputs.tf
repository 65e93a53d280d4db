output "server_user_data" {
  description = "cloud-init user-data of each server member (holds the datastore password)."
  value       = { for name, c in data.spire_server_config.member : name => c.user_data }
  sensitive   = true
}

output "server_hcl" {
  description = "server.conf of each member."
  value       = { for name, c in data.spire_server_config.member : name => c.hcl }
  sensitive   = true
}

output "server_hcl_redacted" {
  description = "server.conf of each member with secrets replaced, for review."
  value       = { for name, c in data.spire_server_config.member : name => c.hcl_redacted }
}

output "server_config_sha256" {
  description = "Hash of each member's server.conf: replace the instance when it changes."
  value       = { for name, c in data.spire_server_config.member : name => c.sha256 }
}

output "cluster_members" {
  description = "What spire_cluster checks across members: trust domain, upstream root, datastore type."
  value = { for name, c in data.spire_server_config.member : name => {
    trust_domain          = c.trust_domain
    upstream_authority_id = c.upstream_authority_id
    datastore_type        = "postgres"
  } }
}

output "node_alias_selector_sets" {
  description = "aws_iid selector sets (allowed account and region) for node-alias entries."
  value       = values(data.spire_server_config.member)[0].aws_iid_selector_sets
}

output "agent_user_data" {
  description = "cloud-init user-data of each node role."
  value       = { for role, c in data.spire_agent_config.role : role => c.user_data }
  sensitive   = true
}

output "agent_hcl" {
  description = "agent.conf of each node role."
  value       = { for role, c in data.spire_agent_config.role : role => c.hcl }
}
