# The SPIRE servers' instance role: aws_iid attestation (ec2:DescribeInstances, iam:GetInstanceProfile,
# spiffe/spire doc/plugin_server_nodeattestor_aws_iid.md), the KMS KeyManager
# (doc/plugin_server_keymanager_aws_kms.md §AWS KMS Access, tag-based discovery) and the upstream root
# in Secrets Manager (doc/plugin_server_upstreamauthority_awssecret.md).

data "aws_iam_policy_document" "ec2_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "spire_server" {
  name               = "${var.cluster_name}-spire-server"
  assume_role_policy = data.aws_iam_policy_document.ec2_assume.json
}

data "aws_iam_policy_document" "spire_server" {
  statement {
    sid       = "NodeAttestationAwsIid"
    actions   = ["ec2:DescribeInstances", "iam:GetInstanceProfile"]
    resources = ["*"]
  }

  statement {
    sid = "KeyManagerAwsKms"
    actions = [
      "kms:CreateAlias",
      "kms:CreateKey",
      "kms:DescribeKey",
      "kms:GetPublicKey",
      "kms:ListAliases",
      "kms:ScheduleKeyDeletion",
      "kms:Sign",
      "kms:UpdateAlias",
      "kms:DeleteAlias",
      "kms:TagResource",
      "tag:GetResources",
    ]
    resources = ["*"]
  }

  statement {
    sid       = "UpstreamAuthorityAwsSecret"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_secretsmanager_secret.spire_root_cert.arn, aws_secretsmanager_secret.spire_root_key.arn]
  }

  statement {
    sid       = "DecryptSecrets"
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.spire_secrets.arn]
  }
}

resource "aws_iam_role_policy" "spire_server" {
  name   = "spire-server"
  role   = aws_iam_role.spire_server.id
  policy = data.aws_iam_policy_document.spire_server.json
}

resource "aws_iam_instance_profile" "spire_server" {
  name = "${var.cluster_name}-spire-server"
  role = aws_iam_role.spire_server.name
}

# One role per node group: aws_iid reports it as the selector aws_iid:iamrole:<arn>, which the
# node-alias entries in spire.tf select on.
resource "aws_iam_role" "node" {
  for_each           = var.node_groups
  name               = "${var.cluster_name}-${each.key}"
  assume_role_policy = data.aws_iam_policy_document.ec2_assume.json
}

resource "aws_iam_instance_profile" "node" {
  for_each = var.node_groups
  name     = "${var.cluster_name}-${each.key}"
  role     = aws_iam_role.node[each.key].name
}

locals {
  # The role ARN of each node group, as aws_iid reports it (spire.tf, node-roles.tf).
  node_instance_role_arns = { for group, role in aws_iam_role.node : group => role.arn }
}
