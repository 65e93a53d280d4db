# The upstream root every SPIRE server chains to (UpstreamAuthority "awssecret"). It replaces the
# self-signed Vault CA of Tarmak's terraform/amazon/modules/vault/tls.tf; agents bootstrap from its
# certificate instead of /etc/vault/ca.pem.

resource "tls_private_key" "spire_root" {
  algorithm   = "ECDSA"
  ecdsa_curve = "P384"
}

resource "tls_self_signed_cert" "spire_root" {
  private_key_pem       = tls_private_key.spire_root.private_key_pem
  is_ca_certificate     = true
  validity_period_hours = 24 * 365 * 10
  allowed_uses          = ["cert_signing", "crl_signing"]

  subject {
    common_name  = "${var.cluster_name} SPIRE root"
    organization = "Tarmak"
  }
}

resource "aws_kms_key" "spire_secrets" {
  description         = "${var.cluster_name}: SPIRE root CA secrets and the datastore"
  enable_key_rotation = true
}

resource "aws_secretsmanager_secret" "spire_root_cert" {
  name       = "${var.cluster_name}/spire/root-ca.pem"
  kms_key_id = aws_kms_key.spire_secrets.arn
}

resource "aws_secretsmanager_secret_version" "spire_root_cert" {
  secret_id     = aws_secretsmanager_secret.spire_root_cert.id
  secret_string = tls_self_signed_cert.spire_root.cert_pem
}

resource "aws_secretsmanager_secret" "spire_root_key" {
  name       = "${var.cluster_name}/spire/root-ca-key.pem"
  kms_key_id = aws_kms_key.spire_secrets.arn
}

resource "aws_secretsmanager_secret_version" "spire_root_key" {
  secret_id     = aws_secretsmanager_secret.spire_root_key.id
  secret_string = tls_private_key.spire_root.private_key_pem_pkcs8
}

# The spire provider pins the servers' SVIDs to this root.
resource "local_file" "spire_root_ca" {
  filename = "${path.root}/.spire/root-ca.pem"
  content  = tls_self_signed_cert.spire_root.cert_pem
}
