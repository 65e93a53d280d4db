// startSpire(): without SPIRE_SERVER_BIN/SPIRE_AGENT_BIN it runs the test double behind the same handles
// a real SPIRE run returns (the real path needs the binaries and is not exercised here).
import t from 'tap';
import { existsSync } from 'node:fs';
import { startSpire } from '../../sim/spire.js';
import { TD, connect } from './fixtures/server.js';

t.test('falls back to the double and says so', async (t) => {
  const saved = { server: process.env.SPIRE_SERVER_BIN, agent: process.env.SPIRE_AGENT_BIN };
  delete process.env.SPIRE_SERVER_BIN;
  delete process.env.SPIRE_AGENT_BIN;
  t.teardown(() => {
    if (saved.server !== undefined) process.env.SPIRE_SERVER_BIN = saved.server;
    if (saved.agent !== undefined) process.env.SPIRE_AGENT_BIN = saved.agent;
  });
  const lines: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => lines.push(args.join(' '));
  let handles;
  try {
    handles = await startSpire({ trustDomain: TD, dir: t.testdir() });
  } finally {
    console.log = log;
  }
  t.teardown(() => handles.close());
  t.equal(handles.kind, 'sim');
  t.match(lines.join('\n'), /running the SPIRE test double/);
  t.match(handles.agentId, new RegExp(`^spiffe://${TD}/spire/agent/join_token/[0-9a-f-]{36}$`));
  t.ok(existsSync(handles.agentSocketPath), 'the agent socket exists');
  t.ok(existsSync(handles.bundlePath));
  const clients = connect(`unix://${handles.servers[0]?.socketPath ?? ''}`);
  t.teardown(() => {
    clients.close();
  });
  const agents = await clients.agent.ListAgents({});
  t.same(
    agents.agents.map((a) => `spiffe://${a.id?.trust_domain ?? ''}${a.id?.path ?? ''}`),
    [handles.agentId],
    'the agent attested with its join token',
  );
});
