# @summary One certificate on disk (`<base_path>.pem`, `-key.pem`, `-ca.pem`) kept fresh by spire-helper.
#
# The replacement for Tarmak's `vault_client::cert_service`, with the same title, `base_path`, `uid`,
# `gid`, `alt_names`, `ip_sans` and `frequency`, and the same unit name `<title>-cert.service`, so units
# ordered after it (`systemd_after => ['kube-apiserver-cert.service']`) stay as they are. What changes:
#
# * The identity comes from a SPIRE registration entry, picked by `preset`, `hint` or `spiffe_id`, not
#   from a Vault role and common name (`role` and `common_name` are gone); SPIRE issues the key.
# * `alt_names` and `ip_sans` are checked, not requested: the SVID must carry them or nothing is written.
# * Reloads are `reload_units`/`exec` hooks that spire-helper runs only when the files changed, instead
#   of `exec_post` lines that ran after every run (`exec_post` still exists for other commands).
#
# In `spire::helper` oneshot mode this renders `<title>-cert.service` (a oneshot running
# `spire-helper cert fetch`) and `<title>-cert.timer`. In daemon mode it adds the certificate to the
# daemon's configuration and renders `<title>-cert.service` as a oneshot that checks the files after the
# daemon is ready.
#
# During a migration from Tarmak's Vault PKI, `phase` says who issues the certificate while Tarmak's
# `vault_client::cert_service` of the same title is still declared (see `Spire::MigrationPhase`): in
# `trust` and `takeover` this renders drop-ins for the `vault_client` units (`<title>-cert.service.d/`,
# `<title>-cert.timer.d/spire-migration.conf`) instead of unit files, so both modules can be in one
# catalog and every unit name stays. `extra_ca_files` are the old PKI's CA files kept in `<base>-ca.pem`.
#
# @example Tarmak's kubelet certificate
#   spire::cert_service { 'kubelet':
#     preset       => 'kubelet',
#     base_path    => '/etc/kubernetes/ssl/kubelet',
#     uid          => 837,
#     reload_units => ['kubelet.service'],
#   }
#
# @param base_path
#   Output base path: `<base_path>.pem`, `<base_path>-key.pem`, `<base_path>-ca.pem`.
# @param preset
#   spire-helper preset for this certificate; it selects the SVID by hint = preset name unless `hint` or
#   `spiffe_id` is given. Every value below is passed explicitly and wins over the preset's.
# @param spiffe_id
#   Select the SVID with this SPIFFE ID (and require it of the files on disk).
# @param hint
#   Select the SVID whose registration entry has this hint.
# @param uid
#   Owner of the files (and of directories spire-helper creates): a uid or a user name.
# @param gid
#   Group of the files: a gid or a group name. Tarmak never set it, so 0.
# @param cert_mode
#   Mode of the certificate and CA files.
# @param key_mode
#   Mode of the key file (no bit for "other" is accepted by spire-helper).
# @param key_format
#   `pkcs8`, `pkcs1` (RSA keys, as vault-helper wrote) or `sec1`. Unset: spire-helper's default, pkcs8.
# @param layout
#   `versioned` (public paths are symlinks switched atomically) or `plain` (regular files). Unset:
#   spire-helper's default, versioned. Do not manage the public paths as Puppet `file` resources.
# @param federated
#   Also write `<base_path>-ca.<trust domain>.pem` for each federated trust domain.
# @param alt_names
#   DNS SANs the certificate must carry (`--dns`); Tarmak's `alt_names`.
# @param ip_sans
#   IP SANs the certificate must carry (`--ip`).
# @param reload_units
#   Units to `systemctl --no-block try-reload-or-restart` after the files changed. Empty: the preset's.
# @param exec
#   Commands to run after the files changed (split into words, no shell unless `exec_shell`). Empty: the
#   preset's.
# @param exec_shell
#   Run `exec` commands with `/bin/sh -c` (for pipes).
# @param hook_errors
#   Oneshot mode: `warn`: a failing hook is reported and the run still succeeds, as Tarmak's `-` prefixed
#   `ExecStartPost` lines did; `fail`: the unit fails (exit 9). The daemon reports failing hooks and goes on.
# @param hook_timeout
#   Upper bound for each hook.
# @param renew_before
#   Oneshot mode: rewrite only when less than this is left. Default: `spire::helper::renew_before`. The
#   daemon writes every rotation, so daemon mode refuses it.
# @param wait_timeout
#   Oneshot mode: how long a run waits for the agent. Default: `spire::helper::wait_timeout`.
# @param frequency
#   Oneshot mode: seconds between runs. Default: `spire::helper::frequency`.
# @param exec_post
#   Raw `ExecStartPost=` lines (oneshot mode only). They run after every run, changed or not: prefer
#   `reload_units` and `exec` for reloads.
# @param start_on_apply
#   Oneshot mode, with `$spire::manage_services`: start the unit when it changes or when
#   `<base_path>.pem` is missing, as Tarmak did (its `run_exec`).
# @param phase
#   `spire` (default): this module's own units. `vault_client`, `trust`, `takeover`: the migration phases
#   of `Spire::MigrationPhase`, next to Tarmak's `vault_client::cert_service` of the same title.
# @param extra_ca_files
#   PEM files of CA certificates (the old PKI's CA) that spire-helper adds after the SPIRE bundle in
#   `<base_path>-ca.pem` (`--extra-ca-file`, daemon key `extra_ca_files`): dual trust. Empty: none, and a
#   file that had them is rewritten without them (and the reload hooks run).
define spire::cert_service (
  Spire::AbsolutePath $base_path,
  Optional[Spire::Preset] $preset = undef,
  Optional[Pattern[/\Aspiffe:\/\/[^\s]+\z/]] $spiffe_id = undef,
  Optional[Pattern[/\A[^\s]+\z/]] $hint = undef,
  Spire::Owner $uid = 0,
  Spire::Owner $gid = 0,
  Spire::Mode $cert_mode = '0644',
  Spire::Mode $key_mode = '0600',
  Optional[Enum['pkcs8', 'pkcs1', 'sec1']] $key_format = undef,
  Optional[Enum['versioned', 'plain']] $layout = undef,
  Boolean $federated = false,
  Array[Pattern[/\A[A-Za-z0-9*.-]+\z/]] $alt_names = [],
  Array[Pattern[/\A[0-9A-Fa-f:.]+\z/]] $ip_sans = [],
  Array[Spire::UnitName] $reload_units = [],
  Array[String[1]] $exec = [],
  Boolean $exec_shell = false,
  Enum['warn', 'fail'] $hook_errors = 'warn',
  Optional[Spire::Duration] $hook_timeout = undef,
  Optional[Spire::Duration] $renew_before = undef,
  Optional[Spire::Duration] $wait_timeout = undef,
  Optional[Integer[1]] $frequency = undef,
  Array[String[1]] $exec_post = [],
  Boolean $start_on_apply = true,
  Spire::MigrationPhase $phase = 'spire',
  Array[Spire::AbsolutePath] $extra_ca_files = [],
) {
  include spire
  include spire::helper

  # The title names the unit and the daemon's output (helper/daemon/config.ts NAME).
  if $title !~ /\A[A-Za-z0-9][A-Za-z0-9_.-]*\z/ {
    fail("spire::cert_service[${title}]: the title names the unit ${title}-cert.service; use letters, digits and _.- only")
  }

  $prefix = $spire::prefix
  $unit = "${title}-cert"
  $unit_path = "${spire::systemd_dir}/${unit}.service"
  $timer_path = "${spire::systemd_dir}/${unit}.timer"
  # Drop-ins on the vault_client units (trust, takeover) and the unit that refreshes the trust file (trust).
  $service_dropin_dir = "${spire::systemd_dir}/${unit}.service.d"
  $timer_dropin_dir = "${spire::systemd_dir}/${unit}.timer.d"
  $service_dropin = "${service_dropin_dir}/spire-migration.conf"
  $timer_dropin = "${timer_dropin_dir}/spire-migration.conf"
  $trust_unit = "${title}-cert-trust"
  $trust_unit_path = "${spire::systemd_dir}/${trust_unit}.service"
  $trust_timer_path = "${spire::systemd_dir}/${trust_unit}.timer"
  $launcher = $spire::helper::launcher
  $mode = $spire::helper::mode
  $_renew_before = $renew_before ? { undef => $spire::helper::renew_before, default => $renew_before }
  $_wait_timeout = $wait_timeout ? { undef => $spire::helper::wait_timeout, default => $wait_timeout }
  $_frequency = $frequency ? { undef => $spire::helper::frequency, default => $frequency }

  if $phase == 'trust' and !empty($exec_post) {
    fail("spire::cert_service[${title}]: exec_post needs phase spire or takeover; in trust vault-helper still runs")
  }

  $owner_flags = [['--owner', String($uid)], ['--group', String($gid)], ['--mode', $cert_mode]]
  $selection_flags = [['--preset', $preset], ['--spiffe-id', $spiffe_id], ['--hint', $hint]]
  $san_flags = $alt_names.map |$dns| { ['--dns', $dns] } + $ip_sans.map |$ip| { ['--ip', $ip] }
  $extra_ca_flags = $extra_ca_files.map |$file| { ['--extra-ca-file', $file] }
  $hook_flags = $reload_units.map |$reload| { ['--reload-unit', $reload] } + $exec.map |$command| { ['--exec', $command] } + [
    ['--exec-shell', $exec_shell ? { true => '', default => undef }],
    ['--hook-errors', $hook_errors],
    ['--hook-timeout', $hook_timeout],
  ]
  $federated_flag = [['--federated', $federated ? { true => '', default => undef }]]
  # `cert fetch` writing all three files (phases spire and takeover, oneshot mode).
  $fetch_flags = ($selection_flags + $owner_flags + [
      ['--key-mode', $key_mode],
      ['--key-format', $key_format],
      ['--layout', $layout],
  ] + $federated_flag + $san_flags + $extra_ca_flags + [
      ['--renew-before', $_renew_before],
      ['--wait-timeout', $_wait_timeout],
  ] + $hook_flags).filter |$flag| { $flag[1] != undef }
  # `cert fetch --ca-only` (phase trust): only `<base>-ca.pem`, after vault-helper wrote the rest.
  $trust_flags = ([['--ca-only', '']] + $selection_flags + $owner_flags + $federated_flag + $san_flags + $extra_ca_flags + [
      ['--wait-timeout', $_wait_timeout],
  ] + $hook_flags).filter |$flag| { $flag[1] != undef }
  $check_flags = ([['--spiffe-id', $spiffe_id]] + $san_flags + $extra_ca_flags).filter |$flag| { $flag[1] != undef }
  $fetch_command = [$launcher, 'cert', 'fetch', $base_path]
  $check_command = [$launcher, 'check', $base_path]

  if $phase in ['spire', 'takeover'] and $mode == 'daemon' {
    if !empty($exec_post) {
      fail("spire::cert_service[${title}]: exec_post needs spire::helper mode oneshot; use reload_units or exec")
    }
    if $_renew_before != undef {
      fail("spire::cert_service[${title}]: renew_before needs spire::helper mode oneshot; the daemon writes every rotation")
    }
    # One output of the daemon's configuration (keys: helper/daemon/config.ts). Unset values and empty lists
    # are left out, so the daemon applies the preset's hooks or its own defaults, as cert fetch does.
    $output = {
      'name'           => $title,
      'preset'         => $preset,
      'spiffe_id'      => $spiffe_id,
      'hint'           => $hint,
      'base'           => $base_path,
      'owner'          => String($uid),
      'group'          => String($gid),
      'mode'           => $cert_mode,
      'key_mode'       => $key_mode,
      'key_format'     => $key_format,
      'layout'         => $layout,
      'federated'      => $federated,
      'dns'            => $alt_names,
      'ips'            => $ip_sans,
      'reload_units'   => $reload_units,
      'exec'           => $exec,
      'exec_shell'     => $exec_shell,
      'hook_timeout'   => $hook_timeout,
      'extra_ca_files' => $extra_ca_files,
    }.filter |$key, $value| {
      $value != undef and !($key in ['reload_units', 'exec', 'extra_ca_files'] and empty($value))
    }
    file { "${prefix}${spire::helper::fragments_dir}/${title}.json":
      ensure  => file,
      owner   => 'root',
      group   => 'root',
      mode    => '0644',
      content => spire::to_json($output),
      before  => Exec['spire-helper-config'],
    }
  }

  # What each phase renders: this module's own unit and timer (spire), or drop-ins for the vault_client
  # units and the trust refresher (trust, takeover). Files of the other phases are removed.
  case $phase {
    'spire': {
      $unit_content = $mode ? {
        'oneshot' => epp('spire/cert.service.epp', {
            'name'        => $title,
            'base_path'   => $base_path,
            'endpoint'    => $spire::endpoint,
            'agent_units' => $spire::helper::agent_units,
            'command'     => $fetch_command,
            'flags'       => $fetch_flags,
            'exec_post'   => $exec_post,
            'restart'     => $spire::helper::restart_on_failure,
        }),
        default   => epp('spire/cert-check.service.epp', {
            'name'        => $title,
            'base_path'   => $base_path,
            'daemon_unit' => $spire::helper::daemon_unit,
            'command'     => $check_command,
            'flags'       => $check_flags,
        }),
      }
      $service_dropin_content = undef
      $timer_dropin_content = undef
      $trust_content = undef
    }
    'takeover': {
      $unit_content = undef
      $service_dropin_content = epp('spire/cert-takeover.conf.epp', {
          'name'        => $title,
          'base_path'   => $base_path,
          'endpoint'    => $spire::endpoint,
          'mode'        => $mode,
          'after_units' => $mode ? { 'oneshot' => $spire::helper::agent_units, default => [$spire::helper::daemon_unit] },
          'command'     => $mode ? { 'oneshot' => $fetch_command, default => $check_command },
          'flags'       => $mode ? { 'oneshot' => $fetch_flags, default => $check_flags },
          'exec_post'   => $exec_post,
          'restart'     => $spire::helper::restart_on_failure,
      })
      $timer_dropin_content = $mode ? {
        'oneshot' => epp('spire/cert-timer.conf.epp', { 'name' => $title, 'frequency' => $_frequency }),
        default   => undef,
      }
      $trust_content = undef
    }
    'trust': {
      $unit_content = undef
      $service_dropin_content = epp('spire/cert-trust.conf.epp', {
          'name'        => $title,
          'base_path'   => $base_path,
          'endpoint'    => $spire::endpoint,
          'agent_units' => $spire::helper::agent_units,
          'command'     => $fetch_command,
          'flags'       => $trust_flags,
      })
      $timer_dropin_content = undef
      $trust_content = epp('spire/cert-trust.service.epp', {
          'name'        => $title,
          'base_path'   => $base_path,
          'endpoint'    => $spire::endpoint,
          'agent_units' => $spire::helper::agent_units,
          'cert_unit'   => "${unit}.service",
          'command'     => $fetch_command,
          'flags'       => $trust_flags,
      })
    }
    default: {
      $unit_content = undef
      $service_dropin_content = undef
      $timer_dropin_content = undef
      $trust_content = undef
    }
  }

  # vault_client owns the unit files in every phase but spire; then it owns the service resources too.
  if $unit_content != undef {
    file { "${prefix}${unit_path}":
      ensure  => file,
      owner   => 'root',
      group   => 'root',
      mode    => '0644',
      content => $unit_content,
    }
    if $mode == 'oneshot' {
      file { "${prefix}${timer_path}":
        ensure  => file,
        owner   => 'root',
        group   => 'root',
        mode    => '0644',
        content => epp('spire/cert.timer.epp', { 'name' => $title, 'frequency' => $_frequency }),
      }
    }
  }

  $dropins = {
    "${prefix}${service_dropin}" => [$service_dropin_content, "${prefix}${service_dropin_dir}"],
    "${prefix}${timer_dropin}"   => [$timer_dropin_content, "${prefix}${timer_dropin_dir}"],
    "${prefix}${trust_unit_path}" => [$trust_content, undef],
    "${prefix}${trust_timer_path}" => [
      $trust_content ? { undef => undef, default => epp('spire/cert-trust.timer.epp', { 'name' => $title, 'frequency' => $_frequency }) },
      undef,
    ],
  }
  $dropins.each |$path, $settings| {
    $content = $settings[0]
    $dir = $settings[1]
    if $content != undef {
      if $dir != undef and !defined(File[$dir]) {
        file { $dir:
          ensure => directory,
          owner  => 'root',
          group  => 'root',
          mode   => '0755',
        }
      }
      file { $path:
        ensure  => file,
        owner   => 'root',
        group   => 'root',
        mode    => '0644',
        content => $content,
      }
    } else {
      file { $path:
        ensure => absent,
      }
    }
  }

  # Leaving spire-helper (back to trust or vault_client): vault-helper cannot read the key spire-helper wrote
  # (it reads PKCS#1 only) and would write through the versioned layout's symlinks, so spire-helper's files
  # go first and the unit then has vault-helper issue new ones.
  if $phase in ['vault_client', 'trust'] {
    $key = "${prefix}${base_path}-key.pem"
    $versions = "${prefix}${regsubst($base_path, '/[^/]*\z', '')}/.${regsubst($base_path, '\A.*/', '')}.svid"
    exec { "${unit}-leave-spire-helper":
      command  => "rm -rf ${prefix}${base_path}.pem ${key} ${prefix}${base_path}-ca.pem ${prefix}${base_path}-ca.*.pem ${versions}",
      onlyif   => "test -L ${key} || { test -e ${key} && ! grep -q 'BEGIN RSA PRIVATE KEY' ${key}; }",
      path     => $spire::exec_path,
      provider => 'shell',
      require  => File["${prefix}${service_dropin}", "${prefix}${timer_dropin}"],
    }
  }

  if $spire::manage_services {
    $changed = [File["${prefix}${service_dropin}"], File["${prefix}${timer_dropin}"]] + ($unit_content ? {
        undef   => [],
        default => [File["${prefix}${unit_path}"]],
    })
    $changed ~> Exec['spire-systemd-daemon-reload']

    if $unit_content != undef {
      service { "${unit}.service":
        enable  => true,
        require => [Exec['spire-systemd-daemon-reload'], Class['spire::helper']],
      }
      if $mode == 'oneshot' {
        File["${prefix}${timer_path}"] ~> Exec['spire-systemd-daemon-reload']
        service { "${unit}.timer":
          ensure  => running,
          enable  => true,
          require => Service["${unit}.service"],
        }
      }
    }

    if $trust_content != undef {
      File["${prefix}${trust_unit_path}", "${prefix}${trust_timer_path}"] ~> Exec['spire-systemd-daemon-reload']
      service { "${trust_unit}.timer":
        ensure  => running,
        enable  => true,
        require => [Exec['spire-systemd-daemon-reload'], Class['spire::helper']],
      }
    } else {
      # The trust refresher of an earlier phase: stopped and disabled before its files go.
      exec { "${trust_unit}-disable":
        command => "systemctl disable --now ${trust_unit}.timer ${trust_unit}.service",
        onlyif  => "test -e ${prefix}${trust_timer_path}",
        path    => $spire::exec_path,
        before  => File["${prefix}${trust_unit_path}", "${prefix}${trust_timer_path}"],
      }
    }

    # Starts the certificate unit once now: when what it runs changed (its unit, drop-ins, or leaving
    # spire-helper), and whenever the certificate is missing, as Tarmak did.
    if $start_on_apply and ($mode == 'oneshot' or $phase in ['vault_client', 'trust']) {
      $start_triggers = $phase ? {
        /\A(vault_client|trust)\z/ => $changed + [Exec["${unit}-leave-spire-helper"]],
        default                    => $changed,
      }
      $start_after = $unit_content ? {
        undef   => [Exec['spire-systemd-daemon-reload'], Class['spire::helper']],
        default => [Service["${unit}.service"]],
      }
      exec { "${unit}-start-changed":
        command     => "systemctl start ${unit}.service",
        path        => $spire::exec_path,
        refreshonly => true,
        subscribe   => $start_triggers,
        require     => $start_after,
      }
      if $phase != 'vault_client' {
        exec { "${unit}-start-missing":
          command => "systemctl start ${unit}.service",
          path    => $spire::exec_path,
          creates => "${prefix}${base_path}.pem",
          require => Exec["${unit}-start-changed"],
        }
      }
    }
  }
}
