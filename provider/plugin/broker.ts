// go-plugin's GRPCBroker: the host opens one bidirectional stream to announce extra connections
// (ConnInfo). Terraform never brokers connections to a provider; the stream is accepted, its messages
// are read and ignored, and it stays open until either side ends it (go-plugin grpc_broker.go).
import type * as grpc from '@grpc/grpc-js';
import type { ConnInfo, ConnInfo__Input } from '../generated/plugin/ConnInfo.js';
import type { GRPCBrokerHandlers } from '../generated/plugin/GRPCBroker.js';
import type { PluginLogger } from './logger.js';

export interface BrokerService {
  readonly handlers: GRPCBrokerHandlers;
  closeAll(): void;
}

/** Returns the broker service and a way to end its streams. */
export function brokerService(log: PluginLogger): BrokerService {
  const open = new Set<grpc.ServerDuplexStream<ConnInfo, ConnInfo__Input>>();
  return {
    handlers: {
      StartStream(call) {
        open.add(call);
        call.on('data', (info: ConnInfo) => {
          log.debug('ignoring brokered connection offer', {
            service_id: info.service_id,
            network: info.network,
          });
        });
        call.on('end', () => {
          open.delete(call);
          call.end();
        });
        call.on('cancelled', () => open.delete(call));
        call.on('error', () => open.delete(call));
      },
    },
    closeAll() {
      for (const call of open) call.end();
      open.clear();
    },
  };
}
