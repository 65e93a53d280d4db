// Original file: composer/proto/spire/service/private/init/v1/init.proto


export interface InitRequest__Input {
  'host_service_names'?: (string)[];
}

export interface InitRequest {
  'host_service_names': (string)[];
}
