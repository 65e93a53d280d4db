// Configuration validation: attribute validators on every known value (nested ones included), then the
// resource's own cross-attribute check.
import type { Diagnostics } from './diagnostics.js';
import type { BlockDef } from './schema.js';
import { ValueConversionError, toModel } from './schema.js';
import type { Value } from './value.js';
import { Unknown, isValueObject, isWhollyKnown, unknown } from './value.js';
import { walkBlock } from './walk.js';

/** A configuration as a resource's `validate` sees it: a top-level value not wholly known is an Unknown. */
export type ConfigModel<M> = { [K in keyof M]: M[K] | Unknown };

/** Runs validators on `config`, adding their diagnostics; `own` receives the config model afterwards. */
export function validateConfig(
  schema: BlockDef,
  config: Value,
  diagnostics: Diagnostics,
  own?: (model: ConfigModel<Record<string, unknown>>) => void,
): void {
  walkBlock(schema, config, config, null, ({ attribute, path, planned: value }) => {
    if (attribute.validators.length === 0 || value === null || !isWhollyKnown(value)) return;
    let model: unknown;
    try {
      model = toModel(value, attribute.type, path);
    } catch (err) {
      if (!(err instanceof ValueConversionError)) throw err;
      diagnostics.addError('Invalid Attribute Value', err.message, err.path);
      return;
    }
    for (const validator of attribute.validators) validator.validate(model, { path, diagnostics });
  });
  if (own === undefined || !isValueObject(config) || diagnostics.hasError()) return;
  const model: Record<string, unknown> = {};
  const fields = { ...schema.attributes, ...schema.blocks };
  for (const [name, def] of Object.entries(fields)) {
    const value = config[name] ?? null;
    if (!isWhollyKnown(value)) {
      model[name] = value instanceof Unknown ? value : unknown;
      continue;
    }
    try {
      model[name] = toModel(value, def.type, [{ attribute: name }]);
    } catch (err) {
      if (!(err instanceof ValueConversionError)) throw err;
      diagnostics.addError('Invalid Attribute Value', err.message, err.path);
      return;
    }
  }
  own(model);
}
