// Managed resources: what an author writes (ResourceSpec, typed by its schema) and how the framework runs
// it for each protocol step. Every step returns values that obey Terraform's rules, or an error
// diagnostic that says which rule the resource broke.
import type { JsonValue, RequestContext, ResourceContext } from './context.js';
import { PrivateState } from './context.js';
import type { AttributePath, Diagnostics } from './diagnostics.js';
import { errorDetail } from './diagnostics.js';
import { checkAgainstConfig, checkAgainstPlan, planChange } from './plan.js';
import type { ModelOf, SchemaDef } from './schema.js';
import { ValueConversionError, fromModel, impliedType, toModel } from './schema.js';
import type { Value } from './value.js';
import { Unknown, isValueObject, isWhollyKnown, valuesEqual } from './value.js';
import { validateConfig, type ConfigModel } from './validate.js';

/** What `read` returns when the remote object no longer exists: Terraform drops it from state. */
export type Gone = 'gone';

export interface ResourceSpec<S extends SchemaDef, D> {
  /** `<provider>_<name>`, for example `spire_entry`. */
  readonly typeName: string;
  readonly schema: S;
  /**
   * Cross-attribute checks of the configuration. An attribute whose value is not wholly known yet is an
   * `Unknown`; attribute validators have already run.
   */
  validate?(config: ConfigModel<ModelOf<S>>, context: { readonly diagnostics: Diagnostics }): void;
  /**
   * Creates the remote object. `plan` is the planned state with values "known after apply" as null;
   * the result must keep every non-null planned value.
   */
  create(
    request: { readonly config: ModelOf<S>; readonly plan: ModelOf<S> },
    context: ResourceContext<D>,
  ): Promise<ModelOf<S>> | ModelOf<S>;
  /** Returns the remote object's current state, or 'gone' when it no longer exists. */
  read(
    request: { readonly state: ModelOf<S> },
    context: ResourceContext<D>,
  ): Promise<ModelOf<S> | Gone> | ModelOf<S> | Gone;
  /** Changes the remote object in place. Without `update` every change replaces the object. */
  update?(
    request: { readonly config: ModelOf<S>; readonly plan: ModelOf<S>; readonly prior: ModelOf<S> },
    context: ResourceContext<D>,
  ): Promise<ModelOf<S>> | ModelOf<S>;
  delete(request: { readonly prior: ModelOf<S> }, context: ResourceContext<D>): Promise<void> | void;
  /**
   * Returns the state of an existing object named by `id` (`terraform import`, `import {}` blocks). It
   * may be partial: Terraform reads the object next. Without it the resource cannot be imported.
   */
  importState?(
    request: { readonly id: string },
    context: ResourceContext<D>,
  ): Promise<Partial<ModelOf<S>>> | Partial<ModelOf<S>>;
  /**
   * Returns the state for the current schema from state stored by an older schema `version` (the raw
   * JSON Terraform saved). Needed once `schema.version` is above 0.
   */
  upgradeState?(
    request: { readonly version: number; readonly rawState: Readonly<Record<string, JsonValue>> },
    context: RequestContext<D>,
  ): Promise<ModelOf<S>> | ModelOf<S>;
}

/** A resource ready for a provider's registry (the schema-specific types erased). */
export interface Resource<D> {
  readonly kind: 'resource';
  readonly typeName: string;
  readonly schema: SchemaDef;
  readonly spec: ResourceSpec<SchemaDef, D>;
}

/** Returns `spec` as a registry entry after checking its type name. */
export function defineResource<const S extends SchemaDef, D>(spec: ResourceSpec<S, D>): Resource<D> {
  if (!/^[a-z][a-z0-9_]*$/.test(spec.typeName)) {
    throw new Error(
      `resource: type name ${JSON.stringify(spec.typeName)} must be lowercase letters, digits and _`,
    );
  }
  return {
    kind: 'resource',
    typeName: spec.typeName,
    schema: spec.schema,
    spec: spec,
  };
}

type Model = ModelOf<SchemaDef>;

function contextWithPrivate<D>(base: RequestContext<D>, priv: PrivateState): ResourceContext<D> {
  return {
    diagnostics: base.diagnostics,
    get provider() {
      return base.provider;
    },
    signal: base.signal,
    log: base.log,
    private: priv,
  };
}

/** Returns the model of a value that Terraform guarantees to be known at this step; diagnostics otherwise. */
function known(
  resource: Resource<unknown>,
  value: Value,
  diagnostics: Diagnostics,
  what: string,
): Model | undefined {
  try {
    return toModel(value, impliedType(resource.schema)) as Model;
  } catch (err) {
    if (!(err instanceof ValueConversionError)) throw err;
    diagnostics.addError(`Invalid ${what}`, `${resource.typeName}: ${err.message}`, err.path);
    return undefined;
  }
}

/** Returns the model with unknown values as null (the planned state as `create`/`update` see it). */
function plannedModel(resource: Resource<unknown>, value: Value): Model {
  const nullUnknowns = (v: Value): Value => {
    if (v instanceof Unknown) return null;
    if (Array.isArray(v)) return (v as readonly Value[]).map(nullUnknowns);
    if (isValueObject(v)) return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, nullUnknowns(e)]));
    return v;
  };
  return toModel(nullUnknowns(value), impliedType(resource.schema)) as Model;
}

