# spire_node_role examples: Tarmak's three instance pools as role rules for spire-node-registrar. Every
# EC2 instance of a pool attests with aws_iid; the registrar gives each one its own entries, parented to
# that instance's agent, with the node's FQDN (and IP) in the SPIFFE ID:
#   spiffe://<td>/k8s/<cluster>/node/<fqdn>/<component>[/<ip>]
# so a worker can only ever obtain its own kubelet certificate. Component names are the CredentialComposer
# rule names (composer/rules/tarmak.json); the hint is what spire-helper's presets select by.
terraform {
  required_providers {
    spire = { source = "registry.terraform.io/tarmak/spire" }
  }
}

variable "cluster" {
  type    = string
  default = "prod"
}

variable "private_zone" {
  type    = string
  default = "tarmak.local"
}

locals {
  # Tags the aws_iid attestor reads from EC2 at attestation. Instances must not be allowed to change their
  # own tags (no ec2:CreateTags for the instance profile), or a node could pick its role.
  pool = { for role in ["etcd", "master", "worker"] : role => [
    "aws_iid:tag:tarmak_cluster:${var.cluster}",
    "aws_iid:tag:tarmak_role:${role}",
  ] }
  # spire-helper runs as root; it picks each SVID by hint (its preset name).
  root = ["unix:uid:0"]
}

resource "spire_node_role" "worker" {
  name            = "${var.cluster}-worker"
  cluster         = var.cluster
  agent_selectors = local.pool["worker"]
  # The EC2 private DNS name (the Kubernetes node name with the AWS cloud provider) and private address;
  # both need the registrar's --ec2.
  fqdn = "{ec2:private_dns_name}"
  ip   = "{ec2:private_ip}"

  components = {
    kubelet             = { selectors = local.root, dns_names = ["{fqdn}"] }
    kube-proxy          = { selectors = local.root }
    etcd-overlay-client = { selectors = local.root, dns_names = ["{hostname}.${var.cluster}.${var.private_zone}"], with_ip = true }
  }
}

resource "spire_node_role" "master" {
  name            = "${var.cluster}-master"
  cluster         = var.cluster
  agent_selectors = local.pool["master"]
  fqdn            = "{ec2:private_dns_name}"
  ip              = "{ec2:private_ip}"

  components = {
    kubelet                 = { selectors = local.root, dns_names = ["{fqdn}"] }
    kube-proxy              = { selectors = local.root }
    kube-scheduler          = { selectors = local.root }
    kube-controller-manager = { selectors = local.root }
    kube-apiserver-proxy    = { selectors = local.root }
    admin                   = { selectors = local.root }
    kube-apiserver = {
      selectors = local.root
      dns_names = ["api.${var.cluster}.${var.private_zone}"]
      with_ip   = true
    }
    etcd-apiserver = {
      selectors = local.root
      dns_names = ["{hostname}.${var.cluster}.${var.private_zone}"]
      with_ip   = true
    }
    etcd-overlay-client = { selectors = local.root, dns_names = ["{hostname}.${var.cluster}.${var.private_zone}"], with_ip = true }
  }
}

resource "spire_node_role" "etcd" {
  name            = "${var.cluster}-etcd"
  cluster         = var.cluster
  agent_selectors = local.pool["etcd"]
  fqdn            = "{ec2:private_dns_name}"
  ip              = "{ec2:private_ip}"

  components = {
    etcd-k8s = {
      selectors = ["unix:uid:0"]
      # Tarmak's etcd host names (etcd-1, etcd-2, ...) come from the Name tag of each instance.
      dns_names = ["{selector:aws_iid:tag:Name}.${var.cluster}.${var.private_zone}", "{fqdn}"]
      with_ip   = true
    }
    etcd-overlay = {
      selectors = ["unix:uid:0"]
      dns_names = ["{selector:aws_iid:tag:Name}.${var.cluster}.${var.private_zone}", "{fqdn}"]
      with_ip   = true
    }
  }
}

# Without EC2 lookups: VPCs with resource-based host names name each instance after its ID.
resource "spire_node_role" "bastion" {
  name            = "${var.cluster}-bastion"
  cluster         = var.cluster
  agent_selectors = ["aws_iid:tag:tarmak_role:bastion"]
  fqdn            = "{selector:aws_iid:instance:id}.{selector:aws_iid:region}.compute.internal"

  components = {
    sshd = { selectors = ["unix:uid:0"], dns_names = ["{fqdn}"] }
  }
}
