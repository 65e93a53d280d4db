# @summary Installs spire-helper and its runtime, and sets how certificates are kept fresh.
#
# Two modes, chosen here and followed by every `spire::cert_service`:
#
# * `oneshot` (Tarmak's pattern): each certificate gets `<name>-cert.service`, a oneshot running
#   `spire-helper cert fetch`, and `<name>-cert.timer` that reruns it every `frequency` seconds.
# * `daemon`: one `spire-helper.service` (`Type=notify`) runs `spire-helper run --config` with every
#   certificate listed in one configuration file, and follows the agent's rotations as they happen. Each
#   certificate still gets `<name>-cert.service`, a oneshot that checks the files once the daemon is
#   ready, so units ordered after `<name>-cert.service` keep working in both modes.
#
# The launcher `spire-helper` in `$spire::bin_dir` runs the installed helper with `node_binary`.
# Nothing is downloaded: the helper comes from an archive given as a file `source`, an OS package, or is
# already in place (`install_method => 'none'`, for example baked into the image).
#
# @example From an archive served by the Puppet server, daemon mode
#   class { 'spire::helper':
#     mode           => 'daemon',
#     install_method => 'archive',
#     archive_source => 'puppet:///modules/site/spire-helper-0.1.0.tar.gz',
#     node_binary    => '/opt/node-24/bin/node',
#   }
#
# @param mode
#   `oneshot` (units and timers per certificate) or `daemon` (one service for all of them).
# @param install_method
#   `archive` unpacks `archive_source` into `install_dir`; `package` installs `package_name`; `none`
#   expects the helper in `install_dir` already.
# @param install_dir
#   Where the helper lives; its launcher is `helper/bin/spire-helper` below it.
# @param archive_source
#   A gzipped tarball as a file `source` (`puppet:///…` or a local path), with one top-level directory
#   holding the repository layout (`helper/bin/spire-helper`, `node_modules/`, `dist/` or the sources),
#   as `npm pack` of a bundled build produces. Unpacked again whenever its content changes.
# @param package_name
#   OS package that installs the helper into `install_dir` (`install_method => 'package'`).
# @param package_ensure
#   `ensure` of that package (`installed`, `latest` or a version).
# @param node_binary
#   Node.js 22 or later that runs the helper.
# @param node_package
#   OS package to install for `node_binary`, if any.
# @param config_dir
#   Daemon mode: directory of `config.json` and its per-certificate fragments.
# @param frequency
#   Oneshot mode: seconds between two runs of a certificate unit (Tarmak: 86400 for 30-day Vault
#   certificates; SPIRE SVIDs live 1 h by default, so minutes). A run with nothing new writes nothing.
# @param renew_before
#   Default `--renew-before` of every certificate: rewrite (and restart the consumer) only when less than
#   this is left. Unset: follow every rotation of the agent.
# @param wait_timeout
#   Default `--wait-timeout` of every certificate unit: how long to wait for the agent at boot.
# @param restart_on_failure
#   Oneshot mode: restart a certificate unit that failed for a reason other than its configuration (exit 2),
#   every 15 s. `Restart=` on a oneshot needs systemd 244 or later; turn it off on older systemd.
# @param service_name
#   Daemon mode: name of the daemon's unit, without `.service`.
# @param agent_units
#   Units every helper unit wants and starts after: the SPIRE agent's. Empty when the agent runs elsewhere.
class spire::helper (
  Enum['oneshot', 'daemon'] $mode = 'oneshot',
  Enum['none', 'archive', 'package'] $install_method = 'none',
  Spire::AbsolutePath $install_dir = '/opt/spire-helper',
  Optional[String[1]] $archive_source = undef,
  String[1] $package_name = 'spire-helper',
  String[1] $package_ensure = 'installed',
  Spire::AbsolutePath $node_binary = '/usr/bin/node',
  Optional[String[1]] $node_package = undef,
  Spire::AbsolutePath $config_dir = '/etc/spire-helper',
  Integer[1] $frequency = 300,
  Optional[Spire::Duration] $renew_before = undef,
  Spire::Duration $wait_timeout = '2m',
  Boolean $restart_on_failure = true,
  Pattern[/\A[A-Za-z0-9:_.\\-]+\z/] $service_name = 'spire-helper',
  Array[Spire::UnitName] $agent_units = ['spire-agent.service'],
) {
  include spire
  include spire::bin_dir

  $prefix = $spire::prefix
  $launcher = "${spire::bin_dir}/spire-helper"
  $config_path = "${config_dir}/config.json"
  $fragments_dir = "${config_dir}/outputs.d"
  $daemon_unit = "${service_name}.service"

  case $install_method {
    'archive': {
      if $archive_source == undef {
        fail('spire::helper: install_method archive needs archive_source')
      }
      $archive = "${prefix}${install_dir}/.spire-helper.tar.gz"
      $stamp = "${prefix}${install_dir}/.spire-helper.tar.gz.unpacked"
      file { "${prefix}${install_dir}":
        ensure => directory,
        owner  => 'root',
        group  => 'root',
        mode   => '0755',
      }
      file { $archive:
        ensure => file,
        source => $archive_source,
        owner  => 'root',
        group  => 'root',
        mode   => '0644',
      }
      # Unpacks whenever the archive differs from the one last unpacked, so a failed unpack is retried.
      exec { 'spire-helper-unpack':
        command  => "tar -xzf ${archive} -C ${prefix}${install_dir} --strip-components=1 --no-same-owner && cp ${archive} ${stamp}",
        unless   => "cmp -s ${archive} ${stamp}",
        path     => $spire::exec_path,
        provider => 'shell',
        require  => File[$archive],
        before   => File["${prefix}${launcher}"],
      }
    }
    'package': {
      package { $package_name:
        ensure => $package_ensure,
        before => File["${prefix}${launcher}"],
      }
    }
    default: {}
  }
  if $node_package != undef {
    package { $node_package:
      ensure => installed,
      before => File["${prefix}${launcher}"],
    }
  }

  file { "${prefix}${launcher}":
    ensure  => file,
    owner   => 'root',
    group   => 'root',
    mode    => '0755',
    content => epp('spire/spire-helper.sh.epp', {
        'node_binary' => $node_binary,
        'entry'       => "${install_dir}/helper/bin/spire-helper",
    }),
  }

  if $mode == 'daemon' {
    $build_script = "${prefix}${config_dir}/build-config"
    $build = "${build_script} ${prefix}${fragments_dir} ${prefix}${config_path}"
    file { "${prefix}${config_dir}":
      ensure => directory,
      owner  => 'root',
      group  => 'root',
      mode   => '0755',
    }
    # One fragment per spire::cert_service; fragments of removed certificates are purged.
    file { "${prefix}${fragments_dir}":
      ensure  => directory,
      owner   => 'root',
      group   => 'root',
      mode    => '0755',
      recurse => true,
      purge   => true,
      force   => true,
    }
    file { $build_script:
      ensure  => file,
      owner   => 'root',
      group   => 'root',
      mode    => '0755',
      content => epp('spire/build-config.sh.epp', { 'endpoint' => $spire::endpoint }),
    }
    exec { 'spire-helper-config':
      command => $build,
      unless  => "${build} --check",
      path    => $spire::exec_path,
      require => [File[$build_script], File["${prefix}${fragments_dir}"]],
    }

    $unit_path = "${spire::systemd_dir}/${daemon_unit}"
    file { "${prefix}${unit_path}":
      ensure  => file,
      owner   => 'root',
      group   => 'root',
      mode    => '0644',
      content => epp('spire/spire-helper.service.epp', {
          'launcher'    => $launcher,
          'config_path' => $config_path,
          'agent_units' => $agent_units,
          'install_dir' => $install_dir,
      }),
    }
    if $spire::manage_services {
      File["${prefix}${unit_path}"] ~> Exec['spire-systemd-daemon-reload']
      service { $daemon_unit:
        ensure    => running,
        enable    => true,
        subscribe => [Exec['spire-systemd-daemon-reload', 'spire-helper-config'], File["${prefix}${launcher}"]],
      }
      # A new helper version restarts the daemon.
      case $install_method {
        'archive': { Exec['spire-helper-unpack'] ~> Service[$daemon_unit] }
        'package': { Package[$package_name] ~> Service[$daemon_unit] }
        default: {}
      }
    }
  }
}
