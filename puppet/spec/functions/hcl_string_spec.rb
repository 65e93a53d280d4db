# frozen_string_literal: true

require 'spec_helper'

describe 'spire::hcl_string' do
  it { is_expected.to run.with_params('cluster.example').and_return('"cluster.example"') }
  it('escapes quotes and backslashes') { is_expected.to run.with_params('a"b\\c').and_return('"a\\"b\\\\c"') }
  it('refuses control characters') { is_expected.to run.with_params("a\nb").and_raise_error(%r{control character}) }
  it('refuses interpolation syntax') { is_expected.to run.with_params('${HOME}').and_raise_error(%r{control character or "\$\{"}) }
end
