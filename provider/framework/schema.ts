// Schemas that resource authors write, and the model types derived from them: a resource's model is
// `ModelOf<typeof schema>`, so the TypeScript shape of its values cannot drift from what Terraform sees.
// An attribute declared `required` is `T` in the model; every other attribute is `T | null`.
import type { AttributePath, Diagnostics } from './diagnostics.js';
import { formatPath } from './diagnostics.js';
import type { Type } from './types.js';
import { describeType } from './types.js';
import type { Value } from './value.js';
import { Dynamic, Unknown, exactJsNumber, isValueObject } from './value.js';

/** Checks a known, non-null configuration value; adds diagnostics at `context.path`. */
export interface Validator<T> {
  readonly description: string;
  validate(value: T, context: ValidatorContext): void;
}

export interface ValidatorContext {
  readonly path: AttributePath;
  readonly diagnostics: Diagnostics;
}

/** What a plan modifier sees for one attribute of one resource instance. */
export interface PlanModifierRequest {
  readonly path: AttributePath;
  readonly type: Type;
  /** The configured value (null when not set; may be unknown). */
  readonly config: Value;
  /** The value planned so far (config, prior state, default or unknown). */
  readonly planned: Value;
  /** The value in state before this change; null when creating. */
  readonly prior: Value;
  /** True when the resource instance does not exist yet. */
  readonly creating: boolean;
}

export interface PlanModifierResult {
  readonly planned?: Value;
  readonly requiresReplace?: boolean;
}

/** Adjusts one attribute's planned value, or asks for a replacement. Runs after computed values are marked unknown. */
export interface PlanModifier {
  readonly description: string;
  modify(request: PlanModifierRequest): PlanModifierResult | undefined;
}

interface CommonOptions<T> {
  readonly description?: string;
  /** Terraform hides the value in plan output and logs. */
  readonly sensitive?: boolean;
  readonly deprecationMessage?: string;
  /** Run on known, non-null configuration values during ValidateResourceConfig. */
  readonly validators?: readonly Validator<T>[];
  readonly planModifiers?: readonly PlanModifier[];
}

/** Exactly one of: required; optional (possibly also computed, possibly with a default); computed only. */
export type AttributeOptions<T> = CommonOptions<T> &
  (
    | {
        readonly required: true;
        readonly optional?: never;
        readonly computed?: never;
        readonly default?: never;
      }
    | {
        readonly optional: true;
        readonly computed?: false;
        readonly required?: never;
        readonly default?: never;
      }
    | {
        readonly optional: true;
        readonly computed: true;
        readonly required?: never;
        /** Planned when the configuration leaves the attribute unset. */
        readonly default?: T;
      }
    | {
        readonly computed: true;
        readonly required?: never;
        readonly optional?: never;
        readonly default?: never;
      }
  );

type Requiredness<O> = O extends { readonly required: true } ? 'required' : 'nullable';

export type NestingMode = 'single' | 'list' | 'set' | 'map';

export interface NestedAttributes {
  readonly nesting: NestingMode;
  readonly attributes: Readonly<Record<string, Attribute>>;
}

/** One attribute of a schema. `T` is its model type when set; `R` whether the model allows null. */
export interface Attribute<T = unknown, R extends 'required' | 'nullable' = 'required' | 'nullable'> {
  readonly kind: 'attribute';
  /** The attribute's value type (for nested attributes, the implied object/collection type). */
  readonly type: Type;
  readonly nested?: NestedAttributes;
  readonly required: boolean;
  readonly optional: boolean;
  readonly computed: boolean;
  readonly sensitive: boolean;
  readonly description?: string;
  readonly deprecationMessage?: string;
  readonly validators: readonly Validator<T>[];
  readonly planModifiers: readonly PlanModifier[];
  /** The default as a value, planned when the configuration leaves the attribute unset. */
  readonly default?: Value;
  /** Phantom fields carrying the model type; never set at run time. */
  readonly __model?: T;
  readonly __requiredness?: R;
}

export type BlockNesting = 'single' | 'list' | 'set' | 'map' | 'group';

