// The framework's public API: what resource, data source and provider files import.
export type { JsonValue, Logger, RequestContext, ResourceContext } from './context.js';
export { PrivateState, silentLogger } from './context.js';
export type { DataSource, DataSourceSpec } from './data-source.js';
export { defineDataSource } from './data-source.js';
export type { AttributePath, Diagnostic, PathStep, Severity } from './diagnostics.js';
export { Diagnostics, errorDetail, formatPath, path } from './diagnostics.js';
export { requiresReplace, requiresReplaceIf, useStateForUnknown } from './plan.js';
export type { Provider, ProviderSpec } from './provider.js';
export { defineProvider, frameworkFor } from './provider.js';
export type { Gone, Resource, ResourceSpec } from './resource.js';
export { defineResource } from './resource.js';
export type {
  Attribute,
  AttributeOptions,
  BlockDef,
  ElementType,
  ModelOf,
  NestedBlock,
  PlanModifier,
  PlanModifierRequest,
  PlanModifierResult,
  SchemaDef,
  Validator,
  ValidatorContext,
} from './schema.js';
export { attribute, block, defineSchema, types } from './schema.js';
export type { Type } from './types.js';
export type { ConfigModel } from './validate.js';
export * as validators from './validators.js';
export type { Value } from './value.js';
export { Dynamic, Unknown } from './value.js';
