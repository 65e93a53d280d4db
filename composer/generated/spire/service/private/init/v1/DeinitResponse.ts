// Original file: composer/proto/spire/service/private/init/v1/init.proto


export interface DeinitResponse__Input {
}

export interface DeinitResponse {
}
