// Planning, and the rules Terraform enforces on plans and apply results
// (terraform docs/resource-instance-change-lifecycle.md). The framework plans for the resource author, and
// checks every plan and result against those rules itself, so a provider bug surfaces as an error naming
// the resource and attribute instead of Terraform's "Provider produced inconsistent result".
import type { AttributePath, Diagnostics } from './diagnostics.js';
import { formatPath } from './diagnostics.js';
import type { Attribute, BlockDef, PlanModifier, PlanModifierRequest } from './schema.js';
import type { Type } from './types.js';
import type { Value } from './value.js';
import {
  Dynamic,
  Unknown,
  isValueObject,
  isWhollyKnown,
  refinementViolation,
  setsEqual,
  unknown,
  valuesEqual,
} from './value.js';
import { field, transformBlock, walkBlock } from './walk.js';

/** Plans a replacement whenever the attribute's planned value differs from the prior state. */
export function requiresReplace(): PlanModifier {
  return requiresReplaceIf('the resource is replaced when this value changes', () => true);
}

/**
 * Plans a replacement when the value changes and `condition` returns true for the change (for example
 * only when a value grows).
 */
export function requiresReplaceIf(
  description: string,
  condition: (request: PlanModifierRequest) => boolean,
): PlanModifier {
  return {
    description,
    modify(request) {
      if (request.creating) return undefined;
      if (valuesEqual(request.planned, request.prior, request.type)) return undefined;
      return condition(request) ? { requiresReplace: true } : undefined;
    },
  };
}

/**
 * Keeps the prior state's value instead of "known after apply" for a computed value that does not change
 * once set (an ID, a creation time).
 */
export function useStateForUnknown(): PlanModifier {
  return {
    description: 'the value does not change after creation',
    modify(request) {
      if (request.creating || request.prior === null) return undefined;
      if (!(request.planned instanceof Unknown) || request.config !== null) return undefined;
      return { planned: request.prior };
    },
  };
}

export interface PlanInput {
  readonly schema: BlockDef;
  /** null when creating. */
  readonly prior: Value;
  /** Terraform's proposed new state: config, with prior values for computed attributes left unset. */
  readonly proposed: Value;
  readonly config: Value;
}

export interface PlanOutput {
  readonly planned: Value;
  readonly requiresReplace: readonly AttributePath[];
}

/**
 * Returns the planned new state: defaults for unset attributes; when the instance is created or changes,
 * computed attributes the configuration leaves unset become unknown ("known after apply"); then the
 * attributes' plan modifiers run. A destroy (proposed null) plans null.
 */
export function planChange(input: PlanInput): PlanOutput {
  if (input.proposed === null) return { planned: null, requiresReplace: [] };
  const creating = input.prior === null;
  const { schema, config, prior } = input;
  let planned = transformBlock(schema, input.proposed, config, prior, [], ({ attribute, planned, config }) =>
    attribute.default !== undefined && config === null ? attribute.default : planned,
  );
  if (creating || !valuesEqual(planned, prior, impliedObjectType(schema))) {
    planned = transformBlock(schema, planned, config, prior, [], ({ attribute, planned, config }) =>
      attribute.computed && config === null && attribute.default === undefined ? unknown : planned,
    );
  }
  const replace: AttributePath[] = [];
  planned = transformBlock(
    schema,
    planned,
    config,
    prior,
    [],
    ({ attribute, path, planned, config, prior }) => {
      let value = planned;
      for (const modifier of attribute.planModifiers) {
        const result = modifier.modify({
          path,
          type: attribute.type,
          config,
          planned: value,
          prior,
          creating,
        });
        if (result?.planned !== undefined) value = result.planned;
        if (result?.requiresReplace === true && !creating) replace.push(path);
      }
      return value;
    },
  );
  return { planned, requiresReplace: replace };
}

function impliedObjectType(def: BlockDef): Type {
  const attributes: Record<string, Type> = {};
  for (const [name, a] of Object.entries(def.attributes)) attributes[name] = a.type;
  for (const [name, b] of Object.entries(def.blocks ?? {})) attributes[name] = b.type;
  return ['object', attributes];
}

