# frozen_string_literal: true

require 'spec_helper'

describe 'spire::systemd_arg' do
  it { is_expected.to run.with_params('/etc/kubernetes/ssl/kubelet').and_return('/etc/kubernetes/ssl/kubelet') }
  it { is_expected.to run.with_params('--filter=label=a,b').and_return('--filter=label=a,b') }
  it('doubles % so systemd does not expand a specifier') { is_expected.to run.with_params('50%').and_return('50%%') }
  it('doubles $ so systemd does not expand a variable') { is_expected.to run.with_params('a b $HOME').and_return('"a b $$HOME"') }
  it('quotes words with spaces') { is_expected.to run.with_params('a | b').and_return('"a | b"') }
  it('escapes quotes and backslashes inside quotes') { is_expected.to run.with_params('say "hi" \\o/').and_return('"say \\"hi\\" \\\\o/"') }
  it('quotes the empty word') { is_expected.to run.with_params('').and_return('""') }
  it('quotes a lone semicolon, which would separate commands') { is_expected.to run.with_params(';').and_return('";"') }
  it('refuses newlines') { is_expected.to run.with_params("a\nb").and_raise_error(%r{control character}) }
end
