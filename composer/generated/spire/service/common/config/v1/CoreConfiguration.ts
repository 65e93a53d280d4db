// Original file: composer/proto/spire/service/common/config/v1/config.proto


export interface CoreConfiguration__Input {
  'trust_domain'?: (string);
}

export interface CoreConfiguration {
  'trust_domain': (string);
}
