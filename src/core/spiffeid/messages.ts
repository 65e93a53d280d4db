// One message per SPIFFE-ID validation rule. The wording follows go-spiffe spiffeid/errors.go where that
// library has the rule (so users see the same text across SPIFFE tooling); the rest are rules go-spiffe
// folds into its charset errors, named separately here so a user is told which rule the input broke.
// Spec: https://github.com/spiffe/spiffe/blob/main/standards/SPIFFE-ID.md

/** Machine name of a validation rule; also `details.rule` of the CoreError. */
export type SpiffeIdRule =
  | 'empty'
  | 'too-long'
  | 'wrong-scheme'
  | 'uppercase-scheme'
  | 'missing-trust-domain'
  | 'trust-domain-too-long'
  | 'trust-domain-char'
  | 'trust-domain-port'
  | 'trust-domain-userinfo'
  | 'trust-domain-has-path'
  | 'percent-encoded'
  | 'query'
  | 'fragment'
  | 'no-leading-slash'
  | 'empty-segment'
  | 'dot-segment'
  | 'trailing-slash'
  | 'path-segment-char';

export const MAX_SPIFFE_ID_BYTES = 2048; // SPIFFE-ID §2.3
export const MAX_TRUST_DOMAIN_BYTES = 255; // SPIFFE-ID §2.3 (RFC 3986 host length)

export const RULE_MESSAGES: Readonly<Record<SpiffeIdRule, string>> = {
  empty: 'cannot be empty',
  'too-long': `SPIFFE ID cannot be longer than ${MAX_SPIFFE_ID_BYTES} bytes`,
  'wrong-scheme': 'scheme is missing or invalid',
  'uppercase-scheme': 'scheme must be lowercase "spiffe://"',
  'missing-trust-domain': 'trust domain is missing',
  'trust-domain-too-long': `trust domain cannot be longer than ${MAX_TRUST_DOMAIN_BYTES} bytes`,
  'trust-domain-char':
    'trust domain characters are limited to lowercase letters, numbers, dots, dashes, and underscores',
  'trust-domain-port': 'trust domain cannot contain a port',
  'trust-domain-userinfo': 'trust domain cannot contain userinfo',
  'trust-domain-has-path': 'trust domain given as a SPIFFE ID cannot have a path',
  'percent-encoded': 'cannot contain percent-encoded characters',
  query: 'cannot contain a query',
  fragment: 'cannot contain a fragment',
  'no-leading-slash': 'path must have a leading slash',
  'empty-segment': 'path cannot contain empty segments',
  'dot-segment': 'path cannot contain dot segments',
  'trailing-slash': 'path cannot have a trailing slash',
  'path-segment-char':
    'path segment characters are limited to letters, numbers, dots, dashes, and underscores',
};
