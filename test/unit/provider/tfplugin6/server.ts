// The tfplugin6 Provider service over a real gRPC connection (unix socket, plaintext), driven the way
// Terraform drives it, with the test-only fixture provider.
import t, { type Test } from 'tap';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { loadProviderProtos } from '../../../../provider/proto/load.js';
import { providerService } from '../../../../provider/tfplugin6/server.js';
import { decodeMsgpack, encodeMsgpack } from '../../../../provider/tfplugin6/dynamic-value.js';
import { impliedType } from '../../../../provider/framework/schema.js';
import { silentLogger } from '../../../../provider/framework/index.js';
import type { Value } from '../../../../provider/framework/value.js';
import { Unknown, unknown } from '../../../../provider/framework/value.js';
import { fixtureProvider, thingSchemaV1 } from '../../../harness/provider-fixture/provider.js';
import type { ProviderClient } from '../../../../provider/generated/tfplugin6/Provider.js';

const thingType = impliedType(thingSchemaV1);
const providerType = impliedType(fixtureProvider.schema);
const dv = (value: Value, type = thingType): { msgpack: Uint8Array } => ({
  msgpack: encodeMsgpack(value, type),
});

interface Harness {
  readonly client: ProviderClient;
  readonly store: string;
  call<R>(method: string, request: object): Promise<R>;
}

async function start(t: Test): Promise<Harness> {
  const dir = t.testdir({ store: {} });
  // t.testdir() paths exceed the 107-byte limit of a unix socket path; the socket gets a short directory.
  const socketDir = mkdtempSync(join(tmpdir(), 'tfp-'));
  const socket = join(socketDir, 'p.sock');
  const protos = loadProviderProtos();
  const server = new grpc.Server();
  server.addService(protos.tfplugin6.Provider.service, providerService(fixtureProvider, silentLogger));
  await new Promise<void>((resolve, reject) => {
    server.bindAsync(`unix:${socket}`, grpc.ServerCredentials.createInsecure(), (err) => {
      if (err === null) resolve();
      else reject(err);
    });
  });
  const client = new protos.tfplugin6.Provider(`unix:${socket}`, grpc.credentials.createInsecure());
  t.teardown(() => {
    client.close();
    server.forceShutdown();
    rmSync(socketDir, { recursive: true, force: true });
  });
  const call = <R>(method: string, request: object): Promise<R> =>
    new Promise((resolve, reject) => {
      const fn = (
        client as unknown as Record<string, (r: object, cb: (e: Error | null, v: R) => void) => void>
      )[method]!;
      fn.call(client, request, (err, value) => {
        if (err === null) resolve(value);
        else reject(err);
      });
    });
  return { client, store: join(dir, 'store'), call };
}

const thingConfig = (over: Record<string, Value> = {}): Value => ({
  id: null,
  name: 'alpha',
  zone: null,
  secret: null,
  size: null,
  tags: null,
  labels: null,
  rules: null,
  revision: null,
  private_echo: null,
  ...over,
});

interface Diag {
  severity: string;
  summary: string;
  detail: string;
  attribute: { steps: object[] } | null;
}

t.test('GetProviderSchema lists the resources and data sources and says plan_destroy', async (t) => {
  const h = await start(t);
  const res = await h.call<{
    resource_schemas: Record<string, object>;
    data_source_schemas: Record<string, object>;
    server_capabilities: object;
    provider: { block: { attributes: { name: string }[] } };
  }>('GetProviderSchema', {});
  t.strictSame(Object.keys(res.resource_schemas), ['spire_test_thing']);
  t.strictSame(Object.keys(res.data_source_schemas), ['spire_test_thing']);
  t.match(res.server_capabilities, { plan_destroy: true });
  t.match(res.provider.block.attributes, [{ name: 'store_dir' }]);
  t.end();
});

