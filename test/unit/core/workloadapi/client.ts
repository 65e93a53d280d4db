import t, { type Test } from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { createTestCa } from '../../../harness/ca.js';
import {
  FakeClock,
  FakeWorkloadApi,
  mintFakeX509Svid,
  type FakeState,
} from '../../../harness/fake-workload-api.js';
import { WorkloadApiClient, type X509Context } from '../../../../src/core/workloadapi/index.js';
import { TrustDomain } from '../../../../src/core/spiffeid/index.js';
import { CoreError } from '../../../../src/core/errors/index.js';
import { loadProto, protoFiles } from '../../../../src/core/proto/index.js';
import type { ProtoGrpcType } from '../../../../src/core/generated/workload.js';

const ca = await createTestCa({ trustDomain: 'example.org' });
const federatedCa = await createTestCa({ trustDomain: 'other.org' });
const td = TrustDomain.parse('example.org');
const otherTd = TrustDomain.parse('other.org');

interface Setup {
  fake: FakeWorkloadApi;
  client: WorkloadApiClient;
  clock: FakeClock;
}

// Unix socket paths are limited to 108 bytes, which t.testdir() paths (named after the test) exceed; a
// short directory under the system temp dir is used instead and removed in teardown.
async function setup(t: Test, state: Partial<FakeState> = {}): Promise<Setup> {
  const dir = mkdtempSync(join(tmpdir(), 'wlapi-'));
  const fake = await FakeWorkloadApi.start(join(dir, 'agent.sock'), state);
  const clock = new FakeClock();
  const client = new WorkloadApiClient({ endpoint: fake.endpoint, backoff: { clock } });
  t.teardown(async () => {
    client.close();
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return { fake, client, clock };
}

/** Returns the error a promise rejects with (failing the test when it resolves). */
async function rejection(t: Test, promise: Promise<unknown>): Promise<CoreError> {
  try {
    await promise;
  } catch (err) {
    t.ok(err instanceof CoreError, 'rejects with a CoreError');
    return err as CoreError;
  }
  t.fail('expected a rejection');
  return new CoreError('TIMEOUT', 'test', 'unreachable');
}

const svidA = await mintFakeX509Svid(ca, 'spiffe://example.org/a', { hint: 'internal' });
const svidB = await mintFakeX509Svid(ca, 'spiffe://example.org/b', { hint: 'external' });

t.test('security header workload.spiffe.io: true (Endpoint §3)', async (t) => {
  const { fake, client } = await setup(t, {
    x509Svids: [svidA],
    x509Bundles: { 'spiffe://example.org': ca.x509Bundle().toDer() },
    jwtBundles: { 'spiffe://example.org': Buffer.from(ca.jwtBundle().toJwks()) },
    jwtSvids: () => [{ spiffeId: 'spiffe://example.org/a', token: jwtA }],
    validate: () => ({ spiffeId: 'spiffe://example.org/a', claims: {} }),
  });
  const jwtA = await ca.mintJwtSvid({ spiffeId: 'spiffe://example.org/a', audience: 'db' });

  await t.test('the fake rejects a call without the header with InvalidArgument, like SPIRE', async (t) => {
    const proto = loadProto(protoFiles.workload) as unknown as ProtoGrpcType;
    const raw = new proto.SpiffeWorkloadAPI(fake.endpoint, grpc.credentials.createInsecure());
    t.teardown(() => {
      raw.close();
    });
    const code = await new Promise<number>((resolve) => {
      raw.FetchJWTSVID({ audience: ['db'] }, (err) => {
        resolve(err?.code ?? grpc.status.OK);
      });
    });
    t.equal(code, grpc.status.INVALID_ARGUMENT);
  });

  await t.test('the client sends it on every RPC', async (t) => {
    const before = fake.calls.length;
    await client.fetchX509Context();
    await client.fetchX509Bundles();
    await client.fetchJwtSvid({ audience: ['db'] });
    await client.fetchJwtBundles();
    await client.validateJwtSvid({ token: jwtA, audience: 'db' });
    const controller = new AbortController();
    await client.watchX509Context(
      {
        onUpdate: () => {
          controller.abort();
        },
      },
      { signal: controller.signal },
    );
    const calls = fake.calls.slice(before);
    t.same(
      calls.map((c) => c.rpc),
      [
        'FetchX509SVID',
        'FetchX509Bundles',
        'FetchJWTSVID',
        'FetchJWTBundles',
        'ValidateJWTSVID',
        'FetchX509SVID',
      ],
    );
    for (const call of calls) t.same(call.header, ['true'], `${call.rpc} carries the header`);
  });
});

t.test('fetchX509Context maps SVIDs, hints, own and federated bundles', async (t) => {
  const duplicateHint = await mintFakeX509Svid(ca, 'spiffe://example.org/c', { hint: 'internal' });
  const { client } = await setup(t, {
    x509Svids: [svidA, svidB, duplicateHint],
    federatedBundles: { 'spiffe://other.org': federatedCa.x509Bundle().toDer() },
  });
  const ctx = await client.fetchX509Context();
  t.same(
    ctx.svids.map((s) => [s.id.toString(), s.hint]),
    [
      ['spiffe://example.org/a', 'internal'],
      ['spiffe://example.org/b', 'external'],
    ],
    'the first SVID is the default; a later SVID with a hint already seen is dropped (Workload API spec)',
  );
  const first = ctx.svids[0];
  t.ok(first !== undefined && first.certificates.length === 1 && first.privateKey.pkcs8.length > 0);
  t.same(
    ctx.bundles
      .trustDomains()
      .map((d) => d.name)
      .sort(),
    ['example.org', 'other.org'],
  );
  t.ok(ctx.bundles.get(td)?.equals(ca.x509Bundle()), 'own bundle comes from the SVID bundle field');
  t.ok(
    ctx.bundles.get(otherTd)?.equals(federatedCa.x509Bundle()),
    'federated bundle is keyed by trust domain',
  );
});

t.test('fetchX509Context rejects an SVID whose spiffe_id field disagrees with its certificate', async (t) => {
  const { client, fake } = await setup(t, {
    x509Svids: [{ ...svidA, spiffeId: 'spiffe://example.org/zzz' }],
  });
  const err = await rejection(t, client.fetchX509Context());
  t.equal(err.code, 'SVID_INVALID');
  t.match(err.message, /spiffe_id field does not match/);
  t.equal(fake.count('FetchX509SVID'), 1, 'an invalid document is final, not retried');
});

t.test('fetchX509Context passes on core validation failures with their code', async (t) => {
  const { client } = await setup(t, { x509Svids: [{ ...svidA, keyDer: svidB.keyDer }] });
  const err = await rejection(t, client.fetchX509Context());
  t.equal(err.code, 'KEY_MISMATCH');
  t.match(err.message, /sent X509-SVID #0 \("spiffe:\/\/example.org\/a"\) that is not valid/);
});

t.test('PermissionDenied twice then success: the fetch retries with linear backoff', async (t) => {
  const { client, fake, clock } = await setup(t, { x509Svids: [svidA] });
  fake.failNext('FetchX509SVID', grpc.status.PERMISSION_DENIED, 'no identity issued', 2);
  const ctx = await client.fetchX509Context();
  t.equal(ctx.svids.length, 1);
  t.equal(fake.count('FetchX509SVID'), 3);
  t.same(clock.sleeps, [1000, 2000]);
});

t.test('Unavailable is retried by a fetch until the server answers', async (t) => {
  const { client, fake, clock } = await setup(t, { x509Svids: [svidA] });
  fake.failNext('FetchX509Bundles', grpc.status.UNAVAILABLE, 'starting', 1);
  fake.update({ x509Bundles: { 'spiffe://example.org': ca.x509Bundle().toDer() } });
  const bundles = await client.fetchX509Bundles();
  t.ok(bundles.get(td)?.equals(ca.x509Bundle()));
  t.equal(fake.count('FetchX509Bundles'), 2);
  t.same(clock.sleeps, [1000]);
});

t.test('an empty response counts as no identity and is retried', async (t) => {
  const { client, fake, clock } = await setup(t, { x509Svids: [] });
  clock.onSleep = () => {
    fake.update({ x509Svids: [svidA] });
  };
  const ctx = await client.fetchX509Context({ timeoutMs: 60_000 });
  t.equal(ctx.svids.length, 1);
  t.equal(fake.count('FetchX509SVID'), 2);
});

t.test('InvalidArgument stops at once with WORKLOAD_API_INVALID_ARGUMENT', async (t) => {
  const { client, fake, clock } = await setup(t, { x509Svids: [svidA] });
  fake.failAlways('FetchX509SVID', grpc.status.INVALID_ARGUMENT, 'security header missing from request');
  const fetchErr = await rejection(t, client.fetchX509Context({ timeoutMs: 60_000 }));
  t.equal(fetchErr.code, 'WORKLOAD_API_INVALID_ARGUMENT');
  t.match(fetchErr.message, /security header missing from request/);
  // A retry would reach the clock, which then ends the watch cleanly: the rejection below would fail.
  const controller = new AbortController();
  clock.onSleep = () => {
    controller.abort();
  };
  const watchErr = await rejection(
    t,
    client.watchX509Context({ onUpdate: () => undefined }, { signal: controller.signal }),
  );
  t.equal(watchErr.code, 'WORKLOAD_API_INVALID_ARGUMENT');
  t.equal(fake.count('FetchX509SVID'), 2, 'one call each, no retry');
  t.same(clock.sleeps, []);
});

t.test('Unimplemented stops at once with WORKLOAD_API_UNIMPLEMENTED', async (t) => {
  const { client, fake, clock } = await setup(t);
  fake.failAlways('FetchJWTBundles', grpc.status.UNIMPLEMENTED, 'not here');
  const fetchErr = await rejection(t, client.fetchJwtBundles({ timeoutMs: 60_000 }));
  t.equal(fetchErr.code, 'WORKLOAD_API_UNIMPLEMENTED');
  t.match(fetchErr.message, /does not implement FetchJWTBundles/);
  const controller = new AbortController();
  clock.onSleep = () => {
    controller.abort();
  };
  const watchErr = await rejection(
    t,
    client.watchJwtBundles({ onUpdate: () => undefined }, { signal: controller.signal }),
  );
  t.equal(watchErr.code, 'WORKLOAD_API_UNIMPLEMENTED');
  t.equal(fake.count('FetchJWTBundles'), 2);
  t.same(clock.sleeps, []);
});

t.test('a fetch that times out while the agent says PermissionDenied fails with NO_IDENTITY', async (t) => {
  const { client, fake, clock } = await setup(t, { x509Svids: [svidA] });
  fake.failAlways('FetchX509SVID', grpc.status.PERMISSION_DENIED, 'no identity issued');
  const err = await rejection(t, client.fetchX509Context({ timeoutMs: 5000 }));
  t.equal(err.code, 'NO_IDENTITY');
  t.match(err.message, /no identity issued/);
  t.match(err.message, fake.endpoint, 'the message names the endpoint');
  // Attempts at 0, 1 s and 3 s; the next would start at 6 s, past the 5 s deadline.
  t.equal(fake.count('FetchX509SVID'), 3);
  t.same(clock.sleeps, [1000, 2000]);
});

t.test(
  'a fetch that times out while the agent is unreachable fails with WORKLOAD_API_UNAVAILABLE',
  async (t) => {
    const { client, fake } = await setup(t);
    await fake.stop();
    const err = await rejection(t, client.fetchX509Context({ timeoutMs: 5000 }));
    t.equal(err.code, 'WORKLOAD_API_UNAVAILABLE');
    t.match(err.message, `cannot reach the Workload API at ${fake.endpoint}`);
    t.match(err.message, /gave up after 3 attempts within 5000 ms/);
  },
);

t.test('a fetch that gets no answer at all before its deadline fails with TIMEOUT', async (t) => {
  const { client, fake } = await setup(t, { x509Svids: [svidA] });
  fake.mute = true;
  const err = await rejection(t, client.fetchX509Context({ timeoutMs: 50 }));
  t.equal(err.code, 'TIMEOUT');
  t.match(err.message, /no answer to FetchX509SVID/);
});

t.test('aborting a fetch rejects with CANCELLED; so does closing the client', async (t) => {
  const { client, fake } = await setup(t, { x509Svids: [svidA] });
  fake.failAlways('FetchX509SVID', grpc.status.PERMISSION_DENIED, 'no identity issued');
  const controller = new AbortController();
  const aborted = client.fetchX509Context({ signal: controller.signal });
  controller.abort();
  const err = await rejection(t, aborted);
  t.equal(err.code, 'CANCELLED');
  t.match(err.message, /aborted by the caller/);

  const pending = client.fetchX509Context();
  client.close();
  const closed = await rejection(t, pending);
  t.equal(closed.code, 'CANCELLED');
  t.match(closed.message, /client was closed/);
});

t.test('watchX509Context', async (t) => {
  await t.test('delivers a pushed rotation as the complete new state', async (t) => {
    const { client, fake } = await setup(t, { x509Svids: [svidA, svidB] });
    const rotated = await mintFakeX509Svid(ca, 'spiffe://example.org/a', { hint: 'internal' });
    const seen: X509Context[] = [];
    const controller = new AbortController();
    await client.watchX509Context(
      {
        onUpdate: (ctx) => {
          seen.push(ctx);
          if (seen.length === 1) fake.update({ x509Svids: [rotated] });
          else controller.abort();
        },
      },
      { signal: controller.signal },
    );
    t.equal(seen.length, 2);
    t.same(
      seen.map((ctx) => ctx.svids.map((s) => s.id.toString())),
      [['spiffe://example.org/a', 'spiffe://example.org/b'], ['spiffe://example.org/a']],
      'the second state replaces the first: b is gone',
    );
    const [before, after] = seen.map((ctx) => ctx.svids[0]?.certificates[0]?.serialNumber);
    t.not(before, after, 'the rotated certificate is delivered');
    t.equal(fake.count('FetchX509SVID'), 1, 'one stream carried both states');
  });

  await t.test(
    'takes over what the previous message parsed: unchanged SVIDs and bundle certificates are not parsed again',
    async (t) => {
      const { client, fake } = await setup(t, { x509Svids: [svidA, svidB] });
      const rotatedB = await mintFakeX509Svid(ca, 'spiffe://example.org/b', { hint: 'external' });
      const seen: X509Context[] = [];
      const controller = new AbortController();
      await client.watchX509Context(
        {
          onUpdate: (ctx) => {
            seen.push(ctx);
            if (seen.length === 1) fake.update({ x509Svids: [svidA, rotatedB] });
            else controller.abort();
          },
        },
        { signal: controller.signal },
      );
      const [first, second] = seen;
      t.equal(second?.svids[0], first?.svids[0], 'the unchanged SVID is the object parsed before');
      t.not(second?.svids[1], first?.svids[1], 'the rotated SVID is parsed');
      t.not(second?.svids[1]?.certificates[0]?.serialNumber, first?.svids[1]?.certificates[0]?.serialNumber);
      const [root] = first?.bundles.get(td)?.authorities ?? [];
      t.ok(root !== undefined && second?.bundles.get(td)?.authorities[0] === root, 'the bundle root too');
      t.not(second?.bundles.get(td), first?.bundles.get(td), 'each context gets its own bundle object');
    },
  );

  await t.test(
    'reconnects after the agent goes away and resumes once it is back on the same socket',
    async (t) => {
      const { client, fake, clock } = await setup(t, { x509Svids: [svidA] });
      const errors: string[] = [];
      let updates = 0;
      clock.onSleep = async (count) => {
        if (count === 3) await fake.restart();
      };
      const controller = new AbortController();
      await client.watchX509Context(
        {
          onUpdate: async () => {
            updates += 1;
            if (updates === 1) await fake.stop();
            else controller.abort();
          },
          onError: (err) => errors.push(err.code),
        },
        { signal: controller.signal },
      );
      t.equal(updates, 2, 'state arrives again after the restart');
      t.same(errors, ['WORKLOAD_API_UNAVAILABLE', 'WORKLOAD_API_UNAVAILABLE', 'WORKLOAD_API_UNAVAILABLE']);
      t.same(clock.sleeps, [1000, 2000, 3000], 'linear backoff while the agent is away');
    },
  );

  await t.test('resets the backoff after a message', async (t) => {
    const { client, fake, clock } = await setup(t, { x509Svids: [svidA] });
    fake.failNext('FetchX509SVID', grpc.status.UNAVAILABLE, 'starting', 2);
    let updates = 0;
    const controller = new AbortController();
    await client.watchX509Context(
      {
        onUpdate: () => {
          updates += 1;
          if (updates === 1) fake.endStreams({ code: grpc.status.UNAVAILABLE, details: 'agent restarting' });
          else controller.abort();
        },
      },
      { signal: controller.signal },
    );
    t.same(clock.sleeps, [1000, 2000, 1000]);
  });

  await t.test('reopens a stream the agent ends without an error', async (t) => {
    const { client, fake, clock } = await setup(t, { x509Svids: [svidA] });
    const errors: string[] = [];
    let updates = 0;
    const controller = new AbortController();
    await client.watchX509Context(
      {
        onUpdate: () => {
          updates += 1;
          if (updates === 1) fake.endStreams();
          else controller.abort();
        },
        onError: (err) => errors.push(err.code),
      },
      { signal: controller.signal },
    );
    t.equal(updates, 2);
    t.same(errors, ['WORKLOAD_API_UNAVAILABLE']);
    t.same(clock.sleeps, [1000]);
    t.equal(fake.count('FetchX509SVID'), 2);
  });

  await t.test(
    'keeps retrying when the agent withdraws the identity (PermissionDenied on the stream)',
    async (t) => {
      const { client, fake, clock } = await setup(t, { x509Svids: [svidA] });
      const errors: string[] = [];
      clock.onSleep = (count) => {
        if (count === 2) fake.clearFailures();
      };
      let updates = 0;
      const controller = new AbortController();
      await client.watchX509Context(
        {
          onUpdate: () => {
            updates += 1;
            if (updates === 1) {
              fake.failAlways('FetchX509SVID', grpc.status.PERMISSION_DENIED, 'no identity issued');
              fake.endStreams({ code: grpc.status.PERMISSION_DENIED, details: 'no identity issued' });
            } else controller.abort();
          },
          onError: (err) => errors.push(err.code),
        },
        { signal: controller.signal },
      );
      t.same(errors, ['NO_IDENTITY', 'NO_IDENTITY']);
      t.equal(updates, 2);
    },
  );

  await t.test('reports an invalid message and keeps the stream open for the next one', async (t) => {
    const { client, fake } = await setup(t, { x509Svids: [svidA] });
    const errors: string[] = [];
    const seen: string[][] = [];
    const controller = new AbortController();
    await client.watchX509Context(
      {
        onUpdate: (ctx) => {
          seen.push(ctx.svids.map((s) => s.id.toString()));
          if (seen.length === 1) {
            fake.update({ x509Svids: [{ ...svidB, certsDer: new Uint8Array([1, 2, 3]) }] });
            fake.update({ x509Svids: [svidB] });
          } else controller.abort();
        },
        onError: (err) => errors.push(err.code),
      },
      { signal: controller.signal },
    );
    t.equal(errors.length, 1);
    t.same(seen, [['spiffe://example.org/a'], ['spiffe://example.org/b']]);
    t.equal(fake.count('FetchX509SVID'), 1, 'the stream was not reopened');
  });

  await t.test('reports an empty message as NO_IDENTITY', async (t) => {
    const { client, fake } = await setup(t, { x509Svids: [] });
    const errors: string[] = [];
    const controller = new AbortController();
    await client.watchX509Context(
      {
        onUpdate: () => {
          controller.abort();
        },
        onError: (err) => {
          errors.push(err.code);
          fake.update({ x509Svids: [svidA] });
        },
      },
      { signal: controller.signal },
    );
    t.same(errors, ['NO_IDENTITY']);
  });

  await t.test('abort ends the watch cleanly, also while waiting to retry', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'wlapi-'));
    t.teardown(() => {
      rmSync(dir, { recursive: true, force: true });
    });
    // Real clock, one-hour backoff: only the abort can end the wait.
    const client = new WorkloadApiClient({
      endpoint: join(dir, 'absent.sock'),
      backoff: { initialMs: 3_600_000, maxMs: 3_600_000 },
    });
    t.teardown(() => {
      client.close();
    });
    const controller = new AbortController();
    const errors: string[] = [];
    const watch = client.watchX509Context(
      {
        onUpdate: () => undefined,
        onError: (err) => {
          errors.push(err.code);
          // After onError returns the watch starts its one-hour sleep; abort it then.
          setImmediate(() => {
            controller.abort();
          });
        },
      },
      { signal: controller.signal },
    );
    await t.resolves(watch);
    t.same(errors, ['WORKLOAD_API_UNAVAILABLE']);
  });

  await t.test('rejects with the error onUpdate throws', async (t) => {
    const { client, clock } = await setup(t, { x509Svids: [svidA] });
    const boom = new Error('disk full');
    // Were the error swallowed and the stream retried, the clock would end the watch cleanly.
    const controller = new AbortController();
    clock.onSleep = () => {
      controller.abort();
    };
    await t.rejects(
      client.watchX509Context(
        {
          onUpdate: () => {
            throw boom;
          },
        },
        { signal: controller.signal },
      ),
      boom,
    );
  });
});

