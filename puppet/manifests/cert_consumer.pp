# @summary Orders a unit after the certificate units it reads (a systemd drop-in), as Tarmak's
#   `systemd_after`/`systemd_requires` did.
#
# Writes `<systemd_dir>/<title>.d/spire-certificates.conf` with `After=` and `Requires=` (or `Wants=`) on
# `<certificate>-cert.service` for each certificate, so the consumer's own unit file stays untouched.
#
# @example kube-apiserver waits for its three certificates
#   spire::cert_consumer { 'kube-apiserver.service':
#     certificates => ['kube-apiserver', 'kube-admin', 'etcd-apiserver'],
#   }
#
# @param certificates
#   Titles of `spire::cert_service` resources this unit reads.
# @param dependency
#   `Requires`: the unit does not start when a certificate unit failed (Tarmak's choice); `Wants`: it
#   starts anyway, after the certificate units finished.
# @param units
#   Further units to order it after with the same dependency (for example a secret it reads).
define spire::cert_consumer (
  Array[Pattern[/\A[A-Za-z0-9:_.-]+\z/], 1] $certificates,
  Enum['Requires', 'Wants'] $dependency = 'Requires',
  Array[Spire::UnitName] $units = [],
) {
  include spire

  if $title !~ Spire::UnitName {
    fail("spire::cert_consumer[${title}]: the title must be a unit name such as kube-apiserver.service")
  }
  $dropin_dir = "${spire::prefix}${spire::systemd_dir}/${title}.d"
  $dependencies = $certificates.map |$certificate| { "${certificate}-cert.service" } + $units

  if !defined(File[$dropin_dir]) {
    file { $dropin_dir:
      ensure => directory,
      owner  => 'root',
      group  => 'root',
      mode   => '0755',
    }
  }
  file { "${dropin_dir}/spire-certificates.conf":
    ensure  => file,
    owner   => 'root',
    group   => 'root',
    mode    => '0644',
    content => epp('spire/cert-consumer.conf.epp', {
        'consumer'     => $title,
        'dependency'   => $dependency,
        'dependencies' => $dependencies,
    }),
  }
  if $spire::manage_services {
    File["${dropin_dir}/spire-certificates.conf"] ~> Exec['spire-systemd-daemon-reload']
  }
}
