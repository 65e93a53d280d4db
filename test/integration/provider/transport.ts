// The provider transport against the real terraform CLI: go-plugin handshake with AutoMTLS, tfplugin6,
// DynamicValue encoding and the framework, exercised through the test-only fixture provider
// (test/harness/provider-fixture) in one workspace, step by step.
import t from 'tap';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { TerraformWorkspace, bundledFixtureProviderDir, findTerraform } from '../../harness/terraform.js';

const terraform = findTerraform();
const skip =
  terraform === undefined
    ? 'terraform is not on PATH (set $TERRAFORM to run the provider transport tests)'
    : false;
// Terraform starts the provider about three times per command; a loaded machine needs more than tap's 30 s.
t.setTimeout(300_000);

const header = `terraform {
  required_providers {
    spire = { source = "tarmak/spire" }
  }
}
`;

function config(store: string, resources: string): string {
  return `${header}
provider "spire" {
  store_dir = "${store}"
}
${resources}`;
}

const thingA = (over: { name?: string; zone?: string } = {}): string => `
resource "spire_test_thing" "a" {
  name   = "${over.name ?? 'alpha'}"
  secret = "hunter2"
  tags   = ["x", "y"]
  labels = { team = "pki" }
  rules = [
    { port = 80 },
    { port = 443, protocol = "udp" },
  ]${over.zone === undefined ? '' : `\n  zone   = "${over.zone}"`}
}

data "spire_test_thing" "a" {
  name = spire_test_thing.a.name
}
`;

