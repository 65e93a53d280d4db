# @summary A systemd unit name with its suffix (`kube-apiserver.service`); no templates (`@`).
type Spire::UnitName = Pattern[/\A[A-Za-z0-9:_.\\-]+\.(service|socket|target|mount|timer|path)\z/]
