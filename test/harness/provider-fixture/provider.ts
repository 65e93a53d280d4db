// A test-only provider served through the real framework and transport: `spire_test_thing` (a resource
// kept as JSON files in a directory named by the provider configuration) and the `spire_test_thing` data
// source. Registered only by this directory's launcher; never part of the product.
//
// Knobs (environment, inherited from terraform): SPIRE_TEST_SCHEMA_VERSION=0 serves the old schema
// (`title` instead of `name`); SPIRE_TEST_BREAK=apply makes create return a value that differs from the
// plan, to show the framework's consistency check.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  attribute,
  defineProvider,
  defineSchema,
  frameworkFor,
  path,
  requiresReplace,
  types,
  useStateForUnknown,
  validators,
} from '../../../provider/framework/index.js';
import type { ModelOf, PrivateState } from '../../../provider/framework/index.js';

interface FixtureData {
  readonly dir: string;
}

/** What the store keeps per thing, independent of the schema version. */
interface StoredThing {
  id: string;
  name: string;
  zone: string;
  secret: string | null;
  size: number | null;
  tags: string[] | null;
  labels: Record<string, string> | null;
  rules: { port: number; protocol: string }[] | null;
  revision: number;
}

const { defineResource, defineDataSource } = frameworkFor<FixtureData>();

export const thingSchemaV1 = defineSchema({
  version: 1,
  description: 'A test thing.',
  attributes: {
    id: attribute.string({ computed: true, planModifiers: [useStateForUnknown()] }),
    name: attribute.string({
      required: true,
      validators: [validators.matches(/^[a-z0-9-]+$/, 'lowercase letters, digits and dashes')],
    }),
    zone: attribute.string({
      optional: true,
      computed: true,
      default: 'a',
      planModifiers: [requiresReplace()],
    }),
    secret: attribute.string({ optional: true, sensitive: true }),
    size: attribute.number({ optional: true }),
    tags: attribute.set(types.string, { optional: true }),
    labels: attribute.map(types.string, { optional: true }),
    rules: attribute.listNested(
      {
        port: attribute.number({ required: true, validators: [validators.integerBetween(1, 65535)] }),
        protocol: attribute.string({ optional: true, computed: true, default: 'tcp' }),
      },
      { optional: true },
    ),
    revision: attribute.number({ computed: true }),
    private_echo: attribute.string({ computed: true }),
  },
});

export const thingSchemaV0 = defineSchema({
  version: 0,
  attributes: {
    id: attribute.string({ computed: true, planModifiers: [useStateForUnknown()] }),
    title: attribute.string({ required: true }),
    zone: attribute.string({
      optional: true,
      computed: true,
      default: 'a',
      planModifiers: [requiresReplace()],
    }),
    secret: attribute.string({ optional: true, sensitive: true }),
    revision: attribute.number({ computed: true }),
  },
});

type ThingV1 = ModelOf<typeof thingSchemaV1>;
type ThingV0 = ModelOf<typeof thingSchemaV0>;

function file(dir: string, id: string): string {
  return join(dir, `${id}.json`);
}

function load(dir: string, id: string): StoredThing | undefined {
  const f = file(dir, id);
  return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as StoredThing) : undefined;
}

function save(dir: string, thing: StoredThing): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(file(dir, thing.id), JSON.stringify(thing));
}

function echo(priv: PrivateState): string {
  const note = priv.get('note');
  return `private:${typeof note === 'string' ? note : 'missing'}`;
}

function toV1(thing: StoredThing, priv: PrivateState): ThingV1 {
  return { ...thing, private_echo: echo(priv) };
}

function toV0(thing: StoredThing): ThingV0 {
  return {
    id: thing.id,
    title: thing.name,
    zone: thing.zone,
    secret: thing.secret,
    revision: thing.revision,
  };
}

function stored(model: ThingV1, id: string, revision: number): StoredThing {
  return {
    id,
    name: model.name,
    zone: model.zone ?? 'a',
    secret: model.secret,
    size: model.size,
    tags: model.tags === null ? null : model.tags.filter((t): t is string => t !== null),
    labels:
      model.labels === null
        ? null
        : Object.fromEntries(
            Object.entries(model.labels).filter((e): e is [string, string] => e[1] !== null),
          ),
    rules:
      model.rules === null ? null : model.rules.map((r) => ({ port: r.port, protocol: r.protocol ?? 'tcp' })),
    revision,
  };
}