export interface NestedBlock<T = unknown> {
  readonly kind: 'block';
  readonly nesting: BlockNesting;
  readonly block: BlockDef;
  readonly minItems: number;
  readonly maxItems: number;
  readonly type: Type;
  readonly __model?: T;
}

export interface BlockDef {
  readonly attributes: Readonly<Record<string, Attribute>>;
  readonly blocks?: Readonly<Record<string, NestedBlock>>;
  readonly description?: string;
  readonly deprecationMessage?: string;
}

/** A resource, data source or provider schema: a block plus the schema version stored with state. */
export interface SchemaDef extends BlockDef {
  /** Stored with each resource's state; bump it and write `upgradeState` when the model changes. Default 0. */
  readonly version?: number;
}

/** A value type usable as a collection element or object attribute type, carrying its model type. */
export interface ElementType<T> {
  readonly type: Type;
  readonly __model?: T;
}

type Prettify<T> = { -readonly [K in keyof T]: T[K] } & {};

type AttributeModel<A> =
  A extends Attribute<infer T, infer R> ? (R extends 'required' ? T : T | null) : never;

type BlocksModel<B> =
  B extends Readonly<Record<string, NestedBlock>>
    ? { -readonly [K in keyof B]: B[K] extends NestedBlock<infer T> ? T : never }
    : unknown;

/** The model type of a block: one property per attribute and nested block. */
export type ModelOf<B extends BlockDef> = Prettify<
  { -readonly [K in keyof B['attributes']]: AttributeModel<B['attributes'][K]> } & BlocksModel<B['blocks']>
>;

type ObjectModel<F extends Readonly<Record<string, ElementType<unknown>>>> = Prettify<{
  -readonly [K in keyof F]: F[K] extends ElementType<infer T> ? T | null : never;
}>;

/** Element types for list, set and map attributes. */
export const types = {
  string: { type: 'string' } as ElementType<string>,
  number: { type: 'number' } as ElementType<number>,
  bool: { type: 'bool' } as ElementType<boolean>,
  dynamic: { type: 'dynamic' } as ElementType<Dynamic>,
  list<T>(element: ElementType<T>): ElementType<(T | null)[]> {
    return { type: ['list', element.type] };
  },
  set<T>(element: ElementType<T>): ElementType<(T | null)[]> {
    return { type: ['set', element.type] };
  },
  map<T>(element: ElementType<T>): ElementType<Record<string, T | null>> {
    return { type: ['map', element.type] };
  },
  object<const F extends Readonly<Record<string, ElementType<unknown>>>>(
    fields: F,
  ): ElementType<ObjectModel<F>> {
    return { type: ['object', Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.type]))] };
  },
};

const namePattern = /^[a-z_][a-z0-9_]*$/;

function makeAttribute<T, O extends AttributeOptions<T>>(
  type: Type,
  options: O,
  nested?: NestedAttributes,
): Attribute<T, Requiredness<O>> {
  const required = options.required === true;
  const optional = options.optional === true;
  const computed = options.computed === true;
  if (Number(required) + Number(optional || computed) !== 1) {
    throw new Error('schema: an attribute is either required, or optional and/or computed');
  }
  if (options.default !== undefined && !(optional && computed)) {
    throw new Error('schema: only an optional and computed attribute can have a default');
  }
  const attribute: Attribute<T, Requiredness<O>> = {
    kind: 'attribute',
    type,
    required,
    optional,
    computed,
    sensitive: options.sensitive === true,
    validators: options.validators ?? [],
    planModifiers: options.planModifiers ?? [],
    ...(nested === undefined ? {} : { nested }),
    ...(options.description === undefined ? {} : { description: options.description }),
    ...(options.deprecationMessage === undefined ? {} : { deprecationMessage: options.deprecationMessage }),
    ...(options.default === undefined ? {} : { default: fromModel(options.default, type, []) }),
  };
  return attribute;
}

function checkNames(names: readonly string[], where: string): void {
  for (const name of names) {
    if (!namePattern.test(name)) {
      throw new Error(`schema: ${where} name ${JSON.stringify(name)} must match ${namePattern.source}`);
    }
  }
}

