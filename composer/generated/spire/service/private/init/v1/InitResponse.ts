// Original file: composer/proto/spire/service/private/init/v1/init.proto


export interface InitResponse__Input {
  'plugin_service_names'?: (string)[];
}

export interface InitResponse {
  'plugin_service_names': (string)[];
}
