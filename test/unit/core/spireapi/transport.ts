import t from 'tap';
import { createServer } from 'node:net';
import { status } from '@grpc/grpc-js';
import type { Test } from 'tap';
import { dialSpireServer } from '../../../../src/core/spireapi/index.js';
import type { RemoteDialOptions } from '../../../../src/core/spireapi/index.js';
import { createTestCa } from '../../../harness/ca.js';
import type { TestCa } from '../../../harness/ca.js';
import { FakeSpireServer, RpcFailure, startLocal } from '../../../harness/fake-spire-server.js';
import type { FakeHandlers } from '../../../harness/fake-spire-server.js';

const TD = 'example.org';
const SERVER_ID = `spiffe://${TD}/spire/server`;
const ADMIN_ID = `spiffe://${TD}/admin/terraform`;

const countHandlers: FakeHandlers = { entry: { CountEntries: () => ({ count: 3 }) } };

/** Starts an mTLS fake whose server certificate carries `serverId`, issued by `issuer`. */
async function startTls(
  t: Test,
  ca: TestCa,
  options: { serverId?: string; issuer?: TestCa; handlers?: FakeHandlers } = {},
): Promise<FakeSpireServer> {
  const serverSvid = await (options.issuer ?? ca).mintX509Svid({ spiffeId: options.serverId ?? SERVER_ID });
  const fake = await FakeSpireServer.tls(
    {
      clientRootsPem: ca.x509Bundle().toPem(),
      certChainPem: serverSvid.certificatesPem,
      keyPem: serverSvid.privateKeyPem,
    },
    options.handlers ?? countHandlers,
  );
  t.teardown(() => fake.close());
  return fake;
}

async function remoteOptions(ca: TestCa, addresses: string[]): Promise<RemoteDialOptions> {
  const admin = await ca.mintX509Svid({ spiffeId: ADMIN_ID });
  return { addresses, trustDomain: TD, bundle: ca.x509Bundle(), svid: admin };
}

function dial(t: Test, options: RemoteDialOptions): ReturnType<typeof dialSpireServer> {
  const client = dialSpireServer(options);
  t.teardown(() => {
    client.close();
  });
  return client;
}

/** Returns a 127.0.0.1 address on which nothing listens. */
async function deadAddress(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  if (address === null || typeof address === 'string') throw new Error('no port');
  return `127.0.0.1:${address.port}`;
}

t.test('mTLS: a server presenting spiffe://<td>/spire/server from the bundle’s CA is accepted', async (t) => {
  const ca = await createTestCa({ trustDomain: TD });
  const fake = await startTls(t, ca);
  const client = dial(t, await remoteOptions(ca, [fake.address]));
  t.equal(await client.entries.count(), 3);
  t.same(fake.calls[0]?.clientUris, [ADMIN_ID], 'the admin SVID was presented as the client certificate');
});

t.test('mTLS: a server presenting another SPIFFE ID is refused with both IDs in the error', async (t) => {
  const ca = await createTestCa({ trustDomain: TD });
  const fake = await startTls(t, ca, { serverId: `spiffe://${TD}/workload/web` });
  const client = dial(t, await remoteOptions(ca, [fake.address]));
  const err: unknown = await client.entries.count().catch((e: unknown) => e);
  t.match(err, {
    code: 'CHAIN_UNTRUSTED',
    message: `spireapi: the SPIRE server at ${fake.address} presented SPIFFE ID spiffe://${TD}/workload/web, expected ${SERVER_ID}`,
  });
  t.equal(fake.calls.length, 0, 'no request reached the impostor');
});

t.test('mTLS: serverId replaces the default expected server identity', async (t) => {
  const ca = await createTestCa({ trustDomain: TD });
  const fake = await startTls(t, ca, { serverId: `spiffe://${TD}/spire/server/eu-1` });
  const client = dial(t, {
    ...(await remoteOptions(ca, [fake.address])),
    serverId: `spiffe://${TD}/spire/server/eu-1`,
  });
  t.equal(await client.entries.count(), 3);
});

