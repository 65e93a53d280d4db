// The SPIRE provider: its configuration schema and the registry of resources and data sources it serves.
// The registry is empty until the SPIRE resources are written on top of the framework (issue 5).
import { defineProvider, defineSchema } from './framework/index.js';

/** What resources receive as `context.provider` once the provider is configured. */
export type SpireProviderData = Readonly<Record<string, never>>;

export const spireProvider = defineProvider({
  typeName: 'spire',
  schema: defineSchema({
    description: 'Manages registration entries, join tokens and federation on SPIRE servers.',
    attributes: {},
  }),
  configure: (): SpireProviderData => ({}),
  resources: [],
  dataSources: [],
});
