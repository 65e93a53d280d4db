// Running a resource for each protocol step: what state Terraform keeps when the resource fails, "gone",
// import, state upgrades, private state, validation, and resources without update.
import t from 'tap';
import {
  Diagnostics,
  Unknown,
  attribute,
  defineResource,
  defineSchema,
  path,
  silentLogger,
  useStateForUnknown,
  validators,
} from '../../../../provider/framework/index.js';
import type { RequestContext } from '../../../../provider/framework/index.js';
import { makeContext } from '../../../../provider/framework/context.js';
import {
  applyResource,
  importResource,
  planResource,
  readResource,
  upgradeResource,
  validateResource,
} from '../../../../provider/framework/resource.js';
import type { Value } from '../../../../provider/framework/value.js';
import { unknown } from '../../../../provider/framework/value.js';

const schema = defineSchema({
  version: 2,
  attributes: {
    id: attribute.string({ computed: true, planModifiers: [useStateForUnknown()] }),
    name: attribute.string({ required: true, validators: [validators.lengthBetween(1, 5)] }),
    size: attribute.number({ optional: true }),
  },
});

function context(diagnostics = new Diagnostics()): RequestContext<{ fail?: string }> {
  return makeContext({
    provider: () => ({}),
    signal: new AbortController().signal,
    log: silentLogger,
    diagnostics,
  });
}

let failWith: string | undefined;
let readResult: 'gone' | undefined;

const thing = defineResource({
  typeName: 'test_thing',
  schema,
  validate(config, { diagnostics }) {
    if (config.size instanceof Unknown) return;
    if (config.size !== null && config.size > 100)
      diagnostics.addError('Too big', 'size above 100', path('size'));
  },
  create({ plan }, { private: priv }) {
    if (failWith !== undefined) throw new Error(failWith);
    priv.set('created', true);
    return { ...plan, id: 'new-id' };
  },
  read({ state }, { private: priv }) {
    if (readResult === 'gone') return 'gone';
    return { ...state, name: priv.get('created') === true ? state.name : 'no-private' };
  },
  update({ plan }) {
    if (failWith !== undefined) throw new Error(failWith, { cause: new Error('socket closed') });
    return plan;
  },
  delete() {
    if (failWith !== undefined) throw new Error(failWith);
  },
  importState({ id }) {
    return { id };
  },
  upgradeState({ version, rawState }) {
    if (version === 1) return { id: rawState.id as string, name: rawState.title as string, size: null };
    throw new Error(`cannot upgrade from version ${version}`);
  },
});

const state: Value = { id: 'id-1', name: 'n', size: null };

t.beforeEach(() => {
  failWith = undefined;
  readResult = undefined;
});

t.test('create: the result becomes the state and private data reaches read', async (t) => {
  const diagnostics = new Diagnostics();
  const config: Value = { id: null, name: 'n', size: 3 };
  const { planned, plannedPrivate } = planResource(
    thing,
    { prior: null, proposed: config, config, priorPrivate: new Uint8Array() },
    diagnostics,
  );
  const created = await applyResource(
    thing,
    { prior: null, planned, config, plannedPrivate },
    context(diagnostics),
  );
  t.strictSame(created.newState, { id: 'new-id', name: 'n', size: 3 });
  t.strictSame(diagnostics.items, []);
  const read = await readResource(thing, { state: created.newState, private: created.private }, context());
  t.strictSame(
    read.newState,
    { id: 'new-id', name: 'n', size: 3 },
    'read saw the private data create stored',
  );
  t.end();
});

t.test('create failure: nothing is stored and the error names the resource', async (t) => {
  failWith = 'quota exceeded';
  const diagnostics = new Diagnostics();
  const config: Value = { id: null, name: 'n', size: null };
  const result = await applyResource(
    thing,
    { prior: null, planned: { ...config, id: unknown }, config, plannedPrivate: new Uint8Array() },
    context(diagnostics),
  );
  t.equal(result.newState, null);
  t.match(diagnostics.items, [
    { severity: 'error', summary: 'Failed to create test_thing', detail: 'quota exceeded' },
  ]);
  t.end();
});

t.test('update failure: the prior state is kept, the cause is in the detail', async (t) => {
  failWith = 'permission denied';
  const diagnostics = new Diagnostics();
  const config: Value = { id: null, name: 'm', size: null };
  const result = await applyResource(
    thing,
    { prior: state, planned: { ...config, id: 'id-1' }, config, plannedPrivate: new Uint8Array() },
    context(diagnostics),
  );
  t.strictSame(result.newState, state);
  t.match(diagnostics.items, [
    { summary: 'Failed to update test_thing', detail: 'permission denied: socket closed' },
  ]);
  t.end();
});

t.test('delete: success removes the state, failure keeps it', async (t) => {
  const ok = await applyResource(
    thing,
    { prior: state, planned: null, config: null, plannedPrivate: new Uint8Array() },
    context(),
  );
  t.equal(ok.newState, null);
  failWith = 'busy';
  const diagnostics = new Diagnostics();
  const kept = await applyResource(
    thing,
    { prior: state, planned: null, config: null, plannedPrivate: new Uint8Array() },
    context(diagnostics),
  );
  t.strictSame(kept.newState, state);
  t.match(diagnostics.items, [{ summary: 'Failed to delete test_thing' }]);
  t.end();
});

