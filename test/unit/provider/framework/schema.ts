// Schema builders, the model ⇄ value conversions that keep models and schemas in step.
import t from 'tap';
import { attribute, block, defineSchema, types } from '../../../../provider/framework/index.js';
import {
  ValueConversionError,
  fromModel,
  impliedType,
  toModel,
} from '../../../../provider/framework/schema.js';
import { Dynamic, unknown } from '../../../../provider/framework/value.js';

t.test('an attribute is required, or optional and/or computed', (t) => {
  t.throws(() => attribute.string({} as never), { message: /either required, or optional and\/or computed/ });
  t.throws(() => attribute.string({ required: true, computed: true } as never), {
    message: /either required/,
  });
  t.doesNotThrow(() => attribute.string({ optional: true, computed: true }));
  t.end();
});

t.test('only an optional and computed attribute can have a default', (t) => {
  t.throws(() => attribute.string({ optional: true, default: 'x' } as never), {
    message: 'schema: only an optional and computed attribute can have a default',
  });
  t.end();
});

t.test('names are lowercase identifiers and unique across attributes and blocks', (t) => {
  t.throws(() => defineSchema({ attributes: { Name: attribute.string({ required: true }) } }), {
    message: /"Name" must match/,
  });
  t.throws(
    () =>
      defineSchema({
        attributes: { rule: attribute.string({ required: true }) },
        blocks: { rule: block.list({ attributes: {} }) },
      }),
    { message: '"rule" is both an attribute and a block' },
  );
  t.throws(() => defineSchema({ version: -1, attributes: {} }), { message: /version/ });
  t.end();
});

t.test('the implied type has one entry per attribute and block', (t) => {
  const s = defineSchema({
    attributes: {
      name: attribute.string({ required: true }),
      tags: attribute.map(types.string, { optional: true }),
      rules: attribute.setNested({ port: attribute.number({ required: true }) }, { optional: true }),
    },
    blocks: { selector: block.list({ attributes: { type: attribute.string({ required: true }) } }) },
  });
  t.strictSame(impliedType(s), [
    'object',
    {
      name: 'string',
      tags: ['map', 'string'],
      rules: ['set', ['object', { port: 'number' }]],
      selector: ['list', ['object', { type: 'string' }]],
    },
  ]);
  t.end();
});

t.test('toModel: numbers become JS numbers, unless JS cannot hold them exactly', (t) => {
  t.strictSame(toModel({ n: '42', l: [1n] }, ['object', { n: 'number', l: ['list', 'number'] }]), {
    n: 42,
    l: [1],
  });
  const err = t.throws(() => toModel({ n: '12345678901234567890' }, ['object', { n: 'number' }]));
  t.ok(err instanceof ValueConversionError);
  t.match(err, {
    message: 'n: the number 12345678901234567890 cannot be represented exactly by this provider',
    path: [{ attribute: 'n' }],
  });
  t.end();
});

t.test('toModel: an unknown value has no model', (t) => {
  t.throws(() => toModel({ a: unknown }, ['object', { a: 'string' }]), {
    message: 'a: value is not known yet',
  });
  t.end();
});

t.test('fromModel: attributes not set become null; extra keys and wrong types are errors', (t) => {
  const type = ['object', { a: 'string', b: ['list', 'bool'] }] as const;
  t.strictSame(fromModel({ a: 'x' }, type), { a: 'x', b: null });
  t.throws(() => fromModel({ a: 'x', c: 1 }, type), { message: 'unsupported attribute "c"' });
  t.throws(() => fromModel({ a: 1 }, type), { message: 'a: a string is required, got a number' });
  t.throws(() => fromModel({ b: [true, 'no'] }, type), { message: 'b[1]: a bool is required, got a string' });
  t.throws(() => fromModel({ a: Number.NaN }, ['object', { a: 'number' }]), {
    message: 'a: a number is required, got NaN',
  });
  t.throws(() => fromModel({ a: unknown }, ['object', { a: 'string' }]), { message: /must be wholly known/ });
  t.end();
});

t.test('fromModel: a dynamic attribute carries its own type', (t) => {
  t.strictSame(fromModel(new Dynamic('number', 3), 'dynamic'), new Dynamic('number', 3));
  t.throws(() => fromModel(3, 'dynamic'), { message: /a dynamic is required/ });
  t.end();
});
