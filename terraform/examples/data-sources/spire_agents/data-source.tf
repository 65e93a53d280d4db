# spire_agents: attested agents matching every given filter.

# The etcd nodes attested through aws_iid.
data "spire_agents" "etcd" {
  attestation_type = "aws_iid"
  selectors        = ["aws_iid:tag:role:etcd"]
}

# Banned agents.
data "spire_agents" "banned" {
  banned = true
}

output "etcd_agents" {
  value = { for a in data.spire_agents.etcd.agents : a.id => a.expires_at }
}

output "banned_agent_ids" {
  value = data.spire_agents.banned.agents[*].id
}
