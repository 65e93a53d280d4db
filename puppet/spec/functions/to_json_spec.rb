# frozen_string_literal: true

require 'spec_helper'

describe 'spire::to_json' do
  it 'writes compact JSON on one line' do
    is_expected.to run.with_params('a' => ['x', 1, true], 'b' => "q\"\n").and_return('{"a":["x",1,true],"b":"q\"\n"}')
  end
end
