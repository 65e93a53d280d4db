# frozen_string_literal: true

require 'spec_helper'

describe 'spire::helper' do
  let(:launcher) { '/opt/bin/spire-helper' }

  it { is_expected.to compile.with_all_deps }

  it 'installs a launcher that runs the installed helper with the configured Node.js' do
    is_expected.to contain_file(launcher).with(owner: 'root', mode: '0755')
    expect(SpireSpec.content(catalogue, launcher)).to eq(<<~SH)
      #!/bin/sh
      # Managed by Puppet (spire::helper): runs spire-helper with the Node.js it needs. exec keeps the PID, so
      # systemd's Type=notify sees the helper itself.
      exec '/usr/bin/node' '/opt/spire-helper/helper/bin/spire-helper' "$@"
    SH
  end

  it 'creates bin_dir, installs nothing and renders no daemon in the default oneshot mode' do
    is_expected.to contain_file('/opt/bin').with(ensure: 'directory', mode: '0755')
    is_expected.to have_package_resource_count(0)
    is_expected.not_to contain_exec('spire-helper-unpack')
    is_expected.not_to contain_file('/etc/systemd/system/spire-helper.service')
    is_expected.not_to contain_service('spire-helper.service')
  end

  context 'when another class already manages bin_dir' do
    let(:pre_condition) { "file { '/opt/bin': ensure => directory, mode => '0700' }" }

    it('leaves it to that class') { is_expected.to contain_file('/opt/bin').with_mode('0700') }
  end

  context 'from an archive' do
    let(:params) { { install_method: 'archive', archive_source: 'puppet:///modules/site/spire-helper.tar.gz' } }
    let(:archive) { '/opt/spire-helper/.spire-helper.tar.gz' }

    it 'copies it from the file source and unpacks it whenever it differs from the last one unpacked' do
      is_expected.to contain_file(archive).with(source: 'puppet:///modules/site/spire-helper.tar.gz', mode: '0644')
      is_expected.to contain_exec('spire-helper-unpack').with(
        command: "tar -xzf #{archive} -C /opt/spire-helper --strip-components=1 --no-same-owner && cp #{archive} #{archive}.unpacked",
        unless: "cmp -s #{archive} #{archive}.unpacked",
        provider: 'shell',
      ).that_requires("File[#{archive}]").that_comes_before("File[#{launcher}]")
    end

    context 'without a source' do
      let(:params) { { install_method: 'archive' } }

      it { is_expected.to compile.and_raise_error(%r{install_method archive needs archive_source}) }
    end
  end

  context 'from packages' do
    let(:params) { { install_method: 'package', package_ensure: '0.1.0-1', node_package: 'nodejs', node_binary: '/usr/bin/nodejs' } }

    it 'installs the helper and Node.js packages before the launcher' do
      is_expected.to contain_package('spire-helper').with_ensure('0.1.0-1').that_comes_before("File[#{launcher}]")
      is_expected.to contain_package('nodejs').with_ensure('installed').that_comes_before("File[#{launcher}]")
      is_expected.to contain_file(launcher).with_content(%r{^exec '/usr/bin/nodejs' })
    end
  end

  context 'in daemon mode' do
    let(:params) { { mode: 'daemon', install_method: 'archive', archive_source: '/srv/spire-helper.tar.gz' } }
    let(:unit) { '/etc/systemd/system/spire-helper.service' }

    it { is_expected.to compile.with_all_deps }

    it 'builds config.json from the per-certificate fragments, purging fragments of removed certificates' do
      is_expected.to contain_file('/etc/spire-helper/outputs.d').with(ensure: 'directory', recurse: true, purge: true, force: true)
      is_expected.to contain_file('/etc/spire-helper/build-config').with(mode: '0755')
      build = '/etc/spire-helper/build-config /etc/spire-helper/outputs.d /etc/spire-helper/config.json'
      is_expected.to contain_exec('spire-helper-config').with(command: build, unless: "#{build} --check")
      expect(SpireSpec.content(catalogue, '/etc/spire-helper/build-config'))
        .to include(%(printf '{"endpoint":%s,"outputs":[' '"unix:///run/spire/sockets/agent.sock"'))
    end

    it 'renders spire-helper.service: Type=notify, run --config, no restart on a configuration error' do
      expect(SpireSpec.content(catalogue, unit)).to eq(<<~UNIT)
        # Managed by Puppet (spire::helper): every spire::cert_service of this node, kept fresh by one process.
        [Unit]
        Description=spire-helper: X509-SVID files for the outputs in /etc/spire-helper/config.json
        Documentation=file:///opt/spire-helper/docs/helper/README.md
        Wants=spire-agent.service
        After=spire-agent.service

        [Service]
        # Ready (sd_notify READY=1) once every output has been written. The agent's socket is in the configuration.
        Type=notify
        ExecStart=/opt/bin/spire-helper run --config /etc/spire-helper/config.json
        # A configuration error (exit 2) does not go away by restarting.
        Restart=on-failure
        RestartSec=5s
        RestartPreventExitStatus=2
        TimeoutStartSec=5min

        [Install]
        WantedBy=multi-user.target
      UNIT
    end

    it 'restarts the daemon when its configuration, unit or installed version changes' do
      is_expected.to contain_service('spire-helper.service').with(ensure: 'running', enable: true)
        .that_subscribes_to(['Exec[spire-systemd-daemon-reload]', 'Exec[spire-helper-config]', "File[#{launcher}]"])
      is_expected.to contain_exec('spire-helper-unpack').that_notifies('Service[spire-helper.service]')
    end
  end

  context 'in daemon mode with a scratch root' do
    let(:pre_condition) { "class { 'spire': root => '/tmp/node', manage_services => false }" }
    let(:params) { { mode: 'daemon', agent_units: [] } }

    it 'builds the configuration under the root and starts nothing' do
      build = '/tmp/node/etc/spire-helper/build-config /tmp/node/etc/spire-helper/outputs.d /tmp/node/etc/spire-helper/config.json'
      is_expected.to contain_exec('spire-helper-config').with_command(build)
      is_expected.to have_service_resource_count(0)
      expect(SpireSpec.content(catalogue, '/tmp/node/etc/systemd/system/spire-helper.service')).not_to include('spire-agent')
    end
  end

  context 'with an unknown mode' do
    let(:params) { { mode: 'cron' } }

    it { is_expected.to compile.and_raise_error(%r{parameter 'mode' expects a match for Enum\['daemon', 'oneshot'\]}) }
  end
end
