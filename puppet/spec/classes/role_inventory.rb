# frozen_string_literal: true

# Tarmak's certificate inventory (shared/reference helper-anchors.md §(b); jetstack/tarmak
# puppet/modules/tarmak/manifests/{etcd,master,worker,overlay_calico}.pp): unit title → preset, base
# path, owner uid, units restarted after a change, shell hooks.
module SpireSpec
  INVENTORY = {
    'etcd-k8s-main' => ['etcd-k8s', '/etc/etcd/ssl/etcd-k8s', 873, ['etcd-k8s-main.service', 'etcd-k8s-events.service'], []],
    'etcd-k8s-overlay' => ['etcd-overlay', '/etc/etcd/ssl/etcd-overlay', 873, ['etcd-overlay.service'], []],
    'kube-apiserver' => ['kube-apiserver', '/etc/kubernetes/ssl/kube-apiserver', 837, ['kube-apiserver.service'], []],
    'kube-apiserver-proxy' => ['kube-apiserver-proxy', '/etc/kubernetes/ssl/kube-apiserver-proxy', 837, ['kube-apiserver.service'], []],
    'kube-admin' => ['admin', '/etc/kubernetes/ssl/kube-admin', 837, [], []],
    'etcd-apiserver' => ['etcd-apiserver', '/etc/kubernetes/ssl/etcd-k8s', 837, ['kube-apiserver.service'], []],
    'kube-controller-manager' => ['kube-controller-manager', '/etc/kubernetes/ssl/kube-controller-manager', 837, ['kube-controller-manager.service'], []],
    'kube-scheduler' => ['kube-scheduler', '/etc/kubernetes/ssl/kube-scheduler', 837, ['kube-scheduler.service'], []],
    'kubelet' => ['kubelet', '/etc/kubernetes/ssl/kubelet', 837, ['kubelet.service'], []],
    'kube-proxy' => ['kube-proxy', '/etc/kubernetes/ssl/kube-proxy', 837, ['kube-proxy.service'], []],
    'etcd-overlay' => [
      'etcd-overlay-client', '/etc/etcd/ssl/etcd-overlay', 873, ['calico-node.service'],
      ['docker ps -q --filter=label=io.kubernetes.container.name=calico-policy-controller | xargs docker kill'],
    ],
  }.freeze

  ROLE_CERTIFICATES = {
    'etcd' => ['etcd-k8s-main', 'etcd-k8s-overlay'],
    'worker' => ['kubelet', 'kube-proxy', 'etcd-overlay'],
    'master' => [
      'kube-apiserver', 'kube-apiserver-proxy', 'kube-admin', 'etcd-apiserver', 'kube-controller-manager', 'kube-scheduler',
      'kubelet', 'kube-proxy', 'etcd-overlay'
    ],
  }.freeze

  # Consumer unit → the certificate units it starts after.
  ROLE_CONSUMERS = {
    'etcd' => {
      'etcd-k8s-main.service' => ['etcd-k8s-main'],
      'etcd-k8s-events.service' => ['etcd-k8s-main'],
      'etcd-overlay.service' => ['etcd-k8s-overlay'],
    },
    'worker' => { 'kubelet.service' => ['kubelet'], 'kube-proxy.service' => ['kube-proxy'] },
    'master' => {
      'kube-apiserver.service' => ['kube-apiserver', 'kube-admin', 'etcd-apiserver', 'kube-apiserver-proxy'],
      'kube-controller-manager.service' => ['kube-controller-manager'],
      'kube-scheduler.service' => ['kube-scheduler'],
      'kubelet.service' => ['kubelet'],
      'kube-proxy.service' => ['kube-proxy'],
    },
  }.freeze

  # The flags Tarmak's values become on `cert fetch` (default modes; group 0 as Tarmak never set gid).
  def self.expected_flags(title)
    preset, base, uid, reloads, execs = INVENTORY.fetch(title)
    lines = ["--preset #{preset}", "--owner #{uid}", '--group 0', '--mode 0644', '--key-mode 0600', '--wait-timeout 2m']
    lines += reloads.map { |unit| "--reload-unit #{unit}" }
    lines += execs.map { |command| %(--exec "#{command}") }
    lines << '--exec-shell' unless execs.empty?
    lines << '--hook-errors warn'
    "ExecStart=/opt/bin/spire-helper cert fetch #{base} \\\n  #{lines.join(" \\\n  ")}\n"
  end
end

RSpec.shared_examples 'a Tarmak role' do |role|
  it { is_expected.to compile.with_all_deps }

  it "renders exactly the #{SpireSpec::ROLE_CERTIFICATES[role].length} certificate units of Tarmak's #{role} role" do
    titles = catalogue.resources.select { |r| r.type == 'Spire::Cert_service' }.map(&:title)
    expect(titles).to match_array(SpireSpec::ROLE_CERTIFICATES[role])
  end

  SpireSpec::ROLE_CERTIFICATES[role].each do |title|
    preset, base, uid, reloads, = SpireSpec::INVENTORY.fetch(title)

    it "renders #{title}-cert.service: preset #{preset}, #{base}, owner #{uid}, reloading #{reloads.empty? ? 'nothing' : reloads.join(' ')}" do
      is_expected.to contain_spire__cert_service(title).with(preset: preset, base_path: base, uid: uid, gid: 0)
      unit = SpireSpec.content(catalogue, "/etc/systemd/system/#{title}-cert.service")
      expect(unit).to include(SpireSpec.expected_flags(title))
      is_expected.to contain_file("/etc/systemd/system/#{title}-cert.timer").with_content(%r{^OnUnitActiveSec=300s$})
    end
  end

  SpireSpec::ROLE_CONSUMERS[role].each do |consumer, certificates|
    it "orders #{consumer} after (and requires) #{certificates.join(', ')}" do
      units = certificates.map { |c| "#{c}-cert.service" }.join(' ')
      expect(SpireSpec.content(catalogue, "/etc/systemd/system/#{consumer}.d/spire-certificates.conf"))
        .to end_with("[Unit]\nAfter=#{units}\nRequires=#{units}\n")
    end
  end
end
