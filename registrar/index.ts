// Public API of the node registrar, for tests and embedding; the program is main.ts.
export { main, type MainIo } from './main.js';
export { parseCommandLine, USAGE, DEFAULT_SOCKET_PATH, type RegistrarConfig } from './config.js';
export { ExitCode, RegistrarError, exitCodeFor, type ExitCodeValue } from './errors.js';
export {
  DEFAULT_ENTRY_ID_PREFIX,
  agentKey,
  nodeEntryId,
  parseNodeEntryId,
  roleRecordId,
  isNodeEntryId,
} from './ids.js';
export { createLogger, redact, silentLogger, RecurringNotices, type Logger, type LogLevel } from './log.js';
export {
  ROLE_SELECTOR_TYPE,
  ROLE_FORMAT,
  roleFromRecord,
  roleRecordSpiffeId,
  roleStoreId,
  type RoleRule,
  type ComponentRule,
  type RoleRecord,
} from './role.js';
export { parseTemplate, renderTemplate, type Template, type Placeholder } from './template.js';
export { NodeFactResolver, selectorValue, type NodeFacts, type Ec2Lookup } from './facts.js';
export { Ec2Client, Ec2Error, instanceFromXml, imdsCredentials, credentialsFromEnv } from './ec2.js';
export { signRequest, type AwsCredentials } from './sigv4.js';
export {
  reconcileOnce,
  isComplete,
  MANAGED_FIELDS,
  type CycleReport,
  type ReconcileOptions,
  type RegistrarApi,
} from './reconcile.js';
export {
  NodeRegistrar,
  DEFAULT_INTERVAL_MS,
  type Connection,
  type NodeRegistrarOptions,
} from './registrar.js';
