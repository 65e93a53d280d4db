# frozen_string_literal: true

require 'spec_helper'
require_relative 'role_inventory'

# The per-role switch of a migration from Tarmak's Vault PKI (spire::role::common::migration) next to
# Tarmak's vault_client::cert_service of the same titles (a stand-in in spec/fixtures/vault_client that
# declares the resources the real one declares), and dual trust (spire::role::common::extra_ca_files).
module SpireSpec
  # Which Vault PKI each certificate belongs to (Tarmak's sign paths, helper-anchors.md §(b)).
  PKI = {
    'etcd-k8s-main' => 'etcd-k8s', 'etcd-k8s-overlay' => 'etcd-overlay', 'kube-apiserver' => 'k8s',
    'kube-apiserver-proxy' => 'k8s-api-proxy', 'kube-admin' => 'k8s', 'etcd-apiserver' => 'etcd-k8s',
    'kube-controller-manager' => 'k8s', 'kube-scheduler' => 'k8s', 'kubelet' => 'k8s', 'kube-proxy' => 'k8s',
    'etcd-overlay' => 'etcd-overlay'
  }.freeze
  MASTER_ONLY = ROLE_CERTIFICATES['master'] - ROLE_CERTIFICATES['worker']
  VAULT_CA = ->(pki) { "/etc/spire-helper/vault-ca/#{pki}.pem" }

  # Tarmak's classes still declaring vault_client::cert_service for `titles`.
  def self.vault_client(titles)
    titles.map { |title| "vault_client::cert_service { '#{title}': base_path => '#{INVENTORY.fetch(title)[1]}' }" }.join("\n")
  end

  def self.common(settings)
    "class { 'spire::role::common': #{settings} }"
  end

  def self.dropin(title) = "/etc/systemd/system/#{title}-cert.service.d/spire-migration.conf"
  def self.timer_dropin(title) = "/etc/systemd/system/#{title}-cert.timer.d/spire-migration.conf"
  def self.trust_unit(title) = "/etc/systemd/system/#{title}-cert-trust.service"
  def self.trust_timer(title) = "/etc/systemd/system/#{title}-cert-trust.timer"

  # The `cert fetch --ca-only` flags of the trust phase: the owner, mode and hooks of the full command.
  def self.trust_flags(title, extra_ca_files)
    preset, base, uid, reloads, execs = INVENTORY.fetch(title)
    lines = ['--ca-only', "--preset #{preset}", "--owner #{uid}", '--group 0', '--mode 0644']
    lines += extra_ca_files.map { |file| "--extra-ca-file #{file}" }
    lines << '--wait-timeout 2m'
    lines += reloads.map { |unit| "--reload-unit #{unit}" }
    lines += execs.map { |command| %(--exec "#{command}") }
    lines << '--exec-shell' unless execs.empty?
    lines << '--hook-errors warn'
    "ExecStartPost=/opt/bin/spire-helper cert fetch #{base} \\\n  #{lines.join(" \\\n  ")}\n"
  end
end

RSpec.shared_examples 'a role left to vault_client' do |titles|
  titles.each do |title|
    it "leaves #{title}-cert.service to vault_client: its unit file, no drop-in, no trust unit" do
      expect(SpireSpec.content(catalogue, "/etc/systemd/system/#{title}-cert.service")).to include('vault-helper')
      [SpireSpec.dropin(title), SpireSpec.timer_dropin(title), SpireSpec.trust_unit(title), SpireSpec.trust_timer(title)].each do |path|
        is_expected.to contain_file(path).with_ensure('absent')
      end
      is_expected.not_to contain_file("/etc/systemd/system/#{title}-cert.service.d")
    end
  end
end