t.test('watchX509Bundles and watchJwtBundles deliver bundle sets', async (t) => {
  const { client, fake } = await setup(t, {
    x509Bundles: { 'spiffe://example.org': ca.x509Bundle().toDer() },
    jwtBundles: { 'spiffe://example.org': Buffer.from(ca.jwtBundle().toJwks()) },
  });
  const controller = new AbortController();
  const x509: string[][] = [];
  await client.watchX509Bundles(
    {
      onUpdate: (set) => {
        x509.push(set.trustDomains().map((d) => d.name));
        if (x509.length === 1) {
          fake.update({
            x509Bundles: {
              'spiffe://example.org': ca.x509Bundle().toDer(),
              'spiffe://other.org': federatedCa.x509Bundle().toDer(),
            },
          });
        } else controller.abort();
      },
    },
    { signal: controller.signal },
  );
  t.same(x509, [['example.org'], ['example.org', 'other.org']]);

  const jwtController = new AbortController();
  await client.watchJwtBundles(
    {
      onUpdate: (set) => {
        t.ok(set.get(td)?.findAuthority(ca.jwtKeyId), 'JWKS mapped to a JWT bundle');
        jwtController.abort();
      },
    },
    { signal: jwtController.signal },
  );
});

t.test('a bundle keyed by something that is not a trust domain is rejected', async (t) => {
  const { client } = await setup(t, { x509Bundles: { 'not a td': ca.x509Bundle().toDer() } });
  const err = await rejection(t, client.fetchX509Bundles());
  t.equal(err.code, 'SPIFFEID_INVALID');
  t.match(err.message, /a bundle keyed "not a td"/);
});

