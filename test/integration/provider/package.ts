// `npm run package` → a filesystem_mirror that real `terraform init` installs from (no dev_overrides), then a
// plan/apply of one spire_entry against the SPIRE test double with the installed provider.
import t from 'tap';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { TerraformWorkspace } from '../../harness/terraform.js';
import { TD, skipWithoutTerraform, startBackend, terraform } from './harness/spire-provider.js';

t.setTimeout(120_000);

const root = fileURLToPath(new URL('../../../', import.meta.url));
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const arch: Record<string, string> = { x64: 'amd64', arm64: 'arm64' };
const platform = `${process.platform}_${arch[process.arch] ?? process.arch}`;

t.test(
  'the packaged provider installs from a filesystem mirror',
  { skip: skipWithoutTerraform },
  async (t) => {
    // Not t.testdir(): the Terraform workspace owns that one (and rewrites it).
    const mirror = mkdtempSync(join(tmpdir(), 'spire-provider-mirror-'));
    t.teardown(() => {
      rmSync(mirror, { recursive: true, force: true });
    });
    // What a user runs; npm puts the pinned Node first on PATH for the script.
    await promisify(execFile)('npm', ['run', 'package', '--', '--out', mirror, '--platform', platform], {
      cwd: root,
    });
    const platformDir = join(mirror, 'registry.terraform.io/tarmak/spire', version, platform);
    const launcher = join(platformDir, `terraform-provider-spire_v${version}`);

    await t.test(
      'the package holds the launcher, the bundle and the files it reads, nothing from the checkout',
      (t) => {
        t.ok(existsSync(launcher), 'terraform-provider-spire_v<version>');
        t.same(
          readdirSync(platformDir).filter((name) => name.startsWith('terraform-provider-spire')),
          [`terraform-provider-spire_v${version}`],
          'exactly one file carries the executable prefix Terraform looks for',
        );
        const bundle = readFileSync(join(platformDir, 'lib/provider.mjs'), 'utf8');
        t.notOk(bundle.includes(root), 'the bundle refers to nothing in this checkout');
        for (const proto of [
          'provider/proto/tfplugin6/tfplugin6.proto',
          'src/goplugin/proto/plugin/grpc_controller.proto',
          'src/core/proto/spire/api/server/entry/v1/entry.proto',
        ]) {
          t.ok(existsSync(join(platformDir, 'lib', proto)), proto);
        }
        t.ok(
          existsSync(join(platformDir, 'lib/node_modules/@cdktf/hcl2json/main.wasm.gz')),
          'the HCL parser',
        );
        t.end();
      },
    );

    const backend = await startBackend(t);
    const [server] = backend.spire.servers;
    const ws = new TerraformWorkspace(t, { terraform: terraform ?? 'terraform', filesystemMirror: mirror });
    // This machine's PATH may hold an older Node; the launcher takes the one named here instead.
    const env = { TERRAFORM_PROVIDER_SPIRE_NODE: join(root, 'node_modules/.bin/node') };
    ws.write(`terraform {
  required_providers {
    spire = { source = "registry.terraform.io/tarmak/spire" }
  }
}
provider "spire" {
  address      = "unix://${server?.socketPath ?? ''}"
  trust_domain = "${TD}"
}
resource "spire_entry" "packaged" {
  spiffe_id = "spiffe://${TD}/packaged"
  parent_id = "${backend.parent}"
  selectors = ["unix:uid:1000"]
}
# Rendering checks the HCL parser (WebAssembly) the package carries.
data "spire_agent_config" "a" {
  trust_domain     = "${TD}"
  server_address   = "spire.${TD}"
  trust_bundle_pem = "-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n"
  node_attestor    = "join_token"
  join_token       = "a-token"
}
output "agent_conf_rendered" { value = length(data.spire_agent_config.a.hcl) > 0 }
`);

    await t.test('terraform init installs it and locks the version with a hash', async (t) => {
      const init = await ws.run(['init'], env);
      t.equal(init.code, 0, init.stderr);
      t.match(init.stdout, `Installing tarmak/spire v${version}`);
      const lock = readFileSync(join(ws.dir, '.terraform.lock.hcl'), 'utf8');
      t.match(lock, /provider "registry\.terraform\.io\/tarmak\/spire" \{\s+version = "\d+\.\d+\.\d+"/);
      t.match(lock, new RegExp(`version = "${version.replaceAll('.', '\\.')}"`));
      t.match(lock, /"h1:[A-Za-z0-9+/=]+"/, 'with the h1 hash of the package');
      const shown = await ws.run(['version'], env);
      t.match(shown.stdout, new RegExp(`\\+ provider registry\\.terraform\\.io/tarmak/spire v${version}`));
      t.ok(
        existsSync(
          join(ws.dir, '.terraform/providers/registry.terraform.io/tarmak/spire', version, platform),
        ),
        'installed under .terraform/providers',
      );
    });

    await t.test('the installed provider applies an entry and renders agent.conf', async (t) => {
      const apply = await ws.run(['apply', '-auto-approve'], env);
      t.equal(apply.code, 0, apply.stderr);
      t.match(apply.stdout, /agent_conf_rendered = true/);
      t.notMatch(apply.stdout + apply.stderr, /development overrides/i, 'installed, not overridden');
      const entries = await backend.client.entries.listAll();
      t.ok(
        entries.some((e) => e.spiffeId === `spiffe://${TD}/packaged`),
        'the entry is in SPIRE',
      );
      const plan = await ws.run(['plan', '-detailed-exitcode'], env);
      t.equal(plan.code, 0, `no changes after apply: ${plan.stdout}${plan.stderr}`);
    });
  },
);
