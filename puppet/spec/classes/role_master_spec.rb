# frozen_string_literal: true

require 'spec_helper'
require_relative 'role_inventory'

describe 'spire::role::master' do
  include_examples 'a Tarmak role', 'master'

  it 'together with the etcd role covers all 11 certificate units of Tarmak' do
    all = SpireSpec::ROLE_CERTIFICATES.values.flatten.uniq
    expect(all).to match_array(SpireSpec::INVENTORY.keys)
    expect(all.length).to eq(11)
  end

  context 'without API aggregation' do
    let(:params) { { api_aggregation: false } }

    it 'renders no front-proxy certificate and does not wait for one' do
      is_expected.not_to contain_spire__cert_service('kube-apiserver-proxy')
      expect(SpireSpec.content(catalogue, '/etc/systemd/system/kube-apiserver.service.d/spire-certificates.conf'))
        .to end_with("Requires=kube-apiserver-cert.service kube-admin-cert.service etcd-apiserver-cert.service\n")
    end
  end

  context 'with further dependencies (a secret Tarmak read from Vault)' do
    let(:params) { { extra_dependencies: { 'kube-apiserver.service' => ['kube-service-account-key-secret.service'] } } }

    it 'adds them after the certificate units' do
      expect(SpireSpec.content(catalogue, '/etc/systemd/system/kube-apiserver.service.d/spire-certificates.conf'))
        .to include(' kube-apiserver-proxy-cert.service kube-service-account-key-secret.service')
    end
  end

  context 'with SANs verified' do
    let(:pre_condition) { "class { 'spire::role::common': verify_sans => true, cluster_name => 'prod', dns_root => 'tarmak.local' }" }
    let(:params) { { apiserver_additional_san_domains: ['k8s.example.com'], apiserver_additional_san_ips: ['192.0.2.10'] } }

    it "requires Tarmak's API server names and addresses, and the additional ones" do
      is_expected.to contain_spire__cert_service('kube-apiserver').with(
        alt_names: ['api.prod.tarmak.local', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc',
                    'kubernetes.default.svc.cluster.local', 'localhost', 'k8s.example.com'],
        ip_sans: ['10.0.1.5', '10.254.0.1', '127.0.0.1', '192.0.2.10'],
      )
      is_expected.to contain_spire__cert_service('etcd-apiserver').with(alt_names: ['ip-10-0-1-5.prod.tarmak.local'], ip_sans: ['10.0.1.5'])
    end
  end
end
