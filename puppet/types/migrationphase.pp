# @summary Where a role's certificates come from during a migration from Tarmak's Vault PKI, in the order
#   a role goes through (see docs/migrating-from-vault-helper.md, "Zero-downtime migration runbook").
#
# * `vault_client`: Tarmak's `vault_client` units issue them; this module renders nothing for them (and
#   removes what a later phase rendered).
# * `trust`: vault-helper still issues them; spire-helper writes `<base>-ca.pem` with the SPIRE bundle and
#   the old PKI's CA (dual trust).
# * `takeover`: spire-helper issues them, through drop-ins on the `vault_client` units, which Tarmak's
#   classes still declare: same unit names, paths, owners, modes and reload hooks.
# * `spire`: this module's own units; Tarmak's `vault_client::cert_service` is no longer declared.
type Spire::MigrationPhase = Enum['vault_client', 'trust', 'takeover', 'spire']
