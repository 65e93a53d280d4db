# @summary An absolute POSIX path of plain segments: letters, digits and `._@+,:=~-`; no `.` or `..`.
#
# Plain characters need no quoting in unit files, shell scripts or agent.conf.
type Spire::AbsolutePath = Pattern[/\A\/\z|\A(\/(?!\.\.?(\/|\z))[A-Za-z0-9._@+,:=~-]+)+\z/]
