// The SPIRE side of the composer: the three services SPIRE calls on a CredentialComposer plugin, and the
// only code that sees their wire types.
//  - Init (spire-plugin-sdk private/register.go): SPIRE binds only the services named in the reply
//    (spire pkg/common/catalog/plugin.go bindRepo); Deinit comes before unloading.
//  - Config: Validate reports problems as notes; Configure applies a whole configuration or none of it.
//  - CredentialComposer: X509-SVIDs of workloads and agents. An unmatched SPIFFE ID gets a response
//    without attributes, which SPIRE reads as "unchanged"; the CA and JWT-SVID RPCs are not served at all,
//    and SPIRE reads UNIMPLEMENTED the same way (spire pkg/server/plugin/credentialcomposer/v1.go
//    handleX509SVIDAttributesResponse and siblings).
import * as grpc from '@grpc/grpc-js';
import type { PluginLogger } from '../src/goplugin/index.js';
import type { DistinguishedName, X509SvidAttributes } from './attributes.js';
import { composeX509Svid } from './compose.js';
import { ComposerError } from './errors.js';
import type { ConfigHandlers } from './generated/spire/service/common/config/v1/Config.js';
import type { CredentialComposerHandlers } from './generated/spire/plugin/server/credentialcomposer/v1/CredentialComposer.js';
import type {
  DistinguishedName as WireDistinguishedName,
  DistinguishedName__Input as WireDistinguishedNameInput,
} from './generated/spire/plugin/server/credentialcomposer/v1/DistinguishedName.js';
import type {
  X509SVIDAttributes as WireAttributes,
  X509SVIDAttributes__Input as WireAttributesInput,
} from './generated/spire/plugin/server/credentialcomposer/v1/X509SVIDAttributes.js';
import type { InitHandlers } from './generated/spire/service/private/init/v1/Init.js';
import { loadComposerProtos } from './proto/load.js';
import { type ComposerRules, parseComposerConfig, validateComposerConfig } from './rules.js';

/** The plugin type: SPIRE's section name, and its magic cookie key and value (spire external.go). */
export const pluginType = 'CredentialComposer';

/** The fully qualified service names Init announces. */
export const pluginServiceNames = [
  'spire.plugin.server.credentialcomposer.v1.CredentialComposer',
  'spire.service.common.config.v1.Config',
] as const;

function fromWireSubject(subject: WireDistinguishedName | null): DistinguishedName {
  return {
    country: subject?.country ?? [],
    organization: subject?.organization ?? [],
    organizationalUnit: subject?.organizational_unit ?? [],
    locality: subject?.locality ?? [],
    province: subject?.province ?? [],
    streetAddress: subject?.street_address ?? [],
    postalCode: subject?.postal_code ?? [],
    serialNumber: subject?.serial_number ?? '',
    commonName: subject?.common_name ?? '',
    extraNames: (subject?.extra_names ?? []).map((n) => ({ oid: n.oid, value: n.string_value })),
  };
}

function toWireSubject(subject: DistinguishedName): WireDistinguishedNameInput {
  return {
    country: [...subject.country],
    organization: [...subject.organization],
    organizational_unit: [...subject.organizationalUnit],
    locality: [...subject.locality],
    province: [...subject.province],
    street_address: [...subject.streetAddress],
    postal_code: [...subject.postalCode],
    serial_number: subject.serialNumber,
    common_name: subject.commonName,
    extra_names: subject.extraNames.map((n) => ({ oid: n.oid, string_value: n.value })),
  };
}

function fromWireAttributes(attributes: WireAttributes): X509SvidAttributes {
  return {
    subject: fromWireSubject(attributes.subject),
    dnsSans: attributes.dns_sans,
    extraExtensions: attributes.extra_extensions.map((e) => ({
      oid: e.oid,
      value: new Uint8Array(e.value),
      critical: e.critical,
    })),
  };
}

