// Terraform values as the framework holds them. A value is always read together with its Type: a number
// is a JS number, a bigint (integers beyond 2^53 arrive as int64/uint64) or a decimal string (numbers too
// large or too precise for float64 arrive as strings); lists, sets and tuples are arrays; objects and maps
// are plain records; null is null; a value not known until apply is an Unknown.
import type { Type } from './types.js';

/** What Terraform already knows about a value it does not know yet (cty "refinements"). */
export interface Refinements {
  /** true: the value will not be null. */
  readonly notNull?: boolean;
  /** The final string starts with this. */
  readonly stringPrefix?: string;
  readonly numberLower?: { readonly value: NumberValue; readonly inclusive: boolean };
  readonly numberUpper?: { readonly value: NumberValue; readonly inclusive: boolean };
  readonly lengthLower?: number;
  readonly lengthUpper?: number;
}

/** A value that will only be known after apply. */
export class Unknown {
  readonly refinements: Refinements;
  constructor(refinements: Refinements = {}) {
    this.refinements = refinements;
  }
  /** Returns true when the unknown carries at least one refinement. */
  get refined(): boolean {
    return Object.keys(this.refinements).length > 0;
  }
}

/** The unrefined unknown value (cty.UnknownVal without refinements). */
export const unknown: Unknown = new Unknown();

/** A value of the `dynamic` pseudo-type: the concrete type travels with the value. */
export class Dynamic {
  readonly type: Type;
  readonly value: Value;
  constructor(type: Type, value: Value) {
    this.type = type;
    this.value = value;
  }
}

export type NumberValue = number | bigint | string;

export interface ValueObject {
  readonly [key: string]: Value;
}

export type Value =
  null | Unknown | Dynamic | string | boolean | number | bigint | readonly Value[] | ValueObject;

/** Returns true when `value` is a record (an object or map value). */
export function isValueObject(value: Value): value is ValueObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Unknown) &&
    !(value instanceof Dynamic)
  );
}

/** Returns true when no part of `value` is unknown. */
export function isWhollyKnown(value: Value): boolean {
  if (value instanceof Unknown) return false;
  if (value instanceof Dynamic) return isWhollyKnown(value.value);
  if (Array.isArray(value)) return (value as readonly Value[]).every(isWhollyKnown);
  if (isValueObject(value)) return Object.values(value).every(isWhollyKnown);
  return true;
}

const decimalPattern = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * Returns the canonical text of a number ("-12345e-2" style: sign, digits with no leading or trailing
 * zeros, exponent), so that 1, 1.0, 1n and "1.000" compare equal; undefined for text that is not a number.
 */
export function canonicalNumber(value: NumberValue): string | undefined {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return undefined;
    if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  }
  const text = typeof value === 'string' ? value.trim() : String(value);
  if (text === 'Infinity' || text === '+Infinity') return 'Infinity';
  if (text === '-Infinity') return '-Infinity';
  const match = decimalPattern.exec(text);
  if (match === null) return undefined;
  const [, sign = '', intPart = '', fracPart = '', expPart = '0'] = match;
  if (intPart === '' && fracPart === '') return undefined;
  let digits = intPart + fracPart;
  let exponent = Number(expPart) - fracPart.length;
  digits = digits.replace(/^0+/, '');
  if (digits === '') return '0';
  const trailing = /0*$/.exec(digits)?.[0].length ?? 0;
  digits = digits.slice(0, digits.length - trailing);
  exponent += trailing;
  return `${sign === '-' ? '-' : ''}${digits}e${exponent}`;
}

/** Returns true when both numbers have the same value, whatever their representation. */
export function numbersEqual(a: NumberValue, b: NumberValue): boolean {
  const ca = canonicalNumber(a);
  return ca !== undefined && ca === canonicalNumber(b);
}

/** Returns the JS number for a number value when it is exactly representable, else undefined. */
export function exactJsNumber(value: NumberValue): number | undefined {
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : value;
  const n = Number(typeof value === 'bigint' ? value.toString() : value);
  if (Number.isNaN(n)) return undefined;
  return numbersEqual(n, value) ? n : undefined;
}

/** Returns -1, 0 or 1 comparing two numbers exactly (bounds checks of refined unknowns). */
export function compareNumbers(a: NumberValue, b: NumberValue): number {
  const ca = canonicalNumber(a) ?? '0';
  const cb = canonicalNumber(b) ?? '0';
  if (ca === cb) return 0;
  if (ca === '-Infinity' || cb === 'Infinity') return -1;
  if (ca === 'Infinity' || cb === '-Infinity') return 1;
  const [ma = '0', ea = '0'] = ca.split('e');
  const [mb = '0', eb = '0'] = cb.split('e');
  const signA = ma.startsWith('-') ? -1 : ma === '0' ? 0 : 1;
  const signB = mb.startsWith('-') ? -1 : mb === '0' ? 0 : 1;
  if (signA !== signB) return signA < signB ? -1 : 1;
  // Same sign: align both mantissas on the smaller exponent and compare as integers.
  const da = ma.replace('-', '');
  const db = mb.replace('-', '');
  const minExp = Math.min(Number(ea), Number(eb));
  const ia = BigInt(da + '0'.repeat(Number(ea) - minExp));
  const ib = BigInt(db + '0'.repeat(Number(eb) - minExp));
  const magnitude = ia < ib ? -1 : ia > ib ? 1 : 0;
  return magnitude * signA;
}

