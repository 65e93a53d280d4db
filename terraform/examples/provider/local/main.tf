# The provider on the SPIRE server's local admin socket (run Terraform on a server host, or forward the
# socket). Every setting can also come from the environment: SPIRE_ADDRESS, SPIRE_TRUST_DOMAIN,
# SPIRE_ENTRY_ID_PREFIX, SPIRE_TIMEOUT_SECONDS.
terraform {
  required_providers {
    spire = { source = "registry.terraform.io/tarmak/spire" }
  }
}

provider "spire" {
  address         = "unix:///tmp/spire-server/private/api.sock"
  entry_id_prefix = "tf-cluster1-"
}
