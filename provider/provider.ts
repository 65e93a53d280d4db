// The SPIRE provider: its configuration schema, `configure` (connection, ownership prefix, the entry
// store) and the registry of resources and data sources it serves.
import type { DataSource, Resource } from './framework/index.js';
import { defineProvider } from './framework/index.js';
import { configureProvider, providerSchema, validateProviderConfig } from './provider-config.js';
import type { ProviderData } from './provider-data.js';
import { entryResource } from './resources/entry.js';
import { joinTokenResource } from './resources/join-token.js';
import { federationRelationshipResource } from './resources/federation-relationship.js';
import { federatedBundleResource } from './resources/federated-bundle.js';
import { nodeRoleResource } from './resources/node-role.js';
import { bundleDataSource } from './data-sources/bundle.js';
import { entriesDataSource } from './data-sources/entries.js';
import { agentsDataSource } from './data-sources/agents.js';
import { serverConfigDataSource } from './data-sources/server-config.js';
import { agentConfigDataSource } from './data-sources/agent-config.js';
import { clusterDataSource } from './data-sources/cluster.js';

export type { ProviderData } from './provider-data.js';

/** Every managed resource type the provider serves; one line per resource. */
const resources: Resource<ProviderData>[] = [
  entryResource,
  joinTokenResource,
  federationRelationshipResource,
  federatedBundleResource,
  nodeRoleResource,
];

/** Every data source the provider serves; one line per data source. */
const dataSources: DataSource<ProviderData>[] = [
  bundleDataSource,
  entriesDataSource,
  agentsDataSource,
  serverConfigDataSource,
  agentConfigDataSource,
  clusterDataSource,
];

export const spireProvider = defineProvider<typeof providerSchema, ProviderData>({
  typeName: 'spire',
  schema: providerSchema,
  validate: validateProviderConfig,
  configure: configureProvider,
  resources,
  dataSources,
});
