# Import a role by its role record's entry ID, <entry_id_prefix>role.<name> ("node-registrar." by default).
terraform import 'spire_node_role.worker' node-registrar.role.prod-worker
