# @summary Settings shared by the SPIRE agent, spire-helper and the certificate units.
#
# Every other class and defined type of this module reads these. `root` lets a whole role be applied
# into a scratch directory (tests, image builds): every file is written under it, while the contents
# (unit files, configurations) keep the paths the node will see.
#
# @example Defaults, on a node
#   include spire
#
# @example A role applied into a temporary root, without touching systemd
#   class { 'spire': root => '/tmp/node', manage_services => false }
#   include spire::role::worker
#
# @param root
#   Directory every managed file is written under; `/` on a node.
# @param bin_dir
#   Where the `spire-helper` launcher and (by default) the `spire-agent` binary live. Tarmak used /opt/bin.
# @param systemd_dir
#   Where unit files and drop-ins are written.
# @param socket_path
#   The SPIRE agent's Workload API socket; the agent listens on it and every spire-helper unit reads it.
# @param manage_services
#   Whether to run `systemctl daemon-reload`, enable and start units. Off for a scratch root, where
#   nothing may reach the host's systemd.
# @param exec_path
#   PATH for the commands this module runs (`systemctl`, `tar`, `sh`).
class spire (
  Spire::AbsolutePath $root = '/',
  Spire::AbsolutePath $bin_dir = '/opt/bin',
  Spire::AbsolutePath $systemd_dir = '/etc/systemd/system',
  Spire::AbsolutePath $socket_path = '/run/spire/sockets/agent.sock',
  Boolean $manage_services = true,
  String[1] $exec_path = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
) {
  # Prepended to every path Puppet writes; empty on a node.
  $prefix = $root ? {
    '/'     => '',
    default => $root,
  }
  $endpoint = "unix://${socket_path}"

  if $manage_services {
    exec { 'spire-systemd-daemon-reload':
      command     => 'systemctl daemon-reload',
      path        => $exec_path,
      refreshonly => true,
    }
  }
}
