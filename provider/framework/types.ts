// Terraform's value types (cty), in the compact JSON form the protocol carries in Schema.Attribute.type
// and in the first element of a dynamic value (terraform docs/plugin-protocol/object-wire-format.md).

/** A Terraform type; the same shape as its JSON form, so `JSON.stringify(type)` is the wire encoding. */
export type Type =
  | 'string'
  | 'number'
  | 'bool'
  | 'dynamic'
  | readonly ['list', Type]
  | readonly ['set', Type]
  | readonly ['map', Type]
  | readonly ['object', Readonly<Record<string, Type>>]
  | readonly ['object', Readonly<Record<string, Type>>, readonly string[]]
  | readonly ['tuple', readonly Type[]];

export type CollectionKind = 'list' | 'set' | 'map';

/** Returns the element type of a list, set or map type, or undefined for any other type. */
export function elementType(type: Type): Type | undefined {
  if (typeof type === 'string') return undefined;
  if (type[0] === 'list' || type[0] === 'set' || type[0] === 'map') return type[1];
  return undefined;
}

/** Returns the attribute types of an object type, or undefined for any other type. */
export function objectAttributes(type: Type): Readonly<Record<string, Type>> | undefined {
  if (typeof type !== 'string' && type[0] === 'object') return type[1];
  return undefined;
}

/** Returns the element types of a tuple type, or undefined for any other type. */
export function tupleElements(type: Type): readonly Type[] | undefined {
  if (typeof type !== 'string' && type[0] === 'tuple') return type[1];
  return undefined;
}

/** Returns the bytes Terraform expects in Schema.Attribute.type: compact JSON, no optional-attribute list. */
export function typeToJson(type: Type): string {
  return JSON.stringify(stripOptional(type));
}

function stripOptional(type: Type): unknown {
  if (typeof type === 'string') return type;
  switch (type[0]) {
    case 'list':
    case 'set':
    case 'map':
      return [type[0], stripOptional(type[1])];
    case 'object':
      return ['object', Object.fromEntries(Object.entries(type[1]).map(([k, t]) => [k, stripOptional(t)]))];
    case 'tuple':
      return ['tuple', type[1].map(stripOptional)];
  }
}

/** Returns the type described by parsed type JSON, or a message saying what is wrong with it. */
export function parseType(json: unknown): Type | { error: string } {
  if (json === 'string' || json === 'number' || json === 'bool' || json === 'dynamic') return json;
  if (!Array.isArray(json) || typeof json[0] !== 'string') {
    return { error: `${JSON.stringify(json)} is not a type` };
  }
  const [kind, arg] = json as [string, unknown];
  switch (kind) {
    case 'list':
    case 'set':
    case 'map': {
      const element = parseType(arg);
      if (isTypeError(element)) return element;
      return [kind, element];
    }
    case 'object': {
      if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) {
        return { error: 'an object type needs a map of attribute types' };
      }
      const attributes: Record<string, Type> = {};
      for (const [name, t] of Object.entries(arg)) {
        const parsed = parseType(t);
        if (isTypeError(parsed)) return parsed;
        attributes[name] = parsed;
      }
      return ['object', attributes];
    }
    case 'tuple': {
      if (!Array.isArray(arg)) return { error: 'a tuple type needs a list of element types' };
      const elements: Type[] = [];
      for (const t of arg) {
        const parsed = parseType(t);
        if (isTypeError(parsed)) return parsed;
        elements.push(parsed);
      }
      return ['tuple', elements];
    }
    default:
      return { error: `unknown type kind ${JSON.stringify(kind)}` };
  }
}

/** Returns true when parseType failed. */
export function isTypeError(parsed: Type | { error: string }): parsed is { error: string } {
  return typeof parsed === 'object' && !Array.isArray(parsed);
}

/** Returns true when both types are the same (optional-attribute lists are ignored). */
export function typeEquals(a: Type, b: Type): boolean {
  return typeToJson(a) === typeToJson(b);
}

/** Returns a short human name for a type, as Terraform words it ("list of string"). */
export function describeType(type: Type): string {
  if (typeof type === 'string') return type;
  switch (type[0]) {
    case 'list':
    case 'set':
    case 'map':
      return `${type[0]} of ${describeType(type[1])}`;
    case 'object':
      return 'object';
    case 'tuple':
      return 'tuple';
  }
}
