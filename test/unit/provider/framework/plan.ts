// Planning and the plan/apply consistency rules (terraform docs/resource-instance-change-lifecycle.md).
import t from 'tap';
import {
  attribute,
  block,
  defineSchema,
  requiresReplace,
  requiresReplaceIf,
  types,
  useStateForUnknown,
} from '../../../../provider/framework/index.js';
import type { PlanModifier } from '../../../../provider/framework/index.js';
import { Diagnostics } from '../../../../provider/framework/diagnostics.js';
import { checkAgainstConfig, checkAgainstPlan, planChange } from '../../../../provider/framework/plan.js';
import type { Value } from '../../../../provider/framework/value.js';
import { Unknown, unknown } from '../../../../provider/framework/value.js';

const schema = defineSchema({
  attributes: {
    id: attribute.string({ computed: true, planModifiers: [useStateForUnknown()] }),
    name: attribute.string({ required: true }),
    zone: attribute.string({
      optional: true,
      computed: true,
      default: 'a',
      planModifiers: [requiresReplace()],
    }),
    revision: attribute.number({ computed: true }),
    token: attribute.string({ optional: true, sensitive: true }),
    rules: attribute.listNested(
      {
        port: attribute.number({ required: true }),
        protocol: attribute.string({ optional: true, computed: true }),
      },
      { optional: true },
    ),
    tags: attribute.set(types.string, { optional: true }),
  },
});

const configOf = (over: Record<string, Value>): Value => ({
  id: null,
  name: 'n',
  zone: null,
  revision: null,
  token: null,
  rules: null,
  tags: null,
  ...over,
});

const priorState: Value = {
  id: 'abc',
  name: 'n',
  zone: 'a',
  revision: 1,
  token: null,
  rules: null,
  tags: null,
};

/** Terraform's proposed new state: config, with prior values for computed attributes left unset. */
function proposed(config: Value, prior: Value): Value {
  if (prior === null) return config;
  const c = config as Record<string, Value>;
  const p = prior as Record<string, Value>;
  return Object.fromEntries(
    Object.keys(c).map((k) => [k, c[k] === null && ['id', 'zone', 'revision'].includes(k) ? p[k]! : c[k]!]),
  );
}

function plan(config: Value, prior: Value): ReturnType<typeof planChange> {
  return planChange({ schema, prior, proposed: proposed(config, prior), config });
}

t.test('create: computed attributes left unset are unknown, defaults are planned', (t) => {
  const { planned, requiresReplace: replace } = plan(configOf({}), null);
  t.ok((planned as Record<string, Value>).id instanceof Unknown, 'id known after apply');
  t.ok((planned as Record<string, Value>).revision instanceof Unknown, 'revision known after apply');
  t.equal((planned as Record<string, Value>).zone, 'a', 'default planned');
  t.strictSame(replace, [], 'requires_replace is never reported on create');
  t.end();
});

t.test('no change: the plan equals the prior state (no unknowns appear)', (t) => {
  const { planned, requiresReplace: replace } = plan(configOf({}), priorState);
  t.strictSame(planned, priorState);
  t.strictSame(replace, []);
  t.end();
});

t.test('update: computed attributes become unknown, except useStateForUnknown ones', (t) => {
  const { planned } = plan(configOf({ name: 'm' }), priorState);
  const p = planned as Record<string, Value>;
  t.equal(p.name, 'm');
  t.equal(p.id, 'abc', 'useStateForUnknown keeps the prior id');
  t.ok(p.revision instanceof Unknown, 'revision known after apply');
  t.end();
});

t.test('requiresReplace reports the attribute only when its value changes', (t) => {
  t.strictSame(plan(configOf({ zone: 'b' }), priorState).requiresReplace, [[{ attribute: 'zone' }]]);
  t.strictSame(plan(configOf({ name: 'm' }), priorState).requiresReplace, []);
  t.end();
});

