// go-plugin's GRPCBroker: the host opens one bidirectional stream to announce extra connections
// (ConnInfo) (go-plugin grpc_broker.go). Terraform never brokers connections to a provider. SPIRE offers
// its host services on service id 1 and blocks loading the plugin until the stream has taken that offer
// (spire pkg/common/catalog/external.go GRPCClient → broker.Accept), so the stream must be accepted and
// read. The offers are kept, by service id, for a plugin that wants to dial back; the stream stays open
// until either side ends it.
import type * as grpc from '@grpc/grpc-js';
import type { ConnInfo, ConnInfo__Input } from './generated/plugin/ConnInfo.js';
import type { GRPCBrokerHandlers } from './generated/plugin/GRPCBroker.js';
import type { PluginLogger } from './logger.js';

/** Where the host listens for a brokered connection. */
export interface BrokerOffer {
  readonly network: string;
  readonly address: string;
}

export interface BrokerService {
  readonly handlers: GRPCBrokerHandlers;
  /** Returns the latest offer the host made for `serviceId`, if any. */
  offer(serviceId: number): BrokerOffer | undefined;
  closeAll(): void;
}

/** Returns the broker service and a way to end its streams. */
export function brokerService(log: PluginLogger): BrokerService {
  const open = new Set<grpc.ServerDuplexStream<ConnInfo, ConnInfo__Input>>();
  const offers = new Map<number, BrokerOffer>();
  return {
    handlers: {
      StartStream(call) {
        open.add(call);
        call.on('data', (info: ConnInfo) => {
          offers.set(info.service_id, { network: info.network, address: info.address });
          log.debug('brokered connection offered', {
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
    offer(serviceId) {
      return offers.get(serviceId);
    },
    closeAll() {
      for (const call of open) call.end();
      open.clear();
    },
  };
}
