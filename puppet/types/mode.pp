# @summary File permission bits in octal, as a string (`'0644'`, `'600'`).
type Spire::Mode = Pattern[/\A0?[0-7]{3}\z/]
