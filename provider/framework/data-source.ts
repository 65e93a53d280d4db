// Data sources: read-only lookups. Terraform reads one only when its configuration is wholly known.
import type { RequestContext } from './context.js';
import type { Diagnostics } from './diagnostics.js';
import { errorDetail } from './diagnostics.js';
import { checkAgainstConfig } from './plan.js';
import type { ModelOf, SchemaDef } from './schema.js';
import { ValueConversionError, fromModel, impliedType, toModel } from './schema.js';
import type { ConfigModel } from './validate.js';
import { validateConfig } from './validate.js';
import type { Value } from './value.js';

export interface DataSourceSpec<S extends SchemaDef, D> {
  /** `<provider>_<name>`, for example `spire_bundle`. */
  readonly typeName: string;
  readonly schema: S;
  validate?(config: ConfigModel<ModelOf<S>>, context: { readonly diagnostics: Diagnostics }): void;
  /** Returns the configuration with its computed attributes filled in; configured values must be kept. */
  read(
    request: { readonly config: ModelOf<S> },
    context: RequestContext<D>,
  ): Promise<ModelOf<S>> | ModelOf<S>;
}

/** A data source ready for a provider's registry (the schema-specific types erased). */
export interface DataSource<D> {
  readonly kind: 'data-source';
  readonly typeName: string;
  readonly schema: SchemaDef;
  readonly spec: DataSourceSpec<SchemaDef, D>;
}

/** Returns `spec` as a registry entry after checking its type name. */
export function defineDataSource<const S extends SchemaDef, D>(spec: DataSourceSpec<S, D>): DataSource<D> {
  if (!/^[a-z][a-z0-9_]*$/.test(spec.typeName)) {
    throw new Error(
      `data source: type name ${JSON.stringify(spec.typeName)} must be lowercase letters, digits and _`,
    );
  }
  return {
    kind: 'data-source',
    typeName: spec.typeName,
    schema: spec.schema,
    spec: spec,
  };
}

/** Runs attribute validators and the data source's own `validate`. */
export function validateDataSource(
  source: DataSource<unknown>,
  config: Value,
  diagnostics: Diagnostics,
): void {
  validateConfig(source.schema, config, diagnostics, (model) =>
    source.spec.validate?.(model, { diagnostics }),
  );
}

/** Returns the data source's state, checked against its configuration; undefined after an error. */
export async function readDataSource<D>(
  source: DataSource<D>,
  config: Value,
  context: RequestContext<D>,
): Promise<Value | undefined> {
  const { diagnostics } = context;
  const type = impliedType(source.schema);
  let result: unknown;
  try {
    const model = toModel(config, type) as ModelOf<SchemaDef>;
    result = await source.spec.read({ config: model }, context);
  } catch (err) {
    if (err instanceof ValueConversionError)
      diagnostics.addError('Invalid configuration', `${source.typeName}: ${err.message}`, err.path);
    else diagnostics.addError(`Failed to read ${source.typeName}`, errorDetail(err));
    return undefined;
  }
  let state: Value;
  try {
    state = fromModel(result, type);
  } catch (err) {
    if (!(err instanceof ValueConversionError)) throw err;
    diagnostics.addError(
      'Provider returned an invalid state',
      `${source.typeName} read returned a value that does not match its schema: ${err.message}. This is a bug in the provider.`,
      err.path,
    );
    return undefined;
  }
  checkAgainstConfig(source.schema, config, state, diagnostics, {
    summary: 'Provider produced an invalid data source result',
    subject: source.typeName,
  });
  return diagnostics.hasError() ? undefined : state;
}
