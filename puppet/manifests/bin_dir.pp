# @summary Creates `$spire::bin_dir` unless another class already manages it (Tarmak's modules manage /opt/bin).
#
# @api private
class spire::bin_dir {
  $path = "${spire::prefix}${spire::bin_dir}"
  if !defined(File[$path]) {
    file { $path:
      ensure => directory,
      owner  => 'root',
      group  => 'root',
      mode   => '0755',
    }
  }
}
