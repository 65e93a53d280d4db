// DynamicValue ⇄ framework values. Terraform sends msgpack (JSON only for stored state); replies are
// always msgpack. The rules follow terraform docs/plugin-protocol/object-wire-format.md and go-cty's
// cty/msgpack (unknown.go, marshal.go, unmarshal.go):
// - an unknown is msgpack extension type 0, written d4 00 00; a refined unknown is extension type 12
//   whose payload is a map with small integer keys (1 nullness, 2 string prefix, 3/4 number bounds as
//   [number, inclusive], 5/6 collection length bounds). Any other extension decodes as unknown;
// - a number is an int, a float64, or a decimal string when neither holds it exactly;
// - an object carries exactly its type's attributes (null for unset);
// - a dynamic value is [type JSON as bin, value] in msgpack and {"value", "type"} in JSON.
import { ExtData, ExtensionCodec, decode, encode } from '@msgpack/msgpack';
import type { AttributePath } from '../framework/diagnostics.js';
import { ValueConversionError } from '../framework/schema.js';
import type { Type } from '../framework/types.js';
import { describeType, isTypeError, parseType, typeToJson } from '../framework/types.js';
import type { NumberValue, Refinements, Value } from '../framework/value.js';
import { Dynamic, Unknown, canonicalNumber, isValueObject, unknown } from '../framework/value.js';

const unknownExtType = 0;
const refinedUnknownExtType = 12;
/** go-cty rejects refinement payloads above 1 KiB; so do we. */
const maxRefinementBytes = 1024;

const refinementKey = {
  nullness: 1,
  stringPrefix: 2,
  numberLower: 3,
  numberUpper: 4,
  lengthLower: 5,
  lengthUpper: 6,
} as const;

const extensionCodec = new ExtensionCodec();
extensionCodec.register({
  type: unknownExtType,
  encode: (input) => (input instanceof Unknown && !input.refined ? new Uint8Array([0]) : null),
  decode: () => unknown,
});
extensionCodec.register({
  type: refinedUnknownExtType,
  encode: (input) =>
    input instanceof Unknown && input.refined ? encodeRefinements(input.refinements) : null,
  decode: (data) => new Unknown(decodeRefinements(data)),
});

/** Returns the msgpack bytes of a refinement map: integer keys, compact values (go-cty unknown.go). */
function encodeRefinements(r: Refinements): Uint8Array {
  const entries: Uint8Array[] = [];
  const entry = (key: number, value: unknown): void => {
    entries.push(new Uint8Array([key]), encode(value, { extensionCodec, useBigInt64: true }));
  };
  if (r.notNull === true) entry(refinementKey.nullness, false);
  if (r.stringPrefix !== undefined) entry(refinementKey.stringPrefix, r.stringPrefix);
  if (r.numberLower !== undefined)
    entry(refinementKey.numberLower, [wireNumber(r.numberLower.value), r.numberLower.inclusive]);
  if (r.numberUpper !== undefined)
    entry(refinementKey.numberUpper, [wireNumber(r.numberUpper.value), r.numberUpper.inclusive]);
  if (r.lengthLower !== undefined) entry(refinementKey.lengthLower, r.lengthLower);
  if (r.lengthUpper !== undefined) entry(refinementKey.lengthUpper, r.lengthUpper);
  // fixmap header: at most 6 entries
  return Buffer.concat([new Uint8Array([0x80 | (entries.length / 2)]), ...entries]);
}

/** Returns the refinements in an extension-12 payload; unknown keys are ignored, as go-cty does. */
function decodeRefinements(data: Uint8Array): Refinements {
  if (data.length > maxRefinementBytes) throw new Error('oversize unknown value refinement');
  if (data.length <= 1) return {};
  const map: unknown = decode(data, { useBigInt64: true });
  if (!isPlainRecord(map)) throw new Error('unknown value refinements are not a map');
  const out: {
    notNull?: boolean;
    stringPrefix?: string;
    numberLower?: { value: NumberValue; inclusive: boolean };
    numberUpper?: { value: NumberValue; inclusive: boolean };
    lengthLower?: number;
    lengthUpper?: number;
  } = {};
  for (const [key, value] of Object.entries(map)) {
    switch (Number(key)) {
      case refinementKey.nullness:
        if (value === false) out.notNull = true;
        break;
      case refinementKey.stringPrefix:
        if (typeof value === 'string') out.stringPrefix = value;
        break;
      case refinementKey.numberLower:
      case refinementKey.numberUpper: {
        if (!Array.isArray(value) || typeof value[1] !== 'boolean')
          throw new Error('number bound refinement must be [number, bool]');
        const bound = { value: numberFromWire(value[0], []), inclusive: value[1] };
        if (Number(key) === refinementKey.numberLower) out.numberLower = bound;
        else out.numberUpper = bound;
        break;
      }
      case refinementKey.lengthLower:
      case refinementKey.lengthUpper: {
        const n = Number(value);
        if (!Number.isSafeInteger(n)) throw new Error('length bound refinement must be an integer');
        if (Number(key) === refinementKey.lengthLower) out.lengthLower = n;
        else out.lengthUpper = n;
        break;
      }
      default:
        break;
    }
  }
  return out;
}

