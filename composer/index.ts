// Public API of the composer: Kubernetes-shaped X509-SVIDs from rules over SPIFFE ID paths. The pure
// rules engine is here for anything that issues SVIDs itself (the SPIRE test double); the SPIRE plugin
// around it is composer/main.ts.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseComposerConfig, type ComposerRules } from './rules.js';

export {
  defaultWorkloadX509SvidAttributes,
  emptyDistinguishedName,
  type DistinguishedName,
  type X509Extension,
  type X509SvidAttributes,
} from './attributes.js';
export { composeX509Svid, type ComposeInput } from './compose.js';
export { ComposerError, isComposerError, type ComposerErrorCode } from './errors.js';
export { parseComposerConfig, validateComposerConfig, type ComposerRules } from './rules.js';
export { subjectAltNameOid } from './san.js';

/** The Tarmak rule set shipped with the plugin (composer/rules/tarmak.json), from sources or dist/. */
export const tarmakRulesFile: string =
  [
    new URL('./rules/tarmak.json', import.meta.url),
    // dist/composer/index.js → composer/rules/tarmak.json
    new URL('../../composer/rules/tarmak.json', import.meta.url),
  ]
    .map((url) => fileURLToPath(url))
    .find((path) => existsSync(path)) ?? fileURLToPath(new URL('./rules/tarmak.json', import.meta.url));

/** Returns the shipped Tarmak rules, parsed; throws ComposerError CONFIG_INVALID if the file is broken. */
export function loadTarmakRules(): ComposerRules {
  return parseComposerConfig(readFileSync(tarmakRulesFile, 'utf8'));
}
