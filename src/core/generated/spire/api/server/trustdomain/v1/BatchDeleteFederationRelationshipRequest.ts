// Original file: src/core/proto/spire/api/server/trustdomain/v1/trustdomain.proto


export interface BatchDeleteFederationRelationshipRequest__Input {
  'trust_domains'?: (string)[];
}

export interface BatchDeleteFederationRelationshipRequest {
  'trust_domains': (string)[];
}
