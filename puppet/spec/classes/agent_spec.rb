# frozen_string_literal: true

require 'spec_helper'

describe 'spire::agent' do
  let(:bundle) { "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n" }
  let(:params) do
    { trust_domain: 'cluster.example', server_address: 'spire-server.cluster.example', trust_bundle: bundle,
      join_token: 'b4e1c3d2-token' }
  end
  let(:conf) { '/etc/spire/agent/agent.conf' }
  let(:token) { '/etc/spire/agent/join-token' }
  let(:unit) { '/etc/systemd/system/spire-agent.service' }

  it { is_expected.to compile.with_all_deps }

  it 'renders agent.conf from the parameters, pointing at the bundle and the join token file' do
    expect(SpireSpec.content(catalogue, conf)).to eq(<<~CONF)
      # Managed by Puppet (spire::agent). Keys: SPIRE doc/spire_agent.md.
      agent {
        trust_domain = "cluster.example"
        server_address = "spire-server.cluster.example"
        server_port = 8081
        data_dir = "/var/lib/spire/agent"
        socket_path = "/run/spire/sockets/agent.sock"
        log_level = "INFO"
        trust_bundle_path = "/etc/spire/agent/bundle.pem"
        join_token_file = "/etc/spire/agent/join-token"
      }

      plugins {
        KeyManager "disk" {
          plugin_data {
            directory = "/var/lib/spire/agent"
          }
        }

        NodeAttestor "join_token" {
          plugin_data {}
        }

        WorkloadAttestor "unix" {
          plugin_data {}
        }
      }
    CONF
    is_expected.to contain_file(conf).with(owner: 'root', group: 'root', mode: '0640')
  end

  it 'writes the trust bundle world-readable' do
    is_expected.to contain_file('/etc/spire/agent/bundle.pem').with(content: bundle, owner: 'root', mode: '0644')
  end

  it 'writes the join token 0600, as Sensitive content that never shows in a diff' do
    is_expected.to contain_file(token).with(owner: 'root', group: 'root', mode: '0600', show_diff: false)
    expect(catalogue.resource('File', token).sensitive_parameters).to include(:content)
    expect(SpireSpec.content(catalogue, token)).to eq('b4e1c3d2-token')
  end

  it 'keeps the data directory private to the agent' do
    is_expected.to contain_file('/var/lib/spire/agent').with(ensure: 'directory', owner: 'root', mode: '0700')
  end

  it 'renders the unit: spire-agent run with the config, the socket directory as RuntimeDirectory' do
    expect(SpireSpec.content(catalogue, unit)).to eq(<<~UNIT)
      # Managed by Puppet (spire::agent).
      [Unit]
      Description=SPIRE agent: node attestation and the SPIFFE Workload API
      Documentation=https://spiffe.io/docs/latest/deploying/spire_agent/
      Wants=network-online.target
      After=network-online.target

      [Service]
      User=root
      # The socket's directory, recreated at every start.
      RuntimeDirectory=spire/sockets
      RuntimeDirectoryMode=0755
      ExecStart=/opt/bin/spire-agent run -config /etc/spire/agent/agent.conf
      Restart=always
      RestartSec=5s
      LimitNOFILE=65536

      [Install]
      WantedBy=multi-user.target
    UNIT
  end

  it 'restarts the agent when its unit or its configuration changes' do
    is_expected.to contain_file(unit).that_notifies('Exec[spire-systemd-daemon-reload]')
    is_expected.to contain_service('spire-agent.service').with(ensure: 'running', enable: true)
      .that_subscribes_to(['Exec[spire-systemd-daemon-reload]', "File[#{conf}]"])
  end

  context 'without a join token, on EC2' do
    let(:params) do
      { trust_domain: 'cluster.example', server_address: 'spire.example', trust_bundle_url: 'https://spire.example/bundle',
        node_attestor_data: { 'ec2_metadata_endpoint' => 'http://169.254.169.254/latest', 'retries' => 3 },
        workload_attestors: ['unix', 'systemd'], workload_x509_svid_key_type: 'rsa-2048' }
    end

    it 'attests with aws_iid, bootstraps from the URL and writes no token file' do
      content = SpireSpec.content(catalogue, conf)
      expect(content).to include(%(  trust_bundle_url = "https://spire.example/bundle"\n))
      expect(content).to include(%(  workload_x509_svid_key_type = "rsa-2048"\n))
      expect(content).to include(<<-PLUGIN)
  NodeAttestor "aws_iid" {
    plugin_data {
      ec2_metadata_endpoint = "http://169.254.169.254/latest"
      retries = 3
    }
  }

  WorkloadAttestor "unix" {
    plugin_data {}
  }

  WorkloadAttestor "systemd" {
    plugin_data {}
  }
      PLUGIN
      expect(content).not_to include('join_token')
      expect(content).not_to include('trust_bundle_path')
      is_expected.not_to contain_file(token)
      is_expected.not_to contain_file('/etc/spire/agent/bundle.pem')
    end
  end

  context 'with agent.conf given verbatim (for example from spire_agent_config)' do
    let(:params) { { config: "agent {}\n", trust_bundle: bundle, join_token: 'tok' } }

    it 'writes it unchanged, with the bundle and token next to it' do
      is_expected.to contain_file(conf).with_content("agent {}\n")
      is_expected.to contain_file('/etc/spire/agent/bundle.pem')
      is_expected.to contain_file(token).with_mode('0600')
    end
  end

  context 'with the binary installed from a file source and a non-root user' do
    let(:params) { super().merge(binary_source: 'puppet:///modules/site/spire-agent', user: 'spire') }

    it 'installs it executable in bin_dir and gives the agent its files' do
      is_expected.to contain_file('/opt/bin').with_ensure('directory')
      is_expected.to contain_file('/opt/bin/spire-agent').with(source: 'puppet:///modules/site/spire-agent', mode: '0755')
      is_expected.to contain_file(token).with_owner('spire')
      is_expected.to contain_file('/var/lib/spire/agent').with_owner('spire')
      expect(SpireSpec.content(catalogue, unit)).to include("User=spire\n")
    end
  end

  context 'with directories outside /etc/spire and /var/lib/spire' do
    let(:params) { super().merge(config_dir: '/opt/spire/conf', data_dir: '/opt/spire/data') }

    it 'creates only those directories, not their parents' do
      is_expected.to contain_file('/opt/spire/conf').with_mode('0755')
      is_expected.to contain_file('/opt/spire/data').with_mode('0700')
      is_expected.not_to contain_file('/etc/spire')
      is_expected.not_to contain_file('/var/lib/spire')
      is_expected.not_to contain_file('/opt/spire')
      expect(SpireSpec.content(catalogue, '/opt/spire/conf/agent.conf')).to include(%(data_dir = "/opt/spire/data"))
    end
  end

  context 'with a socket outside /run' do
    let(:pre_condition) { "class { 'spire': socket_path => '/var/run-spire/agent.sock' }" }

    it 'leaves the socket directory to the agent' do
      expect(SpireSpec.content(catalogue, unit)).not_to include('RuntimeDirectory')
      expect(SpireSpec.content(catalogue, conf)).to include(%(socket_path = "/var/run-spire/agent.sock"))
    end
  end

  [
    [{ trust_domain: nil }, %r{trust_domain and server_address are required}],
    [{ trust_bundle_source: '/tmp/b.pem' }, %r{give trust_bundle or trust_bundle_source, not both}],
    [{ trust_bundle: nil }, %r{needs exactly one bootstrap bundle}],
    [{ trust_bundle_url: 'https://x.example/b' }, %r{needs exactly one bootstrap bundle}],
    [{ join_token: nil, node_attestor: 'join_token' }, %r{node_attestor join_token needs join_token}],
    [{ trust_domain: 'a"${b}' }, %r{holds a control character or "\$\{"}],
  ].each do |change, error|
    context "with #{change}" do
      let(:params) { super().merge(change).compact }

      it { is_expected.to compile.and_raise_error(error) }
    end
  end
end
