// The documented examples (terraform/examples/provider/*, terraform/examples/resources/spire_entry) are
// valid for the real terraform CLI, and the spire_entry example applies and destroys cleanly against
// SPIRE (the test double unless SPIRE_SERVER_BIN and SPIRE_AGENT_BIN are set), configured only through
// the environment.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TD, skipWithoutTerraform, startBackend, workspace } from './harness/spire-provider.js';

t.setTimeout(300_000);

const examples = fileURLToPath(new URL('../../../terraform/examples/', import.meta.url));
const example = (path: string): string => readFileSync(`${examples}${path}`, 'utf8');

t.test('documented examples against terraform', { skip: skipWithoutTerraform }, async (t) => {
  for (const dir of ['provider/local', 'provider/tcp-ha', 'provider/workload-api']) {
    await t.test(`${dir} is valid`, async (t) => {
      const ws = workspace(t);
      ws.write(example(`${dir}/main.tf`));
      const result = await ws.run(['validate']);
      t.equal(result.code, 0, result.stdout + result.stderr);
    });
  }

  await t.test('the spire_entry example applies, plans empty and destroys', async (t) => {
    const backend = await startBackend(t);
    const ws = workspace(t);
    ws.write(example('resources/spire_entry/resource.tf'));
    const env = {
      SPIRE_ADDRESS: `unix://${backend.spire.servers[0]?.socketPath ?? ''}`,
      TF_VAR_trust_domain: TD,
    };
    const apply = await ws.run(['apply', '-auto-approve'], env);
    t.equal(apply.code, 0, apply.stderr);
    t.match(apply.stdout, /Resources: 6 added/);
    const alias = await backend.client.entries.get('tf-node-etcd');
    t.equal(alias.parentId, `spiffe://${TD}/spire/server`);
    t.strictSame(alias.selectors, [{ type: 'aws_iid', value: 'tag:role:etcd' }]);
    t.equal((await backend.client.entries.get('tf-etcd-server')).parentId, `spiffe://${TD}/node/etcd`);
    const plan = await ws.run(['plan', '-detailed-exitcode'], env);
    t.equal(plan.code, 0, plan.stdout + plan.stderr);
    const destroy = await ws.run(['destroy', '-auto-approve'], env);
    t.equal(destroy.code, 0, destroy.stderr);
    t.equal((await backend.client.entries.listAll()).length, 0);
  });
});
