# Import an entry by its ID. IDs outside the provider's entry_id_prefix ("tf-" by default) are refused
# unless the provider block sets allow_foreign_entries = true.
terraform import 'spire_entry.etcd_server' tf-etcd-server
