# frozen_string_literal: true

require 'spec_helper'

describe 'spire::cert_consumer' do
  let(:title) { 'kube-scheduler.service' }
  let(:params) { { certificates: ['kube-scheduler'] } }
  let(:dropin) { '/etc/systemd/system/kube-scheduler.service.d/spire-certificates.conf' }

  it { is_expected.to compile.with_all_deps }

  it 'orders the unit after its certificate units with a drop-in, leaving its unit file alone' do
    is_expected.to contain_file('/etc/systemd/system/kube-scheduler.service.d').with(ensure: 'directory', mode: '0755')
    is_expected.to contain_file(dropin).with(owner: 'root', mode: '0644').that_notifies('Exec[spire-systemd-daemon-reload]')
    expect(SpireSpec.content(catalogue, dropin)).to eq(<<~CONF)
      # Managed by Puppet (spire::cert_consumer[kube-scheduler.service]): start after the certificates it reads.
      [Unit]
      After=kube-scheduler-cert.service
      Requires=kube-scheduler-cert.service
    CONF
    is_expected.not_to contain_file('/etc/systemd/system/kube-scheduler.service')
  end

  context 'with Wants and further units' do
    let(:params) do
      { certificates: ['kube-apiserver', 'kube-admin'], dependency: 'Wants', units: ['kube-service-account-key-secret.service'] }
    end

    it 'lists every certificate unit, then the other units' do
      deps = 'kube-apiserver-cert.service kube-admin-cert.service kube-service-account-key-secret.service'
      expect(SpireSpec.content(catalogue, dropin)).to include("After=#{deps}\nWants=#{deps}\n")
    end
  end

  context 'with a title that is not a unit name' do
    let(:title) { 'kube-scheduler' }

    it { is_expected.to compile.and_raise_error(%r{the title must be a unit name}) }
  end

  context 'without certificates' do
    let(:params) { { certificates: [] } }

    it { is_expected.to compile.and_raise_error(%r{parameter 'certificates' expects size to be at least 1}) }
  end
end