function nestedType(nesting: NestingMode, attributes: Readonly<Record<string, Attribute>>): Type {
  checkNames(Object.keys(attributes), 'nested attribute');
  const object: Type = [
    'object',
    Object.fromEntries(Object.entries(attributes).map(([k, a]) => [k, a.type])),
  ];
  return nesting === 'single' ? object : [nesting, object];
}

type NestedModel<A extends Readonly<Record<string, Attribute>>> = ModelOf<{ attributes: A }>;

/** Attribute builders. `attribute.string({ required: true })` is a `string` in the model. */
export const attribute = {
  string<const O extends AttributeOptions<string>>(options: O): Attribute<string, Requiredness<O>> {
    return makeAttribute<string, O>('string', options);
  },
  number<const O extends AttributeOptions<number>>(options: O): Attribute<number, Requiredness<O>> {
    return makeAttribute<number, O>('number', options);
  },
  bool<const O extends AttributeOptions<boolean>>(options: O): Attribute<boolean, Requiredness<O>> {
    return makeAttribute<boolean, O>('bool', options);
  },
  /** A value of any type, chosen by the configuration; the model holds it as a `Dynamic`. */
  dynamic<const O extends AttributeOptions<Dynamic>>(options: O): Attribute<Dynamic, Requiredness<O>> {
    return makeAttribute<Dynamic, O>('dynamic', options);
  },
  list<E, const O extends AttributeOptions<(E | null)[]>>(
    element: ElementType<E>,
    options: O,
  ): Attribute<(E | null)[], Requiredness<O>> {
    return makeAttribute<(E | null)[], O>(['list', element.type], options);
  },
  set<E, const O extends AttributeOptions<(E | null)[]>>(
    element: ElementType<E>,
    options: O,
  ): Attribute<(E | null)[], Requiredness<O>> {
    return makeAttribute<(E | null)[], O>(['set', element.type], options);
  },
  map<E, const O extends AttributeOptions<Record<string, E | null>>>(
    element: ElementType<E>,
    options: O,
  ): Attribute<Record<string, E | null>, Requiredness<O>> {
    return makeAttribute<Record<string, E | null>, O>(['map', element.type], options);
  },
  /** One nested object whose attributes have their own required/optional/computed flags. */
  singleNested<
    const A extends Readonly<Record<string, Attribute>>,
    const O extends AttributeOptions<NestedModel<A>>,
  >(attributes: A, options: O): Attribute<NestedModel<A>, Requiredness<O>> {
    return makeAttribute<NestedModel<A>, O>(nestedType('single', attributes), options, {
      nesting: 'single',
      attributes,
    });
  },
  listNested<
    const A extends Readonly<Record<string, Attribute>>,
    const O extends AttributeOptions<NestedModel<A>[]>,
  >(attributes: A, options: O): Attribute<NestedModel<A>[], Requiredness<O>> {
    return makeAttribute<NestedModel<A>[], O>(nestedType('list', attributes), options, {
      nesting: 'list',
      attributes,
    });
  },
  setNested<
    const A extends Readonly<Record<string, Attribute>>,
    const O extends AttributeOptions<NestedModel<A>[]>,
  >(attributes: A, options: O): Attribute<NestedModel<A>[], Requiredness<O>> {
    return makeAttribute<NestedModel<A>[], O>(nestedType('set', attributes), options, {
      nesting: 'set',
      attributes,
    });
  },
  mapNested<
    const A extends Readonly<Record<string, Attribute>>,
    const O extends AttributeOptions<Record<string, NestedModel<A>>>,
  >(attributes: A, options: O): Attribute<Record<string, NestedModel<A>>, Requiredness<O>> {
    return makeAttribute<Record<string, NestedModel<A>>, O>(nestedType('map', attributes), options, {
      nesting: 'map',
      attributes,
    });
  },
};

interface BlockOptions {
  readonly minItems?: number;
  readonly maxItems?: number;
}

