// Table-driven checks and rendering for plugin blocks that pick a plugin by `type` and carry that plugin's
// settings as attributes next to it (key_manager, upstream_authority, node_attestor): which settings a
// plugin requires, which it takes, and that no setting of another plugin is given.
import type { AttributePath, Diagnostics } from '../framework/index.js';
import type { HclItem, HclValue } from './hcl.js';
import { Secret, attr } from './hcl.js';

/** The settings of one plugin that go into its `plugin_data`, with their SPIRE key names. */
export interface PluginFields {
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

export type PluginTable = Readonly<Record<string, PluginFields>>;

/**
 * Adds errors for a plugin block: a missing required setting, and a setting that belongs to another
 * plugin type, each at the setting's path. `ours` lists attributes of the block that are not plugin
 * settings (the type itself, and settings this provider turns into something else).
 */
export function checkPluginFields(
  what: string,
  table: PluginTable,
  model: Readonly<Record<string, unknown>>,
  at: AttributePath,
  diagnostics: Diagnostics,
  ours: Readonly<Record<string, readonly string[]>> = {},
): void {
  const type = model.type;
  if (typeof type !== 'string') return;
  const fields = table[type];
  if (fields === undefined) return; // the type's own validator reports it
  for (const name of fields.required) {
    if (model[name] === null || model[name] === undefined) {
      diagnostics.addError('Missing required setting', `${what} "${type}" requires ${name}.`, [
        ...at,
        { attribute: name },
      ]);
    }
  }
  const allowed = new Set([...fields.required, ...fields.optional, ...(ours[type] ?? [])]);
  for (const [name, value] of Object.entries(model)) {
    if (name === 'type' || value === null || allowed.has(name)) continue;
    const owners = Object.entries(table)
      .filter(([, f]) => f.required.includes(name) || f.optional.includes(name))
      .map(([t]) => t)
      .concat(
        Object.entries(ours)
          .filter(([, names]) => names.includes(name))
          .map(([t]) => t),
      );
    diagnostics.addError(
      'Setting does not apply',
      `${name} is a setting of ${what} ${owners.map((o) => `"${o}"`).join(' or ')}, not of "${type}".`,
      [...at, { attribute: name }],
    );
  }
}

/** Returns `plugin_data` attributes for the plugin's settings that are set, in the table's order. */
export function pluginDataItems(
  fields: PluginFields,
  model: Readonly<Record<string, unknown>>,
  options: { readonly secret?: readonly string[] } = {},
): (HclItem | undefined)[] {
  return [...fields.required, ...fields.optional].map((name) => {
    const value = model[name];
    if (value === null || value === undefined) return undefined;
    if (options.secret?.includes(name) === true && typeof value === 'string')
      return attr(name, new Secret(value));
    return attr(name, value as HclValue);
  });
}
