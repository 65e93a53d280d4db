// Golden vectors for DynamicValue encoding (terraform docs/plugin-protocol/object-wire-format.md, go-cty
// cty/msgpack). Bytes are written out by hand from the msgpack spec so that an encoder change shows up.
import t from 'tap';
import { decodeJson, decodeMsgpack, encodeMsgpack } from '../../../../provider/tfplugin6/dynamic-value.js';
import { Dynamic, Unknown, unknown, valuesEqual } from '../../../../provider/framework/value.js';
import type { Type } from '../../../../provider/framework/types.js';
import { ValueConversionError } from '../../../../provider/framework/schema.js';

const hex = (s: string): Buffer => Buffer.from(s.replace(/\s+/g, ''), 'hex');
const toHex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

interface Vector {
  readonly name: string;
  readonly type: Type;
  readonly value: unknown;
  readonly bytes: string;
}

// Each row: the value encodes to exactly these bytes, and these bytes decode to the value.
const vectors: Vector[] = [
  { name: 'known string is a msgpack str', type: 'string', value: 'hello', bytes: 'a5 68656c6c6f' },
  { name: 'null is msgpack nil', type: 'string', value: null, bytes: 'c0' },
  { name: 'unknown is extension 0 written d4 00 00', type: 'string', value: unknown, bytes: 'd4 00 00' },
  {
    name: 'unknown of any type uses the same bytes',
    type: ['list', 'string'],
    value: unknown,
    bytes: 'd4 00 00',
  },
  { name: 'bool', type: 'bool', value: true, bytes: 'c3' },
  { name: 'small integer is a fixint', type: 'number', value: 7, bytes: '07' },
  { name: 'negative integer', type: 'number', value: -300, bytes: 'd1 fed4' },
  { name: 'fraction is a float64', type: 'number', value: 0.5, bytes: 'cb 3fe0000000000000' },
  {
    name: 'integer above 2^53 is a uint64',
    type: 'number',
    value: 18446744073709551615n,
    bytes: 'cf ffffffffffffffff',
  },
  { name: 'most negative int64', type: 'number', value: -9223372036854775808n, bytes: 'd3 8000000000000000' },
  {
    name: 'number beyond 64 bits is a decimal string',
    type: 'number',
    value: '123456789012345678901234567890',
    bytes: 'be 313233343536373839303132333435363738393031323334353637383930',
  },
  {
    name: 'object carries exactly its attributes, in type order',
    type: ['object', { a: 'string', b: 'number' }],
    value: { a: 'x', b: 1 },
    bytes: '82 a161 a178 a162 01',
  },
  {
    name: 'nested object with a list and an unknown inside',
    type: ['object', { name: 'string', ports: ['list', 'number'], inner: ['object', { id: 'string' }] }],
    value: { name: 'n', ports: [80, 443], inner: { id: unknown } },
    bytes: '83 a46e616d65 a16e a5706f727473 92 50 cd01bb a5696e6e6572 81 a26964 d40000',
  },
  { name: 'set is an array', type: ['set', 'string'], value: ['a', 'b'], bytes: '92 a161 a162' },
  { name: 'map is a msgpack map', type: ['map', 'bool'], value: { k: false }, bytes: '81 a16b c2' },
  {
    name: 'dynamic value is [type JSON as bin, value]',
    type: 'dynamic',
    value: new Dynamic('string', 'x'),
    bytes: '92 c4 08 22737472696e6722 a178',
  },
  {
    name: 'refined unknown: not null and a string prefix (extension 12)',
    type: 'string',
    value: new Unknown({ notNull: true, stringPrefix: 'spiffe://' }),
    bytes: 'c7 0e 0c 82 01 c2 02 a9 7370696666653a2f2f',
  },
  {
    name: 'refined unknown: number bounds as [number, inclusive]',
    type: 'number',
    value: new Unknown({
      numberLower: { value: 0, inclusive: true },
      numberUpper: { value: 100, inclusive: false },
    }),
    bytes: 'c7 09 0c 82 03 92 00 c3 04 92 64 c2',
  },
  {
    name: 'refined unknown: collection length bounds',
    type: ['list', 'string'],
    value: new Unknown({ lengthLower: 1, lengthUpper: 3 }),
    bytes: 'c7 05 0c 82 05 01 06 03',
  },
];

for (const v of vectors) {
  t.test(v.name, (t) => {
    t.equal(
      toHex(encodeMsgpack(v.value as never, v.type)),
      v.bytes.replace(/\s+/g, ''),
      'encodes to the golden bytes',
    );
    const decoded = decodeMsgpack(hex(v.bytes), v.type);
    t.ok(valuesEqual(decoded, v.value as never, v.type), 'decodes to the value');
    t.end();
  });
}

t.test('unknown decodes to an Unknown without refinements', (t) => {
  const decoded = decodeMsgpack(hex('d4 00 00'), 'string');
  t.ok(decoded instanceof Unknown);
  t.strictSame((decoded as Unknown).refinements, {});
  t.end();
});

t.test('an integer beyond 64 bits is written as decimal text (cty does the same)', (t) => {
  t.equal(
    toHex(encodeMsgpack(2n ** 70n, 'number')),
    `b6${Buffer.from('1180591620717411303424').toString('hex')}`,
  );
  t.equal(
    toHex(encodeMsgpack(-(2n ** 64n), 'number')),
    `b5${Buffer.from('-18446744073709551616').toString('hex')}`,
  );
  t.end();
});

