# @summary A duration as spire-helper reads it: Go syntax plus days (`90s`, `15m`, `1h30m`, `30d`) or `0`.
type Spire::Duration = Pattern[/\A(0|([0-9]+(\.[0-9]+)?(ms|s|m|h|d))+)\z/]
