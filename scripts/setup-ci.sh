#!/usr/bin/env bash
# Installs the system packages the test suite needs on a fresh machine. Idempotent: a package already
# present is not reinstalled, and nothing is fetched when everything is there.
set -euo pipefail

need=()
# The Puppet module's tests (test/integration/puppet): rspec-puppet-init stands for ruby-rspec-puppet (which
# brings rspec), systemd-analyze verifies the rendered units offline.
for cmd_pkg in "openssl:openssl" "go:golang-go" "puppet:puppet" "rspec-puppet-init:ruby-rspec-puppet" \
  "puppet-lint:puppet-lint" "systemd-analyze:systemd"; do
  cmd="${cmd_pkg%%:*}" pkg="${cmd_pkg#*:}"
  command -v "$cmd" >/dev/null 2>&1 || need+=("$pkg")
done
# Source-only Go packages, built offline in GOPATH mode: the composer's go-plugin test host
# (test/harness/gohost) needs go-plugin and gRPC (go-plugin's Debian package does not pull in gRPC, which it
# imports); the rendered server.conf/agent.conf are read back with HCL 1, the parser SPIRE uses
# (test/unit/provider/render/hcl1.ts).
for dir_pkg in "/usr/share/gocode/src/github.com/hashicorp/go-plugin:golang-github-hashicorp-go-plugin-dev" \
  "/usr/share/gocode/src/google.golang.org/grpc:golang-google-grpc-dev" \
  "/usr/share/gocode/src/github.com/hashicorp/hcl:golang-github-hashicorp-hcl-dev"; do
  dir="${dir_pkg%%:*}" pkg="${dir_pkg#*:}"
  [ -d "$dir" ] || need+=("$pkg")
done

if ((${#need[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

command -v terraform >/dev/null 2>&1 || echo "setup-ci: note: terraform is not on PATH; Terraform end-to-end tests will skip" >&2
