# frozen_string_literal: true

require 'spec_helper'
require_relative 'role_inventory'

describe 'spire::role::worker' do
  include_examples 'a Tarmak role', 'worker'

  it 'makes the Calico hook a shell command, which the docker pipe needs' do
    is_expected.to contain_spire__cert_service('etcd-overlay').with(exec_shell: true, exec: SpireSpec::INVENTORY['etcd-overlay'][4])
  end

  context 'with Calico on the Kubernetes backend' do
    let(:pre_condition) { "class { 'spire::role::common': overlay_etcd => false }" }

    it('renders no overlay client certificate') { is_expected.not_to contain_spire__cert_service('etcd-overlay') }
  end

  context 'with SANs verified' do
    let(:pre_condition) { "class { 'spire::role::common': verify_sans => true, cluster_name => 'prod', dns_root => 'tarmak.local' }" }

    it "requires the node's FQDN of the kubelet and the host name of the etcd client" do
      is_expected.to contain_spire__cert_service('kubelet').with(alt_names: ['ip-10-0-1-5.eu-west-1.compute.internal'], ip_sans: [])
      is_expected.to contain_spire__cert_service('etcd-overlay').with(alt_names: ['ip-10-0-1-5.prod.tarmak.local'], ip_sans: ['10.0.1.5'])
    end
  end

  context 'with dependencies left to the consumers' do
    let(:pre_condition) { "class { 'spire::role::common': manage_dependencies => false }" }

    it('renders no drop-in') { is_expected.not_to contain_spire__cert_consumer('kubelet.service') }
  end

  context 'with Wants instead of Requires' do
    let(:pre_condition) { "class { 'spire::role::common': dependency => 'Wants' }" }

    it 'lets the kubelet start after a failed certificate unit' do
      expect(SpireSpec.content(catalogue, '/etc/systemd/system/kubelet.service.d/spire-certificates.conf'))
        .to end_with("After=kubelet-cert.service\nWants=kubelet-cert.service\n")
    end
  end
end