/** Returns how a value is shown in a consistency error: redacted when sensitive, short otherwise. */
function show(value: Value, sensitive: boolean): string {
  if (value instanceof Unknown) return '(known after apply)';
  if (value === null) return 'null';
  if (sensitive) return '(sensitive value)';
  const text = JSON.stringify(value, (_k, v: unknown) =>
    typeof v === 'bigint'
      ? v.toString()
      : v instanceof Dynamic
        ? v.value
        : v instanceof Unknown
          ? '(unknown)'
          : v,
  );
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

function containsSensitive(attribute: Attribute): boolean {
  if (attribute.sensitive) return true;
  return Object.values(attribute.nested?.attributes ?? {}).some(containsSensitive);
}

/**
 * Adds an error for every attribute whose planned value breaks Terraform's plan rules: a value the
 * configuration sets must be planned as configured, and a non-computed attribute is always planned as
 * configured. Also used for data source results, which obey the same rules.
 */
export function checkAgainstConfig(
  schema: BlockDef,
  config: Value,
  planned: Value,
  diagnostics: Diagnostics,
  what: { readonly summary: string; readonly subject: string },
): void {
  walkBlock(schema, planned, config, null, ({ attribute, path, planned, config }) => {
    if (attribute.computed && config === null) return;
    if (attribute.nested !== undefined && isWhollyKnownShapeMatch(planned, config)) return;
    if (valuesEqual(planned, config, attribute.type)) return;
    const sensitive = containsSensitive(attribute);
    diagnostics.addError(
      what.summary,
      `${what.subject}: ${formatPath(path)} is ${show(config, sensitive)} in the configuration but ` +
        `${show(planned, sensitive)} in the provider's result. A value set in the configuration must be kept as ` +
        'is; only computed attributes left unset may be filled in. This is a bug in the provider.',
      path,
    );
  });
}

/** Nested attribute objects are compared attribute by attribute (by the walk); here only their shape. */
function isWhollyKnownShapeMatch(planned: Value, config: Value): boolean {
  if (planned === null || config === null) return planned === config;
  if (planned instanceof Unknown || config instanceof Unknown)
    return planned instanceof Unknown && config instanceof Unknown;
  if (Array.isArray(planned) && Array.isArray(config)) return planned.length === config.length;
  if (isValueObject(planned) && isValueObject(config)) {
    const keys = Object.keys(planned);
    return keys.length === Object.keys(config).length && keys.every((k) => Object.hasOwn(config, k));
  }
  return false;
}

/**
 * Adds an error for every attribute where an apply result breaks Terraform's rules: every value known in
 * the plan must come back unchanged, every unknown must become known and honour its refinements.
 */
export function checkAgainstPlan(
  schema: BlockDef,
  planned: Value,
  result: Value,
  diagnostics: Diagnostics,
  what: { readonly summary: string; readonly subject: string },
): void {
  walkBlock(schema, result, planned, null, ({ attribute, path, planned: actual, config: plannedValue }) => {
    const problem = compareWithPlan(plannedValue, actual, attribute.type, attribute.nested !== undefined);
    if (problem === undefined) return;
    const sensitive = containsSensitive(attribute);
    diagnostics.addError(
      what.summary,
      `${what.subject}: ${formatPath(path)} was planned as ${show(plannedValue, sensitive)} but the provider ` +
        `returned ${show(actual, sensitive)} (${problem}). Values known at plan time must not change during ` +
        'apply. This is a bug in the provider.',
      path,
    );
  });
}

/** Returns why `actual` cannot be the applied value of `planned`, or undefined when it can. */
function compareWithPlan(
  planned: Value,
  actual: Value,
  type: Type,
  nestedAttribute: boolean,
): string | undefined {
  if (!isWhollyKnown(actual)) return 'the result must be wholly known';
  if (planned instanceof Unknown) return refinementViolation(planned, actual, type);
  if (planned === null || actual === null) return planned === actual ? undefined : 'different value';
  if (nestedAttribute) {
    // Nested attributes are compared one by one by the walk; here only the collection's shape.
    if (Array.isArray(planned) && Array.isArray(actual)) {
      return planned.length === actual.length ? undefined : 'different number of elements';
    }
    if (isValueObject(planned) && isValueObject(actual)) {
      const keys = Object.keys(planned);
      const same = keys.length === Object.keys(actual).length && keys.every((k) => Object.hasOwn(actual, k));
      return same ? undefined : 'different keys';
    }
    return undefined;
  }
  if (isWhollyKnown(planned)) return valuesEqual(planned, actual, type) ? undefined : 'different value';
  return partiallyKnownViolation(planned, actual, type);
}

/** Compares a partly unknown planned value with its result: known parts must match. */
function partiallyKnownViolation(planned: Value, actual: Value, type: Type): string | undefined {
  if (planned instanceof Unknown) return refinementViolation(planned, actual, type);
  if (planned === null || actual === null) return planned === actual ? undefined : 'different value';
  if (typeof type === 'string') {
    if (type === 'dynamic' && planned instanceof Dynamic && actual instanceof Dynamic) {
      return partiallyKnownViolation(planned.value, actual.value, planned.type);
    }
    return valuesEqual(planned, actual, type) ? undefined : 'different value';
  }
  switch (type[0]) {
    case 'set':
      // Elements of a set have no identity to pair them by while some are unknown; Terraform checks only the count.
      if (!Array.isArray(planned) || !Array.isArray(actual)) return 'different value';
      return isWhollyKnown(planned) &&
        !setsEqual(planned as readonly Value[], actual as readonly Value[], type[1])
        ? 'different value'
        : undefined;
    case 'list':
    case 'tuple': {
      if (!Array.isArray(planned) || !Array.isArray(actual)) return 'different value';
      const p = planned as readonly Value[];
      const a = actual as readonly Value[];
      if (p.length !== a.length) return 'different number of elements';
      for (const [i, v] of p.entries()) {
        const t = type[0] === 'list' ? type[1] : (type[1][i] ?? 'dynamic');
        const problem = partiallyKnownViolation(v, a[i] ?? null, t);
        if (problem !== undefined) return problem;
      }
      return undefined;
    }
    case 'map':
    case 'object': {
      if (!isValueObject(planned) || !isValueObject(actual)) return 'different value';
      const keys = Object.keys(planned);
      if (keys.length !== Object.keys(actual).length) return 'different keys';
      for (const k of keys) {
        const t = type[0] === 'map' ? type[1] : type[1][k];
        if (t === undefined || !Object.hasOwn(actual, k)) return 'different keys';
        const problem = partiallyKnownViolation(planned[k] ?? null, field(actual, k), t);
        if (problem !== undefined) return problem;
      }
      return undefined;
    }
  }
}
