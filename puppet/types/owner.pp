# @summary A user or group: a numeric id (Tarmak's `kubernetes` is 837, `etcd` 873) or a name.
type Spire::Owner = Variant[Integer[0], Pattern[/\A[a-z_][a-z0-9_-]*\$?\z/]]
