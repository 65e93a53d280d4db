// spire_join_token in-process against the SPIRE test double: validation at plan time, what create
// stores, that read never invents drift, that destroy only forgets, and that the token stays out of
// every diagnostic.
import t from 'tap';
import { joinTokenResource } from '../../../../provider/resources/join-token.js';
import { attr, describe, startDriver, text, TRUST_DOMAIN } from '../data-sources/fixtures/drive.js';

const SECRET = 'tok-3f9a1c7e';

t.test('validation at plan time, with attribute paths', async (t) => {
  const d = await startDriver(t);
  const rows: { name: string; values: Record<string, string | number>; path: string; match: RegExp }[] = [
    {
      name: 'ttl must be at least 1 (agent.proto ttl required ≥1)',
      values: { ttl: 0 },
      path: 'ttl',
      match: /between 1 and/,
    },
    { name: 'ttl must be whole seconds', values: { ttl: 1.5 }, path: 'ttl', match: /whole number/ },
    {
      name: "ttl must fit SPIRE's int32",
      values: { ttl: 2 ** 31 },
      path: 'ttl',
      match: /between 1 and 2147483647/,
    },
    {
      name: 'a caller-chosen token must be a SPIFFE ID path segment',
      values: { ttl: 60, token: 'has/slash' },
      path: 'token',
      match: /letters, digits/,
    },
    {
      name: 'a caller-chosen token cannot be a dot segment',
      values: { ttl: 60, token: '..' },
      path: 'token',
      match: /"\."/,
    },
    {
      name: 'agent_spiffe_id must be a SPIFFE ID',
      values: { ttl: 60, agent_spiffe_id: 'example.org/node' },
      path: 'agent_spiffe_id',
      match: /SPIFFE ID/,
    },
    {
      name: 'agent_spiffe_id must have a path',
      values: { ttl: 60, agent_spiffe_id: 'spiffe://example.org' },
      path: 'agent_spiffe_id',
      match: /must have a path/,
    },
    {
      name: 'agent_spiffe_id cannot be in the reserved /spire namespace',
      values: { ttl: 60, agent_spiffe_id: 'spiffe://example.org/spire/agent/x' },
      path: 'agent_spiffe_id',
      match: /reserved \/spire/,
    },
  ];
  for (const row of rows) {
    const diagnostics = d.validate(joinTokenResource, d.config(joinTokenResource, row.values));
    const lines = describe(diagnostics);
    t.equal(diagnostics.items.length, 1, `${row.name}: one error (${lines.join('; ')})`);
    t.match(lines[0], row.match, row.name);
    t.match(lines[0], new RegExp(`@ ${row.path}$`), `${row.name}: points at ${row.path}`);
  }
  const secretDiagnostics = d.validate(
    joinTokenResource,
    d.config(joinTokenResource, { ttl: 60, token: `${SECRET}/x` }),
  );
  t.notMatch(describe(secretDiagnostics).join('\n'), SECRET, 'a rejected token is not echoed');
  t.same(
    describe(d.validate(joinTokenResource, d.config(joinTokenResource, { ttl: 60, token: SECRET }))),
    [],
    'a good token passes',
  );
});

t.test('create registers the token and keeps it only in state', async (t) => {
  const d = await startDriver(t);
  const created = await d.apply(joinTokenResource, null, d.config(joinTokenResource, { ttl: 600 }));
  t.same(describe(created.diagnostics), []);
  const token = text(created.state, 'token');
  t.ok(d.sim.ds.getJoinToken(token), 'the server holds the generated token');
  const stored = d.sim.ds.getJoinToken(token);
  t.equal(
    attr(created.state, 'expires_at'),
    new Date((stored?.expiresAt ?? 0) * 1000).toISOString().replace('.000Z', 'Z'),
    'expires_at is what the server set, as RFC 3339',
  );
  t.equal(
    attr(created.state, 'attested_agent_id'),
    `spiffe://${TRUST_DOMAIN}/spire/agent/join_token/${token}`,
    'attested_agent_id is the join_token agent ID',
  );
  t.ok(joinTokenResource.schema.attributes.token?.sensitive, 'token is sensitive');
  t.ok(joinTokenResource.schema.attributes.attested_agent_id?.sensitive, 'attested_agent_id is sensitive');
});

