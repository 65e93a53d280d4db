# The cluster check and the node identities, through the SPIRE provider.

# Every server up and serving one trust bundle before any entry changes; members that were rendered for
# another trust domain, root or a sqlite datastore fail the plan.
data "spire_cluster" "this" {
  trust_domain = var.trust_domain
  members = [for s in local.spire_servers : merge(module.spire.cluster_members[s.name], {
    name       = s.name
    address    = "${aws_instance.spire_server[s.name].private_ip}:${local.spire_port}"
    health_url = "http://${aws_instance.spire_server[s.name].private_ip}:${local.health_port}"
  })]
  min_ready              = floor(var.spire_server_count / 2) + 1
  wait_for_ready_seconds = 600
  admin_svid_cert_file   = var.terraform_admin_svid_cert_file
  admin_svid_key_file    = var.terraform_admin_svid_key_file
  server_bundle_file     = local_file.spire_root_ca.filename
}

# Node-alias entries: every agent of a role (its instance profile role) in an allowed account and region
# gets spiffe://<td>/tarmak/<cluster>/role/<role>; the role's workload entries hang off that ID.
# Tarmak's equivalent was one Vault init token per role (tarmak_vault_instance_role).
locals {
  node_alias = merge([
    for role in keys(var.node_groups) : {
      for i, set in module.spire.node_alias_selector_sets : "${role}-${i}" => {
        role      = role
        selectors = concat(set, ["aws_iid:iamrole:${local.node_instance_role_arns[role]}"])
      }
    }
  ]...)
}

resource "spire_entry" "node_alias" {
  for_each = local.node_alias

  id_suffix = "node-${each.key}"
  spiffe_id = "spiffe://${var.trust_domain}/tarmak/${var.cluster_name}/role/${each.value.role}"
  parent_id = "spiffe://${var.trust_domain}/spire/server"
  selectors = each.value.selectors

  depends_on = [data.spire_cluster.this]
}
