// The plugin's SPIRE services over real gRPC on a unix socket: Init, Config and CredentialComposer.
import t, { type Test } from 'tap';
import * as grpc from '@grpc/grpc-js';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentPluginLogger } from '../../../src/goplugin/logger.js';
import { servePlugin } from '../../../src/goplugin/serve.js';
import { tarmakRulesFile } from '../../../composer/index.js';
import { composerPlugin, pluginServiceNames } from '../../../composer/plugin.js';
import { loadComposerProtos } from '../../../composer/proto/load.js';
import type { X509SVIDAttributes__Input } from '../../../composer/generated/spire/plugin/server/credentialcomposer/v1/X509SVIDAttributes.js';

const protos = loadComposerProtos();
const TD = 'cluster.example';
const kubeletId = `spiffe://${TD}/k8s/c1/node/n1.example/kubelet`;

interface Clients {
  readonly init: InstanceType<typeof protos.init.Init>;
  readonly config: InstanceType<typeof protos.config.Config>;
  readonly composer: InstanceType<typeof protos.composer.CredentialComposer>;
}

async function start(t: Test): Promise<Clients> {
  // A short directory: a unix socket path holds at most 107 bytes.
  const dir = mkdtempSync(join(tmpdir(), 'cc-'));
  const plugin = composerPlugin({ log: silentPluginLogger });
  const running = await servePlugin({
    versions: new Map([
      [
        1,
        (server) => {
          plugin.register(server);
        },
      ],
    ]),
    env: { PLUGIN_UNIX_SOCKET_DIR: dir, PLUGIN_PROTOCOL_VERSIONS: '1' },
    log: silentPluginLogger,
    announce: () => undefined,
  });
  const address = `unix:${running.socket}`;
  const insecure = grpc.credentials.createInsecure();
  const clients = {
    init: new protos.init.Init(address, insecure),
    config: new protos.config.Config(address, insecure),
    composer: new protos.composer.CredentialComposer(address, insecure),
  };
  t.teardown(async () => {
    for (const c of Object.values(clients)) c.close();
    await running.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return clients;
}

/** Calls a unary method and returns its response or rejects with the gRPC error. */
function unary<Req, Res>(
  method: (req: Req, cb: (err: grpc.ServiceError | null, res?: Res) => void) => unknown,
  request: Req,
): Promise<Res> {
  return new Promise((resolve, reject) => {
    method(request, (err, res) => {
      if (err !== null) reject(err);
      else if (res === undefined) reject(new Error('no response'));
      else resolve(res);
    });
  });
}

const spireDefaults = (dns: string[]): X509SVIDAttributes__Input => ({
  subject: { country: ['US'], organization: ['SPIRE'], common_name: dns[0] ?? '' },
  dns_sans: dns,
});

function configure(c: Clients, config: string): Promise<unknown> {
  return unary(c.config.Configure.bind(c.config), {
    core_configuration: { trust_domain: TD },
    hcl_configuration: config,
  });
}

function composeWorkload(c: Clients, spiffeId: string, attributes: X509SVIDAttributes__Input) {
  return unary(c.composer.ComposeWorkloadX509SVID.bind(c.composer), { spiffe_id: spiffeId, attributes });
}

const rulesWith = (cn: string, extra: unknown[] = []): string =>
  JSON.stringify({
    rules: [
      {
        name: 'kubelet',
        match: '/k8s/{cluster}/node/{fqdn}/kubelet',
        subject: { common_name: cn, organization: ['system:nodes'] },
      },
      ...extra,
    ],
  });

t.test('Init names the CredentialComposer and Config services, which is all SPIRE binds', async (t) => {
  const c = await start(t);
  const res = await unary(c.init.Init.bind(c.init), {
    host_service_names: ['spire.hostservice.server.agentstore.v1.AgentStore'],
  });
  t.strictSame(res.plugin_service_names, [...pluginServiceNames]);
  t.strictSame(res.plugin_service_names, [
    'spire.plugin.server.credentialcomposer.v1.CredentialComposer',
    'spire.service.common.config.v1.Config',
  ]);
  t.strictSame(await unary(c.init.Deinit.bind(c.init), {}), {}, 'Deinit succeeds');
  t.end();
});

t.test('Compose before Configure fails with FAILED_PRECONDITION "not configured"', async (t) => {
  const c = await start(t);
  await t.rejects(composeWorkload(c, kubeletId, spireDefaults(['n1.example'])), {
    code: grpc.status.FAILED_PRECONDITION,
    details: 'not configured',
  });
  t.end();
});

t.test(
  'Validate reports a bad configuration as not valid, with notes naming the rule and field',
  async (t) => {
    const c = await start(t);
    const res = await unary(c.config.Validate.bind(c.config), {
      core_configuration: { trust_domain: TD },
      hcl_configuration: rulesWith('system:node:{fqnd}'),
    });
    t.equal(res.valid, false);
    t.match(res.notes, [/^rules\[0\] \(kubelet\)\.subject\.common_name: unknown placeholder \{fqnd\}/]);
    const good = await unary(c.config.Validate.bind(c.config), {
      core_configuration: { trust_domain: TD },
      hcl_configuration: readFileSync(tarmakRulesFile, 'utf8'),
    });
    t.strictSame(good, { valid: true, notes: ['configuration valid: 11 rule(s)'] });
    t.end();
  },
);

t.test('Validate does not change the rules in force', async (t) => {
  const c = await start(t);
  await configure(c, rulesWith('system:node:{fqdn}'));
  await unary(c.config.Validate.bind(c.config), {
    core_configuration: { trust_domain: TD },
    hcl_configuration: rulesWith('validated-only'),
  });
  const res = await composeWorkload(c, kubeletId, spireDefaults(['n1.example']));
  t.equal(res.attributes?.subject?.common_name, 'system:node:n1.example');
  t.end();
});

t.test(
  'Configure never half-applies: a bad configuration is refused whole and the old rules stay',
  async (t) => {
    const c = await start(t);
    await configure(c, rulesWith('system:node:{fqdn}'));
    // The first rule alone would be fine; the second is broken.
    const bad = rulesWith('HALF-APPLIED', [{ name: 'broken', match: 'no-slash' }]);
    await t.rejects(configure(c, bad), {
      code: grpc.status.INVALID_ARGUMENT,
      details: /^invalid configuration: rules\[1\] \(broken\)\.match: must start with "\/"/,
    });
    const res = await composeWorkload(c, kubeletId, spireDefaults(['n1.example']));
    t.equal(res.attributes?.subject?.common_name, 'system:node:n1.example');
    t.end();
  },
);

t.test('a good Configure replaces the rules', async (t) => {
  const c = await start(t);
  await configure(c, rulesWith('first'));
  await configure(c, rulesWith('second:{fqdn}'));
  const res = await composeWorkload(c, kubeletId, spireDefaults(['n1.example']));
  t.equal(res.attributes?.subject?.common_name, 'second:n1.example');
  t.end();
});

t.test('an unmatched ID gets a response without attributes, which SPIRE reads as unchanged', async (t) => {
  const c = await start(t);
  await configure(c, rulesWith('system:node:{fqdn}'));
  const res = await composeWorkload(c, `spiffe://${TD}/web`, spireDefaults(['web.example']));
  t.equal(res.attributes, null);
  t.end();
});

t.test('a matched ID gets the whole attribute set back, untouched fields included', async (t) => {
  const c = await start(t);
  await configure(c, rulesWith('system:node:{fqdn}'));
  const extra = { oid: '1.2.3.4', value: Buffer.from([5, 0]), critical: true };
  const res = await composeWorkload(c, kubeletId, {
    subject: {
      country: ['US'],
      organization: ['SPIRE'],
      locality: ['Bristol'],
      serial_number: '42',
      common_name: 'n1.example',
      extra_names: [{ oid: '0.9.2342.19200300.100.1.1', string_value: 'uid-1' }],
    },
    dns_sans: ['n1.example'],
    extra_extensions: [extra],
  });
  t.match(res.attributes, {
    subject: {
      country: ['US'],
      organization: ['system:nodes'],
      locality: ['Bristol'],
      serial_number: '42',
      common_name: 'system:node:n1.example',
      extra_names: [{ oid: '0.9.2342.19200300.100.1.1', string_value: 'uid-1' }],
    },
    dns_sans: ['n1.example'],
    extra_extensions: [{ oid: '1.2.3.4', critical: true }],
  });
  t.strictSame(res.attributes?.extra_extensions[0]?.value, extra.value);
  t.end();
});

t.test('ComposeAgentX509SVID applies the same rules', async (t) => {
  const c = await start(t);
  await configure(
    c,
    JSON.stringify({
      rules: [{ match: '/spire/agent/join_token/{token}', subject: { common_name: 'agent' } }],
    }),
  );
  const res = await unary(c.composer.ComposeAgentX509SVID.bind(c.composer), {
    spiffe_id: `spiffe://${TD}/spire/agent/join_token/abc`,
    attributes: spireDefaults([]),
  });
  t.equal(res.attributes?.subject?.common_name, 'agent');
  t.end();
});

t.test('a rule that cannot be applied fails the call with INVALID_ARGUMENT naming the rule', async (t) => {
  const c = await start(t);
  await configure(c, JSON.stringify({ rules: [{ name: 'api', match: '/api/{ip}', ip_sans: ['{ip}'] }] }));
  await t.rejects(composeWorkload(c, `spiffe://${TD}/api/not-an-ip`, spireDefaults([])), {
    code: grpc.status.INVALID_ARGUMENT,
    details: /^rules\[0\] \(api\)\.ip_sans\[0\]: \{ip\} is "not-an-ip"/,
  });
  t.end();
});

t.test('the CA and JWT-SVID RPCs are UNIMPLEMENTED, which SPIRE reads as unchanged', async (t) => {
  const c = await start(t);
  const address = c.composer.getChannel().getTarget();
  t.ok(address.length > 0);
  // A generic client for the RPCs the plugin's .proto leaves out.
  const client = new grpc.Client(`unix:${address.replace(/^unix:/, '')}`, grpc.credentials.createInsecure());
  t.teardown(() => {
    client.close();
  });
  for (const method of ['ComposeServerX509CA', 'ComposeServerX509SVID', 'ComposeWorkloadJWTSVID']) {
    await t.rejects(
      new Promise((resolve, reject) => {
        client.makeUnaryRequest(
          `/spire.plugin.server.credentialcomposer.v1.CredentialComposer/${method}`,
          (b: Buffer) => b,
          (b: Buffer) => b,
          Buffer.alloc(0),
          (err, res) => {
            if (err !== null) reject(err);
            else resolve(res);
          },
        );
      }),
      { code: grpc.status.UNIMPLEMENTED },
      method,
    );
  }
  t.end();
});
