// Walks a block schema and up to three values of it side by side (planned, config, prior), so that
// planning and the consistency checks treat nested attributes and nested blocks alike. Elements of a
// list correspond by index, of a map by key; elements of a set are paired by position too, which is
// exact for sets without computed nested attributes (the only kind the provider's resources use).
import type { AttributePath, PathStep } from './diagnostics.js';
import type { Attribute, BlockDef, BlockNesting } from './schema.js';
import type { Value } from './value.js';
import { isValueObject } from './value.js';

export interface AttributeVisit {
  readonly attribute: Attribute;
  readonly path: AttributePath;
  readonly planned: Value;
  readonly config: Value;
  readonly prior: Value;
}

/** Returns the new planned value of one attribute; nested attributes of the result are visited next. */
export type AttributeVisitor = (visit: AttributeVisit) => Value;

/** Returns `value`'s attribute `name`, or null when `value` is null, unknown or not an object. */
export function field(value: Value, name: string): Value {
  return isValueObject(value) ? (value[name] ?? null) : null;
}

function element(value: Value, index: number): Value {
  return Array.isArray(value) ? ((value as readonly Value[])[index] ?? null) : null;
}

/** Returns the planned block value after `visit` has seen every attribute, parents before children. */
export function transformBlock(
  def: BlockDef,
  planned: Value,
  config: Value,
  prior: Value,
  at: AttributePath,
  visit: AttributeVisitor,
): Value {
  if (!isValueObject(planned)) return planned;
  const out: Record<string, Value> = { ...planned };
  for (const [name, attribute] of Object.entries(def.attributes)) {
    const path = [...at, { attribute: name }];
    const config_ = field(config, name);
    const prior_ = field(prior, name);
    let value = visit({ attribute, path, planned: planned[name] ?? null, config: config_, prior: prior_ });
    const nested = attribute.nested;
    if (nested !== undefined) {
      value = transformCollection(nested.nesting, value, config_, prior_, path, (p, c, r, elementPath) =>
        transformBlock({ attributes: nested.attributes }, p, c, r, elementPath, visit),
      );
    }
    out[name] = value;
  }
  for (const [name, nested] of Object.entries(def.blocks ?? {})) {
    out[name] = transformCollection(
      nested.nesting,
      planned[name] ?? null,
      field(config, name),
      field(prior, name),
      [...at, { attribute: name }],
      (p, c, r, elementPath) => transformBlock(nested.block, p, c, r, elementPath, visit),
    );
  }
  return out;
}

type ElementTransform = (planned: Value, config: Value, prior: Value, path: AttributePath) => Value;

function transformCollection(
  nesting: BlockNesting,
  planned: Value,
  config: Value,
  prior: Value,
  at: AttributePath,
  inner: ElementTransform,
): Value {
  switch (nesting) {
    case 'single':
    case 'group':
      return inner(planned, config, prior, at);
    case 'list':
    case 'set': {
      if (!Array.isArray(planned)) return planned;
      return (planned as readonly Value[]).map((p, i) => {
        const step: PathStep = nesting === 'set' ? { index: i, inSet: true } : { index: i };
        return inner(p, element(config, i), element(prior, i), [...at, step]);
      });
    }
    case 'map': {
      if (!isValueObject(planned)) return planned;
      return Object.fromEntries(
        Object.entries(planned).map(([k, p]) => [
          k,
          inner(p, field(config, k), field(prior, k), [...at, { key: k }]),
        ]),
      );
    }
  }
}

/** Visits every attribute of a block value without changing it (validation and checks). */
export function walkBlock(
  def: BlockDef,
  planned: Value,
  config: Value,
  prior: Value,
  visit: (visit: AttributeVisit) => void,
): void {
  transformBlock(def, planned, config, prior, [], (v) => {
    visit(v);
    return v.planned;
  });
}
