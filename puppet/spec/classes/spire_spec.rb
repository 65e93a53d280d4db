# frozen_string_literal: true

require 'spec_helper'

describe 'spire' do
  it { is_expected.to compile.with_all_deps }

  it 'reloads systemd only when a unit file notifies it' do
    is_expected.to contain_exec('spire-systemd-daemon-reload').with(command: 'systemctl daemon-reload', refreshonly: true)
  end

  context 'with a scratch root and no service management' do
    let(:params) { { root: '/tmp/node', manage_services: false } }

    it 'runs nothing on the host' do
      is_expected.to have_exec_resource_count(0)
    end
  end

  context 'with a relative root' do
    let(:params) { { root: 'tmp/node' } }

    it { is_expected.to compile.and_raise_error(%r{parameter 'root' expects a match for Spire::AbsolutePath}) }
  end
end