/**
 * Returns true when two values of `type` are identical, unknowns included (an unknown equals only an
 * unknown with the same refinements); set elements match in any order.
 */
export function valuesEqual(a: Value, b: Value, type: Type): boolean {
  if (a instanceof Unknown || b instanceof Unknown) {
    return a instanceof Unknown && b instanceof Unknown && refinementsEqual(a.refinements, b.refinements);
  }
  if (a === null || b === null) return a === b;
  if (type === 'dynamic') {
    if (!(a instanceof Dynamic) || !(b instanceof Dynamic)) return false;
    return JSON.stringify(a.type) === JSON.stringify(b.type) && valuesEqual(a.value, b.value, a.type);
  }
  if (type === 'number') {
    return isNumberValue(a) && isNumberValue(b) && numbersEqual(a, b);
  }
  if (typeof type === 'string') return a === b;
  switch (type[0]) {
    case 'list':
    case 'tuple': {
      if (!Array.isArray(a) || !Array.isArray(b)) return false;
      const left = a as readonly Value[];
      const right = b as readonly Value[];
      if (left.length !== right.length) return false;
      return left.every((v, i) => {
        const t = type[0] === 'list' ? type[1] : type[1][i];
        return t !== undefined && valuesEqual(v, right[i] ?? null, t);
      });
    }
    case 'set': {
      if (!Array.isArray(a) || !Array.isArray(b)) return false;
      return setsEqual(a as readonly Value[], b as readonly Value[], type[1]);
    }
    case 'map':
    case 'object': {
      if (!isValueObject(a) || !isValueObject(b)) return false;
      const keys = Object.keys(a);
      if (keys.length !== Object.keys(b).length) return false;
      return keys.every((k) => {
        if (!Object.hasOwn(b, k)) return false;
        const t = type[0] === 'map' ? type[1] : type[1][k];
        return t !== undefined && valuesEqual(a[k] ?? null, b[k] ?? null, t);
      });
    }
  }
}

/** Returns true when both arrays hold the same set of elements (duplicates collapse, as in a set). */
export function setsEqual(a: readonly Value[], b: readonly Value[], element: Type): boolean {
  const covers = (x: readonly Value[], y: readonly Value[]): boolean =>
    x.every((v) => y.some((w) => valuesEqual(v, w, element)));
  return covers(a, b) && covers(b, a);
}

function refinementsEqual(a: Refinements, b: Refinements): boolean {
  const norm = (r: Refinements): string =>
    JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  return norm(a) === norm(b);
}

function isNumberValue(v: Value): v is NumberValue {
  return typeof v === 'number' || typeof v === 'bigint' || typeof v === 'string';
}

/** Returns the message saying why `actual` cannot be the final value of `planned`, or undefined if it can. */
export function refinementViolation(planned: Unknown, actual: Value, type: Type): string | undefined {
  const r = planned.refinements;
  if (actual === null) return r.notNull === true ? 'planned as not null, got null' : undefined;
  if (r.stringPrefix !== undefined && typeof actual === 'string' && !actual.startsWith(r.stringPrefix)) {
    return `planned to start with ${JSON.stringify(r.stringPrefix)}`;
  }
  if (type === 'number' && isNumberValue(actual)) {
    if (r.numberLower !== undefined) {
      const c = compareNumbers(actual, r.numberLower.value);
      if (c < 0 || (c === 0 && !r.numberLower.inclusive)) return 'below the planned lower bound';
    }
    if (r.numberUpper !== undefined) {
      const c = compareNumbers(actual, r.numberUpper.value);
      if (c > 0 || (c === 0 && !r.numberUpper.inclusive)) return 'above the planned upper bound';
    }
  }
  const length = Array.isArray(actual)
    ? (actual as readonly Value[]).length
    : isValueObject(actual) && typeof type !== 'string' && type[0] === 'map'
      ? Object.keys(actual).length
      : undefined;
  if (length !== undefined) {
    if (r.lengthLower !== undefined && length < r.lengthLower) return 'fewer elements than planned';
    if (r.lengthUpper !== undefined && length > r.lengthUpper) return 'more elements than planned';
  }
  return undefined;
}