t.test('GetMetadata names the types', async (t) => {
  const h = await start(t);
  const res = await h.call<{ resources: object[]; data_sources: object[] }>('GetMetadata', {});
  t.strictSame(res.resources, [{ type_name: 'spire_test_thing' }]);
  t.strictSame(res.data_sources, [{ type_name: 'spire_test_thing' }]);
  t.end();
});

t.test('RPCs the provider does not offer answer UNIMPLEMENTED', async (t) => {
  const h = await start(t);
  for (const method of ['GetResourceIdentitySchemas', 'GetFunctions', 'MoveResourceState']) {
    const err = await new Promise<grpc.ServiceError>((resolve) => {
      h.client.makeUnaryRequest(
        `/tfplugin6.Provider/${method}`,
        () => Buffer.alloc(0),
        (b: Buffer) => b,
        {},
        (e) => {
          resolve(e as grpc.ServiceError);
        },
      );
    });
    t.equal(err.code, grpc.status.UNIMPLEMENTED, method);
  }
  t.end();
});

t.test('ValidateResourceConfig reports a bad value at its attribute path', async (t) => {
  const h = await start(t);
  const res = await h.call<{ diagnostics: Diag[] }>('ValidateResourceConfig', {
    type_name: 'spire_test_thing',
    config: dv(thingConfig({ name: 'Bad Name' })),
  });
  t.match(res.diagnostics, [
    {
      severity: 'ERROR',
      detail: /lowercase letters, digits and dashes/,
      attribute: { steps: [{ attribute_name: 'name' }] },
    },
  ]);
  t.end();
});

t.test('an unknown type name is a diagnostic, not a crash', async (t) => {
  const h = await start(t);
  const res = await h.call<{ diagnostics: Diag[] }>('ValidateResourceConfig', {
    type_name: 'spire_nope',
    config: dv(null),
  });
  t.match(res.diagnostics, [{ summary: 'Unknown resource type', detail: /"spire_nope"/ }]);
  t.end();
});

t.test('a DynamicValue that does not fit the schema is reported at its path', async (t) => {
  const h = await start(t);
  const bad = encodeMsgpack({ name: 5 }, ['object', { name: 'number' }]);
  const res = await h.call<{ diagnostics: Diag[] }>('ValidateResourceConfig', {
    type_name: 'spire_test_thing',
    config: { msgpack: bad },
  });
  t.match(res.diagnostics, [
    { summary: 'Invalid configuration', detail: /name: a string is required, got a number/ },
  ]);
  t.end();
});

t.test('resource operations before ConfigureProvider fail with a clear message', async (t) => {
  const h = await start(t);
  const res = await h.call<{ diagnostics: Diag[] }>('ReadResource', {
    type_name: 'spire_test_thing',
    current_state: dv(thingConfig({ id: 'x', revision: 1 })),
  });
  t.match(res.diagnostics, [
    { summary: 'Failed to read spire_test_thing', detail: /has not been configured/ },
  ]);
  t.end();
});

t.test('plan, apply and read round-trip state and private data', async (t) => {
  const h = await start(t);
  await h.call('ConfigureProvider', {
    terraform_version: '1.11.4',
    config: dv({ store_dir: h.store }, providerType),
  });
  const config = thingConfig({ name: 'alpha', tags: ['b', 'a'] });
  const plan = await h.call<{
    planned_state: { msgpack: Buffer };
    planned_private: Buffer;
    diagnostics: Diag[];
  }>('PlanResourceChange', {
    type_name: 'spire_test_thing',
    prior_state: dv(null),
    proposed_new_state: dv(config),
    config: dv(config),
  });
  t.strictSame(plan.diagnostics, []);
  const planned = decodeMsgpack(plan.planned_state.msgpack, thingType) as Record<string, Value>;
  t.ok(planned.id instanceof Unknown, 'id is known after apply');
  t.equal(planned.zone, 'a', 'default planned');

  const applied = await h.call<{ new_state: { msgpack: Buffer }; private: Buffer; diagnostics: Diag[] }>(
    'ApplyResourceChange',
    {
      type_name: 'spire_test_thing',
      prior_state: dv(null),
      planned_state: plan.planned_state,
      config: dv(config),
      planned_private: plan.planned_private,
    },
  );
  t.strictSame(applied.diagnostics, []);
  const state = decodeMsgpack(applied.new_state.msgpack, thingType) as Record<string, Value>;
  t.type(state.id, 'string');
  t.equal(state.private_echo, 'private:private-ok');
  t.strictSame(JSON.parse(applied.private.toString()), { note: 'private-ok', reads: 0 });

  const read = await h.call<{ new_state: { msgpack: Buffer }; private: Buffer }>('ReadResource', {
    type_name: 'spire_test_thing',
    current_state: applied.new_state,
    private: applied.private,
  });
  t.strictSame(decodeMsgpack(read.new_state.msgpack, thingType), state, 'read sees the same thing');
  t.strictSame(
    JSON.parse(read.private.toString()),
    { note: 'private-ok', reads: 1 },
    'private data came back and was updated',
  );
  t.end();
});