function makeBlock<T>(nesting: BlockNesting, block: BlockDef, options: BlockOptions = {}): NestedBlock<T> {
  const object = impliedType(block);
  return {
    kind: 'block',
    nesting,
    block,
    minItems: options.minItems ?? 0,
    maxItems: options.maxItems ?? 0,
    type: nesting === 'single' || nesting === 'group' ? object : [nesting, object],
  };
}

/**
 * Nested block builders (`rule { ... }` syntax in configuration). A list or set block is an array in
 * the model (empty when absent), a single block is an object or null, a map block a record.
 */
export const block = {
  list<const B extends BlockDef>(def: B, options?: BlockOptions): NestedBlock<ModelOf<B>[]> {
    return makeBlock('list', def, options);
  },
  set<const B extends BlockDef>(def: B, options?: BlockOptions): NestedBlock<ModelOf<B>[]> {
    return makeBlock('set', def, options);
  },
  single<const B extends BlockDef>(def: B): NestedBlock<ModelOf<B> | null> {
    return makeBlock('single', def);
  },
  map<const B extends BlockDef>(def: B): NestedBlock<Record<string, ModelOf<B>>> {
    return makeBlock('map', def);
  },
};

/** Returns the schema unchanged after checking names and that no attribute and block share a name. */
export function defineSchema<const S extends SchemaDef>(schema: S): S {
  checkBlock(schema);
  if (schema.version !== undefined && (!Number.isSafeInteger(schema.version) || schema.version < 0)) {
    throw new Error('schema: version must be a non-negative integer');
  }
  return schema;
}

function checkBlock(def: BlockDef): void {
  const attributes = Object.keys(def.attributes);
  const blocks = Object.keys(def.blocks ?? {});
  checkNames(attributes, 'attribute');
  checkNames(blocks, 'block');
  const clash = attributes.find((a) => blocks.includes(a));
  if (clash !== undefined)
    throw new Error(`schema: ${JSON.stringify(clash)} is both an attribute and a block`);
  for (const nested of Object.values(def.blocks ?? {})) checkBlock(nested.block);
}

/** Returns the object type of a block's values: its attributes plus one entry per nested block type. */
export function impliedType(def: BlockDef): Type {
  // Asked for on every request: built once per schema (schemas are immutable once defined).
  let type = impliedTypes.get(def);
  if (type === undefined) {
    const attributes: Record<string, Type> = {};
    for (const [name, a] of Object.entries(def.attributes)) attributes[name] = a.type;
    for (const [name, b] of Object.entries(def.blocks ?? {})) attributes[name] = b.type;
    type = ['object', attributes];
    impliedTypes.set(def, type);
  }
  return type;
}

const impliedTypes = new WeakMap<BlockDef, Type>();

/** A value that does not fit its type, found while converting between models and values. */
export class ValueConversionError extends Error {
  override readonly name = 'ValueConversionError';
  readonly path: AttributePath;
  constructor(path: AttributePath, message: string) {
    super(path.length === 0 ? message : `${formatPath(path)}: ${message}`);
    this.path = path;
  }
}

/**
 * Returns the model (plain JS) form of a wholly known value: numbers become JS numbers, everything else
 * keeps its shape. Throws ValueConversionError for an unknown or a number JS cannot hold exactly.
 */
export function toModel(value: Value, type: Type, at: AttributePath = []): unknown {
  if (value instanceof Unknown) throw new ValueConversionError(at, 'value is not known yet');
  if (value === null) return null;
  if (type === 'dynamic') {
    if (!(value instanceof Dynamic)) throw new ValueConversionError(at, 'dynamic value without its type');
    return value;
  }
  if (type === 'number') {
    if (typeof value !== 'number' && typeof value !== 'bigint' && typeof value !== 'string') {
      throw new ValueConversionError(at, 'a number is required');
    }
    const n = exactJsNumber(value);
    if (n === undefined) {
      throw new ValueConversionError(
        at,
        `the number ${String(value)} cannot be represented exactly by this provider`,
      );
    }
    return n;
  }
  if (typeof type === 'string') return value;
  switch (type[0]) {
    case 'list':
    case 'set':
      return asArray(value, at).map((v, i) => toModel(v, type[1], [...at, { index: i }]));
    case 'tuple':
      return asArray(value, at).map((v, i) => toModel(v, type[1][i] ?? 'dynamic', [...at, { index: i }]));
    case 'map':
      return Object.fromEntries(
        Object.entries(asRecord(value, at)).map(([k, v]) => [k, toModel(v, type[1], [...at, { key: k }])]),
      );
    case 'object': {
      const record = asRecord(value, at);
      return Object.fromEntries(
        Object.entries(type[1]).map(([k, t]) => [
          k,
          toModel(record[k] ?? null, t, [...at, { attribute: k }]),
        ]),
      );
    }
  }
}