t.test('mTLS: a server certificate from another CA is refused', async (t) => {
  const ca = await createTestCa({ trustDomain: TD });
  const otherCa = await createTestCa({ trustDomain: TD });
  const fake = await startTls(t, ca, { issuer: otherCa });
  const client = dial(t, await remoteOptions(ca, [fake.address]));
  const err: unknown = await client.entries.count().catch((e: unknown) => e);
  t.match(err, {
    code: 'CHAIN_UNTRUSTED',
    message: new RegExp(
      `^spireapi: the SPIRE server at ${fake.address} presented a certificate that does not verify against the configured bundle: .*certificate`,
    ),
  });
  t.equal(fake.calls.length, 0);
});

t.test('HA: a call moves on to the next address on UNAVAILABLE and stays there', async (t) => {
  const ca = await createTestCa({ trustDomain: TD });
  const down = await startTls(t, ca, {
    handlers: {
      entry: {
        CountEntries: () => {
          throw new RpcFailure(status.UNAVAILABLE, 'server is shutting down');
        },
      },
    },
  });
  const up = await startTls(t, ca);
  const client = dial(t, await remoteOptions(ca, [down.address, up.address]));
  t.equal(await client.entries.count(), 3);
  t.equal(await client.entries.count(), 3);
  t.equal(down.calls.length, 1, 'the failing server was tried once');
  t.equal(up.calls.length, 2, 'the second call went straight to the server that answered');
});

t.test('HA: an address with nothing listening is skipped', async (t) => {
  const ca = await createTestCa({ trustDomain: TD });
  const up = await startTls(t, ca);
  const client = dial(t, await remoteOptions(ca, [await deadAddress(), up.address]));
  t.equal(await client.entries.count(), 3);
});

t.test('HA: failures other than UNAVAILABLE are not retried elsewhere', async (t) => {
  const ca = await createTestCa({ trustDomain: TD });
  const failing = await startTls(t, ca, {
    handlers: {
      entry: {
        CountEntries: () => {
          throw new RpcFailure(status.INTERNAL, 'datastore error');
        },
      },
    },
  });
  const other = await startTls(t, ca);
  const client = dial(t, await remoteOptions(ca, [failing.address, other.address]));
  await t.rejects(client.entries.count(), { code: 'SPIRE_API_FAILED', message: /datastore error/ });
  t.equal(other.calls.length, 0);
});

t.test('HA: when every address fails the error lists each one', async (t) => {
  const ca = await createTestCa({ trustDomain: TD });
  const first = await deadAddress();
  const second = await deadAddress();
  const client = dial(t, await remoteOptions(ca, [first, second]));
  const err: unknown = await client.entries.count().catch((e: unknown) => e);
  t.match(err, { code: 'SPIRE_API_UNAVAILABLE', message: /CountEntries: no SPIRE server answered/ });
  t.match((err as Error).message, first);
  t.match((err as Error).message, second);
});

t.test('a call past its deadline fails with TIMEOUT', async (t) => {
  const { client } = await startLocal(
    t,
    { entry: { CountEntries: () => new Promise(() => undefined) } },
    { timeoutMs: 100 },
  );
  await t.rejects(client.entries.count(), { code: 'TIMEOUT' });
  await t.rejects(client.entries.count(undefined, { timeoutMs: 50 }), { code: 'TIMEOUT' });
});

t.test('aborting the signal cancels the call', async (t) => {
  const { client } = await startLocal(t, { entry: { CountEntries: () => new Promise(() => undefined) } });
  const controller = new AbortController();
  const pending = client.entries.count(undefined, { signal: controller.signal });
  setImmediate(() => {
    controller.abort();
  });
  await t.rejects(pending, { code: 'CANCELLED' });
  await t.rejects(client.entries.count(undefined, { signal: controller.signal }), { code: 'CANCELLED' });
});

t.test('a closed client refuses calls', async (t) => {
  const { client } = await startLocal(t, countHandlers);
  client.close();
  await t.rejects(client.entries.count(), { code: 'SPIRE_API_FAILED', message: /closed/ });
});
