// configureProvider without a server: a provider block naming no address (nor SPIRE_ADDRESS) configures
// without error, and what needs SPIRE fails when used, naming the attributes and variables to set.
import t from 'tap';
import { existsSync } from 'node:fs';
import { Diagnostics, silentLogger } from '../../../provider/framework/index.js';
import { DEFAULT_SOCKET_PATH, configureProvider, providerSchema } from '../../../provider/provider-config.js';
import type { ProviderConfig } from '../../../provider/provider-config.js';

const skip = existsSync(DEFAULT_SOCKET_PATH) && `a SPIRE server socket exists at ${DEFAULT_SOCKET_PATH}`;

function config(values: Partial<ProviderConfig>): ProviderConfig {
  const empty = Object.fromEntries(Object.keys(providerSchema.attributes).map((k) => [k, null]));
  return { ...empty, ...values } as ProviderConfig;
}

async function configure(
  values: Partial<ProviderConfig>,
): Promise<{ data: Awaited<ReturnType<typeof configureProvider>>; diagnostics: Diagnostics }> {
  const diagnostics = new Diagnostics();
  const data = await configureProvider(
    { config: config(values) },
    { diagnostics, signal: new AbortController().signal, log: silentLogger },
  );
  return { data, diagnostics };
}

t.test('no address and no server: configured, SPIRE use deferred', { skip }, async (t) => {
  const saved = { address: process.env.SPIRE_ADDRESS, td: process.env.SPIRE_TRUST_DOMAIN };
  delete process.env.SPIRE_ADDRESS;
  delete process.env.SPIRE_TRUST_DOMAIN;
  t.teardown(() => {
    if (saved.address !== undefined) process.env.SPIRE_ADDRESS = saved.address;
    if (saved.td !== undefined) process.env.SPIRE_TRUST_DOMAIN = saved.td;
  });

  await t.test('an empty provider block configures without an error', async (t) => {
    const { data, diagnostics } = await configure({});
    t.same(diagnostics.items, []);
    t.equal(data.entryIdPrefix, 'tf-', 'settings that need no server are there');
  });

  await t.test('using the client names address, trust_domain and their variables', async (t) => {
    const { data } = await configure({});
    for (const use of [() => data.client, () => data.trustDomain, () => data.entries]) {
      t.throws(use, {
        message:
          /no SPIRE server to talk to: the provider block sets no address or trust_domain \(nor SPIRE_ADDRESS or SPIRE_TRUST_DOMAIN in the environment\), and nothing listens on the default socket .*Set address \(or SPIRE_ADDRESS\).*and trust_domain \(or SPIRE_TRUST_DOMAIN\)/,
      });
    }
  });

  await t.test('with a trust domain configured, only address is named', async (t) => {
    const { data, diagnostics } = await configure({ trust_domain: 'example.org' });
    t.same(diagnostics.items, []);
    t.throws(() => data.client, { message: /sets no address \(nor SPIRE_ADDRESS in the environment\)/ });
    t.throws(() => data.client, { message: /^(?!.*trust_domain)/s });
  });

  await t.test('an address that is set but unreachable is still a configuration error', async (t) => {
    const unreachable = await (async () => {
      process.env.SPIRE_ADDRESS = `unix://${t.testdir()}/api.sock`;
      try {
        return await configure({});
      } finally {
        delete process.env.SPIRE_ADDRESS;
      }
    })();
    t.match(unreachable.diagnostics.items, [{ summary: 'Cannot reach the SPIRE server' }]);
  });
});
