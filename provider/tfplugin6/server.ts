// The tfplugin6 Provider service: decodes each request against the right schema, runs the framework step,
// encodes the reply. The only code that sees tfplugin6 messages. RPCs not in provider/proto/ are
// answered UNIMPLEMENTED by grpc-js, which Terraform accepts for everything this provider does not offer.
import * as grpc from '@grpc/grpc-js';
import type { JsonValue, Logger, RequestContext } from '../framework/context.js';
import { makeContext } from '../framework/context.js';
import type { DataSource } from '../framework/data-source.js';
import { readDataSource, validateDataSource } from '../framework/data-source.js';
import { Diagnostics, errorDetail } from '../framework/diagnostics.js';
import type { Provider } from '../framework/provider.js';
import type { Resource } from '../framework/resource.js';
import {
  applyResource,
  importResource,
  planResource,
  readResource,
  upgradeResource,
  validateResource,
} from '../framework/resource.js';
import type { ModelOf, SchemaDef } from '../framework/schema.js';
import { ValueConversionError, impliedType, toModel } from '../framework/schema.js';
import type { Type } from '../framework/types.js';
import { validateConfig } from '../framework/validate.js';
import type { Value } from '../framework/value.js';
import { isWhollyKnown } from '../framework/value.js';
import type { DynamicValue, DynamicValue__Input } from '../generated/tfplugin6/DynamicValue.js';
import type { ProviderHandlers } from '../generated/tfplugin6/Provider.js';
import { diagnosticsToProto, pathToProto } from './diagnostics.js';
import { decodeJson, decodeMsgpack, encodeMsgpack, parseJsonExact } from './dynamic-value.js';
import { schemaToProto } from './schema.js';

/** Protocol 6 features this provider has: PlanResourceChange is also called for destroys. */
const serverCapabilities = { plan_destroy: true, get_provider_schema_optional: false };

type Configuration<D> =
  | { readonly state: 'not configured' }
  | { readonly state: 'unknown' }
  | { readonly state: 'failed' }
  | { readonly state: 'configured'; readonly data: D };

/** Returns the value a DynamicValue carries (msgpack preferred, JSON accepted), or undefined after adding an error. */
function decodeValue(
  dv: DynamicValue | null,
  type: Type,
  diagnostics: Diagnostics,
  what: string,
): Value | undefined {
  try {
    if (dv === null) return null;
    if (dv.msgpack.length > 0) return decodeMsgpack(dv.msgpack, type);
    if (dv.json.length > 0) return decodeJson(dv.json, type);
    return null;
  } catch (err) {
    if (!(err instanceof ValueConversionError)) throw err;
    diagnostics.addError(
      `Invalid ${what}`,
      `Terraform sent a ${what} that does not match the schema: ${err.message}`,
      err.path,
    );
    return undefined;
  }
}

function encodeValue(value: Value, type: Type): DynamicValue__Input {
  return { msgpack: encodeMsgpack(value, type) };
}

/** The state kept by one provider process: its configuration and the signal StopProvider aborts. */
class ProviderServer<D> {
  readonly #provider: Provider<D>;
  readonly #log: Logger;
  #configuration: Configuration<D> = { state: 'not configured' };
  #stop = new AbortController();

  constructor(provider: Provider<D>, log: Logger) {
    this.#provider = provider;
    this.#log = log;
  }

