# The SPIRE part of the tarmak-aws example: server.conf for every server member and agent.conf plus
# cloud-init user-data for every node role, rendered by terraform-provider-spire. It uses no AWS
# resources, so it can be planned on its own (the repository's tests do, with literal inputs).

terraform {
  required_providers {
    spire = {
      source = "tarmak/spire"
    }
  }
}

locals {
  # lib/pq key=value form (spiffe/spire doc/plugin_server_datastore_sql.md); verify-full checks the RDS
  # certificate against the RDS CA bundle written by user_data.
  connection_string = join(" ", [
    "host=${var.datastore.host}",
    "port=${var.datastore.port}",
    "dbname=${var.datastore.dbname}",
    "user=${var.datastore.username}",
    "password=${var.datastore.password}",
    "sslmode=verify-full",
    "sslrootcert=${local.rds_ca_path}",
  ])
  rds_ca_path        = "/etc/spire/server/rds-ca.pem"
  composer_rules     = "/etc/spire/server/k8s-rules.json"
  server_data_dir    = "/var/lib/spire/server"
  server_member_keys = { for s in var.servers : s.name => s }
}

data "spire_server_config" "member" {
  for_each = local.server_member_keys

  trust_domain          = var.trust_domain
  ha                    = length(var.servers) > 1
  bind_address          = each.value.private_ip
  bind_port             = var.server_port
  data_dir              = local.server_data_dir
  log_format            = "json"
  ca_ttl                = "168h"
  default_x509_svid_ttl = "24h"
  admin_ids             = var.admin_ids

  datastore {
    type              = "postgres"
    connection_string = local.connection_string
    max_open_conns    = 20
    max_idle_conns    = 5
    conn_max_lifetime = "1h"
  }

  # Server CA keys live in KMS; each member keeps its own key identifier on its data volume.
  key_manager {
    type                           = "aws_kms"
    region                         = var.aws_region
    key_identifier_file            = "${local.server_data_dir}/kms-key-id"
    enable_tag_based_key_discovery = true
  }

  # Every member chains to the one root kept in Secrets Manager (the root Tarmak's Vault CA was).
  upstream_authority {
    type          = "awssecret"
    region        = var.aws_region
    cert_file_arn = var.root_ca.cert_secret_arn
    key_file_arn  = var.root_ca.key_secret_arn
  }

  node_attestor {
    type        = "aws_iid"
    account_ids = var.account_ids
    regions     = [var.aws_region]
  }

  health_checks {}

  telemetry {
    prometheus_port = 9988
  }

  credential_composer {
    name             = "k8s"
    plugin_cmd       = var.composer.plugin_cmd
    plugin_checksum  = var.composer.plugin_checksum
    plugin_data_file = local.composer_rules
  }

  extra_files = [
    { path = local.composer_rules, content = var.composer.rules_json, permissions = "0644" },
    { path = local.rds_ca_path, content = var.datastore.ca_pem, permissions = "0644" },
  ]
}

data "spire_agent_config" "role" {
  for_each = toset(var.roles)

  trust_domain     = var.trust_domain
  server_address   = var.server_dns_name
  server_port      = var.server_port
  trust_bundle_pem = var.root_ca.cert_pem
  node_attestor    = "aws_iid"
  log_format       = "json"

  health_checks {}

  enable_units = ["spire-agent.service"]
}