function isPlainRecord(v: unknown): v is Record<string, unknown> {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    !(v instanceof Uint8Array) &&
    !(v instanceof Unknown)
  );
}

const int64Min = -(2n ** 63n);
const uint64Max = 2n ** 64n - 1n;

/** Returns a number as msgpack writes it: int when safe, int64/uint64 bigint, float64, or decimal text. */
function wireNumber(n: NumberValue): number | bigint | string {
  if (typeof n === 'bigint') {
    if (n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER)) return Number(n);
    return n >= int64Min && n <= uint64Max ? n : n.toString();
  }
  return n;
}

function numberFromWire(raw: unknown, at: AttributePath): NumberValue {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'bigint') {
    return raw >= BigInt(Number.MIN_SAFE_INTEGER) && raw <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(raw)
      : raw;
  }
  if (typeof raw === 'string' && canonicalNumber(raw) !== undefined) return raw;
  throw new ValueConversionError(at, `a number is required, got ${describeRaw(raw)}`);
}

function describeRaw(raw: unknown): string {
  if (raw === null) return 'null';
  if (Array.isArray(raw)) return 'a list';
  if (raw instanceof Uint8Array) return 'binary data';
  if (typeof raw === 'object') return 'a map';
  if (typeof raw === 'string')
    return `the string ${JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw)}`;
  return `a ${typeof raw}`;
}

export interface DecodeOptions {
  /**
   * Ignore object attributes the type does not have instead of failing. Used for stored JSON state of
   * the current schema version, which may still hold an attribute removed without a version bump.
   */
  readonly ignoreUndefinedAttributes?: boolean;
}

/** Returns the value of `type` in decoded msgpack or JSON (`raw`); throws ValueConversionError with the path. */
function fromWire(raw: unknown, type: Type, at: AttributePath, options: DecodeOptions, json: boolean): Value {
  if (raw instanceof Unknown) return raw;
  if (raw instanceof ExtData) return unknown;
  if (type === 'dynamic') return dynamicFromWire(raw, at, options, json);
  if (raw === null || raw === undefined) return null;
  const wrong = (): ValueConversionError =>
    new ValueConversionError(at, `a ${describeType(type)} is required, got ${describeRaw(raw)}`);
  switch (type) {
    case 'string':
      if (typeof raw !== 'string') throw wrong();
      return raw;
    case 'bool':
      if (typeof raw !== 'boolean') throw wrong();
      return raw;
    case 'number':
      return numberFromWire(raw, at);
    default:
      break;
  }
  switch (type[0]) {
    case 'list':
    case 'set': {
      if (!Array.isArray(raw)) throw wrong();
      return raw.map((e: unknown, i) => fromWire(e, type[1], [...at, { index: i }], options, json));
    }
    case 'tuple': {
      if (!Array.isArray(raw) || raw.length !== type[1].length) throw wrong();
      return raw.map((e: unknown, i) =>
        fromWire(e, type[1][i] ?? 'dynamic', [...at, { index: i }], options, json),
      );
    }
    case 'map': {
      if (!isPlainRecord(raw)) throw wrong();
      return Object.fromEntries(
        Object.entries(raw).map(([k, v]) => [k, fromWire(v, type[1], [...at, { key: k }], options, json)]),
      );
    }
    case 'object': {
      if (!isPlainRecord(raw)) throw wrong();
      const attributes = type[1];
      if (options.ignoreUndefinedAttributes !== true) {
        for (const key of Object.keys(raw)) {
          if (!Object.hasOwn(attributes, key))
            throw new ValueConversionError(at, `unsupported attribute ${JSON.stringify(key)}`);
        }
      }
      return Object.fromEntries(
        Object.entries(attributes).map(([k, t]) => [
          k,
          fromWire(raw[k], t, [...at, { attribute: k }], options, json),
        ]),
      );
    }
  }
}

