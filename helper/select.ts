// Which of the workload's X509-SVIDs an output uses. SPIFFE_Workload_API.md: the first SVID in the
// response is the default identity; an operator-set hint tells several apart (spiffe-helper PR #242).
import type { X509Svid } from '../src/core/svid/index.js';
import { HelperError } from './errors.js';

export interface SvidSelector {
  /** Exact SPIFFE ID. */
  readonly spiffeId?: string;
  /** Registration entry hint. */
  readonly hint?: string;
}

/** Returns the SVID matching every given selector, or the first (default) one when none is given. */
export function selectSvid(svids: readonly X509Svid[], selector: SvidSelector): X509Svid {
  const found = svids.find(
    (svid) =>
      (selector.spiffeId === undefined || svid.id.toString() === selector.spiffeId) &&
      (selector.hint === undefined || svid.hint === selector.hint),
  );
  if (found !== undefined) return found;
  const wanted = [
    ...(selector.spiffeId === undefined ? [] : [`SPIFFE ID ${selector.spiffeId}`]),
    ...(selector.hint === undefined ? [] : [`hint ${JSON.stringify(selector.hint)}`]),
  ].join(' and ');
  const available = svids.map((svid) =>
    svid.hint === '' ? svid.id.toString() : `${svid.id.toString()} (hint ${JSON.stringify(svid.hint)})`,
  );
  throw new HelperError(
    'SVID_NOT_FOUND',
    'select',
    `the agent returned no X509-SVID with ${wanted === '' ? 'any identity' : wanted}; it has ${available.length === 0 ? 'none' : available.join(', ')}`,
    {
      details: {
        wanted: selector,
        available: svids.map((s) => ({ spiffeId: s.id.toString(), hint: s.hint })),
      },
      suggestions: ['Check the registration entries for this node: their SPIFFE IDs, selectors and hints.'],
    },
  );
}