/** Returns the value of a model the resource returned; an error diagnostic when it does not fit the schema. */
function resultValue(
  resource: Resource<unknown>,
  model: unknown,
  diagnostics: Diagnostics,
  step: string,
): Value | undefined {
  try {
    return fromModel(model, impliedType(resource.schema));
  } catch (err) {
    if (!(err instanceof ValueConversionError)) throw err;
    diagnostics.addError(
      'Provider returned an invalid state',
      `${resource.typeName} ${step} returned a value that does not match its schema: ${err.message}. This is a bug in the provider.`,
      err.path,
    );
    return undefined;
  }
}

/** Returns the private state in `bytes`, or undefined after adding an error when it is not ours. */
function privateState(
  typeName: string,
  bytes: Uint8Array,
  diagnostics: Diagnostics,
): PrivateState | undefined {
  try {
    return PrivateState.fromBytes(bytes);
  } catch (err) {
    diagnostics.addError(
      'Invalid private state',
      `${typeName}: the private data Terraform stored with this resource cannot be read: ${errorDetail(err)}`,
    );
    return undefined;
  }
}

function failed(diagnostics: Diagnostics, summary: string, err: unknown): void {
  diagnostics.addError(summary, errorDetail(err));
}

/** Runs attribute validators and the resource's own `validate` on a configuration. */
export function validateResource(resource: Resource<unknown>, config: Value, diagnostics: Diagnostics): void {
  validateConfig(resource.schema, config, diagnostics, (model) =>
    resource.spec.validate?.(model, { diagnostics }),
  );
}

export interface PlanResult {
  readonly planned: Value;
  readonly requiresReplace: readonly AttributePath[];
  readonly plannedPrivate: Uint8Array;
}

/** Plans a create, update or destroy (see planChange), then checks the plan against the configuration. */
export function planResource(
  resource: Resource<unknown>,
  request: {
    readonly prior: Value;
    readonly proposed: Value;
    readonly config: Value;
    readonly priorPrivate: Uint8Array;
  },
  diagnostics: Diagnostics,
): PlanResult {
  const { planned, requiresReplace } = planChange({
    schema: resource.schema,
    prior: request.prior,
    proposed: request.proposed,
    config: request.config,
  });
  const replace = [...requiresReplace];
  if (resource.spec.update === undefined && request.prior !== null && planned !== null) {
    // Without update, every configured change replaces the object.
    for (const [name, attribute] of Object.entries(resource.schema.attributes)) {
      const before = isValueObject(request.prior) ? (request.prior[name] ?? null) : null;
      const after = isValueObject(planned) ? (planned[name] ?? null) : null;
      const already = replace.some((p) => {
        const first = p[0];
        return p.length === 1 && first !== undefined && 'attribute' in first && first.attribute === name;
      });
      if (already || valuesEqual(before, after, attribute.type)) continue;
      if (!(after instanceof Unknown && attribute.computed)) replace.push([{ attribute: name }]);
    }
  }
  if (planned !== null) {
    checkAgainstConfig(resource.schema, request.config, planned, diagnostics, {
      summary: 'Provider produced an invalid plan',
      subject: resource.typeName,
    });
  }
  return { planned, requiresReplace: replace, plannedPrivate: request.priorPrivate };
}

export interface ApplyResult {
  readonly newState: Value;
  readonly private: Uint8Array;
}

/**
 * Applies a planned change: create (prior null), delete (planned null) or update, and checks that the
 * result keeps every value known in the plan. On failure the state Terraform keeps is the safest one:
 * null after a failed create, the prior state after a failed update or delete.
 */
export async function applyResource<D>(
  resource: Resource<D>,
  request: {
    readonly prior: Value;
    readonly planned: Value;
    readonly config: Value;
    readonly plannedPrivate: Uint8Array;
  },
  base: RequestContext<D>,
): Promise<ApplyResult> {
  const { diagnostics } = base;
  const priv = privateState(resource.typeName, request.plannedPrivate, diagnostics);
  if (priv === undefined) return { newState: request.prior, private: request.plannedPrivate };
  const context = contextWithPrivate(base, priv);
  const { spec, typeName } = resource;
  const erased = resource as Resource<unknown>;

  if (request.planned === null) {
    const prior = known(erased, request.prior, diagnostics, 'prior state');
    if (prior === undefined) return { newState: request.prior, private: request.plannedPrivate };
    try {
      await spec.delete({ prior }, context);
    } catch (err) {
      failed(diagnostics, `Failed to delete ${typeName}`, err);
    }
    return diagnostics.hasError()
      ? { newState: request.prior, private: request.plannedPrivate }
      : { newState: null, private: new Uint8Array() };
  }

  const config = known(erased, request.config, diagnostics, 'configuration');
  if (config === undefined) return { newState: request.prior, private: request.plannedPrivate };
  const plan = plannedModel(erased, request.planned);
  const creating = request.prior === null;
  let model: Model;
  try {
    if (creating) {
      model = await spec.create({ config, plan }, context);
    } else {
      const prior = known(erased, request.prior, diagnostics, 'prior state');
      if (prior === undefined) return { newState: request.prior, private: request.plannedPrivate };
      if (spec.update === undefined) {
        diagnostics.addError(
          `Failed to update ${typeName}`,
          `${typeName} cannot be changed in place; this plan should have replaced it. This is a bug in the provider.`,
        );
        return { newState: request.prior, private: request.plannedPrivate };
      }
      model = await spec.update({ config, plan, prior }, context);
    }
  } catch (err) {
    failed(diagnostics, `Failed to ${creating ? 'create' : 'update'} ${typeName}`, err);
    return { newState: request.prior, private: request.plannedPrivate };
  }
  const newState = resultValue(erased, model, diagnostics, creating ? 'create' : 'update');
  if (newState === undefined) return { newState: request.prior, private: request.plannedPrivate };
  checkAgainstPlan(resource.schema, request.planned, newState, diagnostics, {
    summary: 'Provider produced an inconsistent result after apply',
    subject: `${typeName} ${creating ? 'create' : 'update'}`,
  });
  return { newState, private: priv.toBytes() };
}