t.test('PlanResourceChange for a destroy plans null (plan_destroy)', async (t) => {
  const h = await start(t);
  const prior = thingConfig({ id: 'x', zone: 'a', revision: 1, private_echo: 'p' });
  const res = await h.call<{ planned_state: { msgpack: Buffer }; diagnostics: Diag[] }>(
    'PlanResourceChange',
    {
      type_name: 'spire_test_thing',
      prior_state: dv(prior),
      proposed_new_state: dv(null),
      config: dv(null),
    },
  );
  t.strictSame(res.diagnostics, []);
  t.equal(Buffer.from(res.planned_state.msgpack).toString('hex'), 'c0');
  t.end();
});

t.test('PlanResourceChange reports requires_replace paths that changed', async (t) => {
  const h = await start(t);
  const prior = thingConfig({ id: 'x', zone: 'a', revision: 1, private_echo: 'p' });
  const config = thingConfig({ zone: 'b' });
  const proposed = { ...(config as object), id: 'x', revision: 1, private_echo: 'p' } as Value;
  const res = await h.call<{ requires_replace: object[] }>('PlanResourceChange', {
    type_name: 'spire_test_thing',
    prior_state: dv(prior),
    proposed_new_state: dv(proposed),
    config: dv(config),
  });
  t.match(res.requires_replace, [{ steps: [{ attribute_name: 'zone' }] }]);
  t.end();
});

t.test('UpgradeResourceState re-encodes JSON state of the current version as msgpack', async (t) => {
  const h = await start(t);
  const json = JSON.stringify({ id: 'x', name: 'alpha', zone: 'a', revision: 1, removed_attribute: true });
  const res = await h.call<{ upgraded_state: { msgpack: Buffer }; diagnostics: Diag[] }>(
    'UpgradeResourceState',
    {
      type_name: 'spire_test_thing',
      version: 1,
      raw_state: { json: Buffer.from(json) },
    },
  );
  t.strictSame(res.diagnostics, []);
  t.strictSame(
    decodeMsgpack(res.upgraded_state.msgpack, thingType),
    thingConfig({ id: 'x', name: 'alpha', zone: 'a', revision: 1 }),
  );
  t.end();
});

t.test('UpgradeResourceState runs the upgrader for an older version', async (t) => {
  const h = await start(t);
  const json = JSON.stringify({ id: 'x', title: 'old', zone: 'a', secret: null, revision: 2 });
  const res = await h.call<{ upgraded_state: { msgpack: Buffer }; diagnostics: Diag[] }>(
    'UpgradeResourceState',
    {
      type_name: 'spire_test_thing',
      version: 0,
      raw_state: { json: Buffer.from(json) },
    },
  );
  t.strictSame(res.diagnostics, []);
  t.match(decodeMsgpack(res.upgraded_state.msgpack, thingType), { id: 'x', name: 'old', revision: 2 });
  t.end();
});

