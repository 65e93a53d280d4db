import t from 'tap';
import { status } from '@grpc/grpc-js';
import { RpcFailure, startLocal } from '../../../harness/fake-spire-server.js';

t.test('check returns the serving status and asks about the named service', async (t) => {
  const { fake, client } = await startLocal(t, {
    health: { Check: (request) => ({ status: request.service === '' ? 'SERVING' : 'SERVICE_UNKNOWN' }) },
  });
  t.equal(await client.health.check(), 'SERVING');
  t.equal(await client.health.check({ service: 'spire.api.server.entry.v1.Entry' }), 'SERVICE_UNKNOWN');
  t.same(fake.requests('Check'), [{ service: '' }, { service: 'spire.api.server.entry.v1.Entry' }]);
});

t.test('a remote caller refused health (SPIRE allows it locally only) gets SPIRE_API_DENIED', async (t) => {
  const { client } = await startLocal(t, {
    health: {
      Check: () => {
        throw new RpcFailure(
          status.PERMISSION_DENIED,
          'authorization denied for method /grpc.health.v1.Health/Check',
        );
      },
    },
  });
  await t.rejects(client.health.check(), { code: 'SPIRE_API_DENIED' });
});