function toWireAttributes(attributes: X509SvidAttributes): WireAttributesInput {
  return {
    subject: toWireSubject(attributes.subject),
    dns_sans: [...attributes.dnsSans],
    extra_extensions: attributes.extraExtensions.map((e) => ({
      oid: e.oid,
      value: Buffer.from(e.value),
      critical: e.critical,
    })),
  };
}

/** A gRPC error status; grpc-js takes a plain object with `code` and `details`. */
function status(code: grpc.status, details: string): grpc.ServiceError {
  return Object.assign(new Error(details), { code, details, metadata: new grpc.Metadata() });
}

export interface ComposerPlugin {
  /** Adds the Init, Config and CredentialComposer services to `server`. */
  register(server: grpc.Server): void;
}

/** Returns the plugin: unconfigured until SPIRE's Configure succeeds. */
export function composerPlugin(options: { readonly log: PluginLogger }): ComposerPlugin {
  const { log } = options;
  // One reference, replaced whole by a successful Configure: a Compose call sees the old rules or the
  // new ones, never a mix, and a failed Configure leaves the old ones in place.
  let active: ComposerRules | undefined;

  const init: InitHandlers = {
    Init(call, callback) {
      log.debug('plugin initialised', { host_services: call.request.host_service_names });
      callback(null, { plugin_service_names: [...pluginServiceNames] });
    },
    Deinit(_call, callback) {
      log.debug('plugin deinitialised', {});
      callback(null, {});
    },
  };

  const config: ConfigHandlers = {
    Validate(call, callback) {
      callback(null, validateComposerConfig(call.request.hcl_configuration));
    },
    Configure(call, callback) {
      let rules: ComposerRules;
      try {
        rules = parseComposerConfig(call.request.hcl_configuration);
      } catch (err) {
        if (!(err instanceof ComposerError)) throw err;
        log.error('configuration rejected; the previous one stays', { notes: err.notes });
        callback(status(grpc.status.INVALID_ARGUMENT, `invalid configuration: ${err.message}`));
        return;
      }
      active = rules;
      log.info('configured', {
        rules: rules.rules.length,
        trust_domain: call.request.core_configuration?.trust_domain ?? '',
      });
      callback(null, {});
    },
  };

  /** Returns the response attributes, undefined for "unchanged", or a gRPC error. */
  const compose = (
    kind: 'workload' | 'agent',
    request: { attributes: WireAttributes | null; spiffe_id: string },
  ): { attributes?: WireAttributesInput } | grpc.ServiceError => {
    const rules = active;
    if (rules === undefined) return status(grpc.status.FAILED_PRECONDITION, 'not configured');
    if (request.attributes === null) return status(grpc.status.INVALID_ARGUMENT, 'request has no attributes');
    const proposed = fromWireAttributes(request.attributes);
    try {
      const composed = composeX509Svid(rules, { spiffeId: request.spiffe_id, attributes: proposed });
      if (composed === proposed) {
        log.trace('no rule matches; X509-SVID unchanged', { kind, spiffe_id: request.spiffe_id });
        return {};
      }
      log.debug('composed X509-SVID', {
        kind,
        spiffe_id: request.spiffe_id,
        common_name: composed.subject.commonName,
      });
      return { attributes: toWireAttributes(composed) };
    } catch (err) {
      if (!(err instanceof ComposerError)) throw err;
      log.error('cannot compose X509-SVID', { kind, spiffe_id: request.spiffe_id, error: err.message });
      return status(grpc.status.INVALID_ARGUMENT, err.message);
    }
  };

  const composer: CredentialComposerHandlers = {
    ComposeWorkloadX509SVID(call, callback) {
      const out = compose('workload', call.request);
      if (out instanceof Error) callback(out);
      else callback(null, out);
    },
    ComposeAgentX509SVID(call, callback) {
      const out = compose('agent', call.request);
      if (out instanceof Error) callback(out);
      else callback(null, out);
    },
  };

  return {
    register(server) {
      const protos = loadComposerProtos();
      server.addService(protos.init.Init.service, init);
      server.addService(protos.config.Config.service, config);
      server.addService(protos.composer.CredentialComposer.service, composer);
    },
  };
}