describe 'spire::role::master' do
  context 'with the worker certificates taken over and the master ones still on vault_client' do
    let(:pre_condition) do
      [SpireSpec.common("migration => { 'master' => 'vault_client', 'worker' => 'takeover' }"),
       SpireSpec.vault_client(SpireSpec::ROLE_CERTIFICATES['master'])].join("\n")
    end

    it('compiles next to vault_client::cert_service of the same titles') { is_expected.to compile.with_all_deps }

    SpireSpec::ROLE_CERTIFICATES['worker'].each do |title|
      it "takes #{title}-cert.service over with a drop-in: same path, owner, modes and reload hooks as the spire unit" do
        dropin = SpireSpec.content(catalogue, SpireSpec.dropin(title))
        expect(dropin).to include("EnvironmentFile=\n")
        expect(dropin).to include("ExecStart=\n#{SpireSpec.expected_flags(title)}ExecStartPost=\n")
        expect(SpireSpec.content(catalogue, "/etc/systemd/system/#{title}-cert.service")).to include('vault-helper')
        expect(SpireSpec.content(catalogue, SpireSpec.timer_dropin(title)))
          .to end_with("[Timer]\nOnUnitActiveSec=\nOnUnitActiveSec=300s\nOnBootSec=300s\n")
        is_expected.to contain_exec("#{title}-cert-start-changed").that_subscribes_to("File[#{SpireSpec.dropin(title)}]")
        is_expected.not_to contain_exec("#{title}-cert-leave-spire-helper")
      end
    end

    it 'renders the whole kubelet drop-in' do
      expect(SpireSpec.content(catalogue, SpireSpec.dropin('kubelet'))).to end_with(<<~DROPIN)
        [Unit]
        Description=spire-helper: certificate kubelet (taken over from vault_client)
        Wants=spire-agent.service
        After=spire-agent.service

        [Service]
        # The empty assignments clear what vault_client's unit set: its environment file, vault-helper, and the
        # restarts after every run (spire-helper reloads the units itself, only after a change).
        EnvironmentFile=
        Environment=SPIFFE_ENDPOINT_SOCKET=unix:///run/spire/sockets/agent.sock
        ExecStart=
        ExecStart=/opt/bin/spire-helper cert fetch /etc/kubernetes/ssl/kubelet \\
          --preset kubelet \\
          --owner 837 \\
          --group 0 \\
          --mode 0644 \\
          --key-mode 0600 \\
          --wait-timeout 2m \\
          --reload-unit kubelet.service \\
          --hook-errors warn
        ExecStartPost=
        # An agent that is down or has no identity yet may recover; a configuration error (exit 2) will not.
        Restart=on-failure
        RestartSec=15s
        RestartPreventExitStatus=2
        TimeoutStartSec=5min
      DROPIN
    end

    include_examples 'a role left to vault_client', SpireSpec::MASTER_ONLY

    it 'orders no consumer after the certificates itself: Tarmak\'s units still do' do
      is_expected.not_to contain_spire__cert_consumer('kube-apiserver.service')
      is_expected.not_to contain_spire__cert_consumer('kubelet.service')
    end
  end

  context 'with the master certificates taken over in daemon mode' do
    let(:pre_condition) do
      ["class { 'spire::helper': mode => 'daemon' }",
       SpireSpec.common("migration => { 'master' => 'takeover', 'worker' => 'vault_client' }, extra_ca_files => { 'k8s' => ['#{SpireSpec::VAULT_CA['k8s']}'] }"),
       SpireSpec.vault_client(SpireSpec::ROLE_CERTIFICATES['master'])].join("\n")
    end

    it { is_expected.to compile.with_all_deps }

    it 'adds the output to the daemon and makes the vault_client unit check the files, dual trust included' do
      fragment = JSON.parse(SpireSpec.content(catalogue, '/etc/spire-helper/outputs.d/kube-apiserver.json'))
      expect(fragment).to include('base' => '/etc/kubernetes/ssl/kube-apiserver', 'extra_ca_files' => [SpireSpec::VAULT_CA['k8s']])
      dropin = SpireSpec.content(catalogue, SpireSpec.dropin('kube-apiserver'))
      expect(dropin).to include("After=spire-helper.service\n")
      expect(dropin).to include("RemainAfterExit=yes\nExecStart=\nExecStart=/opt/bin/spire-helper check /etc/kubernetes/ssl/kube-apiserver \\\n  " \
                                "--extra-ca-file #{SpireSpec::VAULT_CA['k8s']}\nExecStartPost=\n")
      is_expected.to contain_file(SpireSpec.timer_dropin('kube-apiserver')).with_ensure('absent')
    end

    include_examples 'a role left to vault_client', SpireSpec::ROLE_CERTIFICATES['worker']
  end
end

