# @summary A Tarmak role whose certificates a role class of this module renders: `spire::role::etcd`,
#   `spire::role::master` or `spire::role::worker` (which masters include too).
type Spire::Role = Enum['etcd', 'master', 'worker']
