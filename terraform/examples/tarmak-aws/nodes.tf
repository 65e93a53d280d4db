# etcd, master and worker groups. Their user-data comes from spire_agent_config: agent.conf, the
# bootstrap bundle (the upstream root) and the spire-agent unit. With aws_iid nothing secret is in it,
# unlike Tarmak's vault init tokens.

resource "aws_security_group" "node" {
  for_each = var.node_groups
  name     = "${var.cluster_name}-${each.key}"
  vpc_id   = var.vpc_id

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_launch_template" "node" {
  for_each = var.node_groups

  name_prefix   = "${var.cluster_name}-${each.key}-"
  image_id      = var.node_ami
  instance_type = each.value.instance_type
  user_data     = base64encode(module.spire.agent_user_data[each.key])

  iam_instance_profile {
    arn = aws_iam_instance_profile.node[each.key].arn
  }

  vpc_security_group_ids = [aws_security_group.node[each.key].id]

  metadata_options {
    http_tokens = "required"
  }

  tag_specifications {
    resource_type = "instance"
    tags = {
      Name                = "${var.cluster_name}-${each.key}"
      tarmak_role         = each.key
      "tarmak.io/cluster" = var.cluster_name
    }
  }
}

resource "aws_autoscaling_group" "node" {
  for_each = var.node_groups

  name                = "${var.cluster_name}-${each.key}"
  min_size            = each.value.min_size
  max_size            = each.value.max_size
  vpc_zone_identifier = var.private_subnets[*].id

  launch_template {
    id      = aws_launch_template.node[each.key].id
    version = aws_launch_template.node[each.key].latest_version
  }

  # A new agent configuration rolls the group.
  instance_refresh {
    strategy = "Rolling"
  }
}
