# frozen_string_literal: true

# @summary Returns one argument written so that systemd reads it back unchanged on a command line.
#
# systemd splits `ExecStart=` on whitespace, honours double quotes with C escapes, and expands `%`
# specifiers and `$VAR`/`${VAR}` (systemd.service(5), "Command lines"; systemd.unit(5), "Specifiers").
# So `%` becomes `%%` and `$` becomes `$$`, and an argument with any character outside a safe set is
# double-quoted with `\` and `"` escaped. Control characters cannot be written and are refused.
Puppet::Functions.create_function(:'spire::systemd_arg') do
  # @param arg the argument
  # @return [String] the argument as it goes on the command line
  dispatch :systemd_arg do
    param 'String', :arg
    return_type 'String'
  end

  def systemd_arg(arg)
    if arg.match?(%r{[[:cntrl:]]})
      raise Puppet::ParseError, "spire::systemd_arg: #{arg.inspect} contains a control character, which a systemd command line cannot hold"
    end
    literal = arg.gsub('%', '%%').gsub('$', '$$')
    return literal if arg.match?(%r{\A[A-Za-z0-9_@%+=:,./-]+\z})

    "\"#{literal.gsub('\\') { '\\\\' }.gsub('"') { '\\"' }}\""
  end
end