t.test('JWT-SVIDs', async (t) => {
  const requests: { audience: string[]; spiffeId: string }[] = [];
  const tokenA = await ca.mintJwtSvid({ spiffeId: 'spiffe://example.org/a', audience: ['db', 'cache'] });
  const tokenB = await ca.mintJwtSvid({ spiffeId: 'spiffe://example.org/b', audience: ['db', 'cache'] });
  const { client, fake } = await setup(t, {
    jwtSvids: (request) => {
      requests.push(request);
      return [
        { spiffeId: 'spiffe://example.org/a', token: tokenA, hint: 'internal' },
        { spiffeId: 'spiffe://example.org/b', token: tokenB, hint: 'external' },
      ];
    },
    validate: ({ token, audience }) =>
      token === tokenA && audience === 'db'
        ? {
            spiffeId: 'spiffe://example.org/a',
            claims: { sub: 'spiffe://example.org/a', aud: ['db'], n: 1, x: { y: [true, null] } },
          }
        : 'token has expired',
  });

  await t.test('fetchJwtSvid returns the default SVID and sends audience and SPIFFE ID', async (t) => {
    const svid = await client.fetchJwtSvid({ audience: ['db', 'cache'], spiffeId: 'spiffe://example.org/a' });
    t.equal(svid.id.toString(), 'spiffe://example.org/a');
    t.same(svid.audience, ['db', 'cache']);
    t.equal(svid.hint, 'internal');
    t.equal(svid.token, tokenA);
    t.same(requests.at(-1), { audience: ['db', 'cache'], spiffeId: 'spiffe://example.org/a' });
    const all = await client.fetchJwtSvids({ audience: ['db', 'cache'] });
    t.same(
      all.map((s) => s.id.toString()),
      ['spiffe://example.org/a', 'spiffe://example.org/b'],
    );
  });

  await t.test('fetchJwtSvid retries PermissionDenied', async (t) => {
    fake.failNext('FetchJWTSVID', grpc.status.PERMISSION_DENIED, 'no identity issued', 1);
    const before = fake.count('FetchJWTSVID');
    const svid = await client.fetchJwtSvid({ audience: ['db', 'cache'] });
    t.equal(svid.id.toString(), 'spiffe://example.org/a');
    t.equal(fake.count('FetchJWTSVID') - before, 2);
  });

  await t.test('fetchJwtSvid refuses an empty audience without calling the agent', async (t) => {
    const before = fake.calls.length;
    const err = await rejection(t, client.fetchJwtSvid({ audience: [] }));
    t.equal(err.code, 'CONFIG_INVALID');
    t.equal(fake.calls.length, before);
  });

  await t.test('validateJwtSvid returns the SVID and the claims the agent validated', async (t) => {
    const result = await client.validateJwtSvid({ token: tokenA, audience: 'db' });
    t.equal(result.svid.id.toString(), 'spiffe://example.org/a');
    t.same(result.claims, { sub: 'spiffe://example.org/a', aud: ['db'], n: 1, x: { y: [true, null] } });
  });

  await t.test(
    'validateJwtSvid: a token the agent rejects fails with JWT_INVALID, not retried',
    async (t) => {
      const before = fake.count('ValidateJWTSVID');
      const err = await rejection(t, client.validateJwtSvid({ token: tokenB, audience: 'db' }));
      t.equal(err.code, 'JWT_INVALID');
      t.match(err.message, /rejected the JWT-SVID \(INVALID_ARGUMENT: token has expired\)/);
      t.equal(fake.count('ValidateJWTSVID') - before, 1);
    },
  );
});

t.test('a bad endpoint fails when the client is made', (t) => {
  t.throws(() => new WorkloadApiClient({ endpoint: 'tcp://localhost:1' }), { code: 'CONFIG_INVALID' });
  t.throws(() => new WorkloadApiClient({ endpoint: '/x.sock', backoff: { initialMs: 10, maxMs: 5 } }), {
    code: 'CONFIG_INVALID',
  });
  t.end();
});
