# spire_join_token: one token per bootstrap node. The token is sensitive and lives only in the state.

# A generated token with a node alias: workload entries are parented to the alias, which stays the same
# when the node re-attests with a new token.
resource "spire_join_token" "bastion" {
  ttl             = 3600
  agent_spiffe_id = "spiffe://cluster.example.org/node/bastion"
}

resource "spire_entry" "bastion_sshd" {
  spiffe_id = "spiffe://cluster.example.org/bastion/sshd"
  parent_id = spire_join_token.bastion.agent_spiffe_id
  selectors = ["unix:user:root"]
}

# One token per instance, handed over in user data (spire-agent run -joinToken ...). A new token is
# made only when the instance list changes; use `terraform apply -replace=...` to rotate one.
variable "instances" {
  type    = set(string)
  default = ["worker-0", "worker-1"]
}

resource "spire_join_token" "worker" {
  for_each = var.instances

  ttl             = 900
  agent_spiffe_id = "spiffe://cluster.example.org/node/${each.key}"
}

output "worker_join_tokens" {
  value     = { for name, t in spire_join_token.worker : name => t.token }
  sensitive = true
}

# A token value chosen elsewhere, passed in as a sensitive variable (TF_VAR_preshared_token).
variable "preshared_token" {
  type      = string
  sensitive = true
  default   = null
}

resource "spire_join_token" "preshared" {
  count = var.preshared_token == null ? 0 : 1

  ttl   = 600
  token = var.preshared_token
}
