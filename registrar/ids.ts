// The registrar's registration entry IDs. Everything the registrar reads or writes sits under one
// ownership prefix (default "node-registrar."), in two namespaces:
//   <prefix>role.<role>                                   role records, written by Terraform (spire_node_role)
//   <prefix>node.<agent key>.<role>.<component>           node entries, written by the registrar
// The agent key is the first 32 hex digits (128 bits) of SHA-256 over the agent's SPIFFE ID, so every
// registrar derives the same ID for the same node and component, and two registrars racing to create an
// entry collide on the ID instead of creating it twice. SPIRE accepts caller-chosen IDs of at most 255
// bytes of [A-Za-z0-9._-] (SPIRE pkg/server/datastore/sqlstore/sqlstore.go validateRegistrationEntry).
import { createHash } from 'node:crypto';

export const DEFAULT_ENTRY_ID_PREFIX = 'node-registrar.';
export const MAX_PREFIX_LENGTH = 64;
/** Role and component names: one entry ID part, one SPIFFE ID path segment. */
export const NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const ENTRY_ID_CHARS = /^[A-Za-z0-9._-]+$/;
const AGENT_KEY_LENGTH = 32;

/** Returns why `prefix` cannot be an ownership prefix, or undefined. */
export function prefixProblem(prefix: string): string | undefined {
  if (prefix === '') return 'must not be empty';
  if (prefix.length > MAX_PREFIX_LENGTH) return `must be at most ${MAX_PREFIX_LENGTH} characters`;
  if (!ENTRY_ID_CHARS.test(prefix))
    return 'must hold only letters, digits, ".", "_" and "-" (SPIRE entry ID characters)';
  return undefined;
}

/** Returns the entry ID of the role record for `role`. */
export function roleRecordId(prefix: string, role: string): string {
  return `${prefix}role.${role}`;
}

/** Returns the role name of a role record ID under `prefix`, or undefined for any other ID. */
export function roleOfRecordId(prefix: string, id: string): string | undefined {
  const head = `${prefix}role.`;
  if (!id.startsWith(head)) return undefined;
  const role = id.slice(head.length);
  return NAME_PATTERN.test(role) ? role : undefined;
}

/** Returns true when `id` is in the registrar's own namespace (node entries it creates and deletes). */
export function isNodeEntryId(prefix: string, id: string): boolean {
  return id.startsWith(`${prefix}node.`);
}

/** Returns the 32-hex-digit key of an agent: the first 128 bits of SHA-256 over its SPIFFE ID. */
export function agentKey(agentId: string): string {
  return createHash('sha256').update(agentId).digest('hex').slice(0, AGENT_KEY_LENGTH);
}

/** Returns the entry ID of one component's entry on the node of `agentId`. */
export function nodeEntryId(prefix: string, agentId: string, role: string, component: string): string {
  return `${prefix}node.${agentKey(agentId)}.${role}.${component}`;
}

export interface NodeEntryIdParts {
  readonly agentKey: string;
  readonly role: string;
  readonly component: string;
}

/** Returns the parts of a node entry ID under `prefix`, or undefined when it is not one. */
export function parseNodeEntryId(prefix: string, id: string): NodeEntryIdParts | undefined {
  if (!isNodeEntryId(prefix, id)) return undefined;
  const parts = id.slice(`${prefix}node.`.length).split('.');
  if (parts.length !== 3) return undefined;
  const [key, role, component] = parts as [string, string, string];
  if (!/^[0-9a-f]{32}$/.test(key) || !NAME_PATTERN.test(role) || !NAME_PATTERN.test(component))
    return undefined;
  return { agentKey: key, role, component };
}
