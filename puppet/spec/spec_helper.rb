# frozen_string_literal: true

# rspec-puppet catalog tests for the spire module. Run from puppet/: `rspec`.
# The module is put on a temporary module path as `spire` (a symlink), so nothing is written into the tree.
require 'rspec-puppet'
require 'fileutils'
require 'tmpdir'

module SpireSpec
  MODULE_ROOT = File.expand_path('..', __dir__)
  MODULE_PATH = Dir.mktmpdir('spire-modulepath-')
  File.symlink(MODULE_ROOT, File.join(MODULE_PATH, 'spire'))
  # A stand-in for Tarmak's vault_client module, for the migration phases that share a catalog with it.
  File.symlink(File.join(__dir__, 'fixtures', 'vault_client'), File.join(MODULE_PATH, 'vault_client'))
  SITE = File.join(MODULE_PATH, 'site.pp')
  File.write(SITE, '')
  at_exit { FileUtils.rm_rf(MODULE_PATH) }

  FACTS = {
    'networking' => { 'fqdn' => 'ip-10-0-1-5.eu-west-1.compute.internal', 'hostname' => 'ip-10-0-1-5', 'ip' => '10.0.1.5' },
    'os' => { 'family' => 'Debian', 'name' => 'Debian', 'release' => { 'major' => '12' } },
  }.freeze

  # Returns the text of a file resource's content (rspec-puppet shows Sensitive content wrapped).
  def self.content(catalogue, path)
    value = catalogue.resource('File', path)[:content]
    value.respond_to?(:unwrap) ? value.unwrap : value
  end
end

RSpec.configure do |c|
  c.module_path = SpireSpec::MODULE_PATH
  c.manifest = SpireSpec::SITE
  c.default_facts = SpireSpec::FACTS
  c.strict_variables = true
  # rspec-puppet would otherwise link the module into spec/fixtures, where rspec finds every spec twice.
  c.setup_fixtures = false
end
