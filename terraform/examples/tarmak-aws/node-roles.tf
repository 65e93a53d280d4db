# Per-node identities: the role rules spire-node-registrar applies on the SPIRE servers (docs/registrar.md).
# For every attested agent of a role, the registrar creates that node's entries, parented to that node's
# own agent and naming its EC2 private DNS name (and IP) in the SPIFFE ID:
#   spiffe://<td>/k8s/<cluster>/node/<fqdn>/<component>[/<ip>]
# so a node only ever gets its own certificates (Tarmak's vault-helper could sign any node name for any
# holder of the role's init token). Component names are the CredentialComposer rules' names
# (composer/rules/tarmak.json) and spire-helper's presets, which select by hint = component name.
# The registrar runs beside spire-server on every server (unit: docs/registrar/spire-node-registrar.service,
# with --ec2: the servers' role already allows ec2:DescribeInstances).

locals {
  # What the aws_iid attestor established about the node: its instance profile role (which an instance
  # cannot change) and the cluster it was launched for.
  node_role_selectors = { for role in keys(var.node_groups) : role => [
    "aws_iid:iamrole:${local.node_instance_role_arns[role]}",
    "aws_iid:tag:tarmak.io/cluster:${var.cluster_name}",
  ] }
  # spire-helper runs as root on the nodes.
  helper_selectors = ["unix:uid:0"]
  host_in_zone     = "{hostname}.${var.cluster_name}.${var.private_zone_name}"
  components = {
    etcd = {
      etcd-k8s     = { selectors = local.helper_selectors, dns_names = [local.host_in_zone, "{fqdn}"], with_ip = true }
      etcd-overlay = { selectors = local.helper_selectors, dns_names = [local.host_in_zone, "{fqdn}"], with_ip = true }
    }
    master = {
      kubelet                 = { selectors = local.helper_selectors, dns_names = ["{fqdn}"], with_ip = false }
      kube-proxy              = { selectors = local.helper_selectors, dns_names = [], with_ip = false }
      kube-scheduler          = { selectors = local.helper_selectors, dns_names = [], with_ip = false }
      kube-controller-manager = { selectors = local.helper_selectors, dns_names = [], with_ip = false }
      kube-apiserver-proxy    = { selectors = local.helper_selectors, dns_names = [], with_ip = false }
      admin                   = { selectors = local.helper_selectors, dns_names = [], with_ip = false }
      kube-apiserver          = { selectors = local.helper_selectors, dns_names = ["api.${var.cluster_name}.${var.private_zone_name}"], with_ip = true }
      etcd-apiserver          = { selectors = local.helper_selectors, dns_names = [local.host_in_zone], with_ip = true }
      etcd-overlay-client     = { selectors = local.helper_selectors, dns_names = [local.host_in_zone], with_ip = true }
    }
    worker = {
      kubelet             = { selectors = local.helper_selectors, dns_names = ["{fqdn}"], with_ip = false }
      kube-proxy          = { selectors = local.helper_selectors, dns_names = [], with_ip = false }
      etcd-overlay-client = { selectors = local.helper_selectors, dns_names = [local.host_in_zone], with_ip = true }
    }
  }
}

resource "spire_node_role" "this" {
  for_each = var.node_groups

  name            = "${var.cluster_name}-${each.key}"
  cluster         = var.cluster_name
  agent_selectors = local.node_role_selectors[each.key]
  fqdn            = "{ec2:private_dns_name}"
  ip              = "{ec2:private_ip}"
  components      = local.components[each.key]

  depends_on = [data.spire_cluster.this]
}