function asArray(value: Value, at: AttributePath): readonly Value[] {
  if (!Array.isArray(value)) throw new ValueConversionError(at, 'a list is required');
  return value as readonly Value[];
}

function asRecord(value: Value, at: AttributePath): Readonly<Record<string, Value>> {
  if (!isValueObject(value)) throw new ValueConversionError(at, 'an object is required');
  return value;
}

/**
 * Returns the value for a model of `type`, checking its shape: every object attribute is present
 * (undefined counts as null) and no other key is, and each leaf has the right JS type.
 */
export function fromModel(model: unknown, type: Type, at: AttributePath = []): Value {
  if (model === null || model === undefined) return null;
  if (model instanceof Unknown) {
    throw new ValueConversionError(at, 'a provider result must be wholly known, got an unknown value');
  }
  const wrong = (): ValueConversionError =>
    new ValueConversionError(at, `a ${describeType(type)} is required, got ${describeJs(model)}`);
  if (type === 'dynamic') {
    if (!(model instanceof Dynamic)) throw wrong();
    return new Dynamic(model.type, fromModel(model.value, model.type, at));
  }
  if (type === 'string') {
    if (typeof model !== 'string') throw wrong();
    return model;
  }
  if (type === 'bool') {
    if (typeof model !== 'boolean') throw wrong();
    return model;
  }
  if (type === 'number') {
    if (typeof model === 'bigint') return model;
    if (typeof model !== 'number' || Number.isNaN(model)) throw wrong();
    return model;
  }
  switch (type[0]) {
    case 'list':
    case 'set':
    case 'tuple': {
      if (!Array.isArray(model)) throw wrong();
      return (model as readonly unknown[]).map((v, i) =>
        fromModel(v, type[0] === 'tuple' ? (type[1][i] ?? 'dynamic') : type[1], [...at, { index: i }]),
      );
    }
    case 'map': {
      if (typeof model !== 'object' || Array.isArray(model)) throw wrong();
      return Object.fromEntries(
        Object.entries(model).map(([k, v]) => [k, fromModel(v, type[1], [...at, { key: k }])]),
      );
    }
    case 'object': {
      if (typeof model !== 'object' || Array.isArray(model)) throw wrong();
      const record = model as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        if (!Object.hasOwn(type[1], key)) {
          throw new ValueConversionError(at, `unsupported attribute ${JSON.stringify(key)}`);
        }
      }
      return Object.fromEntries(
        Object.entries(type[1]).map(([k, t]) => [k, fromModel(record[k], t, [...at, { attribute: k }])]),
      );
    }
  }
}

function describeJs(model: unknown): string {
  if (Array.isArray(model)) return 'an array';
  if (typeof model === 'object') return 'an object';
  if (typeof model === 'number' && Number.isNaN(model)) return 'NaN';
  return `a ${typeof model}`;
}

/** Returns the null value of a block with every attribute null (the shape Terraform expects for "nothing set"). */
export function nullObject(def: BlockDef): Value {
  const out: Record<string, Value> = {};
  for (const name of Object.keys(def.attributes)) out[name] = null;
  for (const [name, b] of Object.entries(def.blocks ?? {})) {
    out[name] =
      b.nesting === 'list' || b.nesting === 'set'
        ? []
        : b.nesting === 'map'
          ? {}
          : b.nesting === 'group'
            ? nullObject(b.block)
            : null;
  }
  return out;
}
