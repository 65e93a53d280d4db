# spire_entries: registration entries matching every given filter, whoever created them.

# Everything issued under the etcd node alias.
data "spire_entries" "etcd" {
  parent_id = "spiffe://cluster.example.org/node/etcd"
}

# Entries for root processes (selector sets containing unix:uid:0).
data "spire_entries" "root" {
  selectors = ["unix:uid:0"]
}

# Entries with exactly these selectors.
data "spire_entries" "etcd_user" {
  selectors      = ["unix:user:etcd", "unix:group:etcd"]
  selector_match = "exact"
}

# Entries federating with either trust domain.
data "spire_entries" "federated" {
  federates_with       = ["partner.example", "mesh.example"]
  federates_with_match = "any"
}

output "etcd_spiffe_ids" {
  value = data.spire_entries.etcd.entries[*].spiffe_id
}

output "admin_entry_ids" {
  value = [for e in data.spire_entries.root.entries : e.id if e.admin]
}
