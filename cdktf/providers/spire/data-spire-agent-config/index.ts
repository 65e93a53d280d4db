// https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface DataSpireAgentConfigConfig extends cdktf.TerraformMetaArguments {
  /**
  * The spire-agent executable the systemd unit runs. Default `/opt/bin/spire-agent`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#agent_binary DataSpireAgentConfig#agent_binary}
  */
  readonly agentBinary?: string;
  /**
  * Directory of agent.conf, bundle.pem and join-token. Default `/etc/spire/agent`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#config_dir DataSpireAgentConfig#config_dir}
  */
  readonly configDir?: string;
  /**
  * The agent's data directory (its SVID and key). Default `/var/lib/spire/agent`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#data_dir DataSpireAgentConfig#data_dir}
  */
  readonly dataDir?: string;
  /**
  * aws_iid: instance metadata endpoint override.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#ec2_metadata_endpoint DataSpireAgentConfig#ec2_metadata_endpoint}
  */
  readonly ec2MetadataEndpoint?: string;
  /**
  * Units `user_data` enables and starts, in order. Default `["spire-agent.service"]`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#enable_units DataSpireAgentConfig#enable_units}
  */
  readonly enableUnits?: string[];
  /**
  * More files for `user_data` to write (for example a CA certificate or plugin rules).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#extra_files DataSpireAgentConfig#extra_files}
  */
  readonly extraFiles?: DataSpireAgentConfigExtraFiles[] | cdktf.IResolvable;
  /**
  * Trust the first server contacted without a bundle. Only for tests; never the default.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#insecure_bootstrap DataSpireAgentConfig#insecure_bootstrap}
  */
  readonly insecureBootstrap?: boolean | cdktf.IResolvable;
  /**
  * Write a `spire-agent.service` systemd unit in `user_data`. Default true.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#install_unit DataSpireAgentConfig#install_unit}
  */
  readonly installUnit?: boolean | cdktf.IResolvable;
  /**
  * join_token: the token (`spire_join_token`), written to `<config_dir>/join-token` at 0600.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#join_token DataSpireAgentConfig#join_token}
  */
  readonly joinToken?: string;
  /**
  * Where the agent keeps its key: `disk` (default; survives restarts, which aws_iid needs) or `memory`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#key_manager DataSpireAgentConfig#key_manager}
  */
  readonly keyManager?: string;
  /**
  * `text` or `json`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#log_format DataSpireAgentConfig#log_format}
  */
  readonly logFormat?: string;
  /**
  * DEBUG, INFO, WARN or ERROR.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#log_level DataSpireAgentConfig#log_level}
  */
  readonly logLevel?: string;
  /**
  * `aws_iid` (EC2 instance identity) or `join_token`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#node_attestor DataSpireAgentConfig#node_attestor}
  */
  readonly nodeAttestor: string;
  /**
  * DNS name (or IP) of the server cluster: a load balancer name or a name with one A record per server.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#server_address DataSpireAgentConfig#server_address}
  */
  readonly serverAddress: string;
  /**
  * Server API port. Default 8081.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#server_port DataSpireAgentConfig#server_port}
  */
  readonly serverPort?: number;
  /**
  * Workload API socket. Default `/run/spire/sockets/agent.sock` (what spire-helper reads).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#socket_path DataSpireAgentConfig#socket_path}
  */
  readonly socketPath?: string;
  /**
  * Format served at `trust_bundle_url`: `pem` (SPIRE default) or `spiffe`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#trust_bundle_format DataSpireAgentConfig#trust_bundle_format}
  */
  readonly trustBundleFormat?: string;
  /**
  * Bootstrap trust bundle (PEM certificates, such as the upstream root or `spire_cluster.trust_bundle_pem`): written to `<config_dir>/bundle.pem` and named by `trust_bundle_path`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#trust_bundle_pem DataSpireAgentConfig#trust_bundle_pem}
  */
  readonly trustBundlePem?: string;
  /**
  * Fetch the bootstrap bundle from this https:// URL instead (`trust_bundle_url`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#trust_bundle_url DataSpireAgentConfig#trust_bundle_url}
  */
  readonly trustBundleUrl?: string;
  /**
  * The trust domain (`agent.trust_domain`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#trust_domain DataSpireAgentConfig#trust_domain}
  */
  readonly trustDomain: string;
  /**
  * Workload attestor plugins: `unix`, `systemd`. Default both.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#workload_attestors DataSpireAgentConfig#workload_attestors}
  */
  readonly workloadAttestors?: string[];
  /**
  * Key type of workload X509-SVIDs: rsa-2048, ec-p256 (SPIRE default) or ec-p384.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#workload_x509_svid_key_type DataSpireAgentConfig#workload_x509_svid_key_type}
  */
  readonly workloadX509SvidKeyType?: string;
  /**
  * health_checks block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#health_checks DataSpireAgentConfig#health_checks}
  */
  readonly healthChecks?: DataSpireAgentConfigHealthChecks;
}
export interface DataSpireAgentConfigExtraFiles {
  /**
  * The file content.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#content DataSpireAgentConfig#content}
  */
  readonly content: string;
  /**
  * `user:group`. Default `root:root`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#owner DataSpireAgentConfig#owner}
  */
  readonly owner?: string;
  /**
  * Absolute path of the file.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#path DataSpireAgentConfig#path}
  */
  readonly path: string;
  /**
  * Octal mode. Default `0644`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#permissions DataSpireAgentConfig#permissions}
  */
  readonly permissions?: string;
}