function dynamicFromWire(raw: unknown, at: AttributePath, options: DecodeOptions, json: boolean): Value {
  if (raw === null || raw === undefined) return null;
  let typeJson: unknown;
  let inner: unknown;
  if (json) {
    if (!isPlainRecord(raw) || !('type' in raw))
      throw new ValueConversionError(at, 'a dynamic value needs "value" and "type"');
    typeJson = raw.type;
    inner = raw.value;
  } else {
    if (!Array.isArray(raw) || raw.length !== 2 || !(raw[0] instanceof Uint8Array)) {
      throw new ValueConversionError(at, 'a dynamic value must be [type JSON, value]');
    }
    typeJson = JSON.parse(Buffer.from(raw[0]).toString('utf8'));
    inner = raw[1];
  }
  const type = parseType(typeJson);
  if (isTypeError(type)) throw new ValueConversionError(at, `invalid dynamic value type: ${type.error}`);
  return new Dynamic(type, fromWire(inner, type, at, options, json));
}

/** Returns the value of `type` encoded as msgpack; throws ValueConversionError naming the path. */
export function decodeMsgpack(bytes: Uint8Array, type: Type, options: DecodeOptions = {}): Value {
  let raw: unknown;
  try {
    raw = decode(bytes, { extensionCodec, useBigInt64: true });
  } catch (err) {
    throw new ValueConversionError(
      [],
      `malformed msgpack value: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  return fromWire(raw, type, [], options, false);
}

/**
 * Returns the value of `type` encoded as JSON. Numbers keep their exact text when a float64 cannot hold
 * them (JSON.parse source access), so big integers and long decimals survive.
 */
export function decodeJson(bytes: Uint8Array, type: Type, options: DecodeOptions = {}): Value {
  return fromWire(parseJsonExact(Buffer.from(bytes).toString('utf8')), type, [], options, true);
}

/** Returns parsed JSON in which a number a float64 cannot hold exactly stays its decimal text. */
export function parseJsonExact(text: string): unknown {
  const reviver = (_key: string, value: unknown, context?: { source?: string }): unknown => {
    if (
      typeof value === 'number' &&
      context?.source !== undefined &&
      canonicalNumber(value) !== canonicalNumber(context.source)
    ) {
      return context.source;
    }
    return value;
  };
  try {
    return JSON.parse(text, reviver);
  } catch (err) {
    throw new ValueConversionError(
      [],
      `malformed JSON value: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

/** Returns the plain tree @msgpack/msgpack encodes for a value of `type`, checking its shape. */
function toWire(value: Value, type: Type, at: AttributePath): unknown {
  if (value instanceof Unknown) return type === 'dynamic' ? unknown : value;
  if (value === null) return null;
  const wrong = (): ValueConversionError =>
    new ValueConversionError(at, `cannot encode this value as a ${describeType(type)}`);
  if (type === 'dynamic') {
    if (!(value instanceof Dynamic)) throw wrong();
    return [Buffer.from(typeToJson(value.type), 'utf8'), toWire(value.value, value.type, at)];
  }
  if (type === 'number') {
    if (typeof value === 'number') {
      if (Number.isNaN(value)) throw wrong();
      return value;
    }
    if (typeof value === 'bigint') return wireNumber(value);
    if (typeof value === 'string' && canonicalNumber(value) !== undefined) return value;
    throw wrong();
  }
  if (type === 'string') {
    if (typeof value !== 'string') throw wrong();
    return value;
  }
  if (type === 'bool') {
    if (typeof value !== 'boolean') throw wrong();
    return value;
  }
  switch (type[0]) {
    case 'list':
    case 'set':
    case 'tuple': {
      if (!Array.isArray(value)) throw wrong();
      return (value as readonly Value[]).map((e, i) =>
        toWire(e, type[0] === 'tuple' ? (type[1][i] ?? 'dynamic') : type[1], [...at, { index: i }]),
      );
    }
    case 'map': {
      if (!isValueObject(value)) throw wrong();
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [k, toWire(v, type[1], [...at, { key: k }])]),
      );
    }
    case 'object': {
      if (!isValueObject(value)) throw wrong();
      for (const key of Object.keys(value)) {
        if (!Object.hasOwn(type[1], key))
          throw new ValueConversionError(at, `unsupported attribute ${JSON.stringify(key)}`);
      }
      return Object.fromEntries(
        Object.entries(type[1]).map(([k, t]) => [k, toWire(value[k] ?? null, t, [...at, { attribute: k }])]),
      );
    }
  }
}

/** Returns the msgpack encoding of a value of `type` (objects carry every attribute of the type). */
export function encodeMsgpack(value: Value, type: Type): Uint8Array {
  return encode(toWire(value, type, []), { extensionCodec, useBigInt64: true });
}
