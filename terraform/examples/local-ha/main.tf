# An HA SPIRE Server cluster run locally: several servers sharing one datastore (the repository's SPIRE
# test double, `npm run sim -- --servers 3 --admin-id spiffe://example.org/terraform`), managed through
# terraform-provider-spire over TCP + mTLS with every server address configured.
#
# - spire_server_config renders each member's server.conf (what the servers would run on real hosts);
# - spire_cluster checks that every member is up and serves the same trust bundle, and the entries
#   depend on it, so a plan against a split cluster stops before an entry is touched;
# - spire_entry manages workload entries; when a server goes away mid-apply the provider fails over to
#   the next address.

terraform {
  required_providers {
    spire = {
      source = "tarmak/spire"
    }
  }
}

provider "spire" {
  address              = [for s in var.servers : s.address]
  trust_domain         = var.trust_domain
  admin_svid_cert_file = var.admin_svid_cert_file
  admin_svid_key_file  = var.admin_svid_key_file
  server_bundle_file   = var.server_bundle_file
}

locals {
  members = { for s in var.servers : s.name => s }
}

# server.conf of each member: one shared postgres datastore (the password comes from the environment
# through spire-server -expandEnv), one upstream root, join_token attestation, the health listener
# spire_cluster reads.
data "spire_server_config" "member" {
  for_each = local.members

  trust_domain = var.trust_domain
  ha           = length(var.servers) > 1
  bind_address = split(":", each.value.address)[0]
  bind_port    = tonumber(split(":", each.value.address)[1])
  data_dir     = "/var/lib/spire/server"
  admin_ids    = [var.terraform_spiffe_id]

  datastore {
    type              = "postgres"
    connection_string = "host=${var.datastore_host} dbname=spire user=spire password=$${SPIRE_DB_PASSWORD} sslmode=verify-full"
  }
  key_manager {
    type      = "disk"
    keys_path = "/var/lib/spire/server/keys.json"
  }
  upstream_authority {
    type           = "disk"
    cert_file_path = "/etc/spire/server/upstream-ca.pem"
    key_file_path  = "/etc/spire/server/upstream-ca-key.pem"
  }
  node_attestor {
    type = "join_token"
  }
  health_checks {
    bind_port = tonumber(regex(":(\\d+)$", each.value.health_url)[0])
  }
}

# Every member up, ready, and serving one trust bundle; a majority must be ready.
data "spire_cluster" "this" {
  trust_domain = var.trust_domain
  members = [for s in var.servers : {
    name                  = s.name
    address               = s.address
    health_url            = s.health_url
    trust_domain          = data.spire_server_config.member[s.name].trust_domain
    upstream_authority_id = data.spire_server_config.member[s.name].upstream_authority_id
    datastore_type        = "postgres"
  }]
  min_ready            = floor(length(var.servers) / 2) + 1
  admin_svid_cert_file = var.admin_svid_cert_file
  admin_svid_key_file  = var.admin_svid_key_file
  server_bundle_file   = var.server_bundle_file
}

resource "spire_entry" "workload" {
  count = var.workloads

  spiffe_id = "spiffe://${var.trust_domain}/workload/${count.index}"
  parent_id = var.agent_id
  selectors = ["unix:uid:${1000 + count.index}"]

  depends_on = [data.spire_cluster.this]
}