t.test('ConfigureProvider with a configuration not known yet defers, and says so when used', async (t) => {
  const h = await start(t);
  const res = await h.call<{ diagnostics: Diag[] }>('ConfigureProvider', {
    config: dv({ store_dir: unknown }, providerType),
  });
  t.strictSame(res.diagnostics, []);
  const read = await h.call<{ diagnostics: Diag[] }>('ReadResource', {
    type_name: 'spire_test_thing',
    current_state: dv(thingConfig({ id: 'x', revision: 1 })),
  });
  t.match(read.diagnostics, [{ detail: /not known until apply/ }]);
  t.end();
});

t.test('StopProvider answers with an empty error', async (t) => {
  const h = await start(t);
  t.strictSame(await h.call('StopProvider', {}), { Error: '' });
  t.end();
});

t.test('ReadDataSource fills computed attributes; a lookup error points at the attribute', async (t) => {
  const h = await start(t);
  await h.call('ConfigureProvider', { config: dv({ store_dir: h.store }, providerType) });
  const dataType = impliedType(fixtureProvider.dataSources.get('spire_test_thing')!.schema);
  const res = await h.call<{ diagnostics: Diag[] }>('ReadDataSource', {
    type_name: 'spire_test_thing',
    config: dv({ name: 'missing', id: null, zone: null }, dataType),
  });
  t.match(res.diagnostics, [
    { summary: 'Thing not found', attribute: { steps: [{ attribute_name: 'name' }] } },
  ]);
  t.end();
});

t.test('StopProvider aborts the signal of operations in flight', async (t) => {
  const { defineProvider, defineResource, defineSchema, attribute } =
    await import('../../../../provider/framework/index.js');
  let started: () => void = () => undefined;
  const running = new Promise<void>((resolve) => (started = resolve));
  const slow = defineResource({
    typeName: 'test_slow',
    schema: defineSchema({ attributes: { name: attribute.string({ required: true }) } }),
    create: (_request, { signal }) =>
      new Promise((_resolve, reject) => {
        signal.addEventListener('abort', () => {
          reject(new Error('stopped by Terraform'));
        });
        started();
      }),
    read: ({ state }) => state,
    delete: () => undefined,
  });
  const provider = defineProvider({
    typeName: 'test',
    schema: defineSchema({ attributes: {} }),
    configure: () => ({}),
    resources: [slow],
    dataSources: [],
  });
  const socketDir = mkdtempSync(join(tmpdir(), 'tfp-'));
  const protos = loadProviderProtos();
  const server = new grpc.Server();
  server.addService(protos.tfplugin6.Provider.service, providerService(provider, silentLogger));
  await new Promise<void>((resolve, reject) => {
    server.bindAsync(`unix:${socketDir}/p.sock`, grpc.ServerCredentials.createInsecure(), (err) => {
      if (err === null) resolve();
      else reject(err);
    });
  });
  const client = new protos.tfplugin6.Provider(`unix:${socketDir}/p.sock`, grpc.credentials.createInsecure());
  t.teardown(() => {
    client.close();
    server.forceShutdown();
    rmSync(socketDir, { recursive: true, force: true });
  });
  const type = impliedType(slow.schema);
  const applied = new Promise<{ diagnostics: Diag[] }>((resolve, reject) => {
    client.ApplyResourceChange(
      {
        type_name: 'test_slow',
        prior_state: { msgpack: encodeMsgpack(null, type) },
        planned_state: { msgpack: encodeMsgpack({ name: 'x' }, type) },
        config: { msgpack: encodeMsgpack({ name: 'x' }, type) },
      },
      (err, res) => {
        if (err === null && res !== undefined) resolve(res);
        else reject(err ?? new Error('no response'));
      },
    );
  });
  await running;
  await new Promise<void>((resolve, reject) => {
    client.StopProvider({}, (err) => {
      if (err === null) resolve();
      else reject(err);
    });
  });
  t.match((await applied).diagnostics, [
    { summary: 'Failed to create test_slow', detail: 'stopped by Terraform' },
  ]);
  t.end();
});
