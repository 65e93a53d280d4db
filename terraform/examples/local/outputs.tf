output "node_aliases" {
  description = "Role → node alias SPIFFE ID."
  value       = { for role, entry in spire_entry.node_alias : role => entry.spiffe_id }
}

output "components" {
  description = "spire-helper preset → its entry: SPIFFE ID, role alias, entry ID and DNS names."
  value = {
    for name, entry in spire_entry.component : name => {
      spiffe_id = entry.spiffe_id
      role      = local.components[name].role
      entry_id  = entry.id
      dns_names = entry.dns_names
    }
  }
}
