// spire_entry drift and import with the real terraform CLI against SPIRE (the test double unless
// SPIRE_SERVER_BIN and SPIRE_AGENT_BIN are set): an entry deleted outside Terraform is planned again, a
// field changed outside Terraform shows in the plan, import works by ID under the ownership prefix and is
// refused outside it unless allow_foreign_entries is set.
import t from 'tap';
import {
  TD,
  header,
  localProvider,
  skipWithoutTerraform,
  startBackend,
  workspace,
} from './harness/spire-provider.js';

t.setTimeout(300_000);

t.test('spire_entry drift and import against terraform', { skip: skipWithoutTerraform }, async (t) => {
  const backend = await startBackend(t);
  const { client, parent } = backend;
  const ws = workspace(t);
  const resources = `
resource "spire_entry" "a" {
  id_suffix = "a"
  spiffe_id = "spiffe://${TD}/a"
  parent_id = "${parent}"
  selectors = ["unix:uid:1"]
}
resource "spire_entry" "b" {
  id_suffix = "b"
  spiffe_id = "spiffe://${TD}/b"
  parent_id = "${parent}"
  selectors = ["unix:uid:2"]
  hint      = "original"
}
`;
  const foreignResource = `
resource "spire_entry" "foreign" {
  spiffe_id = "spiffe://${TD}/foreign"
  parent_id = "${parent}"
  selectors = ["unix:uid:9"]
}
`;
  ws.write(header + localProvider(backend) + resources);
  const applied = await ws.run(['apply', '-auto-approve']);
  t.equal(applied.code, 0, applied.stderr);

  await t.test('an entry deleted outside Terraform is planned for creation', async (t) => {
    const [deleted] = await client.entries.batchDelete(['tf-a']);
    t.ok(deleted?.ok);
    const plan = await ws.run(['plan', '-detailed-exitcode']);
    t.equal(plan.code, 2, 'changes planned');
    t.match(plan.stdout, /spire_entry\.a will be created/);
    t.match(plan.stdout, /Plan: 1 to add, 0 to change, 0 to destroy/);
    const apply = await ws.run(['apply', '-auto-approve']);
    t.equal(apply.code, 0, apply.stderr);
    t.equal((await client.entries.get('tf-a')).spiffeId, `spiffe://${TD}/a`, 'recreated with the same ID');
  });

  await t.test('a field changed outside Terraform shows in the plan and is set back', async (t) => {
    const [changed] = await client.entries.batchUpdate([{ id: 'tf-b', hint: 'tampered', x509SvidTtl: 5 }], {
      inputMask: ['hint', 'x509SvidTtl'],
    });
    t.ok(changed?.ok);
    const plan = await ws.run(['plan', '-detailed-exitcode']);
    t.equal(plan.code, 2);
    t.match(plan.stdout, /spire_entry\.b will be updated in-place/);
    t.match(plan.stdout, /hint\s+= "tampered" -> "original"/);
    t.match(plan.stdout, /x509_svid_ttl\s+= 5 -> 0/);
    const apply = await ws.run(['apply', '-auto-approve']);
    t.equal(apply.code, 0, apply.stderr);
    t.match(await client.entries.get('tf-b'), { hint: 'original', x509SvidTtl: 0 });
  });

  await t.test('import by ID under the prefix; the plan afterwards is empty', async (t) => {
    const rm = await ws.run(['state', 'rm', 'spire_entry.b']);
    t.equal(rm.code, 0, rm.stderr);
    const imported = await ws.run(['import', 'spire_entry.b', 'tf-b']);
    t.equal(imported.code, 0, imported.stderr);
    const plan = await ws.run(['plan', '-detailed-exitcode']);
    t.equal(plan.code, 0, plan.stdout + plan.stderr);
  });

  await t.test('import of an ID that does not exist fails clearly', async (t) => {
    ws.write(header + localProvider(backend) + resources + foreignResource);
    const imported = await ws.run(['import', 'spire_entry.foreign', 'tf-missing']);
    t.not(imported.code, 0);
    t.match(imported.stderr, /SPIRE has no entry with ID "tf-missing"/);
  });

  const [foreign] = await client.entries.batchCreate([
    {
      id: 'made-by-hand',
      spiffeId: `spiffe://${TD}/foreign`,
      parentId: parent,
      selectors: [{ type: 'unix', value: 'uid:9' }],
    },
  ]);
  t.ok(foreign?.ok);

  await t.test('import of an ID outside the prefix is refused', async (t) => {
    const imported = await ws.run(['import', 'spire_entry.foreign', 'made-by-hand']);
    t.not(imported.code, 0);
    t.match(imported.stderr, /outside this provider's entry_id_prefix "tf-"/);
    t.match(imported.stderr, /allow_foreign_entries/);
  });

  await t.test('with allow_foreign_entries the import works, and the entry can be managed', async (t) => {
    ws.write(
      header + localProvider(backend, '  allow_foreign_entries = true\n') + resources + foreignResource,
    );
    const imported = await ws.run(['import', 'spire_entry.foreign', 'made-by-hand']);
    t.equal(imported.code, 0, imported.stderr);
    const plan = await ws.run(['plan', '-detailed-exitcode']);
    t.equal(plan.code, 0, plan.stdout + plan.stderr);
  });

  await t.test('without allow_foreign_entries an imported foreign entry is never deleted', async (t) => {
    ws.write(header + localProvider(backend) + resources);
    const apply = await ws.run(['apply', '-auto-approve']);
    t.not(apply.code, 0);
    t.match(apply.stderr, /entry "made-by-hand" is outside this provider's entry_id_prefix/);
    t.equal((await client.entries.get('made-by-hand')).id, 'made-by-hand', 'still there');
  });
});
