// go-plugin's GRPCStdio: the host opens one stream to mirror the plugin's stdout and stderr. stdout
// belongs to the handshake and stderr already reaches the host directly, so the stream is held open and
// carries nothing until the plugin stops (go-plugin grpc_stdio.go treats that as "no output").
import type * as grpc from '@grpc/grpc-js';
import type { GRPCStdioHandlers } from './generated/plugin/GRPCStdio.js';
import type { StdioData__Input } from './generated/plugin/StdioData.js';
import type { Empty } from './generated/google/protobuf/Empty.js';

export interface StdioService {
  readonly handlers: GRPCStdioHandlers;
  /** Ends every open stream (before the server shuts down, so that a graceful shutdown can finish). */
  closeAll(): void;
}

/** Returns the stdio service and a way to end its streams. */
export function stdioService(): StdioService {
  const open = new Set<grpc.ServerWritableStream<Empty, StdioData__Input>>();
  return {
    handlers: {
      StreamStdio(call) {
        open.add(call);
        const forget = (): void => {
          open.delete(call);
        };
        call.on('cancelled', forget);
        call.on('close', forget);
      },
    },
    closeAll() {
      for (const call of open) call.end();
      open.clear();
    },
  };
}