t.test("read returning 'gone' removes the resource from state", async (t) => {
  readResult = 'gone';
  const result = await readResource(thing, { state, private: new Uint8Array() }, context());
  t.equal(result.newState, null);
  t.end();
});

t.test(
  'import fills unset attributes with null; a resource without importState cannot be imported',
  async (t) => {
    const imported = await importResource(thing, 'id-9', context());
    t.strictSame(imported?.newState, { id: 'id-9', name: null, size: null });
    const plain = defineResource({ ...thing.spec, importState: undefined } as never);
    const diagnostics = new Diagnostics();
    t.equal(await importResource(plain, 'x', context(diagnostics)), undefined);
    t.match(diagnostics.items, [{ summary: 'Resource Import Not Implemented' }]);
    t.end();
  },
);

t.test(
  'upgrade: an older version goes through upgradeState; newer or unknown versions are errors',
  async (t) => {
    t.strictSame(
      await upgradeResource(thing, { version: 1, rawState: { id: 'a', title: 'old' } }, context()),
      {
        id: 'a',
        name: 'old',
        size: null,
      },
    );
    const newer = new Diagnostics();
    t.equal(await upgradeResource(thing, { version: 3, rawState: {} }, context(newer)), undefined);
    t.match(newer.items, [{ summary: 'Unsupported state version', detail: /schema version 3.*up to 2/ }]);
    const failing = new Diagnostics();
    t.equal(await upgradeResource(thing, { version: 0, rawState: {} }, context(failing)), undefined);
    t.match(failing.items, [
      {
        summary: 'Failed to upgrade test_thing state from version 0',
        detail: 'cannot upgrade from version 0',
      },
    ]);
    t.end();
  },
);

t.test('a resource without update replaces on every configured change', (t) => {
  const createOnly = defineResource({ ...thing.spec, update: undefined } as never);
  const config: Value = { id: null, name: 'm', size: null };
  const diagnostics = new Diagnostics();
  const plan = planResource(
    createOnly,
    { prior: state, proposed: { ...config, id: 'id-1' }, config, priorPrivate: new Uint8Array() },
    diagnostics,
  );
  t.strictSame(plan.requiresReplace, [[{ attribute: 'name' }]]);
  t.end();
});

t.test('plan keeps the prior private state for apply', (t) => {
  const priv = Buffer.from('{"k":1}');
  const plan = planResource(
    thing,
    { prior: state, proposed: state, config: { ...state, id: null }, priorPrivate: priv },
    new Diagnostics(),
  );
  t.strictSame(Buffer.from(plan.plannedPrivate).toString(), '{"k":1}');
  t.end();
});

t.test('validation: attribute validators, then the resource check, skipping unknown values', (t) => {
  const diagnostics = new Diagnostics();
  validateResource(thing, { id: null, name: 'toolong', size: 3 }, diagnostics);
  t.match(diagnostics.items, [
    { detail: 'must be between 1 and 5 characters long, got 7', path: [{ attribute: 'name' }] },
  ]);
  const big = new Diagnostics();
  validateResource(thing, { id: null, name: 'ok', size: 500 }, big);
  t.match(big.items, [{ summary: 'Too big', path: [{ attribute: 'size' }] }]);
  const pending = new Diagnostics();
  validateResource(thing, { id: null, name: unknown, size: unknown }, pending);
  t.strictSame(pending.items, [], 'unknown values are checked later');
  t.end();
});

t.test('a result that breaks the plan is reported, and the resource is still recorded', async (t) => {
  const liar = defineResource({
    ...thing.spec,
    create: ({ plan }: { plan: object }) => ({ ...plan, id: 'x', name: 'other' }),
  });
  const diagnostics = new Diagnostics();
  const config: Value = { id: null, name: 'n', size: null };
  const result = await applyResource(
    liar,
    { prior: null, planned: { ...config, id: unknown }, config, plannedPrivate: new Uint8Array() },
    context(diagnostics),
  );
  t.strictSame(
    result.newState,
    { id: 'x', name: 'other', size: null },
    'kept so Terraform can taint it instead of losing it',
  );
  t.match(diagnostics.items, [
    { summary: 'Provider produced an inconsistent result after apply', path: [{ attribute: 'name' }] },
  ]);
  t.end();
});

t.test('a result that does not fit the schema is reported as a provider bug', async (t) => {
  const sloppy = defineResource({
    ...thing.spec,
    create: () => ({ id: 'x', name: 'n', size: null, extra: 1 }),
  });
  const diagnostics = new Diagnostics();
  const config: Value = { id: null, name: 'n', size: null };
  await applyResource(
    sloppy,
    { prior: null, planned: { ...config, id: unknown }, config, plannedPrivate: new Uint8Array() },
    context(diagnostics),
  );
  t.match(diagnostics.items, [
    { summary: 'Provider returned an invalid state', detail: /unsupported attribute "extra"/ },
  ]);
  t.end();
});

t.test('private data that is not ours is an error, not a crash', async (t) => {
  const diagnostics = new Diagnostics();
  const result = await readResource(thing, { state, private: Buffer.from('not json') }, context(diagnostics));
  t.strictSame(result.newState, state, 'state kept');
  t.match(diagnostics.items, [{ summary: 'Invalid private state' }]);
  t.end();
});
