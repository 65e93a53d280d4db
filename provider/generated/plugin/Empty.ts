// Original file: provider/proto/plugin/grpc_controller.proto


export interface Empty__Input {
}

export interface Empty {
}
