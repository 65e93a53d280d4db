// Original file: composer/proto/spire/service/private/init/v1/init.proto


export interface DeinitRequest__Input {
}

export interface DeinitRequest {
}