const breakApply = (): boolean => process.env.SPIRE_TEST_BREAK === 'apply';

const thingV1 = defineResource({
  typeName: 'spire_test_thing',
  schema: thingSchemaV1,
  validate(config, { diagnostics }) {
    if (typeof config.size === 'number' && config.size > 10 && config.secret === null) {
      diagnostics.addError('Missing secret', 'A thing larger than 10 needs a secret.', path('secret'));
    }
  },
  create({ plan }, { provider, private: priv }) {
    const thing = stored(plan, randomBytes(4).toString('hex'), 1);
    save(provider.dir, thing);
    priv.set('note', 'private-ok');
    priv.set('reads', 0);
    const model = toV1(thing, priv);
    return breakApply() ? { ...model, name: `${model.name}-changed` } : model;
  },
  read({ state }, { provider, private: priv }) {
    const thing = state.id === null ? undefined : load(provider.dir, state.id);
    if (thing === undefined) return 'gone';
    const reads = priv.get('reads');
    priv.set('reads', (typeof reads === 'number' ? reads : 0) + 1);
    return toV1(thing, priv);
  },
  update({ plan, prior }, { provider, private: priv }) {
    const thing = stored(plan, prior.id ?? '', (prior.revision ?? 0) + 1);
    save(provider.dir, thing);
    return toV1(thing, priv);
  },
  delete({ prior }, { provider }) {
    if (prior.id !== null) rmSync(file(provider.dir, prior.id), { force: true });
  },
  importState({ id }, { provider, private: priv }) {
    if (load(provider.dir, id) === undefined) throw new Error(`no thing with id ${JSON.stringify(id)}`);
    priv.set('note', 'imported');
    return { id };
  },
  upgradeState({ version, rawState }) {
    if (version !== 0) throw new Error(`no upgrade from version ${version}`);
    const text = (key: string): string | null => {
      const v = rawState[key];
      return typeof v === 'string' ? v : null;
    };
    return {
      id: text('id'),
      name: text('title') ?? '',
      zone: text('zone'),
      secret: text('secret'),
      size: null,
      tags: null,
      labels: null,
      rules: null,
      revision: typeof rawState.revision === 'number' ? rawState.revision : null,
      private_echo: null,
    };
  },
});

const thingV0 = defineResource({
  typeName: 'spire_test_thing',
  schema: thingSchemaV0,
  create({ plan }, { provider }) {
    const thing: StoredThing = {
      id: randomBytes(4).toString('hex'),
      name: plan.title,
      zone: plan.zone ?? 'a',
      secret: plan.secret,
      size: null,
      tags: null,
      labels: null,
      rules: null,
      revision: 1,
    };
    save(provider.dir, thing);
    return toV0(thing);
  },
  read({ state }, { provider }) {
    const thing = state.id === null ? undefined : load(provider.dir, state.id);
    return thing === undefined ? 'gone' : toV0(thing);
  },
  delete({ prior }, { provider }) {
    if (prior.id !== null) rmSync(file(provider.dir, prior.id), { force: true });
  },
});

const thingLookup = defineDataSource({
  typeName: 'spire_test_thing',
  schema: defineSchema({
    attributes: {
      name: attribute.string({ required: true }),
      id: attribute.string({ computed: true }),
      zone: attribute.string({ computed: true }),
    },
  }),
  read({ config }, { provider, diagnostics }) {
    const dir = provider.dir;
    const things = existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.json'))
          .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as StoredThing)
      : [];
    const found = things.find((t) => t.name === config.name);
    if (found === undefined) {
      diagnostics.addError(
        'Thing not found',
        `No thing is named ${JSON.stringify(config.name)}.`,
        path('name'),
      );
      return { ...config, id: null, zone: null };
    }
    return { name: config.name, id: found.id, zone: found.zone };
  },
});

export const fixtureProvider = defineProvider({
  typeName: 'spire',
  schema: defineSchema({
    attributes: { store_dir: attribute.string({ required: true, description: 'Where things are kept.' }) },
  }),
  configure: ({ config }): FixtureData => ({ dir: config.store_dir }),
  resources: [process.env.SPIRE_TEST_SCHEMA_VERSION === '0' ? thingV0 : thingV1],
  dataSources: [thingLookup],
});
