#!/usr/bin/env bash
# Installs the system packages the test suite needs on a fresh machine. Idempotent: a package already
# present is not reinstalled, and nothing is fetched when everything is there.
set -euo pipefail

need=()
# (populated as suites need them: puppet, ruby-rspec-puppet, golang-go, openssl ...)
for cmd_pkg in "openssl:openssl"; do
  cmd="${cmd_pkg%%:*}" pkg="${cmd_pkg#*:}"
  command -v "$cmd" >/dev/null 2>&1 || need+=("$pkg")
done

if ((${#need[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

command -v terraform >/dev/null 2>&1 || echo "setup-ci: note: terraform is not on PATH; Terraform end-to-end tests will skip" >&2
