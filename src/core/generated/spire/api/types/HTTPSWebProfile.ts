// Original file: src/core/proto/spire/api/types/types.proto


export interface HTTPSWebProfile__Input {
}

export interface HTTPSWebProfile {
}
