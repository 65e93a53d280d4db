// Serving a go-plugin plugin in-process: mutual TLS against the host's certificate, the plugin services
// the host calls, and a clean stop.
import t, { type Test } from 'tap';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { generateServerCertificate } from '../../../src/goplugin/auto-mtls.js';
import { silentPluginLogger } from '../../../src/goplugin/logger.js';
import { loadGoPluginProtos } from '../../../src/goplugin/proto/load.js';
import type { RunningPlugin } from '../../../src/goplugin/serve.js';
import { servePlugin } from '../../../src/goplugin/serve.js';

const protos = loadGoPluginProtos();
const autoMtls = { organization: 'goplugin-test' };

async function serve(
  t: Test,
  env: Record<string, string>,
): Promise<{ plugin: RunningPlugin; announced: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'tfs-'));
  const announced: string[] = [];
  const plugin = await servePlugin({
    versions: new Map([[6, () => undefined]]),
    env: { PLUGIN_UNIX_SOCKET_DIR: dir, PLUGIN_PROTOCOL_VERSIONS: '6', ...env },
    log: silentPluginLogger,
    announce: (line) => announced.push(line),
    autoMtls,
  });
  t.teardown(async () => {
    await plugin.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return { plugin, announced };
}

function check(client: InstanceType<typeof protos.health.Health>): Promise<string> {
  return new Promise((resolve, reject) => {
    client.Check({ service: 'plugin' }, { deadline: Date.now() + 5000 }, (err, res) => {
      if (err === null) resolve(res?.status ?? '');
      else reject(err);
    });
  });
}

t.test('mutual TLS: the host with its certificate gets in, pinning the announced certificate', async (t) => {
  const host = generateServerCertificate(autoMtls);
  const { plugin, announced } = await serve(t, { PLUGIN_CLIENT_CERT: host.certificatePem });
  t.equal(announced.length, 1);
  t.equal(announced[0], plugin.handshake);
  const base64 = plugin.handshake.trim().split('|')[5] ?? '';
  t.ok(base64.length > 50 && !base64.endsWith('='), 'certificate announced, unpadded');
  const der = Buffer.from(base64, 'base64');
  const pem = `-----BEGIN CERTIFICATE-----\n${der.toString('base64')}\n-----END CERTIFICATE-----\n`;
  const client = new protos.health.Health(
    `unix:${plugin.socket}`,
    grpc.credentials.createSsl(
      Buffer.from(pem),
      Buffer.from(host.privateKeyPem),
      Buffer.from(host.certificatePem),
    ),
    { 'grpc.ssl_target_name_override': 'localhost', 'grpc.default_authority': 'localhost' },
  );
  t.teardown(() => {
    client.close();
  });
  t.equal(await check(client), 'SERVING');
  t.end();
});

t.test('mutual TLS: a client with another certificate, or none, is refused', async (t) => {
  const host = generateServerCertificate(autoMtls);
  const stranger = generateServerCertificate(autoMtls);
  const { plugin } = await serve(t, { PLUGIN_CLIENT_CERT: host.certificatePem });
  const der = Buffer.from(plugin.handshake.trim().split('|')[5] ?? '', 'base64');
  const pem = Buffer.from(
    `-----BEGIN CERTIFICATE-----\n${der.toString('base64')}\n-----END CERTIFICATE-----\n`,
  );
  const options = { 'grpc.ssl_target_name_override': 'localhost', 'grpc.default_authority': 'localhost' };
  const withStranger = new protos.health.Health(
    `unix:${plugin.socket}`,
    grpc.credentials.createSsl(
      pem,
      Buffer.from(stranger.privateKeyPem),
      Buffer.from(stranger.certificatePem),
    ),
    options,
  );
  const withoutCert = new protos.health.Health(
    `unix:${plugin.socket}`,
    grpc.credentials.createSsl(pem),
    options,
  );
  t.teardown(() => {
    withStranger.close();
    withoutCert.close();
  });
  await t.rejects(check(withStranger), { code: grpc.status.UNAVAILABLE });
  await t.rejects(check(withoutCert), { code: grpc.status.UNAVAILABLE });
  t.end();
});

t.test(
  'the stdio and broker streams stay open until the plugin stops, and stopping removes the socket',
  async (t) => {
    const { plugin } = await serve(t, {});
    const address = `unix:${plugin.socket}`;
    const stdio = new protos.stdio.GRPCStdio(address, grpc.credentials.createInsecure());
    const broker = new protos.broker.GRPCBroker(address, grpc.credentials.createInsecure());
    t.teardown(() => {
      stdio.close();
      broker.close();
    });
    const stdioStream = stdio.StreamStdio({});
    const brokerStream = broker.StartStream();
    brokerStream.write({ service_id: 1, network: 'unix', address: '/tmp/x' });
    let stdioData = 0;
    stdioStream.on('data', () => stdioData++);
    const stdioEnded = new Promise<void>((resolve) => stdioStream.on('end', resolve));
    const brokerEnded = new Promise<void>((resolve) => brokerStream.on('end', resolve));
    brokerStream.on('data', () => undefined);
    const probe = new protos.health.Health(address, grpc.credentials.createInsecure());
    t.equal(await check(probe), 'SERVING', 'streams open while serving');
    probe.close();
    await plugin.stop();
    await Promise.all([stdioEnded, brokerEnded]);
    t.equal(stdioData, 0, 'stdio carried nothing');
    t.notOk(existsSync(plugin.socket), 'socket removed');
    t.end();
  },
);

t.test('GRPCController.Shutdown stops the plugin', async (t) => {
  const { plugin } = await serve(t, {});
  const controller = new protos.controller.GRPCController(
    `unix:${plugin.socket}`,
    grpc.credentials.createInsecure(),
  );
  await new Promise<void>((resolve, reject) =>
    controller.Shutdown({}, (err) => {
      if (err === null) resolve();
      else reject(err);
    }),
  );
  controller.close();
  await plugin.stopped;
  t.notOk(existsSync(plugin.socket));
  t.end();
});

t.test('the health service knows only "plugin" and the whole server', async (t) => {
  const { plugin } = await serve(t, {});
  const client = new protos.health.Health(`unix:${plugin.socket}`, grpc.credentials.createInsecure());
  t.teardown(() => {
    client.close();
  });
  const status = (service: string): Promise<string> =>
    new Promise((resolve, reject) =>
      client.Check({ service }, (err, res) => {
        if (err === null) resolve(res?.status ?? '');
        else reject(err);
      }),
    );
  t.equal(await status(''), 'SERVING');
  await t.rejects(status('other'), { code: grpc.status.NOT_FOUND });
  t.end();
});

t.test(
  'the broker keeps the host’s latest offer per service id (SPIRE offers host services on id 1)',
  async (t) => {
    const { plugin } = await serve(t, {});
    const broker = new protos.broker.GRPCBroker(`unix:${plugin.socket}`, grpc.credentials.createInsecure());
    t.teardown(() => {
      broker.close();
    });
    const stream = broker.StartStream();
    stream.on('data', () => undefined);
    stream.on('error', () => undefined);
    stream.write({ service_id: 1, network: 'unix', address: '/tmp/plugin-host-1' });
    stream.write({ service_id: 1, network: 'unix', address: '/tmp/plugin-host-2' });
    // A unary call on the same connection returns after the stream's messages were read.
    const health = new protos.health.Health(`unix:${plugin.socket}`, grpc.credentials.createInsecure());
    t.teardown(() => {
      health.close();
    });
    while (plugin.brokerOffer(1)?.address !== '/tmp/plugin-host-2') await check(health);
    t.strictSame(plugin.brokerOffer(1), { network: 'unix', address: '/tmp/plugin-host-2' });
    t.equal(plugin.brokerOffer(2), undefined);
    stream.end();
    t.end();
  },
);

t.test('a plugin that does not offer AutoMTLS refuses a host that asks for it', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tfs-'));
  t.teardown(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  await t.rejects(
    servePlugin({
      versions: new Map([[1, () => undefined]]),
      env: {
        PLUGIN_UNIX_SOCKET_DIR: dir,
        PLUGIN_CLIENT_CERT: generateServerCertificate(autoMtls).certificatePem,
      },
      log: silentPluginLogger,
      announce: () => undefined,
    }),
    { message: /asked for AutoMTLS/ },
  );
  t.end();
});

t.test('the negotiated version’s services are the ones registered', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tfs-'));
  const registered: number[] = [];
  const plugin = await servePlugin({
    versions: new Map([
      [5, () => registered.push(5)],
      [6, () => registered.push(6)],
    ]),
    env: { PLUGIN_UNIX_SOCKET_DIR: dir, PLUGIN_PROTOCOL_VERSIONS: '5' },
    log: silentPluginLogger,
    announce: () => undefined,
  });
  t.teardown(async () => {
    await plugin.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  t.equal(plugin.protocolVersion, 5);
  t.strictSame(registered, [5]);
  t.match(plugin.handshake, /^1\|5\|unix\|/);
  t.end();
});

t.test(
  'the handshake is announced before gRPC is ready; a host dialling at once waits and is served',
  async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'tfs-'));
    const host = generateServerCertificate(autoMtls);
    let registered = false;
    let firstCheck: Promise<string> | undefined;
    let clientRef: InstanceType<typeof protos.health.Health> | undefined;
    const plugin = await servePlugin({
      versions: new Map([
        [
          6,
          async () => {
            await new Promise((resolve) => setTimeout(resolve, 300));
            registered = true;
          },
        ],
      ]),
      env: {
        PLUGIN_UNIX_SOCKET_DIR: dir,
        PLUGIN_PROTOCOL_VERSIONS: '6',
        PLUGIN_CLIENT_CERT: host.certificatePem,
      },
      log: silentPluginLogger,
      autoMtls,
      announce: (line) => {
        t.notOk(registered, 'announced while the app still registers its services');
        const fields = line.trim().split('|');
        const pem = `-----BEGIN CERTIFICATE-----\n${Buffer.from(fields[5] ?? '', 'base64').toString('base64')}\n-----END CERTIFICATE-----\n`;
        clientRef = new protos.health.Health(
          `unix:${fields[3] ?? ''}`,
          grpc.credentials.createSsl(
            Buffer.from(pem),
            Buffer.from(host.privateKeyPem),
            Buffer.from(host.certificatePem),
          ),
          { 'grpc.ssl_target_name_override': 'localhost', 'grpc.default_authority': 'localhost' },
        );
        firstCheck = check(clientRef);
      },
    });
    t.teardown(async () => {
      clientRef?.close();
      await plugin.stop();
      rmSync(dir, { recursive: true, force: true });
    });
    t.ok(registered, 'serving once registered');
    t.equal(await firstCheck, 'SERVING');
    t.end();
  },
);
