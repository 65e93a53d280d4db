# The admin X509-SVID and the server bundle fetched from a local SPIRE agent's Workload API, so no key
# material sits in files: the agent must issue this workload an identity that the servers treat as admin.
terraform {
  required_providers {
    spire = { source = "registry.terraform.io/tarmak/spire" }
  }
}

provider "spire" {
  address             = "spire.cluster.example.org:8081"
  trust_domain        = "cluster.example.org"
  workload_api_socket = "unix:///run/spire/agent/public/api.sock"
}
