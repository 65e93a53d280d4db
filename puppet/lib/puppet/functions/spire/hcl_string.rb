# frozen_string_literal: true

# @summary Returns a string as an HCL double-quoted string literal, for SPIRE's agent.conf.
#
# `\` and `"` are escaped. Control characters and `${` (HCL 1 interpolation syntax, which SPIRE's
# configuration loader does not expand but would have to scan) are refused rather than guessed at.
Puppet::Functions.create_function(:'spire::hcl_string') do
  # @param value the string
  # @return [String] the quoted literal
  dispatch :hcl_string do
    param 'String', :value
    return_type 'String'
  end

  def hcl_string(value)
    if value.match?(%r{[[:cntrl:]]}) || value.include?('${')
      raise Puppet::ParseError, "spire::hcl_string: #{value.inspect} holds a control character or \"${\", which agent.conf cannot take"
    end
    "\"#{value.gsub('\\') { '\\\\' }.gsub('"') { '\\"' }}\""
  end
end