  #providerData(): D {
    const c = this.#configuration;
    switch (c.state) {
      case 'configured':
        return c.data;
      case 'unknown':
        throw new Error(
          'the provider configuration depends on values that are not known until apply; apply the resources it depends on first',
        );
      case 'failed':
        throw new Error('the provider could not be configured (see the error above)');
      case 'not configured':
        throw new Error('the provider has not been configured yet. This is a bug in the provider.');
    }
  }

  context(diagnostics: Diagnostics): RequestContext<D> {
    return makeContext({
      provider: () => this.#providerData(),
      signal: this.#stop.signal,
      log: this.#log,
      diagnostics,
    });
  }

  resource(typeName: string, diagnostics: Diagnostics): Resource<D> | undefined {
    const resource = this.#provider.resources.get(typeName);
    if (resource === undefined) {
      diagnostics.addError(
        'Unknown resource type',
        `This provider has no resource type ${JSON.stringify(typeName)}.`,
      );
    }
    return resource;
  }

  dataSource(typeName: string, diagnostics: Diagnostics): DataSource<D> | undefined {
    const source = this.#provider.dataSources.get(typeName);
    if (source === undefined) {
      diagnostics.addError(
        'Unknown data source type',
        `This provider has no data source type ${JSON.stringify(typeName)}.`,
      );
    }
    return source;
  }

  handlers(): ProviderHandlers {
    const provider = this.#provider;
    const providerType = impliedType(provider.schema);
    const typeOf = (schema: SchemaDef): Type => impliedType(schema);
    const out = (diagnostics: Diagnostics, schema?: SchemaDef): ReturnType<typeof diagnosticsToProto> =>
      diagnosticsToProto(diagnostics.items, schema);

    return {
      GetMetadata: this.#unary('GetMetadata', () => ({
        server_capabilities: serverCapabilities,
        diagnostics: [],
        resources: [...provider.resources.keys()].map((type_name) => ({ type_name })),
        data_sources: [...provider.dataSources.keys()].map((type_name) => ({ type_name })),
      })),

      GetProviderSchema: this.#unary('GetProviderSchema', () => ({
        provider: schemaToProto(provider.schema),
        resource_schemas: Object.fromEntries(
          [...provider.resources].map(([name, r]) => [name, schemaToProto(r.schema)]),
        ),
        data_source_schemas: Object.fromEntries(
          [...provider.dataSources].map(([name, d]) => [name, schemaToProto(d.schema)]),
        ),
        diagnostics: [],
        server_capabilities: serverCapabilities,
      })),

      ValidateProviderConfig: this.#unary('ValidateProviderConfig', (request) => {
        const diagnostics = new Diagnostics();
        const config = decodeValue(request.config, providerType, diagnostics, 'provider configuration');
        if (config !== undefined) {
          validateConfig(provider.schema, config, diagnostics, (model) =>
            provider.spec.validate?.(model, { diagnostics }),
          );
        }
        return { diagnostics: out(diagnostics, provider.schema) };
      }),

      ConfigureProvider: this.#unary('ConfigureProvider', async (request) => {
        const diagnostics = new Diagnostics();
        const config = decodeValue(request.config, providerType, diagnostics, 'provider configuration');
        if (config === undefined) {
          this.#configuration = { state: 'failed' };
          return { diagnostics: out(diagnostics) };
        }
        if (!isWhollyKnown(config)) {
          this.#log.debug('provider configuration not known yet; configuring later', {});
          this.#configuration = { state: 'unknown' };
          return { diagnostics: [] };
        }
        try {
          const data = await provider.spec.configure(
            {
              config: toModel(config, providerType) as ModelOf<SchemaDef>,
              terraformVersion: request.terraform_version,
            },
            { diagnostics, signal: this.#stop.signal, log: this.#log },
          );
          this.#configuration = diagnostics.hasError() ? { state: 'failed' } : { state: 'configured', data };
        } catch (err) {
          this.#configuration = { state: 'failed' };
          diagnostics.addError('Failed to configure the provider', errorDetail(err));
        }
        return { diagnostics: out(diagnostics, provider.schema) };
      }),

      ValidateResourceConfig: this.#unary('ValidateResourceConfig', (request) => {
        const diagnostics = new Diagnostics();
        const resource = this.resource(request.type_name, diagnostics);
        if (resource !== undefined) {
          const config = decodeValue(request.config, typeOf(resource.schema), diagnostics, 'configuration');
          if (config !== undefined) validateResource(resource, config, diagnostics);
        }
        return { diagnostics: out(diagnostics, resource?.schema) };
      }),

      ValidateDataResourceConfig: this.#unary('ValidateDataResourceConfig', (request) => {
        const diagnostics = new Diagnostics();
        const source = this.dataSource(request.type_name, diagnostics);
        if (source !== undefined) {
          const config = decodeValue(request.config, typeOf(source.schema), diagnostics, 'configuration');
          if (config !== undefined) validateDataSource(source, config, diagnostics);
        }
        return { diagnostics: out(diagnostics, source?.schema) };
      }),

      UpgradeResourceState: this.#unary('UpgradeResourceState', async (request) => {
        const diagnostics = new Diagnostics();
        const resource = this.resource(request.type_name, diagnostics);
        if (resource === undefined) return { diagnostics: out(diagnostics) };
        const type = typeOf(resource.schema);
        const json = request.raw_state?.json ?? Buffer.alloc(0);
        if (json.length === 0) {
          diagnostics.addError(
            'Unable to upgrade resource state',
            `${request.type_name} state is in the legacy flatmap format, which this provider cannot read.`,
          );
          return { diagnostics: out(diagnostics, resource.schema) };
        }
        const current = resource.schema.version ?? 0;
        let upgraded: Value | undefined;
        if (request.version === current) {
          // Same version: only re-encode, ignoring attributes that were removed without a version bump.
          try {
            upgraded = decodeJson(json, type, { ignoreUndefinedAttributes: true });
          } catch (err) {
            if (!(err instanceof ValueConversionError)) throw err;
            diagnostics.addError(
              'Unable to read resource state',
              `${request.type_name}: ${err.message}`,
              err.path,
            );
          }
        } else {
          let raw: unknown;
          try {
            raw = parseJsonExact(json.toString('utf8'));
          } catch (err) {
            diagnostics.addError(
              'Unable to read resource state',
              `${request.type_name}: ${errorDetail(err)}`,
            );
          }
          if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
            upgraded = await upgradeResource(
              resource,
              { version: request.version, rawState: raw as Record<string, JsonValue> },
              this.context(diagnostics),
            );
          } else if (!diagnostics.hasError()) {
            diagnostics.addError(
              'Unable to read resource state',
              `${request.type_name}: stored state is not a JSON object`,
            );
          }
        }
        if (upgraded === undefined) return { diagnostics: out(diagnostics, resource.schema) };
        return {
          upgraded_state: encodeValue(upgraded, type),
          diagnostics: out(diagnostics, resource.schema),
        };
      }),

      ReadResource: this.#unary('ReadResource', async (request) => {
        const diagnostics = new Diagnostics();
        const resource = this.resource(request.type_name, diagnostics);
        if (resource === undefined) return { diagnostics: out(diagnostics) };
        const type = typeOf(resource.schema);
        const state = decodeValue(request.current_state, type, diagnostics, 'state');
        if (state === undefined) return { diagnostics: out(diagnostics, resource.schema) };
        const result = await readResource(
          resource,
          { state, private: request.private },
          this.context(diagnostics),
        );
        return {
          new_state: encodeValue(result.newState, type),
          private: result.private,
          diagnostics: out(diagnostics, resource.schema),
        };
      }),

      PlanResourceChange: this.#unary('PlanResourceChange', (request) => {
        const diagnostics = new Diagnostics();
        const resource = this.resource(request.type_name, diagnostics);
        if (resource === undefined) return { diagnostics: out(diagnostics) };
        const type = typeOf(resource.schema);
        const prior = decodeValue(request.prior_state, type, diagnostics, 'prior state');
        const proposed = decodeValue(request.proposed_new_state, type, diagnostics, 'proposed new state');
        const config = decodeValue(request.config, type, diagnostics, 'configuration');
        if (prior === undefined || proposed === undefined || config === undefined)
          return { diagnostics: out(diagnostics, resource.schema) };
        const plan = planResource(
          resource,
          { prior, proposed, config, priorPrivate: request.prior_private },
          diagnostics,
        );
        return {
          planned_state: encodeValue(plan.planned, type),
          requires_replace: plan.requiresReplace.map(pathToProto),
          planned_private: plan.plannedPrivate,
          diagnostics: out(diagnostics, resource.schema),
        };
      }),

      ApplyResourceChange: this.#unary('ApplyResourceChange', async (request) => {
        const diagnostics = new Diagnostics();
        const resource = this.resource(request.type_name, diagnostics);
        if (resource === undefined) return { diagnostics: out(diagnostics) };
        const type = typeOf(resource.schema);
        const prior = decodeValue(request.prior_state, type, diagnostics, 'prior state');
        const planned = decodeValue(request.planned_state, type, diagnostics, 'planned state');
        const config = decodeValue(request.config, type, diagnostics, 'configuration');
        if (prior === undefined || planned === undefined || config === undefined)
          return { diagnostics: out(diagnostics, resource.schema) };
        const result = await applyResource(
          resource,
          { prior, planned, config, plannedPrivate: request.planned_private },
          this.context(diagnostics),
        );
        return {
          new_state: encodeValue(result.newState, type),
          private: result.private,
          diagnostics: out(diagnostics, resource.schema),
        };
      }),

      ImportResourceState: this.#unary('ImportResourceState', async (request) => {
        const diagnostics = new Diagnostics();
        const resource = this.resource(request.type_name, diagnostics);
        if (resource === undefined) return { diagnostics: out(diagnostics) };
        const result = await importResource(resource, request.id, this.context(diagnostics));
        if (result === undefined || diagnostics.hasError())
          return { diagnostics: out(diagnostics, resource.schema) };
        return {
          imported_resources: [
            {
              type_name: request.type_name,
              state: encodeValue(result.newState, typeOf(resource.schema)),
              private: result.private,
            },
          ],
          diagnostics: out(diagnostics, resource.schema),
        };
      }),

      ReadDataSource: this.#unary('ReadDataSource', async (request) => {
        const diagnostics = new Diagnostics();
        const source = this.dataSource(request.type_name, diagnostics);
        if (source === undefined) return { diagnostics: out(diagnostics) };
        const type = typeOf(source.schema);
        const config = decodeValue(request.config, type, diagnostics, 'configuration');
        if (config === undefined) return { diagnostics: out(diagnostics, source.schema) };
        const state = await readDataSource(source, config, this.context(diagnostics));
        if (state === undefined) return { diagnostics: out(diagnostics, source.schema) };
        return { state: encodeValue(state, type), diagnostics: out(diagnostics, source.schema) };
      }),

      StopProvider: this.#unary('StopProvider', () => {
        // terraform-plugin-go tf6server StopProvider: cancel what is in flight, keep serving.
        this.#stop.abort(new Error('Terraform asked the provider to stop'));
        this.#stop = new AbortController();
        return { Error: '' };
      }),
    };
  }

  /** Returns a grpc-js unary handler; an exception becomes INTERNAL with the message (diagnostics are preferred). */
  #unary<K extends keyof ProviderHandlers>(
    rpc: K,
    run: (request: RequestOf<K>) => ResponseOf<K> | Promise<ResponseOf<K>>,
  ): grpc.handleUnaryCall<RequestOf<K>, ResponseOf<K>> {
    return (call, callback) => {
      const typeName = (call.request as { readonly type_name?: unknown }).type_name;
      const fields = typeof typeName === 'string' ? { rpc, type: typeName } : { rpc };
      this.#log.trace('received request', fields);
      Promise.resolve()
        .then(() => run(call.request))
        .then(
          (response) => {
            this.#log.trace('served request', fields);
            callback(null, response);
          },
          (err: unknown) => {
            this.#log.error('request failed', { ...fields, error: errorDetail(err) });
            callback({ code: grpc.status.INTERNAL, details: `${rpc}: ${errorDetail(err)}` });
          },
        );
    };
  }
}

type UnaryIo<K extends keyof ProviderHandlers> =
  ProviderHandlers[K] extends grpc.handleUnaryCall<infer Req, infer Res>
    ? { request: Req; response: Res }
    : never;
type RequestOf<K extends keyof ProviderHandlers> = UnaryIo<K>['request'];
type ResponseOf<K extends keyof ProviderHandlers> = UnaryIo<K>['response'];

/** Returns the Provider service implementation for one process. */
export function providerService<D>(provider: Provider<D>, log: Logger): ProviderHandlers {
  return new ProviderServer(provider, log).handlers();
}
