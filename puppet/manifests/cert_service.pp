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
  $launcher = $spire::helper::launcher
  $_renew_before = $renew_before ? { undef => $spire::helper::renew_before, default => $renew_before }
  $_wait_timeout = $wait_timeout ? { undef => $spire::helper::wait_timeout, default => $wait_timeout }
  $_frequency = $frequency ? { undef => $spire::helper::frequency, default => $frequency }

  if $spire::helper::mode == 'oneshot' {
    $flags = [
      ['--preset', $preset],
      ['--spiffe-id', $spiffe_id],
      ['--hint', $hint],
      ['--owner', String($uid)],
      ['--group', String($gid)],
      ['--mode', $cert_mode],
      ['--key-mode', $key_mode],
      ['--key-format', $key_format],
      ['--layout', $layout],
      ['--federated', $federated ? { true => '', default => undef }],
    ] + $alt_names.map |$dns| { ['--dns', $dns] } + $ip_sans.map |$ip| { ['--ip', $ip] } + [
      ['--renew-before', $_renew_before],
      ['--wait-timeout', $_wait_timeout],
    ] + $reload_units.map |$reload| { ['--reload-unit', $reload] } + $exec.map |$command| { ['--exec', $command] } + [
      ['--exec-shell', $exec_shell ? { true => '', default => undef }],
      ['--hook-errors', $hook_errors],
      ['--hook-timeout', $hook_timeout],
    ]
    $unit_content = epp('spire/cert.service.epp', {
        'name'        => $title,
        'base_path'   => $base_path,
        'endpoint'    => $spire::endpoint,
        'agent_units' => $spire::helper::agent_units,
        'command'     => [$launcher, 'cert', 'fetch', $base_path],
        'flags'       => $flags.filter |$flag| { $flag[1] != undef },
        'exec_post'   => $exec_post,
        'restart'     => $spire::helper::restart_on_failure,
    })
    file { "${prefix}${timer_path}":
      ensure  => file,
      owner   => 'root',
      group   => 'root',
      mode    => '0644',
      content => epp('spire/cert.timer.epp', { 'name' => $title, 'frequency' => $_frequency }),
    }
  } else {
    if !empty($exec_post) {
      fail("spire::cert_service[${title}]: exec_post needs spire::helper mode oneshot; use reload_units or exec")
    }
    $check_flags = [['--spiffe-id', $spiffe_id]] + $alt_names.map |$dns| { ['--dns', $dns] } + $ip_sans.map |$ip| { ['--ip', $ip] }
    $unit_content = epp('spire/cert-check.service.epp', {
        'name'        => $title,
        'base_path'   => $base_path,
        'daemon_unit' => $spire::helper::daemon_unit,
        'command'     => [$launcher, 'check', $base_path],
        'flags'       => $check_flags.filter |$flag| { $flag[1] != undef },
    })
    if $_renew_before != undef {
      fail("spire::cert_service[${title}]: renew_before needs spire::helper mode oneshot; the daemon writes every rotation")
    }
    # One output of the daemon's configuration (keys: helper/daemon/config.ts). Unset values and empty hook
    # lists are left out, so the daemon applies the preset's hooks or its own defaults, as cert fetch does.
    $output = {
      'name'         => $title,
      'preset'       => $preset,
      'spiffe_id'    => $spiffe_id,
      'hint'         => $hint,
      'base'         => $base_path,
      'owner'        => String($uid),
      'group'        => String($gid),
      'mode'         => $cert_mode,
      'key_mode'     => $key_mode,
      'key_format'   => $key_format,
      'layout'       => $layout,
      'federated'    => $federated,
      'dns'          => $alt_names,
      'ips'          => $ip_sans,
      'reload_units' => $reload_units,
      'exec'         => $exec,
      'exec_shell'   => $exec_shell,
      'hook_timeout' => $hook_timeout,
    }.filter |$key, $value| { $value != undef and !($key in ['reload_units', 'exec'] and empty($value)) }
    file { "${prefix}${spire::helper::fragments_dir}/${title}.json":
      ensure  => file,
      owner   => 'root',
      group   => 'root',
      mode    => '0644',
      content => spire::to_json($output),
      before  => Exec['spire-helper-config'],
    }
  }

  file { "${prefix}${unit_path}":
    ensure  => file,
    owner   => 'root',
    group   => 'root',
    mode    => '0644',
    content => $unit_content,
  }

  if $spire::manage_services {
    File["${prefix}${unit_path}"] ~> Exec['spire-systemd-daemon-reload']
    service { "${unit}.service":
      enable  => true,
      require => [Exec['spire-systemd-daemon-reload'], Class['spire::helper']],
    }
    if $spire::helper::mode == 'oneshot' {
      File["${prefix}${timer_path}"] ~> Exec['spire-systemd-daemon-reload']
      service { "${unit}.timer":
        ensure  => running,
        enable  => true,
        require => Service["${unit}.service"],
      }
      if $start_on_apply {
        # Runs the unit once now: when it changed, and whenever the certificate is missing.
        exec { "${unit}-start-changed":
          command     => "systemctl start ${unit}.service",
          path        => $spire::exec_path,
          refreshonly => true,
          subscribe   => File["${prefix}${unit_path}"],
          require     => Service["${unit}.service"],
        }
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