export function dataSpireAgentConfigExtraFilesToTerraform(struct?: DataSpireAgentConfigExtraFiles | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    content: cdktf.stringToTerraform(struct!.content),
    owner: cdktf.stringToTerraform(struct!.owner),
    path: cdktf.stringToTerraform(struct!.path),
    permissions: cdktf.stringToTerraform(struct!.permissions),
  }
}


export function dataSpireAgentConfigExtraFilesToHclTerraform(struct?: DataSpireAgentConfigExtraFiles | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    content: {
      value: cdktf.stringToHclTerraform(struct!.content),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    owner: {
      value: cdktf.stringToHclTerraform(struct!.owner),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    path: {
      value: cdktf.stringToHclTerraform(struct!.path),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    permissions: {
      value: cdktf.stringToHclTerraform(struct!.permissions),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DataSpireAgentConfigExtraFilesOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): DataSpireAgentConfigExtraFiles | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._content !== undefined) {
      hasAnyValues = true;
      internalValueResult.content = this._content;
    }
    if (this._owner !== undefined) {
      hasAnyValues = true;
      internalValueResult.owner = this._owner;
    }
    if (this._path !== undefined) {
      hasAnyValues = true;
      internalValueResult.path = this._path;
    }
    if (this._permissions !== undefined) {
      hasAnyValues = true;
      internalValueResult.permissions = this._permissions;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DataSpireAgentConfigExtraFiles | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._content = undefined;
      this._owner = undefined;
      this._path = undefined;
      this._permissions = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._content = value.content;
      this._owner = value.owner;
      this._path = value.path;
      this._permissions = value.permissions;
    }
  }

  // content - computed: false, optional: false, required: true
  private _content?: string; 
  public get content() {
    return this.getStringAttribute('content');
  }
  public set content(value: string) {
    this._content = value;
  }
  // Temporarily expose input value. Use with caution.
  public get contentInput() {
    return this._content;
  }

  // owner - computed: false, optional: true, required: false
  private _owner?: string; 
  public get owner() {
    return this.getStringAttribute('owner');
  }
  public set owner(value: string) {
    this._owner = value;
  }
  public resetOwner() {
    this._owner = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get ownerInput() {
    return this._owner;
  }

  // path - computed: false, optional: false, required: true
  private _path?: string; 
  public get path() {
    return this.getStringAttribute('path');
  }
  public set path(value: string) {
    this._path = value;
  }
  // Temporarily expose input value. Use with caution.
  public get pathInput() {
    return this._path;
  }

  // permissions - computed: false, optional: true, required: false
  private _permissions?: string; 
  public get permissions() {
    return this.getStringAttribute('permissions');
  }
  public set permissions(value: string) {
    this._permissions = value;
  }
  public resetPermissions() {
    this._permissions = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get permissionsInput() {
    return this._permissions;
  }
}

export class DataSpireAgentConfigExtraFilesList extends cdktf.ComplexList {
  public internalValue? : DataSpireAgentConfigExtraFiles[] | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param wrapsSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string, protected wrapsSet: boolean) {
    super(terraformResource, terraformAttribute, wrapsSet)
  }

  /**
  * @param index the index of the item to return
  */
  public get(index: number): DataSpireAgentConfigExtraFilesOutputReference {
    return new DataSpireAgentConfigExtraFilesOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface DataSpireAgentConfigHealthChecks {
  /**
  * Address to listen on. Default `127.0.0.1` (SPIRE's own default is localhost).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#bind_address DataSpireAgentConfig#bind_address}
  */
  readonly bindAddress?: string;
  /**
  * Port to listen on. Default 8080 (SPIRE's own default is 80).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#bind_port DataSpireAgentConfig#bind_port}
  */
  readonly bindPort?: number;
  /**
  * Serve the listener. Default true.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#listener_enabled DataSpireAgentConfig#listener_enabled}
  */
  readonly listenerEnabled?: boolean | cdktf.IResolvable;
  /**
  * Liveness path. Default `/live`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#live_path DataSpireAgentConfig#live_path}
  */
  readonly livePath?: string;
  /**
  * Readiness path. Default `/ready`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#ready_path DataSpireAgentConfig#ready_path}
  */
  readonly readyPath?: string;
}

export function dataSpireAgentConfigHealthChecksToTerraform(struct?: DataSpireAgentConfigHealthChecks | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    bind_address: cdktf.stringToTerraform(struct!.bindAddress),
    bind_port: cdktf.numberToTerraform(struct!.bindPort),
    listener_enabled: cdktf.booleanToTerraform(struct!.listenerEnabled),
    live_path: cdktf.stringToTerraform(struct!.livePath),
    ready_path: cdktf.stringToTerraform(struct!.readyPath),
  }
}


export function dataSpireAgentConfigHealthChecksToHclTerraform(struct?: DataSpireAgentConfigHealthChecks | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    bind_address: {
      value: cdktf.stringToHclTerraform(struct!.bindAddress),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    bind_port: {
      value: cdktf.numberToHclTerraform(struct!.bindPort),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    listener_enabled: {
      value: cdktf.booleanToHclTerraform(struct!.listenerEnabled),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    live_path: {
      value: cdktf.stringToHclTerraform(struct!.livePath),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    ready_path: {
      value: cdktf.stringToHclTerraform(struct!.readyPath),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DataSpireAgentConfigHealthChecksOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DataSpireAgentConfigHealthChecks | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._bindAddress !== undefined) {
      hasAnyValues = true;
      internalValueResult.bindAddress = this._bindAddress;
    }
    if (this._bindPort !== undefined) {
      hasAnyValues = true;
      internalValueResult.bindPort = this._bindPort;
    }
    if (this._listenerEnabled !== undefined) {
      hasAnyValues = true;
      internalValueResult.listenerEnabled = this._listenerEnabled;
    }
    if (this._livePath !== undefined) {
      hasAnyValues = true;
      internalValueResult.livePath = this._livePath;
    }
    if (this._readyPath !== undefined) {
      hasAnyValues = true;
      internalValueResult.readyPath = this._readyPath;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DataSpireAgentConfigHealthChecks | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._bindAddress = undefined;
      this._bindPort = undefined;
      this._listenerEnabled = undefined;
      this._livePath = undefined;
      this._readyPath = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._bindAddress = value.bindAddress;
      this._bindPort = value.bindPort;
      this._listenerEnabled = value.listenerEnabled;
      this._livePath = value.livePath;
      this._readyPath = value.readyPath;
    }
  }

  // bind_address - computed: false, optional: true, required: false
  private _bindAddress?: string; 
  public get bindAddress() {
    return this.getStringAttribute('bind_address');
  }
  public set bindAddress(value: string) {
    this._bindAddress = value;
  }
  public resetBindAddress() {
    this._bindAddress = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get bindAddressInput() {
    return this._bindAddress;
  }

  // bind_port - computed: false, optional: true, required: false
  private _bindPort?: number; 
  public get bindPort() {
    return this.getNumberAttribute('bind_port');
  }
  public set bindPort(value: number) {
    this._bindPort = value;
  }
  public resetBindPort() {
    this._bindPort = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get bindPortInput() {
    return this._bindPort;
  }

  // listener_enabled - computed: false, optional: true, required: false
  private _listenerEnabled?: boolean | cdktf.IResolvable; 
  public get listenerEnabled() {
    return this.getBooleanAttribute('listener_enabled');
  }
  public set listenerEnabled(value: boolean | cdktf.IResolvable) {
    this._listenerEnabled = value;
  }
  public resetListenerEnabled() {
    this._listenerEnabled = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get listenerEnabledInput() {
    return this._listenerEnabled;
  }

  // live_path - computed: false, optional: true, required: false
  private _livePath?: string; 
  public get livePath() {
    return this.getStringAttribute('live_path');
  }
  public set livePath(value: string) {
    this._livePath = value;
  }
  public resetLivePath() {
    this._livePath = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get livePathInput() {
    return this._livePath;
  }

  // ready_path - computed: false, optional: true, required: false
  private _readyPath?: string; 
  public get readyPath() {
    return this.getStringAttribute('ready_path');
  }
  public set readyPath(value: string) {
    this._readyPath = value;
  }
  public resetReadyPath() {
    this._readyPath = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get readyPathInput() {
    return this._readyPath;
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config spire_agent_config}
*/
export class DataSpireAgentConfig extends cdktf.TerraformDataSource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "spire_agent_config";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a DataSpireAgentConfig resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DataSpireAgentConfig to import
  * @param importFromId The id of the existing DataSpireAgentConfig that should be imported. Refer to the {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DataSpireAgentConfig to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "spire_agent_config", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agent_config spire_agent_config} Data Source
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DataSpireAgentConfigConfig
  */
  public constructor(scope: Construct, id: string, config: DataSpireAgentConfigConfig) {
    super(scope, id, {
      terraformResourceType: 'spire_agent_config',
      terraformGeneratorMetadata: {
        providerName: 'spire'
      },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach
    });
    this._agentBinary = config.agentBinary;
    this._configDir = config.configDir;
    this._dataDir = config.dataDir;
    this._ec2MetadataEndpoint = config.ec2MetadataEndpoint;
    this._enableUnits = config.enableUnits;
    this._extraFiles.internalValue = config.extraFiles;
    this._insecureBootstrap = config.insecureBootstrap;
    this._installUnit = config.installUnit;
    this._joinToken = config.joinToken;
    this._keyManager = config.keyManager;
    this._logFormat = config.logFormat;
    this._logLevel = config.logLevel;
    this._nodeAttestor = config.nodeAttestor;
    this._serverAddress = config.serverAddress;
    this._serverPort = config.serverPort;
    this._socketPath = config.socketPath;
    this._trustBundleFormat = config.trustBundleFormat;
    this._trustBundlePem = config.trustBundlePem;
    this._trustBundleUrl = config.trustBundleUrl;
    this._trustDomain = config.trustDomain;
    this._workloadAttestors = config.workloadAttestors;
    this._workloadX509SvidKeyType = config.workloadX509SvidKeyType;
    this._healthChecks.internalValue = config.healthChecks;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // agent_binary - computed: false, optional: true, required: false
  private _agentBinary?: string; 
  public get agentBinary() {
    return this.getStringAttribute('agent_binary');
  }
  public set agentBinary(value: string) {
    this._agentBinary = value;
  }
  public resetAgentBinary() {
    this._agentBinary = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get agentBinaryInput() {
    return this._agentBinary;
  }

  // config_dir - computed: false, optional: true, required: false
  private _configDir?: string; 
  public get configDir() {
    return this.getStringAttribute('config_dir');
  }
  public set configDir(value: string) {
    this._configDir = value;
  }
  public resetConfigDir() {
    this._configDir = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get configDirInput() {
    return this._configDir;
  }

  // config_path - computed: true, optional: false, required: false
  public get configPath() {
    return this.getStringAttribute('config_path');
  }

  // data_dir - computed: false, optional: true, required: false
  private _dataDir?: string; 
  public get dataDir() {
    return this.getStringAttribute('data_dir');
  }
  public set dataDir(value: string) {
    this._dataDir = value;
  }
  public resetDataDir() {
    this._dataDir = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get dataDirInput() {
    return this._dataDir;
  }

  // ec2_metadata_endpoint - computed: false, optional: true, required: false
  private _ec2MetadataEndpoint?: string; 
  public get ec2MetadataEndpoint() {
    return this.getStringAttribute('ec2_metadata_endpoint');
  }
  public set ec2MetadataEndpoint(value: string) {
    this._ec2MetadataEndpoint = value;
  }
  public resetEc2MetadataEndpoint() {
    this._ec2MetadataEndpoint = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get ec2MetadataEndpointInput() {
    return this._ec2MetadataEndpoint;
  }

  // enable_units - computed: false, optional: true, required: false
  private _enableUnits?: string[]; 
  public get enableUnits() {
    return this.getListAttribute('enable_units');
  }
  public set enableUnits(value: string[]) {
    this._enableUnits = value;
  }
  public resetEnableUnits() {
    this._enableUnits = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get enableUnitsInput() {
    return this._enableUnits;
  }

  // extra_files - computed: false, optional: true, required: false
  private _extraFiles = new DataSpireAgentConfigExtraFilesList(this, "extra_files", false);
  public get extraFiles() {
    return this._extraFiles;
  }
  public putExtraFiles(value: DataSpireAgentConfigExtraFiles[] | cdktf.IResolvable) {
    this._extraFiles.internalValue = value;
  }
  public resetExtraFiles() {
    this._extraFiles.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get extraFilesInput() {
    return this._extraFiles.internalValue;
  }

  // hcl - computed: true, optional: false, required: false
  public get hcl() {
    return this.getStringAttribute('hcl');
  }

  // insecure_bootstrap - computed: false, optional: true, required: false
  private _insecureBootstrap?: boolean | cdktf.IResolvable; 
  public get insecureBootstrap() {
    return this.getBooleanAttribute('insecure_bootstrap');
  }
  public set insecureBootstrap(value: boolean | cdktf.IResolvable) {
    this._insecureBootstrap = value;
  }
  public resetInsecureBootstrap() {
    this._insecureBootstrap = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get insecureBootstrapInput() {
    return this._insecureBootstrap;
  }

  // install_unit - computed: false, optional: true, required: false
  private _installUnit?: boolean | cdktf.IResolvable; 
  public get installUnit() {
    return this.getBooleanAttribute('install_unit');
  }
  public set installUnit(value: boolean | cdktf.IResolvable) {
    this._installUnit = value;
  }
  public resetInstallUnit() {
    this._installUnit = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get installUnitInput() {
    return this._installUnit;
  }

  // join_token - computed: false, optional: true, required: false
  private _joinToken?: string; 
  public get joinToken() {
    return this.getStringAttribute('join_token');
  }
  public set joinToken(value: string) {
    this._joinToken = value;
  }
  public resetJoinToken() {
    this._joinToken = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get joinTokenInput() {
    return this._joinToken;
  }

  // key_manager - computed: false, optional: true, required: false
  private _keyManager?: string; 
  public get keyManager() {
    return this.getStringAttribute('key_manager');
  }
  public set keyManager(value: string) {
    this._keyManager = value;
  }
  public resetKeyManager() {
    this._keyManager = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get keyManagerInput() {
    return this._keyManager;
  }

  // log_format - computed: false, optional: true, required: false
  private _logFormat?: string; 
  public get logFormat() {
    return this.getStringAttribute('log_format');
  }
  public set logFormat(value: string) {
    this._logFormat = value;
  }
  public resetLogFormat() {
    this._logFormat = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get logFormatInput() {
    return this._logFormat;
  }

  // log_level - computed: false, optional: true, required: false
  private _logLevel?: string; 
  public get logLevel() {
    return this.getStringAttribute('log_level');
  }
  public set logLevel(value: string) {
    this._logLevel = value;
  }
  public resetLogLevel() {
    this._logLevel = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get logLevelInput() {
    return this._logLevel;
  }

  // node_attestor - computed: false, optional: false, required: true
  private _nodeAttestor?: string; 
  public get nodeAttestor() {
    return this.getStringAttribute('node_attestor');
  }
  public set nodeAttestor(value: string) {
    this._nodeAttestor = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nodeAttestorInput() {
    return this._nodeAttestor;
  }

  // server_address - computed: false, optional: false, required: true
  private _serverAddress?: string; 
  public get serverAddress() {
    return this.getStringAttribute('server_address');
  }
  public set serverAddress(value: string) {
    this._serverAddress = value;
  }
  // Temporarily expose input value. Use with caution.
  public get serverAddressInput() {
    return this._serverAddress;
  }

  // server_port - computed: false, optional: true, required: false
  private _serverPort?: number; 
  public get serverPort() {
    return this.getNumberAttribute('server_port');
  }
  public set serverPort(value: number) {
    this._serverPort = value;
  }
  public resetServerPort() {
    this._serverPort = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get serverPortInput() {
    return this._serverPort;
  }

  // sha256 - computed: true, optional: false, required: false
  public get sha256() {
    return this.getStringAttribute('sha256');
  }

  // socket_path - computed: false, optional: true, required: false
  private _socketPath?: string; 
  public get socketPath() {
    return this.getStringAttribute('socket_path');
  }
  public set socketPath(value: string) {
    this._socketPath = value;
  }
  public resetSocketPath() {
    this._socketPath = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get socketPathInput() {
    return this._socketPath;
  }

  // trust_bundle_format - computed: false, optional: true, required: false
  private _trustBundleFormat?: string; 
  public get trustBundleFormat() {
    return this.getStringAttribute('trust_bundle_format');
  }
  public set trustBundleFormat(value: string) {
    this._trustBundleFormat = value;
  }
  public resetTrustBundleFormat() {
    this._trustBundleFormat = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get trustBundleFormatInput() {
    return this._trustBundleFormat;
  }

  // trust_bundle_pem - computed: false, optional: true, required: false
  private _trustBundlePem?: string; 
  public get trustBundlePem() {
    return this.getStringAttribute('trust_bundle_pem');
  }
  public set trustBundlePem(value: string) {
    this._trustBundlePem = value;
  }
  public resetTrustBundlePem() {
    this._trustBundlePem = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get trustBundlePemInput() {
    return this._trustBundlePem;
  }

  // trust_bundle_url - computed: false, optional: true, required: false
  private _trustBundleUrl?: string; 
  public get trustBundleUrl() {
    return this.getStringAttribute('trust_bundle_url');
  }
  public set trustBundleUrl(value: string) {
    this._trustBundleUrl = value;
  }
  public resetTrustBundleUrl() {
    this._trustBundleUrl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get trustBundleUrlInput() {
    return this._trustBundleUrl;
  }

  // trust_domain - computed: false, optional: false, required: true
  private _trustDomain?: string; 
  public get trustDomain() {
    return this.getStringAttribute('trust_domain');
  }
  public set trustDomain(value: string) {
    this._trustDomain = value;
  }
  // Temporarily expose input value. Use with caution.
  public get trustDomainInput() {
    return this._trustDomain;
  }

  // user_data - computed: true, optional: false, required: false
  public get userData() {
    return this.getStringAttribute('user_data');
  }

  // workload_attestors - computed: false, optional: true, required: false
  private _workloadAttestors?: string[]; 
  public get workloadAttestors() {
    return this.getListAttribute('workload_attestors');
  }
  public set workloadAttestors(value: string[]) {
    this._workloadAttestors = value;
  }
  public resetWorkloadAttestors() {
    this._workloadAttestors = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get workloadAttestorsInput() {
    return this._workloadAttestors;
  }

  // workload_x509_svid_key_type - computed: false, optional: true, required: false
  private _workloadX509SvidKeyType?: string; 
  public get workloadX509SvidKeyType() {
    return this.getStringAttribute('workload_x509_svid_key_type');
  }
  public set workloadX509SvidKeyType(value: string) {
    this._workloadX509SvidKeyType = value;
  }
  public resetWorkloadX509SvidKeyType() {
    this._workloadX509SvidKeyType = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get workloadX509SvidKeyTypeInput() {
    return this._workloadX509SvidKeyType;
  }

  // health_checks - computed: false, optional: true, required: false
  private _healthChecks = new DataSpireAgentConfigHealthChecksOutputReference(this, "health_checks");
  public get healthChecks() {
    return this._healthChecks;
  }
  public putHealthChecks(value: DataSpireAgentConfigHealthChecks) {
    this._healthChecks.internalValue = value;
  }
  public resetHealthChecks() {
    this._healthChecks.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get healthChecksInput() {
    return this._healthChecks.internalValue;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      agent_binary: cdktf.stringToTerraform(this._agentBinary),
      config_dir: cdktf.stringToTerraform(this._configDir),
      data_dir: cdktf.stringToTerraform(this._dataDir),
      ec2_metadata_endpoint: cdktf.stringToTerraform(this._ec2MetadataEndpoint),
      enable_units: cdktf.listMapper(cdktf.stringToTerraform, false)(this._enableUnits),
      extra_files: cdktf.listMapper(dataSpireAgentConfigExtraFilesToTerraform, false)(this._extraFiles.internalValue),
      insecure_bootstrap: cdktf.booleanToTerraform(this._insecureBootstrap),
      install_unit: cdktf.booleanToTerraform(this._installUnit),
      join_token: cdktf.stringToTerraform(this._joinToken),
      key_manager: cdktf.stringToTerraform(this._keyManager),
      log_format: cdktf.stringToTerraform(this._logFormat),
      log_level: cdktf.stringToTerraform(this._logLevel),
      node_attestor: cdktf.stringToTerraform(this._nodeAttestor),
      server_address: cdktf.stringToTerraform(this._serverAddress),
      server_port: cdktf.numberToTerraform(this._serverPort),
      socket_path: cdktf.stringToTerraform(this._socketPath),
      trust_bundle_format: cdktf.stringToTerraform(this._trustBundleFormat),
      trust_bundle_pem: cdktf.stringToTerraform(this._trustBundlePem),
      trust_bundle_url: cdktf.stringToTerraform(this._trustBundleUrl),
      trust_domain: cdktf.stringToTerraform(this._trustDomain),
      workload_attestors: cdktf.listMapper(cdktf.stringToTerraform, false)(this._workloadAttestors),
      workload_x509_svid_key_type: cdktf.stringToTerraform(this._workloadX509SvidKeyType),
      health_checks: dataSpireAgentConfigHealthChecksToTerraform(this._healthChecks.internalValue),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      agent_binary: {
        value: cdktf.stringToHclTerraform(this._agentBinary),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      config_dir: {
        value: cdktf.stringToHclTerraform(this._configDir),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      data_dir: {
        value: cdktf.stringToHclTerraform(this._dataDir),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      ec2_metadata_endpoint: {
        value: cdktf.stringToHclTerraform(this._ec2MetadataEndpoint),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      enable_units: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._enableUnits),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
      extra_files: {
        value: cdktf.listMapperHcl(dataSpireAgentConfigExtraFilesToHclTerraform, false)(this._extraFiles.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "DataSpireAgentConfigExtraFilesList",
      },
      insecure_bootstrap: {
        value: cdktf.booleanToHclTerraform(this._insecureBootstrap),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      install_unit: {
        value: cdktf.booleanToHclTerraform(this._installUnit),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      join_token: {
        value: cdktf.stringToHclTerraform(this._joinToken),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      key_manager: {
        value: cdktf.stringToHclTerraform(this._keyManager),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      log_format: {
        value: cdktf.stringToHclTerraform(this._logFormat),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      log_level: {
        value: cdktf.stringToHclTerraform(this._logLevel),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      node_attestor: {
        value: cdktf.stringToHclTerraform(this._nodeAttestor),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      server_address: {
        value: cdktf.stringToHclTerraform(this._serverAddress),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      server_port: {
        value: cdktf.numberToHclTerraform(this._serverPort),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      socket_path: {
        value: cdktf.stringToHclTerraform(this._socketPath),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      trust_bundle_format: {
        value: cdktf.stringToHclTerraform(this._trustBundleFormat),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      trust_bundle_pem: {
        value: cdktf.stringToHclTerraform(this._trustBundlePem),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      trust_bundle_url: {
        value: cdktf.stringToHclTerraform(this._trustBundleUrl),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      trust_domain: {
        value: cdktf.stringToHclTerraform(this._trustDomain),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      workload_attestors: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._workloadAttestors),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
      workload_x509_svid_key_type: {
        value: cdktf.stringToHclTerraform(this._workloadX509SvidKeyType),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      health_checks: {
        value: dataSpireAgentConfigHealthChecksToHclTerraform(this._healthChecks.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "DataSpireAgentConfigHealthChecks",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
