# The shared SQL datastore of the SPIRE servers: RDS PostgreSQL, Multi-AZ (SPIRE HA is "every server
# reads and writes one datastore", spiffe/spire doc/scaling_spire.md). It replaces Tarmak's Consul.

resource "random_password" "spire_db" {
  length  = 40
  special = false
}

resource "aws_db_subnet_group" "spire" {
  name       = "${var.cluster_name}-spire"
  subnet_ids = var.private_subnets[*].id
}

resource "aws_security_group" "spire_db" {
  name   = "${var.cluster_name}-spire-db"
  vpc_id = var.vpc_id

  ingress {
    description     = "PostgreSQL from the SPIRE servers"
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [aws_security_group.spire_server.id]
  }
}

resource "aws_db_instance" "spire" {
  identifier                 = "${var.cluster_name}-spire"
  engine                     = "postgres"
  engine_version             = "16"
  instance_class             = "db.t4g.medium"
  allocated_storage          = 20
  storage_encrypted          = true
  kms_key_id                 = aws_kms_key.spire_secrets.arn
  multi_az                   = true
  db_name                    = "spire"
  username                   = "spire"
  password                   = random_password.spire_db.result
  db_subnet_group_name       = aws_db_subnet_group.spire.name
  vpc_security_group_ids     = [aws_security_group.spire_db.id]
  backup_retention_period    = 7
  deletion_protection        = true
  auto_minor_version_upgrade = true
  skip_final_snapshot        = false
  final_snapshot_identifier  = "${var.cluster_name}-spire-final"
}
