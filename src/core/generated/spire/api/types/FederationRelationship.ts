// Original file: src/core/proto/spire/api/types/types.proto

import type { HTTPSWebProfile__Input as _spire_api_types_HTTPSWebProfile__Input, HTTPSWebProfile as _spire_api_types_HTTPSWebProfile } from '../../../spire/api/types/HTTPSWebProfile.js';
import type { HTTPSSPIFFEProfile__Input as _spire_api_types_HTTPSSPIFFEProfile__Input, HTTPSSPIFFEProfile as _spire_api_types_HTTPSSPIFFEProfile } from '../../../spire/api/types/HTTPSSPIFFEProfile.js';
import type { Bundle__Input as _spire_api_types_Bundle__Input, Bundle as _spire_api_types_Bundle } from '../../../spire/api/types/Bundle.js';

export interface FederationRelationship__Input {
  'trust_domain'?: (string);
  'bundle_endpoint_url'?: (string);
  'https_web'?: (_spire_api_types_HTTPSWebProfile__Input | null);
  'https_spiffe'?: (_spire_api_types_HTTPSSPIFFEProfile__Input | null);
  'trust_domain_bundle'?: (_spire_api_types_Bundle__Input | null);
  'bundle_endpoint_profile'?: "https_web"|"https_spiffe";
}

export interface FederationRelationship {
  'trust_domain': (string);
  'bundle_endpoint_url': (string);
  'https_web'?: (_spire_api_types_HTTPSWebProfile | null);
  'https_spiffe'?: (_spire_api_types_HTTPSSPIFFEProfile | null);
  'trust_domain_bundle': (_spire_api_types_Bundle | null);
  'bundle_endpoint_profile'?: "https_web"|"https_spiffe";
}