t.test('a replacement asked for while creating is not reported (Terraform ignores it on create)', (t) => {
  const always: PlanModifier = { description: 'always', modify: () => ({ requiresReplace: true }) };
  const s = defineSchema({
    attributes: { n: attribute.number({ required: true, planModifiers: [always] }) },
  });
  const plan = (prior: Value): unknown =>
    planChange({ schema: s, prior, proposed: { n: 1 }, config: { n: 1 } }).requiresReplace;
  t.strictSame(plan(null), []);
  t.strictSame(plan({ n: 1 }), [[{ attribute: 'n' }]], 'reported for an existing object');
  t.end();
});

t.test('requiresReplaceIf asks only when its condition holds', (t) => {
  const grows: PlanModifier = requiresReplaceIf(
    'grows',
    (r) => typeof r.planned === 'number' && typeof r.prior === 'number' && r.planned > r.prior,
  );
  const s = defineSchema({ attributes: { n: attribute.number({ required: true, planModifiers: [grows] }) } });
  const run = (n: number): unknown =>
    planChange({ schema: s, prior: { n: 5 }, proposed: { n }, config: { n } }).requiresReplace;
  t.strictSame(run(6), [[{ attribute: 'n' }]]);
  t.strictSame(run(4), []);
  t.end();
});

t.test('destroy: a null proposed state plans null (plan_destroy)', (t) => {
  t.strictSame(planChange({ schema, prior: priorState, proposed: null, config: null }), {
    planned: null,
    requiresReplace: [],
  });
  t.end();
});

t.test('nested attributes: computed values inside elements become unknown on change', (t) => {
  const config = configOf({ rules: [{ port: 80, protocol: null }] });
  const { planned } = plan(config, null);
  const rules = (planned as Record<string, Value>).rules as Record<string, Value>[];
  t.equal(rules[0]!.port, 80);
  t.ok(rules[0]!.protocol instanceof Unknown);
  t.end();
});

t.test('a plan that changes a configured value is reported at its path', (t) => {
  const config = configOf({ name: 'n', rules: [{ port: 80, protocol: null }] });
  const diagnostics = new Diagnostics();
  const planned = { ...(config as object), name: 'other', rules: [{ port: 81, protocol: unknown }] };
  checkAgainstConfig(schema, config, planned, diagnostics, { summary: 'bad plan', subject: 'spire_x' });
  t.match(diagnostics.items, [
    {
      summary: 'bad plan',
      detail: /spire_x: name is "n" in the configuration but "other"/,
      path: [{ attribute: 'name' }],
    },
    { detail: /rules\[0\]\.port is 80/, path: [{ attribute: 'rules' }, { index: 0 }, { attribute: 'port' }] },
  ]);
  t.equal(diagnostics.items.length, 2);
  t.end();
});

t.test('a plan may fill computed attributes the configuration leaves unset', (t) => {
  const config = configOf({});
  const diagnostics = new Diagnostics();
  checkAgainstConfig(
    schema,
    config,
    { ...(config as object), id: unknown, zone: 'a', revision: 3 },
    diagnostics,
    {
      summary: 's',
      subject: 'x',
    },
  );
  t.strictSame(diagnostics.items, []);
  t.end();
});

t.test('a plan may not set a non-computed attribute the configuration leaves unset', (t) => {
  const config = configOf({});
  const diagnostics = new Diagnostics();
  checkAgainstConfig(schema, config, { ...(config as object), tags: ['x'] }, diagnostics, {
    summary: 's',
    subject: 'x',
  });
  t.match(diagnostics.items, [{ path: [{ attribute: 'tags' }] }]);
  t.end();
});

t.test('apply result: values known in the plan must not change', (t) => {
  const planned = { ...(priorState as object), revision: unknown } as Value;
  const diagnostics = new Diagnostics();
  checkAgainstPlan(
    schema,
    planned,
    { ...(priorState as object), name: 'changed', revision: 2 },
    diagnostics,
    {
      summary: 'inconsistent',
      subject: 'spire_x update',
    },
  );
  t.match(diagnostics.items, [
    {
      summary: 'inconsistent',
      detail: /spire_x update: name was planned as "n" but the provider returned "changed"/,
      path: [{ attribute: 'name' }],
    },
  ]);
  t.equal(diagnostics.items.length, 1, 'revision was unknown, so any value is fine');
  t.end();
});

