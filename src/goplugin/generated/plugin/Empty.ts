// Original file: src/goplugin/proto/plugin/grpc_controller.proto


export interface Empty__Input {
}

export interface Empty {
}