/** Refreshes state; a resource that is gone comes back as null, which removes it from state. */
export async function readResource<D>(
  resource: Resource<D>,
  request: { readonly state: Value; readonly private: Uint8Array },
  base: RequestContext<D>,
): Promise<ApplyResult> {
  const { diagnostics } = base;
  if (request.state === null) return { newState: null, private: request.private };
  const priv = privateState(resource.typeName, request.private, diagnostics);
  if (priv === undefined) return { newState: request.state, private: request.private };
  const state = known(resource, request.state, diagnostics, 'state');
  if (state === undefined) return { newState: request.state, private: request.private };
  let result: Model | Gone;
  try {
    result = await resource.spec.read({ state }, contextWithPrivate(base, priv));
  } catch (err) {
    failed(diagnostics, `Failed to read ${resource.typeName}`, err);
    return { newState: request.state, private: request.private };
  }
  if (result === 'gone') {
    base.log.info('resource no longer exists; removing it from state', { type: resource.typeName });
    return { newState: null, private: new Uint8Array() };
  }
  const newState = resultValue(resource, result, diagnostics, 'read');
  if (newState === undefined) return { newState: request.state, private: request.private };
  return { newState, private: priv.toBytes() };
}

/** Returns the imported state, or undefined (with an error) when the resource cannot be imported. */
export async function importResource<D>(
  resource: Resource<D>,
  id: string,
  base: RequestContext<D>,
): Promise<ApplyResult | undefined> {
  const { diagnostics } = base;
  const { spec } = resource;
  if (spec.importState === undefined) {
    diagnostics.addError('Resource Import Not Implemented', `${resource.typeName} cannot be imported.`);
    return undefined;
  }
  const priv = PrivateState.empty();
  let partial: Partial<Model>;
  try {
    partial = await spec.importState({ id }, contextWithPrivate(base, priv));
  } catch (err) {
    failed(diagnostics, `Failed to import ${resource.typeName}`, err);
    return undefined;
  }
  const full = Object.fromEntries(
    Object.keys(resource.schema.attributes).map((name) => [name, partial[name] ?? null]),
  );
  for (const [name, b] of Object.entries(resource.schema.blocks ?? {})) {
    full[name] =
      partial[name] ?? (b.nesting === 'list' || b.nesting === 'set' ? [] : b.nesting === 'map' ? {} : null);
  }
  const state = resultValue(resource, full, diagnostics, 'importState');
  if (state === undefined) return undefined;
  return { newState: state, private: priv.toBytes() };
}

/**
 * Returns the state for the current schema version from raw JSON state written at `version` (older),
 * through the resource's `upgradeState`.
 */
export async function upgradeResource<D>(
  resource: Resource<D>,
  request: { readonly version: number; readonly rawState: Readonly<Record<string, JsonValue>> },
  base: RequestContext<D>,
): Promise<Value | undefined> {
  const { diagnostics } = base;
  const current = resource.schema.version ?? 0;
  const { spec } = resource;
  if (request.version > current) {
    diagnostics.addError(
      'Unsupported state version',
      `${resource.typeName} state was written with schema version ${request.version}, but this provider only knows versions up to ${current}. Use the provider version that wrote the state, or a newer one.`,
    );
    return undefined;
  }
  if (spec.upgradeState === undefined) {
    diagnostics.addError(
      'Unable to upgrade resource state',
      `${resource.typeName} has no upgrade from schema version ${request.version} to ${current}. This is a bug in the provider.`,
    );
    return undefined;
  }
  let model: Model;
  try {
    model = await spec.upgradeState(request, base);
  } catch (err) {
    failed(diagnostics, `Failed to upgrade ${resource.typeName} state from version ${request.version}`, err);
    return undefined;
  }
  const value = resultValue(resource, model, diagnostics, 'upgradeState');
  if (value !== undefined && !isWhollyKnown(value)) return undefined;
  return value;
}
