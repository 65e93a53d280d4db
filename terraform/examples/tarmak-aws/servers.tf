# N SPIRE servers across the availability zones (Tarmak: aws_instance.vault, 3 instances).

locals {
  spire_port   = 8081
  health_port  = 8080
  spire_subnet = { for i in range(var.spire_server_count) : i => var.private_subnets[i % length(var.private_subnets)] }
  # Fixed private IPs: each member's server.conf binds its own address.
  spire_servers = [for i in range(var.spire_server_count) : {
    name              = "spire-${i}"
    private_ip        = cidrhost(local.spire_subnet[i].cidr_block, 10 + floor(i / length(var.private_subnets)))
    availability_zone = local.spire_subnet[i].availability_zone
    subnet_id         = local.spire_subnet[i].id
  }]
}

module "spire" {
  source = "./modules/spire-config"

  trust_domain    = var.trust_domain
  servers         = [for s in local.spire_servers : { name = s.name, private_ip = s.private_ip, availability_zone = s.availability_zone }]
  server_port     = local.spire_port
  server_dns_name = "spire.${var.private_zone_name}"
  aws_region      = var.aws_region
  account_ids     = [data.aws_caller_identity.current.account_id]
  admin_ids       = ["spiffe://${var.trust_domain}/terraform"]

  datastore = {
    host     = aws_db_instance.spire.address
    port     = aws_db_instance.spire.port
    dbname   = aws_db_instance.spire.db_name
    username = aws_db_instance.spire.username
    password = random_password.spire_db.result
    ca_pem   = file(var.rds_ca_bundle_file)
  }

  root_ca = {
    cert_pem        = tls_self_signed_cert.spire_root.cert_pem
    cert_secret_arn = aws_secretsmanager_secret.spire_root_cert.arn
    key_secret_arn  = aws_secretsmanager_secret.spire_root_key.arn
  }

  composer = {
    plugin_cmd      = "/opt/bin/spire-credentialcomposer-k8s"
    plugin_checksum = var.composer_plugin_checksum
    rules_json      = file("${path.module}/../../../composer/rules/tarmak.json")
  }
}

resource "aws_security_group" "spire_server" {
  name   = "${var.cluster_name}-spire-server"
  vpc_id = var.vpc_id

  ingress {
    description = "Server API (agents, Terraform) through the load balancer"
    from_port   = local.spire_port
    to_port     = local.spire_port
    protocol    = "tcp"
    cidr_blocks = var.private_subnets[*].cidr_block
  }

  ingress {
    description = "Health listener (load balancer health checks)"
    from_port   = local.health_port
    to_port     = local.health_port
    protocol    = "tcp"
    cidr_blocks = var.private_subnets[*].cidr_block
  }

  egress {
    description = "PostgreSQL, KMS, Secrets Manager, EC2 and IAM APIs"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "spire_server" {
  for_each = { for s in local.spire_servers : s.name => s }

  ami                         = var.spire_server_ami
  instance_type               = "t3.medium"
  subnet_id                   = each.value.subnet_id
  private_ip                  = each.value.private_ip
  vpc_security_group_ids      = [aws_security_group.spire_server.id]
  iam_instance_profile        = aws_iam_instance_profile.spire_server.name
  user_data                   = module.spire.server_user_data[each.key]
  user_data_replace_on_change = true

  metadata_options {
    http_tokens = "required"
  }

  root_block_device {
    encrypted = true
  }

  tags = {
    Name                   = "${var.cluster_name}-${each.key}"
    tarmak_role            = "spire-server"
    spire_config_sha256    = module.spire.server_config_sha256[each.key]
    "tarmak.io/cluster"    = var.cluster_name
    "tarmak.io/spire-zone" = each.value.availability_zone
  }
}