describe 'spire::role::etcd' do
  context 'in the trust phase, with the Vault CA of each PKI' do
    let(:pre_condition) do
      [SpireSpec.common("migration => { 'etcd' => 'trust' }, extra_ca_files => { " \
                        "'etcd-k8s' => ['#{SpireSpec::VAULT_CA['etcd-k8s']}'], 'etcd-overlay' => ['#{SpireSpec::VAULT_CA['etcd-overlay']}'] }"),
       SpireSpec.vault_client(SpireSpec::ROLE_CERTIFICATES['etcd'])].join("\n")
    end

    it { is_expected.to compile.with_all_deps }

    SpireSpec::ROLE_CERTIFICATES['etcd'].each do |title|
      files = [SpireSpec::VAULT_CA[SpireSpec::PKI.fetch(title)]]

      it "lets vault-helper issue #{title}, then writes its -ca.pem with the SPIRE bundle and #{files.join}" do
        dropin = SpireSpec.content(catalogue, SpireSpec.dropin(title))
        expect(dropin).not_to include('ExecStart=')
        expect(dropin).to end_with("ExecStartPost=\n#{SpireSpec.trust_flags(title, files)}")
        expect(SpireSpec.content(catalogue, SpireSpec.trust_unit(title))).to include("Type=oneshot\n")
        expect(SpireSpec.content(catalogue, SpireSpec.trust_unit(title)))
          .to include(SpireSpec.trust_flags(title, files).sub('ExecStartPost=', 'ExecStart='))
        expect(SpireSpec.content(catalogue, SpireSpec.trust_unit(title))).to include("After=spire-agent.service #{title}-cert.service\n")
        is_expected.to contain_service("#{title}-cert-trust.timer").with(ensure: 'running', enable: true)
        is_expected.to contain_file(SpireSpec.timer_dropin(title)).with_ensure('absent')
      end

      it "hands #{title} back to vault-helper only when spire-helper's files are there" do
        base = SpireSpec::INVENTORY.fetch(title)[1]
        is_expected.to contain_exec("#{title}-cert-leave-spire-helper").with(
          onlyif: "test -L #{base}-key.pem || { test -e #{base}-key.pem && ! grep -q 'BEGIN RSA PRIVATE KEY' #{base}-key.pem; }",
        )
        is_expected.to contain_exec("#{title}-cert-start-changed").that_subscribes_to("Exec[#{title}-cert-leave-spire-helper]")
      end
    end
  end
end

describe 'spire::role::worker' do
  context 'with dual trust in the spire phase' do
    let(:pre_condition) { SpireSpec.common("extra_ca_files => { 'k8s' => ['#{SpireSpec::VAULT_CA['k8s']}'] }") }

    it 'renders the extra CA flag on the k8s certificates only' do
      %w[kubelet kube-proxy].each do |title|
        expect(SpireSpec.content(catalogue, "/etc/systemd/system/#{title}-cert.service"))
          .to include(" \\\n  --extra-ca-file #{SpireSpec::VAULT_CA['k8s']} \\\n  --wait-timeout 2m")
      end
      expect(SpireSpec.content(catalogue, '/etc/systemd/system/etcd-overlay-cert.service')).not_to include('--extra-ca-file')
    end
  end

  context 'with dual trust dropped' do
    let(:pre_condition) { SpireSpec.common('extra_ca_files => {}') }

    it 'renders no extra CA flag anywhere, so each unit changes and runs once more' do
      contents = catalogue.resources.select { |r| r.type == 'File' && r[:content] }.map { |r| r[:content].to_s }
      expect(contents.join).not_to include('--extra-ca-file')
      expect(SpireSpec.content(catalogue, '/etc/systemd/system/kubelet-cert.service')).to include(SpireSpec.expected_flags('kubelet'))
    end
  end

  context 'back from takeover to vault_client (a rollback)' do
    let(:pre_condition) do
      [SpireSpec.common("migration => { 'worker' => 'vault_client' }"), SpireSpec.vault_client(SpireSpec::ROLE_CERTIFICATES['worker'])].join("\n")
    end

    include_examples 'a role left to vault_client', SpireSpec::ROLE_CERTIFICATES['worker']

    it 'stops the trust refresher of an earlier phase and has vault-helper issue again' do
      is_expected.to contain_exec('kubelet-cert-trust-disable')
        .with(onlyif: 'test -e /etc/systemd/system/kubelet-cert-trust.timer')
        .that_comes_before('File[/etc/systemd/system/kubelet-cert-trust.timer]')
      is_expected.to contain_exec('kubelet-cert-leave-spire-helper')
        .with_command('rm -rf /etc/kubernetes/ssl/kubelet.pem /etc/kubernetes/ssl/kubelet-key.pem /etc/kubernetes/ssl/kubelet-ca.pem ' \
                      '/etc/kubernetes/ssl/kubelet-ca.*.pem /etc/kubernetes/ssl/.kubelet.svid')
      is_expected.to contain_exec('kubelet-cert-start-changed').that_subscribes_to('File[/etc/systemd/system/kubelet-cert.service.d/spire-migration.conf]')
    end
  end
end
