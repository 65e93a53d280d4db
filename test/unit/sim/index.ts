// startSim() composes the two halves over one datastore: what an admin registers through the Server
// API is what a workload receives from the Workload API, and the bundle is the same on both sides.
import t from 'tap';
import type { X509SVIDResponse } from '../../../src/core/generated/X509SVIDResponse.js';
import { TD, createEntries, entryInput, startServerRig } from './fixtures/server.js';
import { StreamReader, newClient, securityMetadata } from './fixtures/workload.js';

t.test('an entry created through the Server API reaches the workload socket', async (t) => {
  const { sim, local } = await startServerRig(t);
  const { value: token } = await local.agent.CreateJoinToken({ ttl: 60 });
  const agent = await sim.controls.attestAgent({ joinToken: token });
  const workload = await sim.workload({
    agentId: agent.spiffeId,
    selectors: [{ type: 'unix', value: 'uid:1000' }],
  });
  const client = newClient(workload.socketPath);
  const stream = new StreamReader<X509SVIDResponse>(client.FetchX509SVID({}, securityMetadata()));
  t.teardown(() => {
    stream.call.cancel();
    client.close();
  });
  const agentPath = agent.spiffeId.slice(`spiffe://${TD}`.length);
  await createEntries(t, local.entry, [entryInput({ parent_id: { trust_domain: TD, path: agentPath } })]);
  const response = await stream.next();
  t.same(
    response.svids.map((svid) => svid.spiffe_id),
    [`spiffe://${TD}/workload`],
  );
  const bundle = await local.bundle.GetBundle({});
  t.same(
    Buffer.from(response.svids[0]?.bundle ?? []),
    Buffer.concat(bundle.x509_authorities.map((a) => a.asn1)),
    'the Workload API bundle is the Server API bundle',
  );
});
