# frozen_string_literal: true

require 'spec_helper'

describe 'spire::cert_service' do
  let(:title) { 'kubelet' }
  let(:params) do
    { preset: 'kubelet', base_path: '/etc/kubernetes/ssl/kubelet', uid: 837, reload_units: ['kubelet.service'] }
  end
  let(:unit) { '/etc/systemd/system/kubelet-cert.service' }
  let(:timer) { '/etc/systemd/system/kubelet-cert.timer' }

  context 'in oneshot mode (the default), like vault_client::cert_service' do
    it { is_expected.to compile.with_all_deps }

    it 'renders <title>-cert.service: a oneshot running cert fetch with every setting as a flag' do
      expect(SpireSpec.content(catalogue, unit)).to eq(<<~UNIT)
        # Managed by Puppet (spire::cert_service[kubelet]): writes /etc/kubernetes/ssl/kubelet{.pem,-key.pem,-ca.pem}.
        [Unit]
        Description=spire-helper: certificate kubelet
        Wants=spire-agent.service
        After=spire-agent.service

        [Service]
        Type=oneshot
        Environment=SPIFFE_ENDPOINT_SOCKET=unix:///run/spire/sockets/agent.sock
        ExecStart=/opt/bin/spire-helper cert fetch /etc/kubernetes/ssl/kubelet \\
          --preset kubelet \\
          --owner 837 \\
          --group 0 \\
          --mode 0644 \\
          --key-mode 0600 \\
          --wait-timeout 2m \\
          --reload-unit kubelet.service \\
          --hook-errors warn
        # An agent that is down or has no identity yet may recover; a configuration error (exit 2) will not.
        Restart=on-failure
        RestartSec=15s
        RestartPreventExitStatus=2
        TimeoutStartSec=5min

        [Install]
        WantedBy=multi-user.target
      UNIT
    end

    it 'renders <title>-cert.timer, rerunning the unit every spire::helper::frequency seconds' do
      expect(SpireSpec.content(catalogue, timer)).to eq(<<~TIMER)
        # Managed by Puppet (spire::cert_service[kubelet]).
        [Unit]
        Description=spire-helper: refresh certificate kubelet every 300s

        [Timer]
        OnBootSec=300s
        OnUnitActiveSec=300s

        [Install]
        WantedBy=timers.target
      TIMER
    end

    it 'writes unit files root-owned 0644' do
      [unit, timer].each do |path|
        is_expected.to contain_file(path).with(ensure: 'file', owner: 'root', group: 'root', mode: '0644')
      end
    end

    it 'does not manage the certificate files, which are symlinks spire-helper switches' do
      %w[.pem -key.pem -ca.pem].each do |suffix|
        is_expected.not_to contain_file("/etc/kubernetes/ssl/kubelet#{suffix}")
      end
    end

    it 'enables the unit and its timer, starts it when it changes or the certificate is missing' do
      is_expected.to contain_service('kubelet-cert.service').with_enable(true)
      is_expected.to contain_service('kubelet-cert.timer').with(ensure: 'running', enable: true)
      is_expected.to contain_file(unit).that_notifies('Exec[spire-systemd-daemon-reload]')
      is_expected.to contain_exec('kubelet-cert-start-changed')
        .with(command: 'systemctl start kubelet-cert.service', refreshonly: true).that_subscribes_to("File[#{unit}]")
      is_expected.to contain_exec('kubelet-cert-start-missing')
        .with(command: 'systemctl start kubelet-cert.service', creates: '/etc/kubernetes/ssl/kubelet.pem')
    end
  end

  context 'with every option' do
    let(:params) do
      {
        base_path: '/srv/app/tls/app', spiffe_id: 'spiffe://cluster.example/app', hint: 'app', uid: 'app',
        gid: 'app', cert_mode: '0640', key_mode: '0640', key_format: 'pkcs1', layout: 'plain', federated: true,
        alt_names: ['app.example', 'localhost'], ip_sans: ['10.0.0.1'], reload_units: ['a.service', 'b.service'],
        exec: ['/usr/local/bin/reload "100%" $HOME'], exec_shell: true, hook_errors: 'fail',
        hook_timeout: '30s', renew_before: '8h', wait_timeout: '90s', frequency: 600,
        exec_post: ['-/bin/true'],
      }
    end

    it 'passes each of them, escaping % and $ and quoting words systemd would split' do
      expect(SpireSpec.content(catalogue, '/etc/systemd/system/kubelet-cert.service')).to include(<<~EXEC)
        ExecStart=/opt/bin/spire-helper cert fetch /srv/app/tls/app \\
          --spiffe-id spiffe://cluster.example/app \\
          --hint app \\
          --owner app \\
          --group app \\
          --mode 0640 \\
          --key-mode 0640 \\
          --key-format pkcs1 \\
          --layout plain \\
          --federated \\
          --dns app.example \\
          --dns localhost \\
          --ip 10.0.0.1 \\
          --renew-before 8h \\
          --wait-timeout 90s \\
          --reload-unit a.service \\
          --reload-unit b.service \\
          --exec "/usr/local/bin/reload \\"100%%\\" $$HOME" \\
          --exec-shell \\
          --hook-errors fail \\
          --hook-timeout 30s
        ExecStartPost=-/bin/true
      EXEC
      expect(SpireSpec.content(catalogue, timer)).to include("OnUnitActiveSec=600s\n")
    end
  end

  context 'with restarts off, for systemd older than 244' do
    let(:pre_condition) { "class { 'spire::helper': restart_on_failure => false }" }

    it 'renders no Restart= in the oneshot' do
      expect(SpireSpec.content(catalogue, unit)).not_to match(%r{^Restart})
      expect(SpireSpec.content(catalogue, unit)).to include("TimeoutStartSec=5min\n")
    end
  end

  context 'in daemon mode' do
    let(:pre_condition) { "class { 'spire::helper': mode => 'daemon' }" }

    it { is_expected.to compile.with_all_deps }

    it 'adds the certificate to the daemon configuration as one JSON fragment' do
      fragment = '/etc/spire-helper/outputs.d/kubelet.json'
      is_expected.to contain_file(fragment).with(owner: 'root', mode: '0644').that_comes_before('Exec[spire-helper-config]')
      expect(JSON.parse(SpireSpec.content(catalogue, fragment))).to eq(
        'name' => 'kubelet', 'preset' => 'kubelet', 'base' => '/etc/kubernetes/ssl/kubelet', 'owner' => '837',
        'group' => '0', 'mode' => '0644', 'key_mode' => '0600', 'federated' => false, 'dns' => [], 'ips' => [],
        'reload_units' => ['kubelet.service'], 'exec_shell' => false
      )
    end

    it "leaves out empty hook lists, so the preset's hooks apply as they do for cert fetch" do
      params[:reload_units] = []
      expect(JSON.parse(SpireSpec.content(catalogue, '/etc/spire-helper/outputs.d/kubelet.json'))).not_to include('reload_units', 'exec')
    end

    it 'keeps <title>-cert.service as a check that succeeds once the daemon wrote valid files' do
      expect(SpireSpec.content(catalogue, unit)).to eq(<<~UNIT)
        # Managed by Puppet (spire::cert_service[kubelet]): spire-helper.service writes
        # /etc/kubernetes/ssl/kubelet{.pem,-key.pem,-ca.pem}; this unit succeeds once they are valid, so units ordered after
        # kubelet-cert.service start with their certificate in place.
        [Unit]
        Description=spire-helper: certificate kubelet (written by spire-helper.service)
        Wants=spire-helper.service
        After=spire-helper.service

        [Service]
        Type=oneshot
        RemainAfterExit=yes
        ExecStart=/opt/bin/spire-helper check /etc/kubernetes/ssl/kubelet

        [Install]
        WantedBy=multi-user.target
      UNIT
      is_expected.not_to contain_file(timer)
      is_expected.not_to contain_exec('kubelet-cert-start-missing')
    end

    it 'checks the required SPIFFE ID and SANs' do
      params.merge!(spiffe_id: 'spiffe://cluster.example/node/kubelet', alt_names: ['node-1.example'], ip_sans: ['10.0.1.5'])
      expect(SpireSpec.content(catalogue, unit)).to include(<<~EXEC)
        ExecStart=/opt/bin/spire-helper check /etc/kubernetes/ssl/kubelet \\
          --spiffe-id spiffe://cluster.example/node/kubelet \\
          --dns node-1.example \\
          --ip 10.0.1.5
      EXEC
    end

    it 'refuses exec_post, which only a per-certificate unit can run' do
      params[:exec_post] = ['-/bin/true']
      is_expected.to compile.and_raise_error(%r{exec_post needs spire::helper mode oneshot})
    end

    it 'refuses renew_before, as the daemon writes every rotation' do
      params[:renew_before] = '8h'
      is_expected.to compile.and_raise_error(%r{renew_before needs spire::helper mode oneshot})
    end
  end

  context 'with services left alone (a scratch root)' do
    let(:pre_condition) { "class { 'spire': root => '/tmp/node', manage_services => false }" }

    it 'writes under the root, keeps node paths in the contents, and touches no service' do
      is_expected.to contain_file('/tmp/node/etc/systemd/system/kubelet-cert.service')
        .with_content(%r{^ExecStart=/opt/bin/spire-helper cert fetch /etc/kubernetes/ssl/kubelet \\$})
      is_expected.to have_service_resource_count(0)
      is_expected.to have_exec_resource_count(0)
    end
  end

  context 'with a title systemd cannot take in a unit name' do
    let(:title) { 'kube let' }

    it { is_expected.to compile.and_raise_error(%r{the title names the unit kube let-cert.service; use letters, digits and _.- only}) }
  end

  context 'with a preset spire-helper does not have' do
    let(:params) { { preset: 'kube-dns', base_path: '/etc/kubernetes/ssl/kube-dns' } }

    it { is_expected.to compile.and_raise_error(%r{parameter 'preset' expects a match for Spire::Preset .*got 'kube-dns'}) }
  end

  context 'with a relative base path' do
    let(:params) { { base_path: 'etc/kubernetes/ssl/kubelet' } }

    it { is_expected.to compile.and_raise_error(%r{parameter 'base_path' expects a match for Spire::AbsolutePath}) }
  end

  context 'with a duration spire-helper would reject' do
    let(:params) { { base_path: '/etc/kubernetes/ssl/kubelet', wait_timeout: '2min' } }

    it { is_expected.to compile.and_raise_error(%r{parameter 'wait_timeout' expects a match for Spire::Duration .*got '2min'}) }
  end
end