t.test('apply result: a set may come back in another order', (t) => {
  const planned = { ...(priorState as object), tags: ['a', 'b'] } as Value;
  const diagnostics = new Diagnostics();
  checkAgainstPlan(schema, planned, { ...(priorState as object), tags: ['b', 'a'] }, diagnostics, {
    summary: 's',
    subject: 'x',
  });
  t.strictSame(diagnostics.items, []);
  t.end();
});

t.test('apply result: an unknown must become a value that honours its refinements', (t) => {
  const planned = {
    ...(priorState as object),
    id: new Unknown({ notNull: true, stringPrefix: 'spiffe://' }),
  } as Value;
  const check = (id: Value): string[] => {
    const diagnostics = new Diagnostics();
    checkAgainstPlan(schema, planned, { ...(priorState as object), id }, diagnostics, {
      summary: 's',
      subject: 'x',
    });
    return diagnostics.items.map((d) => d.detail);
  };
  t.strictSame(check('spiffe://td/a'), []);
  t.match(check(null), [/planned as not null, got null/]);
  t.match(check('https://x'), [/planned to start with "spiffe:\/\/"/]);
  t.end();
});

t.test('apply result: every nested value must be known', (t) => {
  const planned = { ...(priorState as object), rules: [{ port: 80, protocol: unknown }] } as Value;
  const diagnostics = new Diagnostics();
  checkAgainstPlan(
    schema,
    planned,
    { ...(priorState as object), rules: [{ port: 80, protocol: unknown }] },
    diagnostics,
    {
      summary: 's',
      subject: 'x',
    },
  );
  t.match(diagnostics.items, [{ detail: /must be wholly known/ }]);
  t.end();
});

t.test('sensitive values are redacted in consistency errors', (t) => {
  const planned = { ...(priorState as object), token: 'hunter2' } as Value;
  const diagnostics = new Diagnostics();
  checkAgainstPlan(schema, planned, { ...(priorState as object), token: 'other-secret' }, diagnostics, {
    summary: 's',
    subject: 'x',
  });
  t.equal(diagnostics.items.length, 1);
  t.notMatch(diagnostics.items[0]!.detail, /hunter2|other-secret/);
  t.match(diagnostics.items[0]!.detail, /\(sensitive value\)/);
  t.end();
});

t.test('nested blocks: computed attributes inside blocks are planned like top-level ones', (t) => {
  const withBlocks = defineSchema({
    attributes: { name: attribute.string({ required: true }) },
    blocks: {
      selector: block.list({
        attributes: { type: attribute.string({ required: true }), id: attribute.string({ computed: true }) },
      }),
      settings: block.single({
        attributes: { debug: attribute.bool({ optional: true, computed: true, default: false }) },
      }),
    },
  });
  const config: Value = { name: 'n', selector: [{ type: 'unix', id: null }], settings: { debug: null } };
  const { planned } = planChange({
    schema: withBlocks,
    prior: null,
    proposed: config,
    config,
  });
  const p = planned as { selector: Record<string, Value>[]; settings: Record<string, Value> };
  t.equal(p.selector[0]!.type, 'unix');
  t.ok(p.selector[0]!.id instanceof Unknown, 'computed attribute in a list block is unknown on create');
  t.equal(p.settings.debug, false, 'default inside a single block');
  const diagnostics = new Diagnostics();
  checkAgainstConfig(
    withBlocks,
    config,
    { ...(planned as object), selector: [{ type: 'tcp', id: unknown }] },
    diagnostics,
    {
      summary: 's',
      subject: 'x',
    },
  );
  t.match(diagnostics.items, [{ path: [{ attribute: 'selector' }, { index: 0 }, { attribute: 'type' }] }]);
  t.end();
});
