// agent.v1 of the SPIRE test double and the attestation control, through a real grpc-js client.
// Rules cite SPIRE pkg/server/api/agent/v1/service.go unless stated otherwise.
import t from 'tap';
import { awsIidAttestation } from '../../sim/server-agent.js';
import { TD, startServerRig } from './fixtures/server.js';

const INVALID_ARGUMENT = 3;
const NOT_FOUND = 5;
const PERMISSION_DENIED = 7;
const INTERNAL = 13;

t.test('CreateJoinToken', async (t) => {
  const { sim, local } = await startServerRig(t);

  t.test('rejects a TTL below 1', async (t) => {
    await t.rejects(local.agent.CreateJoinToken({ ttl: 0 }), {
      code: INVALID_ARGUMENT,
      details: 'ttl is required, you must provide one',
    });
  });
  t.test('generates a UUID token when none is given; expires_at = now + ttl', async (t) => {
    const before = Math.floor(Date.now() / 1000);
    const token = await local.agent.CreateJoinToken({ ttl: 600 });
    t.match(token.value, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    t.ok(token.expires_at >= before + 600 && token.expires_at <= before + 601);
  });
  t.test('keeps a caller-chosen token; a second one with that value fails in the datastore', async (t) => {
    t.equal((await local.agent.CreateJoinToken({ ttl: 60, token: 'chosen' })).value, 'chosen');
    await t.rejects(local.agent.CreateJoinToken({ ttl: 60, token: 'chosen' }), {
      code: INTERNAL,
      details: 'failed to create token: datastore-sql: UNIQUE constraint failed: join_tokens.token',
    });
  });
  t.test(
    'rejects an agent_id in the reserved namespace (api/id.go VerifyTrustDomainWorkloadID)',
    async (t) => {
      await t.rejects(
        local.agent.CreateJoinToken({ ttl: 60, agent_id: { trust_domain: TD, path: '/spire/agent/x' } }),
        {
          code: INVALID_ARGUMENT,
          details: `invalid agent ID: "spiffe://${TD}/spire/agent/x" is not a workload in trust domain "${TD}"; path is in the reserved namespace`,
        },
      );
    },
  );
  t.test('rejects an agent_id in another trust domain', async (t) => {
    await t.rejects(
      local.agent.CreateJoinToken({ ttl: 60, agent_id: { trust_domain: 'other.org', path: '/node' } }),
      {
        code: INVALID_ARGUMENT,
        details: `invalid agent ID: "spiffe://other.org/node" is not a member of trust domain "${TD}"`,
      },
    );
  });
  t.test('with agent_id, creates the alias entry (createJoinTokenRegistrationEntry)', async (t) => {
    await local.agent.CreateJoinToken({
      ttl: 60,
      token: 'aliased',
      agent_id: { trust_domain: TD, path: '/node/a' },
    });
    const parent = `spiffe://${TD}/spire/agent/join_token/aliased`;
    const entries = (
      await local.entry.ListEntries({ filter: { by_spiffe_id: { trust_domain: TD, path: '/node/a' } } })
    ).entries;
    t.equal(entries.length, 1);
    t.same(entries[0]?.parent_id, { trust_domain: TD, path: '/spire/agent/join_token/aliased' });
    t.same(entries[0]?.selectors, [{ type: 'spiffe_id', value: parent }]);
  });
  t.test(
    'a token that cannot be a path segment fails the alias entry, after storing the token',
    async (t) => {
      await t.rejects(
        local.agent.CreateJoinToken({
          ttl: 60,
          token: 'a/b',
          agent_id: { trust_domain: TD, path: '/node/b' },
        }),
        {
          code: INTERNAL,
          details:
            'failed to create join token registration entry: failed to create join token ID: path segment characters are limited to letters, numbers, dots, dashes, and underscores',
        },
      );
      t.ok(sim.ds.getJoinToken('a/b'), 'the token stays stored, as in SPIRE');
    },
  );
});

t.test('attestation with a join token (service.go attestJoinToken)', async (t) => {
  const { sim, local } = await startServerRig(t);
  const { value } = await local.agent.CreateJoinToken({ ttl: 60, token: 'tok1' });

  t.test('creates the agent spiffe://<td>/spire/agent/join_token/<token>', async (t) => {
    const attested = await sim.controls.attestAgent({ joinToken: value });
    t.equal(attested.spiffeId, `spiffe://${TD}/spire/agent/join_token/tok1`);
    const agent = await local.agent.GetAgent({
      id: { trust_domain: TD, path: '/spire/agent/join_token/tok1' },
    });
    t.equal(agent.attestation_type, 'join_token');
    t.equal(agent.banned, false);
    t.equal(
      agent.x509svid_serial_number,
      BigInt(`0x${attested.certificates[0]?.serialNumber ?? '0'}`).toString(10),
    );
    t.equal(
      agent.x509svid_expires_at,
      Math.floor((attested.certificates[0]?.notAfter.getTime() ?? 0) / 1000),
    );
  });
  t.test('a token is single use', async (t) => {
    await t.rejects(sim.controls.attestAgent({ joinToken: value }), {
      code: INVALID_ARGUMENT,
      message: 'failed to attest: join token does not exist or has already been used',
    });
  });
  t.test('an expired token fails and is consumed anyway', async (t) => {
    await local.agent.CreateJoinToken({ ttl: 1, token: 'short' });
    sim.controls.advanceClock(5);
    await t.rejects(sim.controls.attestAgent({ joinToken: 'short' }), {
      code: INVALID_ARGUMENT,
      message: 'join token expired',
    });
    t.equal(sim.ds.getJoinToken('short'), undefined);
  });
});

t.test('GetAgent, BanAgent, DeleteAgent', async (t) => {
  const { sim, local } = await startServerRig(t);
  const id = { trust_domain: TD, path: '/spire/agent/aws_iid/1/r/i-1' };
  await sim.controls.attestAgent({
    spiffeId: `spiffe://${TD}${id.path}`,
    attestationType: 'aws_iid',
    selectors: [{ type: 'aws_iid', value: 'tag:role:node' }],
    canReattest: true,
  });

  t.test('rejects an ID outside the agent namespace (api/id.go VerifyTrustDomainAgentID)', async (t) => {
    const calls: ((req: { id: { trust_domain: string; path: string } }) => Promise<unknown>)[] = [
      local.agent.GetAgent,
      local.agent.BanAgent,
      local.agent.DeleteAgent,
    ];
    for (const call of calls) {
      await t.rejects(call({ id: { trust_domain: TD, path: '/workload' } }), {
        code: INVALID_ARGUMENT,
        details: `invalid agent ID: "spiffe://${TD}/workload" is not an agent in trust domain "${TD}"; path is not in the agent namespace`,
      });
    }
    await t.rejects(local.agent.GetAgent({ id: null }), {
      code: INVALID_ARGUMENT,
      details: 'invalid agent ID: request must specify SPIFFE ID',
    });
  });
  t.test('NOT_FOUND "agent not found" for an unknown agent', async (t) => {
    const unknown = { id: { trust_domain: TD, path: '/spire/agent/none' } };
    const calls: ((req: typeof unknown) => Promise<unknown>)[] = [
      local.agent.GetAgent,
      local.agent.BanAgent,
      local.agent.DeleteAgent,
    ];
    for (const call of calls) {
      await t.rejects(call(unknown), { code: NOT_FOUND, details: 'agent not found' });
    }
  });
  t.test('output_mask keeps the ID and the selected fields (service.go applyMask)', async (t) => {
    const agent = await local.agent.GetAgent({ id, output_mask: { selectors: true } });
    t.same(agent.id, id);
    t.same(agent.selectors, [{ type: 'aws_iid', value: 'tag:role:node' }]);
    t.equal(agent.attestation_type, '');
    t.equal(agent.can_reattest, false);
  });
  t.test('BanAgent clears the serial, marks the agent banned and blocks re-attestation', async (t) => {
    await local.agent.BanAgent({ id });
    const agent = await local.agent.GetAgent({ id });
    t.equal(agent.banned, true);
    t.equal(agent.x509svid_serial_number, '');
    await t.rejects(
      sim.controls.attestAgent({ spiffeId: `spiffe://${TD}${id.path}`, attestationType: 'aws_iid' }),
      { code: PERMISSION_DENIED, message: 'failed to attest: agent is banned' },
    );
  });
  t.test('DeleteAgent removes the agent, which may then attest again', async (t) => {
    await local.agent.DeleteAgent({ id });
    await t.rejects(local.agent.GetAgent({ id }), { code: NOT_FOUND });
    await sim.controls.attestAgent({ spiffeId: `spiffe://${TD}${id.path}`, attestationType: 'aws_iid' });
    t.equal((await local.agent.GetAgent({ id })).banned, false);
  });
});

t.test('ListAgents and CountAgents', async (t) => {
  const { sim, local } = await startServerRig(t);
  for (let i = 0; i < 5; i++) {
    await sim.controls.attestAgent({
      spiffeId: `spiffe://${TD}/spire/agent/x509pop/n${i}`,
      attestationType: i < 3 ? 'x509pop' : 'aws_iid',
      selectors: [
        { type: 'x', value: `n:${i}` },
        { type: 'x', value: 'all' },
      ],
      canReattest: i % 2 === 0,
    });
  }
  await local.agent.BanAgent({ id: { trust_domain: TD, path: '/spire/agent/x509pop/n4' } });
  const paths = async (filter: Parameters<typeof local.agent.ListAgents>[0]['filter'] & object) => {
    const listed = (await local.agent.ListAgents({ filter })).agents.map((a) => a.id?.path.split('/').pop());
    t.equal((await local.agent.CountAgents({ filter })).count, listed.length, 'CountAgents agrees');
    return listed;
  };
  t.same(await paths({ by_attestation_type: 'aws_iid' }), ['n3', 'n4'], 'by_attestation_type');
  t.same(await paths({ by_banned: { value: true } }), ['n4'], 'by_banned');
  t.same(await paths({ by_can_reattest: { value: true } }), ['n0', 'n2', 'n4'], 'by_can_reattest');
  t.same(
    await paths({ by_selector_match: { match: 'MATCH_SUPERSET', selectors: [{ type: 'x', value: 'n:1' }] } }),
    ['n1'],
    'by_selector_match SUPERSET',
  );
  t.same(
    await paths({ by_selector_match: { match: 'MATCH_EXACT', selectors: [{ type: 'x', value: 'all' }] } }),
    [],
    'by_selector_match EXACT needs the whole set',
  );
  const later = new Date(Date.now() + 48 * 3600_000);
  const goTime = `${later.toISOString().slice(0, 19).replace('T', ' ')} +0000 +00`;
  t.same(
    await paths({ by_expires_before: goTime }),
    ['n0', 'n1', 'n2', 'n3', 'n4'],
    'by_expires_before (Go layout)',
  );
  t.same(await paths({ by_expires_before: '2000-01-01 00:00:00 +0000 +00' }), [], 'none expire before 2000');
  t.same(
    await paths({ by_expires_before: 'not a time' }),
    ['n0', 'n1', 'n2', 'n3', 'n4'],
    'an unparsable time is ignored',
  );

  t.test('pages of 2 cover all agents in attestation order and end with an empty page', async (t) => {
    const pages: (string | undefined)[][] = [];
    let token = '';
    for (let i = 0; i < 10; i++) {
      const response = await local.agent.ListAgents({ page_size: 2, page_token: token, output_mask: {} });
      pages.push(response.agents.map((a) => a.id?.path.split('/').pop()));
      t.same(response.agents[0]?.selectors ?? [], [], 'mask without selectors drops them');
      token = response.next_page_token;
      if (token === '') break;
    }
    t.same(pages, [['n0', 'n1'], ['n2', 'n3'], ['n4'], []]);
  });
  t.test('a bad page token is Internal', async (t) => {
    await t.rejects(local.agent.ListAgents({ page_size: 2, page_token: 'x' }), {
      code: INTERNAL,
      details: "failed to list agents: could not parse token 'x'",
    });
  });
  t.test(
    'selector filters: a bad selector is InvalidArgument, an empty set Internal (sqlstore listAttestedNodes)',
    async (t) => {
      await t.rejects(
        local.agent.ListAgents({ filter: { by_selector_match: { selectors: [{ type: '', value: 'v' }] } } }),
        {
          code: INVALID_ARGUMENT,
          details: 'failed to parse selectors: missing selector type',
        },
      );
      await t.rejects(local.agent.ListAgents({ filter: { by_selector_match: { selectors: [] } } }), {
        code: INTERNAL,
        details: 'failed to list agents: cannot list by empty selectors set',
      });
      await t.rejects(local.agent.CountAgents({ filter: { by_selector_match: { selectors: [] } } }), {
        code: INTERNAL,
        details: 'failed to count agents: cannot list by empty selectors set',
      });
    },
  );
});

t.test('aws_iid attestation (awsiid/iid.go, spiffeid.go; base.go AssessTOFU)', async (t) => {
  const { sim, local } = await startServerRig(t);
  const instance = {
    accountId: '111111111111',
    region: 'eu-west-1',
    instanceId: 'i-0aaa1111bbbb2222c',
    availabilityZone: 'eu-west-1a',
    imageId: 'ami-0123',
    tags: { tarmak_role: 'worker', Name: 'worker-a' },
    securityGroups: [{ id: 'sg-1', name: 'workers' }],
    iamRoles: ['arn:aws:iam::111111111111:role/worker'],
  };
  const attestation = awsIidAttestation(TD, instance);
  const path = '/spire/agent/aws_iid/111111111111/eu-west-1/i-0aaa1111bbbb2222c';

  t.test('the agent ID follows the default agent_path_template', (t) => {
    t.equal(attestation.spiffeId, `spiffe://${TD}${path}`);
    t.equal(attestation.attestationType, 'aws_iid');
    t.end();
  });
  t.test('the selectors are those resolveSelectors produces, sorted', (t) => {
    t.same(
      attestation.selectors?.map((s) => `${s.type}:${s.value}`),
      [
        'aws_iid:account_id:111111111111',
        'aws_iid:az:eu-west-1a',
        'aws_iid:iamrole:arn:aws:iam::111111111111:role/worker',
        'aws_iid:image:id:ami-0123',
        'aws_iid:instance:id:i-0aaa1111bbbb2222c',
        'aws_iid:region:eu-west-1',
        'aws_iid:sg:id:sg-1',
        'aws_iid:sg:name:workers',
        'aws_iid:tag:Name:worker-a',
        'aws_iid:tag:tarmak_role:worker',
      ],
    );
    t.end();
  });
  t.test('ListAgents returns the attested selectors, and filters by them', async (t) => {
    await sim.controls.attestAgent(attestation);
    const listed = await local.agent.ListAgents({
      filter: {
        by_selector_match: {
          selectors: [{ type: 'aws_iid', value: 'tag:tarmak_role:worker' }],
          match: 'MATCH_SUPERSET',
        },
      },
    });
    t.same(
      listed.agents.map((a) => a.id?.path),
      [path],
    );
    t.equal(listed.agents[0]?.selectors.length, 10);
  });
  t.test('a second attestation of an attested instance is refused (trust on first use)', async (t) => {
    await t.rejects(sim.controls.attestAgent(attestation), {
      code: PERMISSION_DENIED,
      message: 'attestation data has already been used to attest an agent',
    });
  });
  t.test('a banned instance gets the same answer: the attestor runs before the ban check', async (t) => {
    await local.agent.BanAgent({ id: { trust_domain: TD, path } });
    await t.rejects(sim.controls.attestAgent(attestation), {
      code: PERMISSION_DENIED,
      message: 'attestation data has already been used to attest an agent',
    });
  });
  t.test('after DeleteAgent (evict) the instance may attest again', async (t) => {
    await local.agent.DeleteAgent({ id: { trust_domain: TD, path } });
    const again = await sim.controls.attestAgent(attestation);
    t.equal(again.spiffeId, `spiffe://${TD}${path}`);
    t.equal((await local.agent.GetAgent({ id: { trust_domain: TD, path } })).banned, false);
  });
});
