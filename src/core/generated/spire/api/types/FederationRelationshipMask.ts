// Original file: src/core/proto/spire/api/types/types.proto


export interface FederationRelationshipMask__Input {
  'bundle_endpoint_url'?: (boolean);
  'bundle_endpoint_profile'?: (boolean);
  'trust_domain_bundle'?: (boolean);
}

export interface FederationRelationshipMask {
  'bundle_endpoint_url': (boolean);
  'bundle_endpoint_profile': (boolean);
  'trust_domain_bundle': (boolean);
}
