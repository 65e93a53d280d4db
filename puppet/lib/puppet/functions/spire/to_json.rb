# frozen_string_literal: true

require 'json'

# @summary Returns a value as compact JSON (one line, no trailing newline).
#
# Used for spire-helper's daemon configuration fragments; Puppet 7 has no JSON encoder of its own and this
# module depends on no other module.
Puppet::Functions.create_function(:'spire::to_json') do
  # @param value Data (hashes, arrays, strings, numbers, booleans, undef)
  # @return [String] the JSON text
  dispatch :to_json do
    param 'Data', :value
    return_type 'String'
  end

  def to_json(value)
    JSON.generate(value)
  end
end
