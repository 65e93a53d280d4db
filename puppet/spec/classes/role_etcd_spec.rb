# frozen_string_literal: true

require 'spec_helper'
require_relative 'role_inventory'

describe 'spire::role::etcd' do
  include_examples 'a Tarmak role', 'etcd'

  context 'with Calico on the Kubernetes backend' do
    let(:pre_condition) { "class { 'spire::role::common': overlay_etcd => false }" }

    it 'renders no overlay certificate and orders no overlay etcd' do
      is_expected.not_to contain_spire__cert_service('etcd-k8s-overlay')
      is_expected.not_to contain_file('/etc/systemd/system/etcd-overlay.service.d/spire-certificates.conf')
      is_expected.to contain_spire__cert_service('etcd-k8s-main')
    end
  end

  context 'with SANs verified' do
    let(:pre_condition) do
      "class { 'spire::role::common': verify_sans => true, cluster_name => 'prod', dns_root => 'tarmak.local', tarmak_hostname => 'etcd-1' }"
    end

    it "requires Tarmak's etcd server names and addresses" do
      is_expected.to contain_spire__cert_service('etcd-k8s-main').with(
        alt_names: ['etcd-1.prod.tarmak.local', 'ip-10-0-1-5.eu-west-1.compute.internal', 'localhost'],
        ip_sans: ['127.0.0.1', '10.0.1.5'],
      )
      expect(SpireSpec.content(catalogue, '/etc/systemd/system/etcd-k8s-overlay-cert.service'))
        .to include("  --dns etcd-1.prod.tarmak.local \\\n  --dns ip-10-0-1-5.eu-west-1.compute.internal \\\n  --dns localhost \\\n" \
                    "  --ip 127.0.0.1 \\\n  --ip 10.0.1.5 \\\n")
    end
  end

  context 'with SANs verified but no cluster name' do
    let(:pre_condition) { "class { 'spire::role::common': verify_sans => true }" }

    it { is_expected.to compile.and_raise_error(%r{verify_sans needs cluster_name and dns_root}) }
  end
end