t.test('an unrefined unknown is never written as extension 12', (t) => {
  t.equal(toHex(encodeMsgpack(new Unknown({}), 'string')), 'd40000');
  t.end();
});

t.test('any other extension type decodes as unknown (cty treats every extension as unknown)', (t) => {
  t.ok(decodeMsgpack(hex('d4 05 00'), 'string') instanceof Unknown);
  t.ok(decodeMsgpack(hex('c7 00 00'), 'number') instanceof Unknown, 'zero-length extension 0');
  t.end();
});

t.test('refinement keys this decoder does not know are ignored', (t) => {
  // {1: false, 9: "future"}
  const decoded = decodeMsgpack(hex('c7 0b 0c 82 01 c2 09 a6 667574757265'), 'string');
  t.ok(decoded instanceof Unknown);
  t.strictSame((decoded as Unknown).refinements, { notNull: true });
  t.end();
});

t.test('numbers decode from int, float and decimal string alike', (t) => {
  t.equal(decodeMsgpack(hex('cd 01bb'), 'number'), 443);
  t.equal(decodeMsgpack(hex('cb 3fb999999999999a'), 'number'), 0.1);
  t.equal(decodeMsgpack(hex('a4 312e3530'), 'number'), '1.50', 'decimal string kept as text');
  t.equal(
    decodeMsgpack(hex('cf 0000000000000005'), 'number'),
    5,
    'a uint64 that fits a JS number becomes one',
  );
  t.end();
});

t.test('a string that is not a number is rejected for a number', (t) => {
  t.throws(() => decodeMsgpack(hex('a3 616263'), 'number'), {
    message: /a number is required, got the string "abc"/,
  });
  t.end();
});

t.test('encoding fills unset object attributes with null so the object has exactly its attributes', (t) => {
  const bytes = encodeMsgpack({ a: 'x' }, ['object', { a: 'string', b: 'number' }]);
  t.equal(toHex(bytes), '82a161a178a162c0');
  t.end();
});

t.test('encoding rejects an attribute the type does not have, naming the path', (t) => {
  t.throws(
    () => encodeMsgpack({ outer: { a: 'x', zz: 1 } }, ['object', { outer: ['object', { a: 'string' }] }]),
    {
      message: 'outer: unsupported attribute "zz"',
    },
  );
  t.end();
});

t.test('decoding rejects an attribute the type does not have, naming the path', (t) => {
  const err = t.throws(() => decodeMsgpack(hex('81 a17a 01'), ['object', { a: 'string' }]));
  t.ok(err instanceof ValueConversionError);
  t.match(err, { message: 'unsupported attribute "z"' });
  t.end();
});

t.test('decoding reports a wrong type at its path', (t) => {
  t.throws(() => decodeMsgpack(hex('81 a161 92 a178 01'), ['object', { a: ['list', 'string'] }]), {
    message: 'a[1]: a string is required, got a number',
  });
  t.end();
});

t.test('a dynamic value keeps its concrete type', (t) => {
  const bytes = encodeMsgpack(new Dynamic(['list', 'number'], [1, 2]), 'dynamic');
  const back = decodeMsgpack(bytes, 'dynamic');
  t.ok(back instanceof Dynamic);
  t.strictSame((back as Dynamic).type, ['list', 'number']);
  t.strictSame((back as Dynamic).value, [1, 2]);
  t.end();
});

t.test('JSON: missing attributes are null, big numbers keep their digits', (t) => {
  const type: Type = [
    'object',
    { id: 'string', n: 'number', f: 'number', tags: ['set', 'string'], gone: 'bool' },
  ];
  const value = decodeJson(Buffer.from('{"id":"x","n":12345678901234567890,"f":0.1,"tags":["a"]}'), type);
  t.strictSame(value, { id: 'x', n: '12345678901234567890', f: 0.1, tags: ['a'], gone: null });
  t.end();
});

t.test('JSON: an attribute removed from the schema fails unless told to ignore it', (t) => {
  const type: Type = ['object', { id: 'string' }];
  const json = Buffer.from('{"id":"x","old":1}');
  t.throws(() => decodeJson(json, type), { message: 'unsupported attribute "old"' });
  t.strictSame(decodeJson(json, type, { ignoreUndefinedAttributes: true }), { id: 'x' });
  t.end();
});

t.test('JSON: a dynamic value is {"value", "type"}', (t) => {
  const value = decodeJson(Buffer.from('{"d":{"value":["a"],"type":["list","string"]}}'), [
    'object',
    { d: 'dynamic' },
  ]);
  const d = (value as { d: Dynamic }).d;
  t.ok(d instanceof Dynamic);
  t.strictSame(d.type, ['list', 'string']);
  t.strictSame(d.value, ['a']);
  t.end();
});

t.test('malformed input is reported, not thrown as a crash', (t) => {
  t.throws(() => decodeMsgpack(hex('c1'), 'string'), { message: /malformed msgpack value/ });
  t.throws(() => decodeJson(Buffer.from('{'), 'string'), { message: /malformed JSON value/ });
  t.end();
});
