import t from 'tap';
import { inspect } from 'node:util';
import { status } from '@grpc/grpc-js';
import type { ListAgentsRequest } from '../../../../src/core/generated/spire/api/server/agent/v1/ListAgentsRequest.js';
import { RpcFailure, startLocal } from '../../../harness/fake-spire-server.js';

const SECRET = '5e0b4d1c-2f7a-4c1e-9a55-7d1e2b3c4d5e';

t.test('createJoinToken sends ttl, token and agent ID and returns value and expiry', async (t) => {
  const { fake, client } = await startLocal(t, {
    agent: {
      CreateJoinToken: (request) => ({
        value: request.token === '' ? SECRET : request.token,
        expires_at: 1_800_000_000,
      }),
    },
  });
  const generated = await client.agents.createJoinToken({ ttlSeconds: 600 });
  t.equal(generated.value, SECRET);
  t.equal(generated.expiresAt, 1_800_000_000);

  await client.agents.createJoinToken({
    ttlSeconds: 60,
    token: 'chosen',
    agentId: 'spiffe://example.org/node/a',
  });
  t.same(fake.requests('CreateJoinToken'), [
    { ttl: 600, token: '', agent_id: null },
    { ttl: 60, token: 'chosen', agent_id: { trust_domain: 'example.org', path: '/node/a' } },
  ]);
});

t.test('a join token shows its value redacted in JSON and inspect output', async (t) => {
  const { client } = await startLocal(t, {
    agent: { CreateJoinToken: () => ({ value: SECRET, expires_at: 5 }) },
  });
  const token = await client.agents.createJoinToken({ ttlSeconds: 600 });
  t.notMatch(JSON.stringify(token), SECRET);
  t.same(JSON.parse(JSON.stringify(token)), { value: '[REDACTED]', expiresAt: 5 });
  t.notMatch(inspect(token), SECRET);
  t.notMatch(inspect({ nested: [token] }, { depth: 5 }), SECRET);
  t.equal(token.value, SECRET, 'the value itself is readable');
});

t.test('a failed join token creation never puts the token in the error', async (t) => {
  const { client } = await startLocal(t, {
    agent: {
      CreateJoinToken: () => {
        throw new RpcFailure(status.INTERNAL, 'failed to create token: datastore error');
      },
    },
  });
  const err: unknown = await client.agents
    .createJoinToken({ ttlSeconds: 600, token: SECRET })
    .catch((e: unknown) => e);
  t.match(err, { code: 'SPIRE_API_FAILED', message: /CreateJoinToken failed with INTERNAL/ });
  t.notMatch(JSON.stringify(err), SECRET);
  t.notMatch(inspect(err), SECRET);
});

t.test('a join token TTL below 1 second is refused before sending (SPIRE requires ttl >= 1)', async (t) => {
  const { fake, client } = await startLocal(t, { agent: {} });
  await t.rejects(client.agents.createJoinToken({ ttlSeconds: 0 }), {
    code: 'SPIRE_API_INVALID_ARGUMENT',
    message: /ttlSeconds must be an integer from 1/,
  });
  t.equal(fake.calls.length, 0);
});

t.test('agent filters reach the server in SPIRE’s wire form', async (t) => {
  const { fake, client } = await startLocal(t, {
    agent: {
      ListAgents: () => ({
        agents: [
          {
            id: { trust_domain: 'example.org', path: '/spire/agent/join_token/x' },
            attestation_type: 'join_token',
            x509svid_serial_number: '42',
            x509svid_expires_at: 1_900_000_000,
            selectors: [{ type: 'join_token', value: 'x' }],
            banned: true,
            can_reattest: false,
            agent_version: '1.15.2',
          },
        ],
        next_page_token: '',
      }),
    },
  });
  const agents = await client.agents.listAll({
    filter: {
      byAttestationType: 'join_token',
      byBanned: true,
      byExpiresBefore: new Date(Date.UTC(2024, 4, 1, 12, 0, 0)),
      bySelectorMatch: { selectors: [{ type: 'aws_iid', value: 'tag:role:node' }], match: 'subset' },
    },
    outputMask: ['banned'],
  });
  t.same(agents, [
    {
      id: 'spiffe://example.org/spire/agent/join_token/x',
      attestationType: 'join_token',
      x509SvidSerialNumber: '42',
      x509SvidExpiresAt: 1_900_000_000,
      selectors: [{ type: 'join_token', value: 'x' }],
      banned: true,
      canReattest: false,
      agentVersion: '1.15.2',
    },
  ]);
  const request = fake.requests('ListAgents')[0] as ListAgentsRequest;
  t.same(request.filter, {
    by_attestation_type: 'join_token',
    by_selector_match: { selectors: [{ type: 'aws_iid', value: 'tag:role:node' }], match: 'MATCH_SUBSET' },
    by_banned: { value: true },
    by_can_reattest: null,
    // Go layout "2006-01-02 15:04:05 -0700 -07" (SPIRE pkg/server/api/agent/v1/service.go).
    by_expires_before: '2024-05-01 12:00:00 +0000 +00',
  });
  t.equal(request.output_mask?.banned, true);
  t.equal(request.output_mask?.selectors, false);
});

t.test('get, ban and delete address the agent by its SPIFFE ID', async (t) => {
  const { fake, client } = await startLocal(t, {
    agent: {
      GetAgent: () => {
        throw new RpcFailure(status.NOT_FOUND, 'agent not found');
      },
      BanAgent: () => ({}),
      DeleteAgent: () => ({}),
    },
  });
  const id = 'spiffe://example.org/spire/agent/aws_iid/1/us-east-1/i-1';
  await t.rejects(client.agents.get(id), { code: 'SPIRE_API_NOT_FOUND' });
  await client.agents.ban(id);
  await client.agents.delete(id);
  const wireId = { trust_domain: 'example.org', path: '/spire/agent/aws_iid/1/us-east-1/i-1' };
  t.same(
    fake.calls.map((call) => [call.method, (call.request as { id: unknown }).id]),
    [
      ['GetAgent', wireId],
      ['BanAgent', wireId],
      ['DeleteAgent', wireId],
    ],
  );
});