t.test('a caller-chosen token and agent_spiffe_id create the alias entry', async (t) => {
  const d = await startDriver(t);
  const created = await d.apply(
    joinTokenResource,
    null,
    d.config(joinTokenResource, {
      ttl: 600,
      token: SECRET,
      agent_spiffe_id: 'spiffe://example.org/node/etcd',
    }),
  );
  t.same(describe(created.diagnostics), []);
  t.equal(attr(created.state, 'token'), SECRET, 'the configured token is kept');
  const aliases = d.sim.ds.listAllEntries().filter((e) => e.spiffe_id?.path === '/node/etcd');
  t.equal(aliases.length, 1, 'one alias entry');
  t.equal(aliases[0]?.parent_id?.path, `/spire/agent/join_token/${SECRET}`, 'parented to the token agent ID');
});

t.test('read keeps the state as created, even once the token was used', async (t) => {
  const d = await startDriver(t);
  const created = await d.apply(joinTokenResource, null, d.config(joinTokenResource, { ttl: 600 }));
  await d.sim.controls.attestAgent({ joinToken: text(created.state, 'token') });
  t.notOk(d.sim.ds.getJoinToken(text(created.state, 'token')), 'the server consumed it');
  const read = await d.read(joinTokenResource, created.state);
  t.same(describe(read.diagnostics), []);
  t.same(read.state, created.state, 'no drift, not gone');
  const again = d.plan(joinTokenResource, read.state, d.config(joinTokenResource, { ttl: 600 }));
  t.same(again.replace, [], 'the plan after a read is empty');
  t.same(again.planned, read.state);
});

t.test('every configured change replaces the token', async (t) => {
  const d = await startDriver(t);
  const created = await d.apply(joinTokenResource, null, d.config(joinTokenResource, { ttl: 600 }));
  const ttl = d.plan(joinTokenResource, created.state, d.config(joinTokenResource, { ttl: 1200 }));
  t.same(ttl.replace, ['ttl'], 'ttl change → replace');
  const alias = d.plan(
    joinTokenResource,
    created.state,
    d.config(joinTokenResource, { ttl: 600, agent_spiffe_id: 'spiffe://example.org/node/x' }),
  );
  t.same(alias.replace, ['agent_spiffe_id'], 'agent_spiffe_id change → replace');
  const token = d.plan(
    joinTokenResource,
    created.state,
    d.config(joinTokenResource, { ttl: 600, token: SECRET }),
  );
  t.same(token.replace, ['token'], 'a newly configured token → replace');
  const replaced = await d.apply(
    joinTokenResource,
    created.state,
    d.config(joinTokenResource, { ttl: 1200 }),
  );
  t.not(attr(replaced.state, 'token'), attr(created.state, 'token'), 'a new token');
});

t.test('destroy forgets the token and warns while it may still be valid', async (t) => {
  const d = await startDriver(t);
  const created = await d.apply(
    joinTokenResource,
    null,
    d.config(joinTokenResource, { ttl: 600, token: SECRET }),
  );
  const destroyed = await d.destroy(joinTokenResource, created.state);
  t.equal(destroyed.state, null, 'removed from state');
  t.ok(d.sim.ds.getJoinToken(SECRET), 'the server still holds it (there is no delete RPC)');
  const lines = describe(destroyed.diagnostics);
  t.equal(lines.length, 1);
  t.match(lines[0], /^warning Join token not revoked: .*stays valid until \d{4}-\d\d-\d\dT/);
  t.notMatch(lines.join('\n'), SECRET, 'the warning does not show the token');

  const expired = await d.destroy(joinTokenResource, {
    ...(created.state as object),
    expires_at: '1970-01-01T00:00:01Z',
  });
  t.same(describe(expired.diagnostics), [], 'no warning for an expired token');
});

t.test('a failed create does not show the token', async (t) => {
  const d = await startDriver(t);
  await d.apply(joinTokenResource, null, d.config(joinTokenResource, { ttl: 600, token: SECRET }));
  const duplicate = await d.apply(
    joinTokenResource,
    null,
    d.config(joinTokenResource, { ttl: 600, token: SECRET }),
  );
  t.equal(duplicate.state, null, 'nothing in state');
  const lines = describe(duplicate.diagnostics);
  t.match(lines.join('\n'), /Failed to create spire_join_token: .*CreateJoinToken failed/);
  t.notMatch(lines.join('\n'), SECRET, 'the token is not in the error');
});
