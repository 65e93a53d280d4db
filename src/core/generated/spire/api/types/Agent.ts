// Original file: src/core/proto/spire/api/types/types.proto

import type { SPIFFEID__Input as _spire_api_types_SPIFFEID__Input, SPIFFEID as _spire_api_types_SPIFFEID } from '../../../spire/api/types/SPIFFEID.js';
import type { Selector__Input as _spire_api_types_Selector__Input, Selector as _spire_api_types_Selector } from '../../../spire/api/types/Selector.js';
import type { Long } from '@grpc/proto-loader';

export interface Agent__Input {
  'id'?: (_spire_api_types_SPIFFEID__Input | null);
  'attestation_type'?: (string);
  'x509svid_serial_number'?: (string);
  'x509svid_expires_at'?: (number | string | Long);
  'selectors'?: (_spire_api_types_Selector__Input)[];
  'banned'?: (boolean);
  'can_reattest'?: (boolean);
  'agent_version'?: (string);
}

export interface Agent {
  'id': (_spire_api_types_SPIFFEID | null);
  'attestation_type': (string);
  'x509svid_serial_number': (string);
  'x509svid_expires_at': (number);
  'selectors': (_spire_api_types_Selector)[];
  'banned': (boolean);
  'can_reattest': (boolean);
  'agent_version': (string);
}
