// Original file: src/core/proto/spire/api/types/types.proto

import type { Selector__Input as _spire_api_types_Selector__Input, Selector as _spire_api_types_Selector } from '../../../spire/api/types/Selector.js';

// Original file: src/core/proto/spire/api/types/types.proto

export const _spire_api_types_SelectorMatch_MatchBehavior = {
  MATCH_EXACT: 'MATCH_EXACT',
  MATCH_SUBSET: 'MATCH_SUBSET',
  MATCH_SUPERSET: 'MATCH_SUPERSET',
  MATCH_ANY: 'MATCH_ANY',
} as const;

export type _spire_api_types_SelectorMatch_MatchBehavior__Input =
  | 'MATCH_EXACT'
  | 0
  | 'MATCH_SUBSET'
  | 1
  | 'MATCH_SUPERSET'
  | 2
  | 'MATCH_ANY'
  | 3

export type _spire_api_types_SelectorMatch_MatchBehavior = typeof _spire_api_types_SelectorMatch_MatchBehavior[keyof typeof _spire_api_types_SelectorMatch_MatchBehavior]

export interface SelectorMatch__Input {
  'selectors'?: (_spire_api_types_Selector__Input)[];
  'match'?: (_spire_api_types_SelectorMatch_MatchBehavior__Input);
}

export interface SelectorMatch {
  'selectors': (_spire_api_types_Selector)[];
  'match': (_spire_api_types_SelectorMatch_MatchBehavior);
}
