// Number representations and value equality.
import t from 'tap';
import {
  Unknown,
  canonicalNumber,
  compareNumbers,
  exactJsNumber,
  isWhollyKnown,
  numbersEqual,
  unknown,
  valuesEqual,
} from '../../../../provider/framework/value.js';

t.test('a number has one canonical form whatever its representation', (t) => {
  t.equal(canonicalNumber(1), '1e0');
  t.equal(canonicalNumber('1.000'), '1e0');
  t.equal(canonicalNumber(100n), '1e2');
  t.equal(canonicalNumber('-0.0012'), '-12e-4');
  t.equal(canonicalNumber(1e21), '1e21');
  t.equal(canonicalNumber('0'), '0');
  t.equal(canonicalNumber('abc'), undefined);
  t.equal(canonicalNumber(Number.NaN), undefined);
  t.equal(canonicalNumber(-Infinity), '-Infinity');
  t.end();
});

t.test('numbers compare by value', (t) => {
  t.ok(numbersEqual(0.1, '0.1'));
  t.ok(numbersEqual(9007199254740993n, '9007199254740993'));
  t.notOk(numbersEqual(9007199254740993n, 9007199254740992));
  t.equal(compareNumbers('10', 9), 1);
  t.equal(compareNumbers(-5, '-4.5'), -1);
  t.equal(compareNumbers('1e3', 1000n), 0);
  t.equal(compareNumbers(-Infinity, -1e300), -1);
  t.end();
});

t.test('only numbers JS holds exactly convert to a JS number', (t) => {
  t.equal(exactJsNumber('42'), 42);
  t.equal(exactJsNumber(2n ** 53n), 2 ** 53);
  t.equal(exactJsNumber(2n ** 53n + 1n), undefined);
  t.equal(exactJsNumber('0.1000000000000000000001'), undefined);
  t.end();
});

t.test('equality: sets ignore order, unknowns equal only unknowns with the same refinements', (t) => {
  t.ok(valuesEqual(['a', 'b'], ['b', 'a'], ['set', 'string']));
  t.notOk(valuesEqual(['a', 'b'], ['b', 'a'], ['list', 'string']));
  t.ok(valuesEqual({ a: 1 }, { a: 1.0 }, ['object', { a: 'number' }]));
  t.notOk(valuesEqual({ a: 1 }, { b: 1 }, ['map', 'number']));
  t.ok(valuesEqual(unknown, new Unknown(), 'string'));
  t.notOk(valuesEqual(unknown, new Unknown({ notNull: true }), 'string'));
  t.notOk(valuesEqual(unknown, 'x', 'string'));
  t.notOk(valuesEqual(null, 'x', 'string'));
  t.end();
});

t.test('wholly known looks inside collections', (t) => {
  t.ok(isWhollyKnown({ a: [1, { b: 'x' }] }));
  t.notOk(isWhollyKnown({ a: [1, { b: unknown }] }));
  t.end();
});