t.test('provider transport against terraform', { skip }, async (t) => {
  const ws = new TerraformWorkspace(t, {
    terraform: terraform ?? 'terraform',
    providerDir: bundledFixtureProviderDir(),
  });
  const store = join(ws.dir, 'store');
  const storeFiles = (): string[] => (existsSync(store) ? readdirSync(store) : []);

  /** The id of spire_test_thing.a after the last step that changed it. */
  let id = '';

  await t.test('apply creates the resource; the plan hides the sensitive value', async (t) => {
    ws.write(config(store, thingA()));
    const result = await ws.run(['apply', '-auto-approve']);
    t.equal(result.code, 0, result.stderr);
    t.match(result.stdout, /secret\s+= \(sensitive value\)/);
    t.notMatch(result.stdout, /hunter2/);
    const resources = await ws.resources();
    const a = resources.find((r) => r.address === 'spire_test_thing.a');
    t.match(a?.values, {
      name: 'alpha',
      zone: 'a',
      revision: 1,
      tags: ['x', 'y'],
      labels: { team: 'pki' },
      rules: [
        { port: 80, protocol: 'tcp' },
        { port: 443, protocol: 'udp' },
      ],
      private_echo: 'private:private-ok',
    });
    t.match(a?.sensitive_values, { secret: true });
    id = String(a?.values.id);
    t.strictSame(storeFiles(), [`${id}.json`]);
    const data = resources.find((r) => r.address === 'data.spire_test_thing.a');
    t.equal(data?.values.id, id, 'the data source read the created thing');
  });

  await t.test('a plan right after apply is empty', async (t) => {
    const result = await ws.run(['plan', '-detailed-exitcode']);
    t.equal(result.code, 0, 'exit code 0: no changes');
  });

  await t.test('private state goes through the state file and comes back to read', async (t) => {
    const before = ws.stateFile().resources.find((r) => r.mode === 'managed')?.instances[0];
    t.strictSame(JSON.parse(Buffer.from(before?.private ?? '', 'base64').toString()), {
      note: 'private-ok',
      reads: 0,
    });
    const result = await ws.run(['apply', '-refresh-only', '-auto-approve']);
    t.equal(result.code, 0, result.stderr);
    const after = ws.stateFile().resources.find((r) => r.mode === 'managed')?.instances[0];
    t.strictSame(JSON.parse(Buffer.from(after?.private ?? '', 'base64').toString()), {
      note: 'private-ok',
      reads: 1,
    });
    t.equal(after?.attributes.private_echo, 'private:private-ok', 'read found the private data');
  });

  await t.test('changing a plain attribute updates in place and keeps the id', async (t) => {
    ws.write(config(store, thingA({ name: 'beta' })));
    const result = await ws.run(['apply', '-auto-approve']);
    t.equal(result.code, 0, result.stderr);
    t.match(result.stdout, /spire_test_thing\.a will be updated in-place/);
    t.match(
      result.stdout,
      /revision\s+= 1 -> \(known after apply\)/,
      'computed value unknown while changing',
    );
    const a = await ws.resource('spire_test_thing.a');
    t.equal(a?.values.id, id, 'id kept by useStateForUnknown');
    t.equal(a?.values.name, 'beta');
    t.equal(a?.values.revision, 2);
  });

  await t.test('changing a requiresReplace attribute replaces the resource', async (t) => {
    ws.write(config(store, thingA({ name: 'beta', zone: 'b' })));
    const result = await ws.run(['apply', '-auto-approve']);
    t.equal(result.code, 0, result.stderr);
    t.match(result.stdout, /spire_test_thing\.a must be replaced/);
    t.match(result.stdout, /zone\s+= "a" -> "b" # forces replacement/);
    const a = await ws.resource('spire_test_thing.a');
    t.not(a?.values.id, id, 'a new object');
    t.equal(a?.values.zone, 'b');
    id = String(a?.values.id);
    t.strictSame(storeFiles(), [`${id}.json`], 'the old object was deleted');
  });

  await t.test('validation errors point at the configuration lines', async (t) => {
    ws.write(
      config(
        store,
        `
resource "spire_test_thing" "a" {
  name = "Bad Name"
  rules = [
    { port = 80 },
    { port = 70000 },
  ]
}
`,
      ),
    );
    const result = await ws.run(['plan']);
    t.equal(result.code, 1);
    t.match(
      result.stderr,
      /Error: Invalid Attribute Value\s+with spire_test_thing\.a,\s+on main\.tf line 12, in resource "spire_test_thing" "a":\s+12: {3}name = "Bad Name"\s+must be lowercase letters, digits and dashes, got "Bad Name"/,
    );
    t.match(
      result.stderr,
      /on main\.tf line 15, in resource "spire_test_thing" "a":\s+15: {5}\{ port = 70000 \},\s+rules\[1\]\.port: must be a whole number between 1 and 65535, got 70000/,
    );
  });

  const withImported = `${thingA({ name: 'beta', zone: 'b' })}
resource "spire_test_thing" "imported" {
  name   = "beta"
  zone   = "b"
  secret = "hunter2"
  tags   = ["x", "y"]
  labels = { team = "pki" }
  rules = [
    { port = 80 },
    { port = 443, protocol = "udp" },
  ]
}
`;

  await t.test('import adopts an existing object, then the plan is empty', async (t) => {
    ws.write(config(store, withImported));
    const result = await ws.run(['import', 'spire_test_thing.imported', id]);
    t.equal(result.code, 0, result.stderr);
    const imported = await ws.resource('spire_test_thing.imported');
    t.equal(imported?.values.id, id);
    t.equal(
      imported?.values.private_echo,
      'private:imported',
      'private data set by importState reached read',
    );
    const plan = await ws.run(['plan', '-detailed-exitcode']);
    t.equal(plan.code, 0, 'exit code 0: no changes');
  });

  await t.test('a resource whose object is gone is dropped from state and planned again', async (t) => {
    for (const f of storeFiles()) rmSync(join(store, f));
    const result = await ws.run(['plan', '-detailed-exitcode']);
    t.equal(result.code, 2, result.stderr);
    t.match(result.stdout, /spire_test_thing\.a will be created/);
    t.match(result.stdout, /spire_test_thing\.imported will be created/);
  });

  await t.test('an apply result that breaks the plan is a provider error naming the attribute', async (t) => {
    ws.write(config(store, `${withImported}\nresource "spire_test_thing" "broken" {\n  name = "gamma"\n}\n`));
    const result = await ws.run(['apply', '-auto-approve'], { SPIRE_TEST_BREAK: 'apply' });
    t.equal(result.code, 1);
    t.match(result.stderr, /Error: Provider produced an inconsistent result after apply/);
    t.match(
      result.stderr,
      /spire_test_thing create: name was planned as "gamma" but the provider\s+returned "gamma-changed"/,
    );
    t.match(
      result.stderr,
      /with spire_test_thing\.broken,\s+on main\.tf line \d+, in resource "spire_test_thing" "broken":\s+\d+: {3}name = "gamma"/,
    );
    t.notMatch(
      result.stderr,
      /produced an unexpected new value/,
      "Terraform's own check did not have to catch it",
    );
    const state = ws.stateFile().resources.find((r) => r.name === 'broken');
    t.equal(state?.instances[0]?.status, 'tainted', 'the object is tracked (tainted), not leaked');
  });

  await t.test('destroy removes everything', async (t) => {
    const result = await ws.run(['destroy', '-auto-approve']);
    t.equal(result.code, 0, result.stderr);
    t.strictSame(ws.stateFile().resources, []);
    t.strictSame(storeFiles(), []);
  });
});
