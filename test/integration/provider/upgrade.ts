// State written by an older schema version of a resource is upgraded through UpgradeResourceState,
// against the real terraform CLI (the fixture provider serves schema version 0 or 1 by environment).
import t from 'tap';
import { join } from 'node:path';
import { TerraformWorkspace, bundledFixtureProviderDir, findTerraform } from '../../harness/terraform.js';

const terraform = findTerraform();
const skip =
  terraform === undefined
    ? 'terraform is not on PATH (set $TERRAFORM to run the provider transport tests)'
    : false;
t.setTimeout(300_000);

const header = `terraform {
  required_providers {
    spire = { source = "tarmak/spire" }
  }
}
`;

function config(store: string, resource: string): string {
  return `${header}\nprovider "spire" {\n  store_dir = "${store}"\n}\n${resource}`;
}

t.test('state written by an older schema version is upgraded', { skip }, async (t) => {
  const ws = new TerraformWorkspace(t, {
    terraform: terraform ?? 'terraform',
    providerDir: bundledFixtureProviderDir(),
  });
  const store = join(ws.dir, 'store');
  ws.write(config(store, 'resource "spire_test_thing" "a" {\n  title = "old"\n}\n'));
  const v0 = await ws.run(['apply', '-auto-approve'], { SPIRE_TEST_SCHEMA_VERSION: '0' });
  t.equal(v0.code, 0, v0.stderr);
  t.equal(ws.stateFile().resources[0]?.instances[0]?.schema_version, 0);

  ws.write(config(store, 'resource "spire_test_thing" "a" {\n  name = "old"\n}\n'));
  const plan = await ws.run(['plan', '-detailed-exitcode']);
  t.equal(plan.code, 0, 'the upgraded state matches the new configuration (no changes)');
  const refreshed = await ws.run(['apply', '-refresh-only', '-auto-approve']);
  t.equal(refreshed.code, 0, refreshed.stderr);
  const instance = ws.stateFile().resources[0]?.instances[0];
  t.equal(instance?.schema_version, 1);
  t.match(instance?.attributes, { name: 'old', zone: 'a', revision: 1 });
  t.notOk(instance !== undefined && 'title' in instance.attributes, 'the old attribute is gone');
});
