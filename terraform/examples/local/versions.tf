terraform {
  required_version = ">= 1.6"

  required_providers {
    spire = {
      source = "registry.terraform.io/tarmak/spire"
    }
  }
}
