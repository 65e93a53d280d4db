// A provider: its own configuration schema, how it turns that configuration into the data its resources
// use (a client, say), and the registry of resources and data sources it serves.
import type { RequestContext } from './context.js';
import type { DataSource, DataSourceSpec } from './data-source.js';
import { defineDataSource } from './data-source.js';
import type { Diagnostics } from './diagnostics.js';
import type { Resource, ResourceSpec } from './resource.js';
import { defineResource } from './resource.js';
import type { ModelOf, SchemaDef } from './schema.js';
import type { ConfigModel } from './validate.js';

export interface ProviderSpec<S extends SchemaDef, D> {
  /** The provider's local name, the prefix of every type name (`spire`). */
  readonly typeName: string;
  readonly schema: S;
  validate?(config: ConfigModel<ModelOf<S>>, context: { readonly diagnostics: Diagnostics }): void;
  /**
   * Returns what resources receive as `context.provider`. Not called while the configuration is not
   * wholly known yet (it refers to resources not created yet); resources read then get an error.
   */
  configure(
    request: { readonly config: ModelOf<S>; readonly terraformVersion: string },
    context: Omit<RequestContext<D>, 'provider'>,
  ): Promise<D> | D;
  readonly resources: readonly Resource<D>[];
  readonly dataSources: readonly DataSource<D>[];
}

export interface Provider<D> {
  readonly typeName: string;
  readonly schema: SchemaDef;
  readonly spec: ProviderSpec<SchemaDef, D>;
  readonly resources: ReadonlyMap<string, Resource<D>>;
  readonly dataSources: ReadonlyMap<string, DataSource<D>>;
}

/** Returns the provider after checking that every type name is unique and carries the provider's prefix. */
export function defineProvider<const S extends SchemaDef, D>(spec: ProviderSpec<S, D>): Provider<D> {
  const byName = <T extends { readonly typeName: string }>(
    items: readonly T[],
    what: string,
  ): Map<string, T> => {
    const map = new Map<string, T>();
    for (const item of items) {
      if (!item.typeName.startsWith(`${spec.typeName}_`)) {
        throw new Error(`provider: ${what} ${item.typeName} must be named ${spec.typeName}_<name>`);
      }
      if (map.has(item.typeName)) throw new Error(`provider: ${what} ${item.typeName} is registered twice`);
      map.set(item.typeName, item);
    }
    return map;
  };
  return {
    typeName: spec.typeName,
    schema: spec.schema,
    spec: spec,
    resources: byName(spec.resources, 'resource'),
    dataSources: byName(spec.dataSources, 'data source'),
  };
}

/**
 * Returns `defineResource` and `defineDataSource` bound to a provider's data type `D`, so that a resource
 * file gets a typed `context.provider` while its schema type is still inferred.
 */
export function frameworkFor<D>(): {
  defineResource: <const S extends SchemaDef>(spec: ResourceSpec<S, D>) => Resource<D>;
  defineDataSource: <const S extends SchemaDef>(spec: DataSourceSpec<S, D>) => DataSource<D>;
} {
  return {
    defineResource: (spec) => defineResource(spec),
    defineDataSource: (spec) => defineDataSource(spec),
  };
}
