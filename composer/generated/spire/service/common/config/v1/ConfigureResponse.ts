// Original file: composer/proto/spire/service/common/config/v1/config.proto


export interface ConfigureResponse__Input {
}

export interface ConfigureResponse {
}
