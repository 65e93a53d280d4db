// https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface DataSpireServerConfigConfig extends cdktf.TerraformMetaArguments {
  /**
  * SPIFFE IDs granted admin access to the Server API (`admin_ids`), such as Terraform's own.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#admin_ids DataSpireServerConfig#admin_ids}
  */
  readonly adminIds?: string[];
  /**
  * TTL of agent SVIDs (SPIRE default: default_x509_svid_ttl).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#agent_ttl DataSpireServerConfig#agent_ttl}
  */
  readonly agentTtl?: string;
  /**
  * IP address or DNS name the Server API listens on. Default `0.0.0.0`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#bind_address DataSpireServerConfig#bind_address}
  */
  readonly bindAddress?: string;
  /**
  * Port of the Server API. Default 8081.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#bind_port DataSpireServerConfig#bind_port}
  */
  readonly bindPort?: number;
  /**
  * Key type of the server CA: rsa-2048, rsa-4096, ec-p256 (SPIRE default) or ec-p384.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#ca_key_type DataSpireServerConfig#ca_key_type}
  */
  readonly caKeyType?: string;
  /**
  * TTL of the server CA (`ca_ttl`, SPIRE default 24h).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#ca_ttl DataSpireServerConfig#ca_ttl}
  */
  readonly caTtl?: string;
  /**
  * Where `user_data` writes server.conf. Default `/etc/spire/server/server.conf`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#config_path DataSpireServerConfig#config_path}
  */
  readonly configPath?: string;
  /**
  * Runtime data directory. Default `/var/lib/spire/server`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#data_dir DataSpireServerConfig#data_dir}
  */
  readonly dataDir?: string;
  /**
  * Default JWT-SVID TTL (SPIRE default 5m).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#default_jwt_svid_ttl DataSpireServerConfig#default_jwt_svid_ttl}
  */
  readonly defaultJwtSvidTtl?: string;
  /**
  * Default X509-SVID TTL (SPIRE default 1h).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#default_x509_svid_ttl DataSpireServerConfig#default_x509_svid_ttl}
  */
  readonly defaultX509SvidTtl?: string;
  /**
  * Units `user_data` enables and starts. Default `["spire-server.service"]`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#enable_units DataSpireServerConfig#enable_units}
  */
  readonly enableUnits?: string[];
  /**
  * More files for `user_data` to write (for example a CA certificate or plugin rules).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#extra_files DataSpireServerConfig#extra_files}
  */
  readonly extraFiles?: DataSpireServerConfigExtraFiles[] | cdktf.IResolvable;
  /**
  * True when this server is one of several sharing the datastore (HA). Then the datastore must be postgres or mysql. Default false.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#ha DataSpireServerConfig#ha}
  */
  readonly ha?: boolean | cdktf.IResolvable;
  /**
  * Write a `spire-server.service` systemd unit in `user_data`. Default true.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#install_unit DataSpireServerConfig#install_unit}
  */
  readonly installUnit?: boolean | cdktf.IResolvable;
  /**
  * The `iss` claim of JWT-SVIDs.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#jwt_issuer DataSpireServerConfig#jwt_issuer}
  */
  readonly jwtIssuer?: string;
  /**
  * `text` or `json`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#log_format DataSpireServerConfig#log_format}
  */
  readonly logFormat?: string;
  /**
  * DEBUG, INFO, WARN or ERROR. Default SPIRE's (INFO).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#log_level DataSpireServerConfig#log_level}
  */
  readonly logLevel?: string;
  /**
  * The spire-server executable the systemd unit runs. Default `/opt/bin/spire-server`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#server_binary DataSpireServerConfig#server_binary}
  */
  readonly serverBinary?: string;
  /**
  * Path of the local admin API socket. Default `/tmp/spire-server/private/api.sock`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#socket_path DataSpireServerConfig#socket_path}
  */
  readonly socketPath?: string;
  /**
  * The trust domain (`server.trust_domain`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#trust_domain DataSpireServerConfig#trust_domain}
  */
  readonly trustDomain: string;
  /**
  * ca_subject block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#ca_subject DataSpireServerConfig#ca_subject}
  */
  readonly caSubject?: DataSpireServerConfigCaSubject;
  /**
  * credential_composer block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#credential_composer DataSpireServerConfig#credential_composer}
  */
  readonly credentialComposer?: DataSpireServerConfigCredentialComposer;
  /**
  * datastore block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#datastore DataSpireServerConfig#datastore}
  */
  readonly datastore?: DataSpireServerConfigDatastore;
  /**
  * federation block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#federation DataSpireServerConfig#federation}
  */
  readonly federation?: DataSpireServerConfigFederation;
  /**
  * health_checks block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#health_checks DataSpireServerConfig#health_checks}
  */
  readonly healthChecks?: DataSpireServerConfigHealthChecks;
  /**
  * key_manager block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#key_manager DataSpireServerConfig#key_manager}
  */
  readonly keyManager?: DataSpireServerConfigKeyManager;
  /**
  * node_attestor block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#node_attestor DataSpireServerConfig#node_attestor}
  */
  readonly nodeAttestor?: DataSpireServerConfigNodeAttestor[] | cdktf.IResolvable;
  /**
  * telemetry block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#telemetry DataSpireServerConfig#telemetry}
  */
  readonly telemetry?: DataSpireServerConfigTelemetry;
  /**
  * upstream_authority block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#upstream_authority DataSpireServerConfig#upstream_authority}
  */
  readonly upstreamAuthority?: DataSpireServerConfigUpstreamAuthority;
}
export interface DataSpireServerConfigExtraFiles {
  /**
  * The file content.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#content DataSpireServerConfig#content}
  */
  readonly content: string;
  /**
  * `user:group`. Default `root:root`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#owner DataSpireServerConfig#owner}
  */
  readonly owner?: string;
  /**
  * Absolute path of the file.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#path DataSpireServerConfig#path}
  */
  readonly path: string;
  /**
  * Octal mode. Default `0644`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#permissions DataSpireServerConfig#permissions}
  */
  readonly permissions?: string;
}

export function dataSpireServerConfigExtraFilesToTerraform(struct?: DataSpireServerConfigExtraFiles | cdktf.IResolvable): any {
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


export function dataSpireServerConfigExtraFilesToHclTerraform(struct?: DataSpireServerConfigExtraFiles | cdktf.IResolvable): any {
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

export class DataSpireServerConfigExtraFilesOutputReference extends cdktf.ComplexObject {
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

  public get internalValue(): DataSpireServerConfigExtraFiles | cdktf.IResolvable | undefined {
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

  public set internalValue(value: DataSpireServerConfigExtraFiles | cdktf.IResolvable | undefined) {
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

export class DataSpireServerConfigExtraFilesList extends cdktf.ComplexList {
  public internalValue? : DataSpireServerConfigExtraFiles[] | cdktf.IResolvable

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
  public get(index: number): DataSpireServerConfigExtraFilesOutputReference {
    return new DataSpireServerConfigExtraFilesOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface DataSpireServerConfigCaSubject {
  /**
  * Common name.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#common_name DataSpireServerConfig#common_name}
  */
  readonly commonName?: string;
  /**
  * Country values.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#country DataSpireServerConfig#country}
  */
  readonly country?: string[];
  /**
  * Organization values.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#organization DataSpireServerConfig#organization}
  */
  readonly organization?: string[];
}

export function dataSpireServerConfigCaSubjectToTerraform(struct?: DataSpireServerConfigCaSubject | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    common_name: cdktf.stringToTerraform(struct!.commonName),
    country: cdktf.listMapper(cdktf.stringToTerraform, false)(struct!.country),
    organization: cdktf.listMapper(cdktf.stringToTerraform, false)(struct!.organization),
  }
}


export function dataSpireServerConfigCaSubjectToHclTerraform(struct?: DataSpireServerConfigCaSubject | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    common_name: {
      value: cdktf.stringToHclTerraform(struct!.commonName),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    country: {
      value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(struct!.country),
      isBlock: false,
      type: "list",
      storageClassType: "stringList",
    },
    organization: {
      value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(struct!.organization),
      isBlock: false,
      type: "list",
      storageClassType: "stringList",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DataSpireServerConfigCaSubjectOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DataSpireServerConfigCaSubject | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._commonName !== undefined) {
      hasAnyValues = true;
      internalValueResult.commonName = this._commonName;
    }
    if (this._country !== undefined) {
      hasAnyValues = true;
      internalValueResult.country = this._country;
    }
    if (this._organization !== undefined) {
      hasAnyValues = true;
      internalValueResult.organization = this._organization;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DataSpireServerConfigCaSubject | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._commonName = undefined;
      this._country = undefined;
      this._organization = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._commonName = value.commonName;
      this._country = value.country;
      this._organization = value.organization;
    }
  }

  // common_name - computed: false, optional: true, required: false
  private _commonName?: string; 
  public get commonName() {
    return this.getStringAttribute('common_name');
  }
  public set commonName(value: string) {
    this._commonName = value;
  }
  public resetCommonName() {
    this._commonName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get commonNameInput() {
    return this._commonName;
  }

  // country - computed: false, optional: true, required: false
  private _country?: string[]; 
  public get country() {
    return this.getListAttribute('country');
  }
  public set country(value: string[]) {
    this._country = value;
  }
  public resetCountry() {
    this._country = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get countryInput() {
    return this._country;
  }

  // organization - computed: false, optional: true, required: false
  private _organization?: string[]; 
  public get organization() {
    return this.getListAttribute('organization');
  }
  public set organization(value: string[]) {
    this._organization = value;
  }
  public resetOrganization() {
    this._organization = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get organizationInput() {
    return this._organization;
  }
}
export interface DataSpireServerConfigCredentialComposer {
  /**
  * Plugin name; a built-in name unless `plugin_cmd` is set.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#name DataSpireServerConfig#name}
  */
  readonly name: string;
  /**
  * SHA-256 (hex) of the executable; SPIRE refuses to start it otherwise.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#plugin_checksum DataSpireServerConfig#plugin_checksum}
  */
  readonly pluginChecksum?: string;
  /**
  * The plugin executable.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#plugin_cmd DataSpireServerConfig#plugin_cmd}
  */
  readonly pluginCmd?: string;
  /**
  * Plugin settings as an object, rendered as a `plugin_data` block.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#plugin_data DataSpireServerConfig#plugin_data}
  */
  readonly pluginData?: { [key: string]: any };
  /**
  * A file holding the settings instead (spire-credentialcomposer-k8s reads its JSON rules from one).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#plugin_data_file DataSpireServerConfig#plugin_data_file}
  */
  readonly pluginDataFile?: string;
}

export function dataSpireServerConfigCredentialComposerToTerraform(struct?: DataSpireServerConfigCredentialComposer | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    name: cdktf.stringToTerraform(struct!.name),
    plugin_checksum: cdktf.stringToTerraform(struct!.pluginChecksum),
    plugin_cmd: cdktf.stringToTerraform(struct!.pluginCmd),
    plugin_data: cdktf.hashMapper(cdktf.anyToTerraform)(struct!.pluginData),
    plugin_data_file: cdktf.stringToTerraform(struct!.pluginDataFile),
  }
}


export function dataSpireServerConfigCredentialComposerToHclTerraform(struct?: DataSpireServerConfigCredentialComposer | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    plugin_checksum: {
      value: cdktf.stringToHclTerraform(struct!.pluginChecksum),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    plugin_cmd: {
      value: cdktf.stringToHclTerraform(struct!.pluginCmd),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    plugin_data: {
      value: cdktf.hashMapperHcl(cdktf.anyToHclTerraform)(struct!.pluginData),
      isBlock: false,
      type: "map",
      storageClassType: "anyMap",
    },
    plugin_data_file: {
      value: cdktf.stringToHclTerraform(struct!.pluginDataFile),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DataSpireServerConfigCredentialComposerOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DataSpireServerConfigCredentialComposer | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._pluginChecksum !== undefined) {
      hasAnyValues = true;
      internalValueResult.pluginChecksum = this._pluginChecksum;
    }
    if (this._pluginCmd !== undefined) {
      hasAnyValues = true;
      internalValueResult.pluginCmd = this._pluginCmd;
    }
    if (this._pluginData !== undefined) {
      hasAnyValues = true;
      internalValueResult.pluginData = this._pluginData;
    }
    if (this._pluginDataFile !== undefined) {
      hasAnyValues = true;
      internalValueResult.pluginDataFile = this._pluginDataFile;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DataSpireServerConfigCredentialComposer | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._name = undefined;
      this._pluginChecksum = undefined;
      this._pluginCmd = undefined;
      this._pluginData = undefined;
      this._pluginDataFile = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._name = value.name;
      this._pluginChecksum = value.pluginChecksum;
      this._pluginCmd = value.pluginCmd;
      this._pluginData = value.pluginData;
      this._pluginDataFile = value.pluginDataFile;
    }
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // plugin_checksum - computed: false, optional: true, required: false
  private _pluginChecksum?: string; 
  public get pluginChecksum() {
    return this.getStringAttribute('plugin_checksum');
  }
  public set pluginChecksum(value: string) {
    this._pluginChecksum = value;
  }
  public resetPluginChecksum() {
    this._pluginChecksum = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get pluginChecksumInput() {
    return this._pluginChecksum;
  }

  // plugin_cmd - computed: false, optional: true, required: false
  private _pluginCmd?: string; 
  public get pluginCmd() {
    return this.getStringAttribute('plugin_cmd');
  }
  public set pluginCmd(value: string) {
    this._pluginCmd = value;
  }
  public resetPluginCmd() {
    this._pluginCmd = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get pluginCmdInput() {
    return this._pluginCmd;
  }

  // plugin_data - computed: false, optional: true, required: false
  private _pluginData?: { [key: string]: any }; 
  public get pluginData() {
    return this.getAnyMapAttribute('plugin_data');
  }
  public set pluginData(value: { [key: string]: any }) {
    this._pluginData = value;
  }
  public resetPluginData() {
    this._pluginData = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get pluginDataInput() {
    return this._pluginData;
  }

  // plugin_data_file - computed: false, optional: true, required: false
  private _pluginDataFile?: string; 
  public get pluginDataFile() {
    return this.getStringAttribute('plugin_data_file');
  }
  public set pluginDataFile(value: string) {
    this._pluginDataFile = value;
  }
  public resetPluginDataFile() {
    this._pluginDataFile = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get pluginDataFileInput() {
    return this._pluginDataFile;
  }
}
export interface DataSpireServerConfigDatastore {
  /**
  * MySQL only: client certificate.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#client_cert_path DataSpireServerConfig#client_cert_path}
  */
  readonly clientCertPath?: string;
  /**
  * MySQL only: client key.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#client_key_path DataSpireServerConfig#client_key_path}
  */
  readonly clientKeyPath?: string;
  /**
  * Maximum time a connection is reused.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#conn_max_lifetime DataSpireServerConfig#conn_max_lifetime}
  */
  readonly connMaxLifetime?: string;
  /**
  * postgres: lib/pq `key=value` (sslmode defaults to require); mysql: DSN; sqlite3: a file. May hold `${NAME}` for spire-server `-expandEnv`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#connection_string DataSpireServerConfig#connection_string}
  */
  readonly connectionString: string;
  /**
  * Do not migrate the schema at start (coordinate migrations of a shared datastore).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#disable_migration DataSpireServerConfig#disable_migration}
  */
  readonly disableMigration?: boolean | cdktf.IResolvable;
  /**
  * Maximum idle connections (SPIRE default 100).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#max_idle_conns DataSpireServerConfig#max_idle_conns}
  */
  readonly maxIdleConns?: number;
  /**
  * Maximum open connections (SPIRE default 100).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#max_open_conns DataSpireServerConfig#max_open_conns}
  */
  readonly maxOpenConns?: number;
  /**
  * Read-only replica (not for sqlite3).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#ro_connection_string DataSpireServerConfig#ro_connection_string}
  */
  readonly roConnectionString?: string;
  /**
  * MySQL only: CA bundle for the server certificate.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#root_ca_path DataSpireServerConfig#root_ca_path}
  */
  readonly rootCaPath?: string;
  /**
  * `database_type`: sqlite3 (one server only), postgres or mysql.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#type DataSpireServerConfig#type}
  */
  readonly type: string;
}

export function dataSpireServerConfigDatastoreToTerraform(struct?: DataSpireServerConfigDatastore | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    client_cert_path: cdktf.stringToTerraform(struct!.clientCertPath),
    client_key_path: cdktf.stringToTerraform(struct!.clientKeyPath),
    conn_max_lifetime: cdktf.stringToTerraform(struct!.connMaxLifetime),
    connection_string: cdktf.stringToTerraform(struct!.connectionString),
    disable_migration: cdktf.booleanToTerraform(struct!.disableMigration),
    max_idle_conns: cdktf.numberToTerraform(struct!.maxIdleConns),
    max_open_conns: cdktf.numberToTerraform(struct!.maxOpenConns),
    ro_connection_string: cdktf.stringToTerraform(struct!.roConnectionString),
    root_ca_path: cdktf.stringToTerraform(struct!.rootCaPath),
    type: cdktf.stringToTerraform(struct!.type),
  }
}


export function dataSpireServerConfigDatastoreToHclTerraform(struct?: DataSpireServerConfigDatastore | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    client_cert_path: {
      value: cdktf.stringToHclTerraform(struct!.clientCertPath),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    client_key_path: {
      value: cdktf.stringToHclTerraform(struct!.clientKeyPath),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    conn_max_lifetime: {
      value: cdktf.stringToHclTerraform(struct!.connMaxLifetime),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    connection_string: {
      value: cdktf.stringToHclTerraform(struct!.connectionString),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    disable_migration: {
      value: cdktf.booleanToHclTerraform(struct!.disableMigration),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    max_idle_conns: {
      value: cdktf.numberToHclTerraform(struct!.maxIdleConns),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    max_open_conns: {
      value: cdktf.numberToHclTerraform(struct!.maxOpenConns),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    ro_connection_string: {
      value: cdktf.stringToHclTerraform(struct!.roConnectionString),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    root_ca_path: {
      value: cdktf.stringToHclTerraform(struct!.rootCaPath),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    type: {
      value: cdktf.stringToHclTerraform(struct!.type),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DataSpireServerConfigDatastoreOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DataSpireServerConfigDatastore | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._clientCertPath !== undefined) {
      hasAnyValues = true;
      internalValueResult.clientCertPath = this._clientCertPath;
    }
    if (this._clientKeyPath !== undefined) {
      hasAnyValues = true;
      internalValueResult.clientKeyPath = this._clientKeyPath;
    }
    if (this._connMaxLifetime !== undefined) {
      hasAnyValues = true;
      internalValueResult.connMaxLifetime = this._connMaxLifetime;
    }
    if (this._connectionString !== undefined) {
      hasAnyValues = true;
      internalValueResult.connectionString = this._connectionString;
    }
    if (this._disableMigration !== undefined) {
      hasAnyValues = true;
      internalValueResult.disableMigration = this._disableMigration;
    }
    if (this._maxIdleConns !== undefined) {
      hasAnyValues = true;
      internalValueResult.maxIdleConns = this._maxIdleConns;
    }
    if (this._maxOpenConns !== undefined) {
      hasAnyValues = true;
      internalValueResult.maxOpenConns = this._maxOpenConns;
    }
    if (this._roConnectionString !== undefined) {
      hasAnyValues = true;
      internalValueResult.roConnectionString = this._roConnectionString;
    }
    if (this._rootCaPath !== undefined) {
      hasAnyValues = true;
      internalValueResult.rootCaPath = this._rootCaPath;
    }
    if (this._type !== undefined) {
      hasAnyValues = true;
      internalValueResult.type = this._type;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DataSpireServerConfigDatastore | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._clientCertPath = undefined;
      this._clientKeyPath = undefined;
      this._connMaxLifetime = undefined;
      this._connectionString = undefined;
      this._disableMigration = undefined;
      this._maxIdleConns = undefined;
      this._maxOpenConns = undefined;
      this._roConnectionString = undefined;
      this._rootCaPath = undefined;
      this._type = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._clientCertPath = value.clientCertPath;
      this._clientKeyPath = value.clientKeyPath;
      this._connMaxLifetime = value.connMaxLifetime;
      this._connectionString = value.connectionString;
      this._disableMigration = value.disableMigration;
      this._maxIdleConns = value.maxIdleConns;
      this._maxOpenConns = value.maxOpenConns;
      this._roConnectionString = value.roConnectionString;
      this._rootCaPath = value.rootCaPath;
      this._type = value.type;
    }
  }

  // client_cert_path - computed: false, optional: true, required: false
  private _clientCertPath?: string; 
  public get clientCertPath() {
    return this.getStringAttribute('client_cert_path');
  }
  public set clientCertPath(value: string) {
    this._clientCertPath = value;
  }
  public resetClientCertPath() {
    this._clientCertPath = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get clientCertPathInput() {
    return this._clientCertPath;
  }

  // client_key_path - computed: false, optional: true, required: false
  private _clientKeyPath?: string; 
  public get clientKeyPath() {
    return this.getStringAttribute('client_key_path');
  }
  public set clientKeyPath(value: string) {
    this._clientKeyPath = value;
  }
  public resetClientKeyPath() {
    this._clientKeyPath = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get clientKeyPathInput() {
    return this._clientKeyPath;
  }

  // conn_max_lifetime - computed: false, optional: true, required: false
  private _connMaxLifetime?: string; 
  public get connMaxLifetime() {
    return this.getStringAttribute('conn_max_lifetime');
  }
  public set connMaxLifetime(value: string) {
    this._connMaxLifetime = value;
  }
  public resetConnMaxLifetime() {
    this._connMaxLifetime = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get connMaxLifetimeInput() {
    return this._connMaxLifetime;
  }

  // connection_string - computed: false, optional: false, required: true
  private _connectionString?: string; 
  public get connectionString() {
    return this.getStringAttribute('connection_string');
  }
  public set connectionString(value: string) {
    this._connectionString = value;
  }
  // Temporarily expose input value. Use with caution.
  public get connectionStringInput() {
    return this._connectionString;
  }

  // disable_migration - computed: false, optional: true, required: false
  private _disableMigration?: boolean | cdktf.IResolvable; 
  public get disableMigration() {
    return this.getBooleanAttribute('disable_migration');
  }
  public set disableMigration(value: boolean | cdktf.IResolvable) {
    this._disableMigration = value;
  }
  public resetDisableMigration() {
    this._disableMigration = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get disableMigrationInput() {
    return this._disableMigration;
  }

  // max_idle_conns - computed: false, optional: true, required: false
  private _maxIdleConns?: number; 
  public get maxIdleConns() {
    return this.getNumberAttribute('max_idle_conns');
  }
  public set maxIdleConns(value: number) {
    this._maxIdleConns = value;
  }
  public resetMaxIdleConns() {
    this._maxIdleConns = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maxIdleConnsInput() {
    return this._maxIdleConns;
  }

  // max_open_conns - computed: false, optional: true, required: false
  private _maxOpenConns?: number; 
  public get maxOpenConns() {
    return this.getNumberAttribute('max_open_conns');
  }
  public set maxOpenConns(value: number) {
    this._maxOpenConns = value;
  }
  public resetMaxOpenConns() {
    this._maxOpenConns = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get maxOpenConnsInput() {
    return this._maxOpenConns;
  }

  // ro_connection_string - computed: false, optional: true, required: false
  private _roConnectionString?: string; 
  public get roConnectionString() {
    return this.getStringAttribute('ro_connection_string');
  }
  public set roConnectionString(value: string) {
    this._roConnectionString = value;
  }
  public resetRoConnectionString() {
    this._roConnectionString = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get roConnectionStringInput() {
    return this._roConnectionString;
  }

  // root_ca_path - computed: false, optional: true, required: false
  private _rootCaPath?: string; 
  public get rootCaPath() {
    return this.getStringAttribute('root_ca_path');
  }
  public set rootCaPath(value: string) {
    this._rootCaPath = value;
  }
  public resetRootCaPath() {
    this._rootCaPath = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get rootCaPathInput() {
    return this._rootCaPath;
  }

  // type - computed: false, optional: false, required: true
  private _type?: string; 
  public get type() {
    return this.getStringAttribute('type');
  }
  public set type(value: string) {
    this._type = value;
  }
  // Temporarily expose input value. Use with caution.
  public get typeInput() {
    return this._type;
  }
}
export interface DataSpireServerConfigFederationBundleEndpoint {
  /**
  * https_web with ACME: directory URL.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#acme_directory_url DataSpireServerConfig#acme_directory_url}
  */
  readonly acmeDirectoryUrl?: string;
  /**
  * https_web with ACME: domain name.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#acme_domain_name DataSpireServerConfig#acme_domain_name}
  */
  readonly acmeDomainName?: string;
  /**
  * https_web with ACME: contact email.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#acme_email DataSpireServerConfig#acme_email}
  */
  readonly acmeEmail?: string;
  /**
  * https_web with ACME: accept the ToS.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#acme_tos_accepted DataSpireServerConfig#acme_tos_accepted}
  */
  readonly acmeTosAccepted?: boolean | cdktf.IResolvable;
  /**
  * Listen address. Default `0.0.0.0`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#address DataSpireServerConfig#address}
  */
  readonly address?: string;
  /**
  * Listen port. Default 8443.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#port DataSpireServerConfig#port}
  */
  readonly port?: number;
  /**
  * `https_spiffe` (default) or `https_web`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#profile DataSpireServerConfig#profile}
  */
  readonly profile?: string;
  /**
  * Refresh hint for consumers (SPIRE default 5m).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#refresh_hint DataSpireServerConfig#refresh_hint}
  */
  readonly refreshHint?: string;
  /**
  * https_web with a certificate file: certificate (PEM).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#serving_cert_file_path DataSpireServerConfig#serving_cert_file_path}
  */
  readonly servingCertFilePath?: string;
  /**
  * https_web with a certificate file: reload interval.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#serving_file_sync_interval DataSpireServerConfig#serving_file_sync_interval}
  */
  readonly servingFileSyncInterval?: string;
  /**
  * https_web with a certificate file: key (PEM).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#serving_key_file_path DataSpireServerConfig#serving_key_file_path}
  */
  readonly servingKeyFilePath?: string;
}

export function dataSpireServerConfigFederationBundleEndpointToTerraform(struct?: DataSpireServerConfigFederationBundleEndpoint | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    acme_directory_url: cdktf.stringToTerraform(struct!.acmeDirectoryUrl),
    acme_domain_name: cdktf.stringToTerraform(struct!.acmeDomainName),
    acme_email: cdktf.stringToTerraform(struct!.acmeEmail),
    acme_tos_accepted: cdktf.booleanToTerraform(struct!.acmeTosAccepted),
    address: cdktf.stringToTerraform(struct!.address),
    port: cdktf.numberToTerraform(struct!.port),
    profile: cdktf.stringToTerraform(struct!.profile),
    refresh_hint: cdktf.stringToTerraform(struct!.refreshHint),
    serving_cert_file_path: cdktf.stringToTerraform(struct!.servingCertFilePath),
    serving_file_sync_interval: cdktf.stringToTerraform(struct!.servingFileSyncInterval),
    serving_key_file_path: cdktf.stringToTerraform(struct!.servingKeyFilePath),
  }
}


export function dataSpireServerConfigFederationBundleEndpointToHclTerraform(struct?: DataSpireServerConfigFederationBundleEndpoint | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    acme_directory_url: {
      value: cdktf.stringToHclTerraform(struct!.acmeDirectoryUrl),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    acme_domain_name: {
      value: cdktf.stringToHclTerraform(struct!.acmeDomainName),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    acme_email: {
      value: cdktf.stringToHclTerraform(struct!.acmeEmail),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    acme_tos_accepted: {
      value: cdktf.booleanToHclTerraform(struct!.acmeTosAccepted),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    address: {
      value: cdktf.stringToHclTerraform(struct!.address),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    port: {
      value: cdktf.numberToHclTerraform(struct!.port),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
    profile: {
      value: cdktf.stringToHclTerraform(struct!.profile),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    refresh_hint: {
      value: cdktf.stringToHclTerraform(struct!.refreshHint),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    serving_cert_file_path: {
      value: cdktf.stringToHclTerraform(struct!.servingCertFilePath),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    serving_file_sync_interval: {
      value: cdktf.stringToHclTerraform(struct!.servingFileSyncInterval),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    serving_key_file_path: {
      value: cdktf.stringToHclTerraform(struct!.servingKeyFilePath),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DataSpireServerConfigFederationBundleEndpointOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DataSpireServerConfigFederationBundleEndpoint | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._acmeDirectoryUrl !== undefined) {
      hasAnyValues = true;
      internalValueResult.acmeDirectoryUrl = this._acmeDirectoryUrl;
    }
    if (this._acmeDomainName !== undefined) {
      hasAnyValues = true;
      internalValueResult.acmeDomainName = this._acmeDomainName;
    }
    if (this._acmeEmail !== undefined) {
      hasAnyValues = true;
      internalValueResult.acmeEmail = this._acmeEmail;
    }
    if (this._acmeTosAccepted !== undefined) {
      hasAnyValues = true;
      internalValueResult.acmeTosAccepted = this._acmeTosAccepted;
    }
    if (this._address !== undefined) {
      hasAnyValues = true;
      internalValueResult.address = this._address;
    }
    if (this._port !== undefined) {
      hasAnyValues = true;
      internalValueResult.port = this._port;
    }
    if (this._profile !== undefined) {
      hasAnyValues = true;
      internalValueResult.profile = this._profile;
    }
    if (this._refreshHint !== undefined) {
      hasAnyValues = true;
      internalValueResult.refreshHint = this._refreshHint;
    }
    if (this._servingCertFilePath !== undefined) {
      hasAnyValues = true;
      internalValueResult.servingCertFilePath = this._servingCertFilePath;
    }
    if (this._servingFileSyncInterval !== undefined) {
      hasAnyValues = true;
      internalValueResult.servingFileSyncInterval = this._servingFileSyncInterval;
    }
    if (this._servingKeyFilePath !== undefined) {
      hasAnyValues = true;
      internalValueResult.servingKeyFilePath = this._servingKeyFilePath;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DataSpireServerConfigFederationBundleEndpoint | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._acmeDirectoryUrl = undefined;
      this._acmeDomainName = undefined;
      this._acmeEmail = undefined;
      this._acmeTosAccepted = undefined;
      this._address = undefined;
      this._port = undefined;
      this._profile = undefined;
      this._refreshHint = undefined;
      this._servingCertFilePath = undefined;
      this._servingFileSyncInterval = undefined;
      this._servingKeyFilePath = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._acmeDirectoryUrl = value.acmeDirectoryUrl;
      this._acmeDomainName = value.acmeDomainName;
      this._acmeEmail = value.acmeEmail;
      this._acmeTosAccepted = value.acmeTosAccepted;
      this._address = value.address;
      this._port = value.port;
      this._profile = value.profile;
      this._refreshHint = value.refreshHint;
      this._servingCertFilePath = value.servingCertFilePath;
      this._servingFileSyncInterval = value.servingFileSyncInterval;
      this._servingKeyFilePath = value.servingKeyFilePath;
    }
  }

  // acme_directory_url - computed: false, optional: true, required: false
  private _acmeDirectoryUrl?: string; 
  public get acmeDirectoryUrl() {
    return this.getStringAttribute('acme_directory_url');
  }
  public set acmeDirectoryUrl(value: string) {
    this._acmeDirectoryUrl = value;
  }
  public resetAcmeDirectoryUrl() {
    this._acmeDirectoryUrl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get acmeDirectoryUrlInput() {
    return this._acmeDirectoryUrl;
  }

  // acme_domain_name - computed: false, optional: true, required: false
  private _acmeDomainName?: string; 
  public get acmeDomainName() {
    return this.getStringAttribute('acme_domain_name');
  }
  public set acmeDomainName(value: string) {
    this._acmeDomainName = value;
  }
  public resetAcmeDomainName() {
    this._acmeDomainName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get acmeDomainNameInput() {
    return this._acmeDomainName;
  }

  // acme_email - computed: false, optional: true, required: false
  private _acmeEmail?: string; 
  public get acmeEmail() {
    return this.getStringAttribute('acme_email');
  }
  public set acmeEmail(value: string) {
    this._acmeEmail = value;
  }
  public resetAcmeEmail() {
    this._acmeEmail = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get acmeEmailInput() {
    return this._acmeEmail;
  }

  // acme_tos_accepted - computed: false, optional: true, required: false
  private _acmeTosAccepted?: boolean | cdktf.IResolvable; 
  public get acmeTosAccepted() {
    return this.getBooleanAttribute('acme_tos_accepted');
  }
  public set acmeTosAccepted(value: boolean | cdktf.IResolvable) {
    this._acmeTosAccepted = value;
  }
  public resetAcmeTosAccepted() {
    this._acmeTosAccepted = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get acmeTosAcceptedInput() {
    return this._acmeTosAccepted;
  }

  // address - computed: false, optional: true, required: false
  private _address?: string; 
  public get address() {
    return this.getStringAttribute('address');
  }
  public set address(value: string) {
    this._address = value;
  }
  public resetAddress() {
    this._address = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get addressInput() {
    return this._address;
  }

  // port - computed: false, optional: true, required: false
  private _port?: number; 
  public get port() {
    return this.getNumberAttribute('port');
  }
  public set port(value: number) {
    this._port = value;
  }
  public resetPort() {
    this._port = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get portInput() {
    return this._port;
  }

  // profile - computed: false, optional: true, required: false
  private _profile?: string; 
  public get profile() {
    return this.getStringAttribute('profile');
  }
  public set profile(value: string) {
    this._profile = value;
  }
  public resetProfile() {
    this._profile = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get profileInput() {
    return this._profile;
  }

  // refresh_hint - computed: false, optional: true, required: false
  private _refreshHint?: string; 
  public get refreshHint() {
    return this.getStringAttribute('refresh_hint');
  }
  public set refreshHint(value: string) {
    this._refreshHint = value;
  }
  public resetRefreshHint() {
    this._refreshHint = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get refreshHintInput() {
    return this._refreshHint;
  }

  // serving_cert_file_path - computed: false, optional: true, required: false
  private _servingCertFilePath?: string; 
  public get servingCertFilePath() {
    return this.getStringAttribute('serving_cert_file_path');
  }
  public set servingCertFilePath(value: string) {
    this._servingCertFilePath = value;
  }
  public resetServingCertFilePath() {
    this._servingCertFilePath = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get servingCertFilePathInput() {
    return this._servingCertFilePath;
  }

  // serving_file_sync_interval - computed: false, optional: true, required: false
  private _servingFileSyncInterval?: string; 
  public get servingFileSyncInterval() {
    return this.getStringAttribute('serving_file_sync_interval');
  }
  public set servingFileSyncInterval(value: string) {
    this._servingFileSyncInterval = value;
  }
  public resetServingFileSyncInterval() {
    this._servingFileSyncInterval = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get servingFileSyncIntervalInput() {
    return this._servingFileSyncInterval;
  }

  // serving_key_file_path - computed: false, optional: true, required: false
  private _servingKeyFilePath?: string; 
  public get servingKeyFilePath() {
    return this.getStringAttribute('serving_key_file_path');
  }
  public set servingKeyFilePath(value: string) {
    this._servingKeyFilePath = value;
  }
  public resetServingKeyFilePath() {
    this._servingKeyFilePath = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get servingKeyFilePathInput() {
    return this._servingKeyFilePath;
  }
}
export interface DataSpireServerConfigFederationFederatesWith {
  /**
  * `https_spiffe` (default) or `https_web`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#bundle_endpoint_profile DataSpireServerConfig#bundle_endpoint_profile}
  */
  readonly bundleEndpointProfile?: string;
  /**
  * Its bundle endpoint (https).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#bundle_endpoint_url DataSpireServerConfig#bundle_endpoint_url}
  */
  readonly bundleEndpointUrl: string;
  /**
  * https_spiffe: the SPIFFE ID the endpoint presents.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#endpoint_spiffe_id DataSpireServerConfig#endpoint_spiffe_id}
  */
  readonly endpointSpiffeId?: string;
  /**
  * Its trust domain.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#trust_domain DataSpireServerConfig#trust_domain}
  */
  readonly trustDomain: string;
}

export function dataSpireServerConfigFederationFederatesWithToTerraform(struct?: DataSpireServerConfigFederationFederatesWith | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    bundle_endpoint_profile: cdktf.stringToTerraform(struct!.bundleEndpointProfile),
    bundle_endpoint_url: cdktf.stringToTerraform(struct!.bundleEndpointUrl),
    endpoint_spiffe_id: cdktf.stringToTerraform(struct!.endpointSpiffeId),
    trust_domain: cdktf.stringToTerraform(struct!.trustDomain),
  }
}


export function dataSpireServerConfigFederationFederatesWithToHclTerraform(struct?: DataSpireServerConfigFederationFederatesWith | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    bundle_endpoint_profile: {
      value: cdktf.stringToHclTerraform(struct!.bundleEndpointProfile),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    bundle_endpoint_url: {
      value: cdktf.stringToHclTerraform(struct!.bundleEndpointUrl),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    endpoint_spiffe_id: {
      value: cdktf.stringToHclTerraform(struct!.endpointSpiffeId),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    trust_domain: {
      value: cdktf.stringToHclTerraform(struct!.trustDomain),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DataSpireServerConfigFederationFederatesWithOutputReference extends cdktf.ComplexObject {
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

  public get internalValue(): DataSpireServerConfigFederationFederatesWith | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._bundleEndpointProfile !== undefined) {
      hasAnyValues = true;
      internalValueResult.bundleEndpointProfile = this._bundleEndpointProfile;
    }
    if (this._bundleEndpointUrl !== undefined) {
      hasAnyValues = true;
      internalValueResult.bundleEndpointUrl = this._bundleEndpointUrl;
    }
    if (this._endpointSpiffeId !== undefined) {
      hasAnyValues = true;
      internalValueResult.endpointSpiffeId = this._endpointSpiffeId;
    }
    if (this._trustDomain !== undefined) {
      hasAnyValues = true;
      internalValueResult.trustDomain = this._trustDomain;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DataSpireServerConfigFederationFederatesWith | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._bundleEndpointProfile = undefined;
      this._bundleEndpointUrl = undefined;
      this._endpointSpiffeId = undefined;
      this._trustDomain = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._bundleEndpointProfile = value.bundleEndpointProfile;
      this._bundleEndpointUrl = value.bundleEndpointUrl;
      this._endpointSpiffeId = value.endpointSpiffeId;
      this._trustDomain = value.trustDomain;
    }
  }

  // bundle_endpoint_profile - computed: false, optional: true, required: false
  private _bundleEndpointProfile?: string; 
  public get bundleEndpointProfile() {
    return this.getStringAttribute('bundle_endpoint_profile');
  }
  public set bundleEndpointProfile(value: string) {
    this._bundleEndpointProfile = value;
  }
  public resetBundleEndpointProfile() {
    this._bundleEndpointProfile = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get bundleEndpointProfileInput() {
    return this._bundleEndpointProfile;
  }

  // bundle_endpoint_url - computed: false, optional: false, required: true
  private _bundleEndpointUrl?: string; 
  public get bundleEndpointUrl() {
    return this.getStringAttribute('bundle_endpoint_url');
  }
  public set bundleEndpointUrl(value: string) {
    this._bundleEndpointUrl = value;
  }
  // Temporarily expose input value. Use with caution.
  public get bundleEndpointUrlInput() {
    return this._bundleEndpointUrl;
  }

  // endpoint_spiffe_id - computed: false, optional: true, required: false
  private _endpointSpiffeId?: string; 
  public get endpointSpiffeId() {
    return this.getStringAttribute('endpoint_spiffe_id');
  }
  public set endpointSpiffeId(value: string) {
    this._endpointSpiffeId = value;
  }
  public resetEndpointSpiffeId() {
    this._endpointSpiffeId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get endpointSpiffeIdInput() {
    return this._endpointSpiffeId;
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
}

export class DataSpireServerConfigFederationFederatesWithList extends cdktf.ComplexList {
  public internalValue? : DataSpireServerConfigFederationFederatesWith[] | cdktf.IResolvable

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
  public get(index: number): DataSpireServerConfigFederationFederatesWithOutputReference {
    return new DataSpireServerConfigFederationFederatesWithOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface DataSpireServerConfigFederation {
  /**
  * bundle_endpoint block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#bundle_endpoint DataSpireServerConfig#bundle_endpoint}
  */
  readonly bundleEndpoint?: DataSpireServerConfigFederationBundleEndpoint;
  /**
  * federates_with block
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#federates_with DataSpireServerConfig#federates_with}
  */
  readonly federatesWith?: DataSpireServerConfigFederationFederatesWith[] | cdktf.IResolvable;
}

export function dataSpireServerConfigFederationToTerraform(struct?: DataSpireServerConfigFederation | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    bundle_endpoint: dataSpireServerConfigFederationBundleEndpointToTerraform(struct!.bundleEndpoint),
    federates_with: cdktf.listMapper(dataSpireServerConfigFederationFederatesWithToTerraform, true)(struct!.federatesWith),
  }
}


export function dataSpireServerConfigFederationToHclTerraform(struct?: DataSpireServerConfigFederation | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    bundle_endpoint: {
      value: dataSpireServerConfigFederationBundleEndpointToHclTerraform(struct!.bundleEndpoint),
      isBlock: true,
      type: "struct",
      storageClassType: "DataSpireServerConfigFederationBundleEndpoint",
    },
    federates_with: {
      value: cdktf.listMapperHcl(dataSpireServerConfigFederationFederatesWithToHclTerraform, true)(struct!.federatesWith),
      isBlock: true,
      type: "list",
      storageClassType: "DataSpireServerConfigFederationFederatesWithList",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DataSpireServerConfigFederationOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DataSpireServerConfigFederation | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._bundleEndpoint?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.bundleEndpoint = this._bundleEndpoint?.internalValue;
    }
    if (this._federatesWith?.internalValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.federatesWith = this._federatesWith?.internalValue;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DataSpireServerConfigFederation | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._bundleEndpoint.internalValue = undefined;
      this._federatesWith.internalValue = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._bundleEndpoint.internalValue = value.bundleEndpoint;
      this._federatesWith.internalValue = value.federatesWith;
    }
  }

  // bundle_endpoint - computed: false, optional: true, required: false
  private _bundleEndpoint = new DataSpireServerConfigFederationBundleEndpointOutputReference(this, "bundle_endpoint");
  public get bundleEndpoint() {
    return this._bundleEndpoint;
  }
  public putBundleEndpoint(value: DataSpireServerConfigFederationBundleEndpoint) {
    this._bundleEndpoint.internalValue = value;
  }
  public resetBundleEndpoint() {
    this._bundleEndpoint.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get bundleEndpointInput() {
    return this._bundleEndpoint.internalValue;
  }

  // federates_with - computed: false, optional: true, required: false
  private _federatesWith = new DataSpireServerConfigFederationFederatesWithList(this, "federates_with", false);
  public get federatesWith() {
    return this._federatesWith;
  }
  public putFederatesWith(value: DataSpireServerConfigFederationFederatesWith[] | cdktf.IResolvable) {
    this._federatesWith.internalValue = value;
  }
  public resetFederatesWith() {
    this._federatesWith.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get federatesWithInput() {
    return this._federatesWith.internalValue;
  }
}
export interface DataSpireServerConfigHealthChecks {
  /**
  * Address to listen on. Default `0.0.0.0` (SPIRE's own default is localhost).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#bind_address DataSpireServerConfig#bind_address}
  */
  readonly bindAddress?: string;
  /**
  * Port to listen on. Default 8080 (SPIRE's own default is 80).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#bind_port DataSpireServerConfig#bind_port}
  */
  readonly bindPort?: number;
  /**
  * Serve the listener. Default true.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#listener_enabled DataSpireServerConfig#listener_enabled}
  */
  readonly listenerEnabled?: boolean | cdktf.IResolvable;
  /**
  * Liveness path. Default `/live`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#live_path DataSpireServerConfig#live_path}
  */
  readonly livePath?: string;
  /**
  * Readiness path. Default `/ready`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#ready_path DataSpireServerConfig#ready_path}
  */
  readonly readyPath?: string;
}

export function dataSpireServerConfigHealthChecksToTerraform(struct?: DataSpireServerConfigHealthChecks | cdktf.IResolvable): any {
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


export function dataSpireServerConfigHealthChecksToHclTerraform(struct?: DataSpireServerConfigHealthChecks | cdktf.IResolvable): any {
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

export class DataSpireServerConfigHealthChecksOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DataSpireServerConfigHealthChecks | cdktf.IResolvable | undefined {
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

  public set internalValue(value: DataSpireServerConfigHealthChecks | cdktf.IResolvable | undefined) {
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
export interface DataSpireServerConfigKeyManager {
  /**
  * aws_kms: tag-based key discovery (same value on every server).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#enable_tag_based_key_discovery DataSpireServerConfig#enable_tag_based_key_discovery}
  */
  readonly enableTagBasedKeyDiscovery?: boolean | cdktf.IResolvable;
  /**
  * aws_kms: file keeping this server's key identifier.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#key_identifier_file DataSpireServerConfig#key_identifier_file}
  */
  readonly keyIdentifierFile?: string;
  /**
  * aws_kms: a fixed key identifier for this server.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#key_identifier_value DataSpireServerConfig#key_identifier_value}
  */
  readonly keyIdentifierValue?: string;
  /**
  * aws_kms: custom key policy (JSON file).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#key_policy_file DataSpireServerConfig#key_policy_file}
  */
  readonly keyPolicyFile?: string;
  /**
  * disk: the keys file.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#keys_path DataSpireServerConfig#keys_path}
  */
  readonly keysPath?: string;
  /**
  * aws_kms: region of the keys.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#region DataSpireServerConfig#region}
  */
  readonly region?: string;
  /**
  * disk, memory or aws_kms.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#type DataSpireServerConfig#type}
  */
  readonly type: string;
}

export function dataSpireServerConfigKeyManagerToTerraform(struct?: DataSpireServerConfigKeyManager | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    enable_tag_based_key_discovery: cdktf.booleanToTerraform(struct!.enableTagBasedKeyDiscovery),
    key_identifier_file: cdktf.stringToTerraform(struct!.keyIdentifierFile),
    key_identifier_value: cdktf.stringToTerraform(struct!.keyIdentifierValue),
    key_policy_file: cdktf.stringToTerraform(struct!.keyPolicyFile),
    keys_path: cdktf.stringToTerraform(struct!.keysPath),
    region: cdktf.stringToTerraform(struct!.region),
    type: cdktf.stringToTerraform(struct!.type),
  }
}


export function dataSpireServerConfigKeyManagerToHclTerraform(struct?: DataSpireServerConfigKeyManager | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    enable_tag_based_key_discovery: {
      value: cdktf.booleanToHclTerraform(struct!.enableTagBasedKeyDiscovery),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    key_identifier_file: {
      value: cdktf.stringToHclTerraform(struct!.keyIdentifierFile),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    key_identifier_value: {
      value: cdktf.stringToHclTerraform(struct!.keyIdentifierValue),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    key_policy_file: {
      value: cdktf.stringToHclTerraform(struct!.keyPolicyFile),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    keys_path: {
      value: cdktf.stringToHclTerraform(struct!.keysPath),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    region: {
      value: cdktf.stringToHclTerraform(struct!.region),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    type: {
      value: cdktf.stringToHclTerraform(struct!.type),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DataSpireServerConfigKeyManagerOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DataSpireServerConfigKeyManager | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._enableTagBasedKeyDiscovery !== undefined) {
      hasAnyValues = true;
      internalValueResult.enableTagBasedKeyDiscovery = this._enableTagBasedKeyDiscovery;
    }
    if (this._keyIdentifierFile !== undefined) {
      hasAnyValues = true;
      internalValueResult.keyIdentifierFile = this._keyIdentifierFile;
    }
    if (this._keyIdentifierValue !== undefined) {
      hasAnyValues = true;
      internalValueResult.keyIdentifierValue = this._keyIdentifierValue;
    }
    if (this._keyPolicyFile !== undefined) {
      hasAnyValues = true;
      internalValueResult.keyPolicyFile = this._keyPolicyFile;
    }
    if (this._keysPath !== undefined) {
      hasAnyValues = true;
      internalValueResult.keysPath = this._keysPath;
    }
    if (this._region !== undefined) {
      hasAnyValues = true;
      internalValueResult.region = this._region;
    }
    if (this._type !== undefined) {
      hasAnyValues = true;
      internalValueResult.type = this._type;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DataSpireServerConfigKeyManager | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._enableTagBasedKeyDiscovery = undefined;
      this._keyIdentifierFile = undefined;
      this._keyIdentifierValue = undefined;
      this._keyPolicyFile = undefined;
      this._keysPath = undefined;
      this._region = undefined;
      this._type = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._enableTagBasedKeyDiscovery = value.enableTagBasedKeyDiscovery;
      this._keyIdentifierFile = value.keyIdentifierFile;
      this._keyIdentifierValue = value.keyIdentifierValue;
      this._keyPolicyFile = value.keyPolicyFile;
      this._keysPath = value.keysPath;
      this._region = value.region;
      this._type = value.type;
    }
  }

  // enable_tag_based_key_discovery - computed: false, optional: true, required: false
  private _enableTagBasedKeyDiscovery?: boolean | cdktf.IResolvable; 
  public get enableTagBasedKeyDiscovery() {
    return this.getBooleanAttribute('enable_tag_based_key_discovery');
  }
  public set enableTagBasedKeyDiscovery(value: boolean | cdktf.IResolvable) {
    this._enableTagBasedKeyDiscovery = value;
  }
  public resetEnableTagBasedKeyDiscovery() {
    this._enableTagBasedKeyDiscovery = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get enableTagBasedKeyDiscoveryInput() {
    return this._enableTagBasedKeyDiscovery;
  }

  // key_identifier_file - computed: false, optional: true, required: false
  private _keyIdentifierFile?: string; 
  public get keyIdentifierFile() {
    return this.getStringAttribute('key_identifier_file');
  }
  public set keyIdentifierFile(value: string) {
    this._keyIdentifierFile = value;
  }
  public resetKeyIdentifierFile() {
    this._keyIdentifierFile = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get keyIdentifierFileInput() {
    return this._keyIdentifierFile;
  }

  // key_identifier_value - computed: false, optional: true, required: false
  private _keyIdentifierValue?: string; 
  public get keyIdentifierValue() {
    return this.getStringAttribute('key_identifier_value');
  }
  public set keyIdentifierValue(value: string) {
    this._keyIdentifierValue = value;
  }
  public resetKeyIdentifierValue() {
    this._keyIdentifierValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get keyIdentifierValueInput() {
    return this._keyIdentifierValue;
  }

  // key_policy_file - computed: false, optional: true, required: false
  private _keyPolicyFile?: string; 
  public get keyPolicyFile() {
    return this.getStringAttribute('key_policy_file');
  }
  public set keyPolicyFile(value: string) {
    this._keyPolicyFile = value;
  }
  public resetKeyPolicyFile() {
    this._keyPolicyFile = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get keyPolicyFileInput() {
    return this._keyPolicyFile;
  }

  // keys_path - computed: false, optional: true, required: false
  private _keysPath?: string; 
  public get keysPath() {
    return this.getStringAttribute('keys_path');
  }
  public set keysPath(value: string) {
    this._keysPath = value;
  }
  public resetKeysPath() {
    this._keysPath = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get keysPathInput() {
    return this._keysPath;
  }

  // region - computed: false, optional: true, required: false
  private _region?: string; 
  public get region() {
    return this.getStringAttribute('region');
  }
  public set region(value: string) {
    this._region = value;
  }
  public resetRegion() {
    this._region = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get regionInput() {
    return this._region;
  }

  // type - computed: false, optional: false, required: true
  private _type?: string; 
  public get type() {
    return this.getStringAttribute('type');
  }
  public set type(value: string) {
    this._type = value;
  }
  // Temporarily expose input value. Use with caution.
  public get typeInput() {
    return this._type;
  }
}
export interface DataSpireServerConfigNodeAttestor {
  /**
  * aws_iid: AWS accounts allowed to attest, rendered as `verify_organization.account_list_file` (SPIRE ≥ 1.15.3 fails attestation of any other account).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#account_ids DataSpireServerConfig#account_ids}
  */
  readonly accountIds?: string[];
  /**
  * aws_iid: where the account list file lives. Default `/etc/spire/server/aws-account-ids.json`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#account_list_path DataSpireServerConfig#account_list_path}
  */
  readonly accountListPath?: string;
  /**
  * x509pop: agent ID path template.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#agent_path_template DataSpireServerConfig#agent_path_template}
  */
  readonly agentPathTemplate?: string;
  /**
  * aws_iid: role name to assume in the node's account.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#assume_role DataSpireServerConfig#assume_role}
  */
  readonly assumeRole?: string;
  /**
  * x509pop (mode external_pki): CA bundle files.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#ca_bundle_paths DataSpireServerConfig#ca_bundle_paths}
  */
  readonly caBundlePaths?: string[];
  /**
  * aws_iid: no `iamrole` selectors (no calls to IAM).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#disable_instance_profile_selectors DataSpireServerConfig#disable_instance_profile_selectors}
  */
  readonly disableInstanceProfileSelectors?: boolean | cdktf.IResolvable;
  /**
  * x509pop: external_pki (SPIRE default) or spiffe.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#mode DataSpireServerConfig#mode}
  */
  readonly mode?: string;
  /**
  * aws_iid: aws, aws-cn or aws-us-gov.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#partition DataSpireServerConfig#partition}
  */
  readonly partition?: string;
  /**
  * aws_iid: AWS regions allowed. SPIRE has no setting for this: it feeds `aws_iid_selector_sets` for node-alias entries.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#regions DataSpireServerConfig#regions}
  */
  readonly regions?: string[];
  /**
  * aws_iid: skip the root volume check.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#skip_block_device DataSpireServerConfig#skip_block_device}
  */
  readonly skipBlockDevice?: boolean | cdktf.IResolvable;
  /**
  * x509pop (mode spiffe): SVID path prefix.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#svid_prefix DataSpireServerConfig#svid_prefix}
  */
  readonly svidPrefix?: string;
  /**
  * aws_iid, join_token or x509pop.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#type DataSpireServerConfig#type}
  */
  readonly type: string;
}

export function dataSpireServerConfigNodeAttestorToTerraform(struct?: DataSpireServerConfigNodeAttestor | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    account_ids: cdktf.listMapper(cdktf.stringToTerraform, false)(struct!.accountIds),
    account_list_path: cdktf.stringToTerraform(struct!.accountListPath),
    agent_path_template: cdktf.stringToTerraform(struct!.agentPathTemplate),
    assume_role: cdktf.stringToTerraform(struct!.assumeRole),
    ca_bundle_paths: cdktf.listMapper(cdktf.stringToTerraform, false)(struct!.caBundlePaths),
    disable_instance_profile_selectors: cdktf.booleanToTerraform(struct!.disableInstanceProfileSelectors),
    mode: cdktf.stringToTerraform(struct!.mode),
    partition: cdktf.stringToTerraform(struct!.partition),
    regions: cdktf.listMapper(cdktf.stringToTerraform, false)(struct!.regions),
    skip_block_device: cdktf.booleanToTerraform(struct!.skipBlockDevice),
    svid_prefix: cdktf.stringToTerraform(struct!.svidPrefix),
    type: cdktf.stringToTerraform(struct!.type),
  }
}


export function dataSpireServerConfigNodeAttestorToHclTerraform(struct?: DataSpireServerConfigNodeAttestor | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    account_ids: {
      value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(struct!.accountIds),
      isBlock: false,
      type: "list",
      storageClassType: "stringList",
    },
    account_list_path: {
      value: cdktf.stringToHclTerraform(struct!.accountListPath),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    agent_path_template: {
      value: cdktf.stringToHclTerraform(struct!.agentPathTemplate),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    assume_role: {
      value: cdktf.stringToHclTerraform(struct!.assumeRole),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    ca_bundle_paths: {
      value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(struct!.caBundlePaths),
      isBlock: false,
      type: "list",
      storageClassType: "stringList",
    },
    disable_instance_profile_selectors: {
      value: cdktf.booleanToHclTerraform(struct!.disableInstanceProfileSelectors),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    mode: {
      value: cdktf.stringToHclTerraform(struct!.mode),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    partition: {
      value: cdktf.stringToHclTerraform(struct!.partition),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    regions: {
      value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(struct!.regions),
      isBlock: false,
      type: "list",
      storageClassType: "stringList",
    },
    skip_block_device: {
      value: cdktf.booleanToHclTerraform(struct!.skipBlockDevice),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    svid_prefix: {
      value: cdktf.stringToHclTerraform(struct!.svidPrefix),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    type: {
      value: cdktf.stringToHclTerraform(struct!.type),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DataSpireServerConfigNodeAttestorOutputReference extends cdktf.ComplexObject {
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

  public get internalValue(): DataSpireServerConfigNodeAttestor | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._accountIds !== undefined) {
      hasAnyValues = true;
      internalValueResult.accountIds = this._accountIds;
    }
    if (this._accountListPath !== undefined) {
      hasAnyValues = true;
      internalValueResult.accountListPath = this._accountListPath;
    }
    if (this._agentPathTemplate !== undefined) {
      hasAnyValues = true;
      internalValueResult.agentPathTemplate = this._agentPathTemplate;
    }
    if (this._assumeRole !== undefined) {
      hasAnyValues = true;
      internalValueResult.assumeRole = this._assumeRole;
    }
    if (this._caBundlePaths !== undefined) {
      hasAnyValues = true;
      internalValueResult.caBundlePaths = this._caBundlePaths;
    }
    if (this._disableInstanceProfileSelectors !== undefined) {
      hasAnyValues = true;
      internalValueResult.disableInstanceProfileSelectors = this._disableInstanceProfileSelectors;
    }
    if (this._mode !== undefined) {
      hasAnyValues = true;
      internalValueResult.mode = this._mode;
    }
    if (this._partition !== undefined) {
      hasAnyValues = true;
      internalValueResult.partition = this._partition;
    }
    if (this._regions !== undefined) {
      hasAnyValues = true;
      internalValueResult.regions = this._regions;
    }
    if (this._skipBlockDevice !== undefined) {
      hasAnyValues = true;
      internalValueResult.skipBlockDevice = this._skipBlockDevice;
    }
    if (this._svidPrefix !== undefined) {
      hasAnyValues = true;
      internalValueResult.svidPrefix = this._svidPrefix;
    }
    if (this._type !== undefined) {
      hasAnyValues = true;
      internalValueResult.type = this._type;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DataSpireServerConfigNodeAttestor | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._accountIds = undefined;
      this._accountListPath = undefined;
      this._agentPathTemplate = undefined;
      this._assumeRole = undefined;
      this._caBundlePaths = undefined;
      this._disableInstanceProfileSelectors = undefined;
      this._mode = undefined;
      this._partition = undefined;
      this._regions = undefined;
      this._skipBlockDevice = undefined;
      this._svidPrefix = undefined;
      this._type = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._accountIds = value.accountIds;
      this._accountListPath = value.accountListPath;
      this._agentPathTemplate = value.agentPathTemplate;
      this._assumeRole = value.assumeRole;
      this._caBundlePaths = value.caBundlePaths;
      this._disableInstanceProfileSelectors = value.disableInstanceProfileSelectors;
      this._mode = value.mode;
      this._partition = value.partition;
      this._regions = value.regions;
      this._skipBlockDevice = value.skipBlockDevice;
      this._svidPrefix = value.svidPrefix;
      this._type = value.type;
    }
  }

  // account_ids - computed: false, optional: true, required: false
  private _accountIds?: string[]; 
  public get accountIds() {
    return this.getListAttribute('account_ids');
  }
  public set accountIds(value: string[]) {
    this._accountIds = value;
  }
  public resetAccountIds() {
    this._accountIds = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get accountIdsInput() {
    return this._accountIds;
  }

  // account_list_path - computed: false, optional: true, required: false
  private _accountListPath?: string; 
  public get accountListPath() {
    return this.getStringAttribute('account_list_path');
  }
  public set accountListPath(value: string) {
    this._accountListPath = value;
  }
  public resetAccountListPath() {
    this._accountListPath = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get accountListPathInput() {
    return this._accountListPath;
  }

  // agent_path_template - computed: false, optional: true, required: false
  private _agentPathTemplate?: string; 
  public get agentPathTemplate() {
    return this.getStringAttribute('agent_path_template');
  }
  public set agentPathTemplate(value: string) {
    this._agentPathTemplate = value;
  }
  public resetAgentPathTemplate() {
    this._agentPathTemplate = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get agentPathTemplateInput() {
    return this._agentPathTemplate;
  }

  // assume_role - computed: false, optional: true, required: false
  private _assumeRole?: string; 
  public get assumeRole() {
    return this.getStringAttribute('assume_role');
  }
  public set assumeRole(value: string) {
    this._assumeRole = value;
  }
  public resetAssumeRole() {
    this._assumeRole = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get assumeRoleInput() {
    return this._assumeRole;
  }

  // ca_bundle_paths - computed: false, optional: true, required: false
  private _caBundlePaths?: string[]; 
  public get caBundlePaths() {
    return this.getListAttribute('ca_bundle_paths');
  }
  public set caBundlePaths(value: string[]) {
    this._caBundlePaths = value;
  }
  public resetCaBundlePaths() {
    this._caBundlePaths = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get caBundlePathsInput() {
    return this._caBundlePaths;
  }

  // disable_instance_profile_selectors - computed: false, optional: true, required: false
  private _disableInstanceProfileSelectors?: boolean | cdktf.IResolvable; 
  public get disableInstanceProfileSelectors() {
    return this.getBooleanAttribute('disable_instance_profile_selectors');
  }
  public set disableInstanceProfileSelectors(value: boolean | cdktf.IResolvable) {
    this._disableInstanceProfileSelectors = value;
  }
  public resetDisableInstanceProfileSelectors() {
    this._disableInstanceProfileSelectors = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get disableInstanceProfileSelectorsInput() {
    return this._disableInstanceProfileSelectors;
  }

  // mode - computed: false, optional: true, required: false
  private _mode?: string; 
  public get mode() {
    return this.getStringAttribute('mode');
  }
  public set mode(value: string) {
    this._mode = value;
  }
  public resetMode() {
    this._mode = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get modeInput() {
    return this._mode;
  }

  // partition - computed: false, optional: true, required: false
  private _partition?: string; 
  public get partition() {
    return this.getStringAttribute('partition');
  }
  public set partition(value: string) {
    this._partition = value;
  }
  public resetPartition() {
    this._partition = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get partitionInput() {
    return this._partition;
  }

  // regions - computed: false, optional: true, required: false
  private _regions?: string[]; 
  public get regions() {
    return this.getListAttribute('regions');
  }
  public set regions(value: string[]) {
    this._regions = value;
  }
  public resetRegions() {
    this._regions = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get regionsInput() {
    return this._regions;
  }

  // skip_block_device - computed: false, optional: true, required: false
  private _skipBlockDevice?: boolean | cdktf.IResolvable; 
  public get skipBlockDevice() {
    return this.getBooleanAttribute('skip_block_device');
  }
  public set skipBlockDevice(value: boolean | cdktf.IResolvable) {
    this._skipBlockDevice = value;
  }
  public resetSkipBlockDevice() {
    this._skipBlockDevice = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get skipBlockDeviceInput() {
    return this._skipBlockDevice;
  }

  // svid_prefix - computed: false, optional: true, required: false
  private _svidPrefix?: string; 
  public get svidPrefix() {
    return this.getStringAttribute('svid_prefix');
  }
  public set svidPrefix(value: string) {
    this._svidPrefix = value;
  }
  public resetSvidPrefix() {
    this._svidPrefix = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get svidPrefixInput() {
    return this._svidPrefix;
  }

  // type - computed: false, optional: false, required: true
  private _type?: string; 
  public get type() {
    return this.getStringAttribute('type');
  }
  public set type(value: string) {
    this._type = value;
  }
  // Temporarily expose input value. Use with caution.
  public get typeInput() {
    return this._type;
  }
}

export class DataSpireServerConfigNodeAttestorList extends cdktf.ComplexList {
  public internalValue? : DataSpireServerConfigNodeAttestor[] | cdktf.IResolvable

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
  public get(index: number): DataSpireServerConfigNodeAttestorOutputReference {
    return new DataSpireServerConfigNodeAttestorOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface DataSpireServerConfigTelemetry {
  /**
  * Prometheus exporter listen address.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#prometheus_host DataSpireServerConfig#prometheus_host}
  */
  readonly prometheusHost?: string;
  /**
  * Prometheus exporter port.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#prometheus_port DataSpireServerConfig#prometheus_port}
  */
  readonly prometheusPort: number;
}

export function dataSpireServerConfigTelemetryToTerraform(struct?: DataSpireServerConfigTelemetry | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    prometheus_host: cdktf.stringToTerraform(struct!.prometheusHost),
    prometheus_port: cdktf.numberToTerraform(struct!.prometheusPort),
  }
}


export function dataSpireServerConfigTelemetryToHclTerraform(struct?: DataSpireServerConfigTelemetry | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    prometheus_host: {
      value: cdktf.stringToHclTerraform(struct!.prometheusHost),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    prometheus_port: {
      value: cdktf.numberToHclTerraform(struct!.prometheusPort),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DataSpireServerConfigTelemetryOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DataSpireServerConfigTelemetry | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._prometheusHost !== undefined) {
      hasAnyValues = true;
      internalValueResult.prometheusHost = this._prometheusHost;
    }
    if (this._prometheusPort !== undefined) {
      hasAnyValues = true;
      internalValueResult.prometheusPort = this._prometheusPort;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DataSpireServerConfigTelemetry | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._prometheusHost = undefined;
      this._prometheusPort = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._prometheusHost = value.prometheusHost;
      this._prometheusPort = value.prometheusPort;
    }
  }

  // prometheus_host - computed: false, optional: true, required: false
  private _prometheusHost?: string; 
  public get prometheusHost() {
    return this.getStringAttribute('prometheus_host');
  }
  public set prometheusHost(value: string) {
    this._prometheusHost = value;
  }
  public resetPrometheusHost() {
    this._prometheusHost = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get prometheusHostInput() {
    return this._prometheusHost;
  }

  // prometheus_port - computed: false, optional: false, required: true
  private _prometheusPort?: number; 
  public get prometheusPort() {
    return this.getNumberAttribute('prometheus_port');
  }
  public set prometheusPort(value: number) {
    this._prometheusPort = value;
  }
  // Temporarily expose input value. Use with caution.
  public get prometheusPortInput() {
    return this._prometheusPort;
  }
}
export interface DataSpireServerConfigUpstreamAuthority {
  /**
  * aws_pca, awssecret: role to assume.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#assume_role_arn DataSpireServerConfig#assume_role_arn}
  */
  readonly assumeRoleArn?: string;
  /**
  * awssecret: secret holding the roots, when the CA is not self-signed.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#bundle_file_arn DataSpireServerConfig#bundle_file_arn}
  */
  readonly bundleFileArn?: string;
  /**
  * disk: upstream roots, when the CA is not self-signed.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#bundle_file_path DataSpireServerConfig#bundle_file_path}
  */
  readonly bundleFilePath?: string;
  /**
  * aws_pca: signing template ARN.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#ca_signing_template_arn DataSpireServerConfig#ca_signing_template_arn}
  */
  readonly caSigningTemplateArn?: string;
  /**
  * awssecret: secret holding the CA certificate.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#cert_file_arn DataSpireServerConfig#cert_file_arn}
  */
  readonly certFileArn?: string;
  /**
  * disk: upstream CA certificate (PEM).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#cert_file_path DataSpireServerConfig#cert_file_path}
  */
  readonly certFilePath?: string;
  /**
  * aws_pca: ARN of the private CA.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#certificate_authority_arn DataSpireServerConfig#certificate_authority_arn}
  */
  readonly certificateAuthorityArn?: string;
  /**
  * aws_pca: endpoint override.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#endpoint DataSpireServerConfig#endpoint}
  */
  readonly endpoint?: string;
  /**
  * awssecret: secret holding the CA key.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#key_file_arn DataSpireServerConfig#key_file_arn}
  */
  readonly keyFileArn?: string;
  /**
  * disk: upstream CA key (PEM).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#key_file_path DataSpireServerConfig#key_file_path}
  */
  readonly keyFilePath?: string;
  /**
  * aws_pca, awssecret: AWS region.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#region DataSpireServerConfig#region}
  */
  readonly region?: string;
  /**
  * aws_pca: signing algorithm.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#signing_algorithm DataSpireServerConfig#signing_algorithm}
  */
  readonly signingAlgorithm?: string;
  /**
  * aws_pca: more roots for the bundle (PEM file).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#supplemental_bundle_path DataSpireServerConfig#supplemental_bundle_path}
  */
  readonly supplementalBundlePath?: string;
  /**
  * disk, aws_pca or awssecret.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#type DataSpireServerConfig#type}
  */
  readonly type: string;
}

export function dataSpireServerConfigUpstreamAuthorityToTerraform(struct?: DataSpireServerConfigUpstreamAuthority | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    assume_role_arn: cdktf.stringToTerraform(struct!.assumeRoleArn),
    bundle_file_arn: cdktf.stringToTerraform(struct!.bundleFileArn),
    bundle_file_path: cdktf.stringToTerraform(struct!.bundleFilePath),
    ca_signing_template_arn: cdktf.stringToTerraform(struct!.caSigningTemplateArn),
    cert_file_arn: cdktf.stringToTerraform(struct!.certFileArn),
    cert_file_path: cdktf.stringToTerraform(struct!.certFilePath),
    certificate_authority_arn: cdktf.stringToTerraform(struct!.certificateAuthorityArn),
    endpoint: cdktf.stringToTerraform(struct!.endpoint),
    key_file_arn: cdktf.stringToTerraform(struct!.keyFileArn),
    key_file_path: cdktf.stringToTerraform(struct!.keyFilePath),
    region: cdktf.stringToTerraform(struct!.region),
    signing_algorithm: cdktf.stringToTerraform(struct!.signingAlgorithm),
    supplemental_bundle_path: cdktf.stringToTerraform(struct!.supplementalBundlePath),
    type: cdktf.stringToTerraform(struct!.type),
  }
}


export function dataSpireServerConfigUpstreamAuthorityToHclTerraform(struct?: DataSpireServerConfigUpstreamAuthority | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    assume_role_arn: {
      value: cdktf.stringToHclTerraform(struct!.assumeRoleArn),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    bundle_file_arn: {
      value: cdktf.stringToHclTerraform(struct!.bundleFileArn),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    bundle_file_path: {
      value: cdktf.stringToHclTerraform(struct!.bundleFilePath),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    ca_signing_template_arn: {
      value: cdktf.stringToHclTerraform(struct!.caSigningTemplateArn),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    cert_file_arn: {
      value: cdktf.stringToHclTerraform(struct!.certFileArn),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    cert_file_path: {
      value: cdktf.stringToHclTerraform(struct!.certFilePath),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    certificate_authority_arn: {
      value: cdktf.stringToHclTerraform(struct!.certificateAuthorityArn),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    endpoint: {
      value: cdktf.stringToHclTerraform(struct!.endpoint),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    key_file_arn: {
      value: cdktf.stringToHclTerraform(struct!.keyFileArn),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    key_file_path: {
      value: cdktf.stringToHclTerraform(struct!.keyFilePath),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    region: {
      value: cdktf.stringToHclTerraform(struct!.region),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    signing_algorithm: {
      value: cdktf.stringToHclTerraform(struct!.signingAlgorithm),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    supplemental_bundle_path: {
      value: cdktf.stringToHclTerraform(struct!.supplementalBundlePath),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    type: {
      value: cdktf.stringToHclTerraform(struct!.type),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DataSpireServerConfigUpstreamAuthorityOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DataSpireServerConfigUpstreamAuthority | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._assumeRoleArn !== undefined) {
      hasAnyValues = true;
      internalValueResult.assumeRoleArn = this._assumeRoleArn;
    }
    if (this._bundleFileArn !== undefined) {
      hasAnyValues = true;
      internalValueResult.bundleFileArn = this._bundleFileArn;
    }
    if (this._bundleFilePath !== undefined) {
      hasAnyValues = true;
      internalValueResult.bundleFilePath = this._bundleFilePath;
    }
    if (this._caSigningTemplateArn !== undefined) {
      hasAnyValues = true;
      internalValueResult.caSigningTemplateArn = this._caSigningTemplateArn;
    }
    if (this._certFileArn !== undefined) {
      hasAnyValues = true;
      internalValueResult.certFileArn = this._certFileArn;
    }
    if (this._certFilePath !== undefined) {
      hasAnyValues = true;
      internalValueResult.certFilePath = this._certFilePath;
    }
    if (this._certificateAuthorityArn !== undefined) {
      hasAnyValues = true;
      internalValueResult.certificateAuthorityArn = this._certificateAuthorityArn;
    }
    if (this._endpoint !== undefined) {
      hasAnyValues = true;
      internalValueResult.endpoint = this._endpoint;
    }
    if (this._keyFileArn !== undefined) {
      hasAnyValues = true;
      internalValueResult.keyFileArn = this._keyFileArn;
    }
    if (this._keyFilePath !== undefined) {
      hasAnyValues = true;
      internalValueResult.keyFilePath = this._keyFilePath;
    }
    if (this._region !== undefined) {
      hasAnyValues = true;
      internalValueResult.region = this._region;
    }
    if (this._signingAlgorithm !== undefined) {
      hasAnyValues = true;
      internalValueResult.signingAlgorithm = this._signingAlgorithm;
    }
    if (this._supplementalBundlePath !== undefined) {
      hasAnyValues = true;
      internalValueResult.supplementalBundlePath = this._supplementalBundlePath;
    }
    if (this._type !== undefined) {
      hasAnyValues = true;
      internalValueResult.type = this._type;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DataSpireServerConfigUpstreamAuthority | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._assumeRoleArn = undefined;
      this._bundleFileArn = undefined;
      this._bundleFilePath = undefined;
      this._caSigningTemplateArn = undefined;
      this._certFileArn = undefined;
      this._certFilePath = undefined;
      this._certificateAuthorityArn = undefined;
      this._endpoint = undefined;
      this._keyFileArn = undefined;
      this._keyFilePath = undefined;
      this._region = undefined;
      this._signingAlgorithm = undefined;
      this._supplementalBundlePath = undefined;
      this._type = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._assumeRoleArn = value.assumeRoleArn;
      this._bundleFileArn = value.bundleFileArn;
      this._bundleFilePath = value.bundleFilePath;
      this._caSigningTemplateArn = value.caSigningTemplateArn;
      this._certFileArn = value.certFileArn;
      this._certFilePath = value.certFilePath;
      this._certificateAuthorityArn = value.certificateAuthorityArn;
      this._endpoint = value.endpoint;
      this._keyFileArn = value.keyFileArn;
      this._keyFilePath = value.keyFilePath;
      this._region = value.region;
      this._signingAlgorithm = value.signingAlgorithm;
      this._supplementalBundlePath = value.supplementalBundlePath;
      this._type = value.type;
    }
  }

  // assume_role_arn - computed: false, optional: true, required: false
  private _assumeRoleArn?: string; 
  public get assumeRoleArn() {
    return this.getStringAttribute('assume_role_arn');
  }
  public set assumeRoleArn(value: string) {
    this._assumeRoleArn = value;
  }
  public resetAssumeRoleArn() {
    this._assumeRoleArn = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get assumeRoleArnInput() {
    return this._assumeRoleArn;
  }

  // bundle_file_arn - computed: false, optional: true, required: false
  private _bundleFileArn?: string; 
  public get bundleFileArn() {
    return this.getStringAttribute('bundle_file_arn');
  }
  public set bundleFileArn(value: string) {
    this._bundleFileArn = value;
  }
  public resetBundleFileArn() {
    this._bundleFileArn = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get bundleFileArnInput() {
    return this._bundleFileArn;
  }

  // bundle_file_path - computed: false, optional: true, required: false
  private _bundleFilePath?: string; 
  public get bundleFilePath() {
    return this.getStringAttribute('bundle_file_path');
  }
  public set bundleFilePath(value: string) {
    this._bundleFilePath = value;
  }
  public resetBundleFilePath() {
    this._bundleFilePath = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get bundleFilePathInput() {
    return this._bundleFilePath;
  }

  // ca_signing_template_arn - computed: false, optional: true, required: false
  private _caSigningTemplateArn?: string; 
  public get caSigningTemplateArn() {
    return this.getStringAttribute('ca_signing_template_arn');
  }
  public set caSigningTemplateArn(value: string) {
    this._caSigningTemplateArn = value;
  }
  public resetCaSigningTemplateArn() {
    this._caSigningTemplateArn = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get caSigningTemplateArnInput() {
    return this._caSigningTemplateArn;
  }

  // cert_file_arn - computed: false, optional: true, required: false
  private _certFileArn?: string; 
  public get certFileArn() {
    return this.getStringAttribute('cert_file_arn');
  }
  public set certFileArn(value: string) {
    this._certFileArn = value;
  }
  public resetCertFileArn() {
    this._certFileArn = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get certFileArnInput() {
    return this._certFileArn;
  }

  // cert_file_path - computed: false, optional: true, required: false
  private _certFilePath?: string; 
  public get certFilePath() {
    return this.getStringAttribute('cert_file_path');
  }
  public set certFilePath(value: string) {
    this._certFilePath = value;
  }
  public resetCertFilePath() {
    this._certFilePath = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get certFilePathInput() {
    return this._certFilePath;
  }

  // certificate_authority_arn - computed: false, optional: true, required: false
  private _certificateAuthorityArn?: string; 
  public get certificateAuthorityArn() {
    return this.getStringAttribute('certificate_authority_arn');
  }
  public set certificateAuthorityArn(value: string) {
    this._certificateAuthorityArn = value;
  }
  public resetCertificateAuthorityArn() {
    this._certificateAuthorityArn = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get certificateAuthorityArnInput() {
    return this._certificateAuthorityArn;
  }

  // endpoint - computed: false, optional: true, required: false
  private _endpoint?: string; 
  public get endpoint() {
    return this.getStringAttribute('endpoint');
  }
  public set endpoint(value: string) {
    this._endpoint = value;
  }
  public resetEndpoint() {
    this._endpoint = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get endpointInput() {
    return this._endpoint;
  }

  // key_file_arn - computed: false, optional: true, required: false
  private _keyFileArn?: string; 
  public get keyFileArn() {
    return this.getStringAttribute('key_file_arn');
  }
  public set keyFileArn(value: string) {
    this._keyFileArn = value;
  }
  public resetKeyFileArn() {
    this._keyFileArn = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get keyFileArnInput() {
    return this._keyFileArn;
  }

  // key_file_path - computed: false, optional: true, required: false
  private _keyFilePath?: string; 
  public get keyFilePath() {
    return this.getStringAttribute('key_file_path');
  }
  public set keyFilePath(value: string) {
    this._keyFilePath = value;
  }
  public resetKeyFilePath() {
    this._keyFilePath = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get keyFilePathInput() {
    return this._keyFilePath;
  }

  // region - computed: false, optional: true, required: false
  private _region?: string; 
  public get region() {
    return this.getStringAttribute('region');
  }
  public set region(value: string) {
    this._region = value;
  }
  public resetRegion() {
    this._region = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get regionInput() {
    return this._region;
  }

  // signing_algorithm - computed: false, optional: true, required: false
  private _signingAlgorithm?: string; 
  public get signingAlgorithm() {
    return this.getStringAttribute('signing_algorithm');
  }
  public set signingAlgorithm(value: string) {
    this._signingAlgorithm = value;
  }
  public resetSigningAlgorithm() {
    this._signingAlgorithm = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get signingAlgorithmInput() {
    return this._signingAlgorithm;
  }

  // supplemental_bundle_path - computed: false, optional: true, required: false
  private _supplementalBundlePath?: string; 
  public get supplementalBundlePath() {
    return this.getStringAttribute('supplemental_bundle_path');
  }
  public set supplementalBundlePath(value: string) {
    this._supplementalBundlePath = value;
  }
  public resetSupplementalBundlePath() {
    this._supplementalBundlePath = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get supplementalBundlePathInput() {
    return this._supplementalBundlePath;
  }

  // type - computed: false, optional: false, required: true
  private _type?: string; 
  public get type() {
    return this.getStringAttribute('type');
  }
  public set type(value: string) {
    this._type = value;
  }
  // Temporarily expose input value. Use with caution.
  public get typeInput() {
    return this._type;
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config spire_server_config}
*/
export class DataSpireServerConfig extends cdktf.TerraformDataSource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "spire_server_config";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a DataSpireServerConfig resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DataSpireServerConfig to import
  * @param importFromId The id of the existing DataSpireServerConfig that should be imported. Refer to the {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DataSpireServerConfig to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "spire_server_config", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/server_config spire_server_config} Data Source
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DataSpireServerConfigConfig
  */
  public constructor(scope: Construct, id: string, config: DataSpireServerConfigConfig) {
    super(scope, id, {
      terraformResourceType: 'spire_server_config',
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
    this._adminIds = config.adminIds;
    this._agentTtl = config.agentTtl;
    this._bindAddress = config.bindAddress;
    this._bindPort = config.bindPort;
    this._caKeyType = config.caKeyType;
    this._caTtl = config.caTtl;
    this._configPath = config.configPath;
    this._dataDir = config.dataDir;
    this._defaultJwtSvidTtl = config.defaultJwtSvidTtl;
    this._defaultX509SvidTtl = config.defaultX509SvidTtl;
    this._enableUnits = config.enableUnits;
    this._extraFiles.internalValue = config.extraFiles;
    this._ha = config.ha;
    this._installUnit = config.installUnit;
    this._jwtIssuer = config.jwtIssuer;
    this._logFormat = config.logFormat;
    this._logLevel = config.logLevel;
    this._serverBinary = config.serverBinary;
    this._socketPath = config.socketPath;
    this._trustDomain = config.trustDomain;
    this._caSubject.internalValue = config.caSubject;
    this._credentialComposer.internalValue = config.credentialComposer;
    this._datastore.internalValue = config.datastore;
    this._federation.internalValue = config.federation;
    this._healthChecks.internalValue = config.healthChecks;
    this._keyManager.internalValue = config.keyManager;
    this._nodeAttestor.internalValue = config.nodeAttestor;
    this._telemetry.internalValue = config.telemetry;
    this._upstreamAuthority.internalValue = config.upstreamAuthority;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // admin_ids - computed: false, optional: true, required: false
  private _adminIds?: string[]; 
  public get adminIds() {
    return this.getListAttribute('admin_ids');
  }
  public set adminIds(value: string[]) {
    this._adminIds = value;
  }
  public resetAdminIds() {
    this._adminIds = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get adminIdsInput() {
    return this._adminIds;
  }

  // agent_ttl - computed: false, optional: true, required: false
  private _agentTtl?: string; 
  public get agentTtl() {
    return this.getStringAttribute('agent_ttl');
  }
  public set agentTtl(value: string) {
    this._agentTtl = value;
  }
  public resetAgentTtl() {
    this._agentTtl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get agentTtlInput() {
    return this._agentTtl;
  }

  // aws_account_list_json - computed: true, optional: false, required: false
  public get awsAccountListJson() {
    return this.getStringAttribute('aws_account_list_json');
  }

  // aws_iid_selector_sets - computed: true, optional: false, required: false
  private _awsIidSelectorSets = new cdktf.StringListList(this, "aws_iid_selector_sets", false);
  public get awsIidSelectorSets() {
    return this._awsIidSelectorSets;
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

  // ca_key_type - computed: false, optional: true, required: false
  private _caKeyType?: string; 
  public get caKeyType() {
    return this.getStringAttribute('ca_key_type');
  }
  public set caKeyType(value: string) {
    this._caKeyType = value;
  }
  public resetCaKeyType() {
    this._caKeyType = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get caKeyTypeInput() {
    return this._caKeyType;
  }

  // ca_ttl - computed: false, optional: true, required: false
  private _caTtl?: string; 
  public get caTtl() {
    return this.getStringAttribute('ca_ttl');
  }
  public set caTtl(value: string) {
    this._caTtl = value;
  }
  public resetCaTtl() {
    this._caTtl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get caTtlInput() {
    return this._caTtl;
  }

  // config_path - computed: false, optional: true, required: false
  private _configPath?: string; 
  public get configPath() {
    return this.getStringAttribute('config_path');
  }
  public set configPath(value: string) {
    this._configPath = value;
  }
  public resetConfigPath() {
    this._configPath = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get configPathInput() {
    return this._configPath;
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

  // default_jwt_svid_ttl - computed: false, optional: true, required: false
  private _defaultJwtSvidTtl?: string; 
  public get defaultJwtSvidTtl() {
    return this.getStringAttribute('default_jwt_svid_ttl');
  }
  public set defaultJwtSvidTtl(value: string) {
    this._defaultJwtSvidTtl = value;
  }
  public resetDefaultJwtSvidTtl() {
    this._defaultJwtSvidTtl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get defaultJwtSvidTtlInput() {
    return this._defaultJwtSvidTtl;
  }

  // default_x509_svid_ttl - computed: false, optional: true, required: false
  private _defaultX509SvidTtl?: string; 
  public get defaultX509SvidTtl() {
    return this.getStringAttribute('default_x509_svid_ttl');
  }
  public set defaultX509SvidTtl(value: string) {
    this._defaultX509SvidTtl = value;
  }
  public resetDefaultX509SvidTtl() {
    this._defaultX509SvidTtl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get defaultX509SvidTtlInput() {
    return this._defaultX509SvidTtl;
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
  private _extraFiles = new DataSpireServerConfigExtraFilesList(this, "extra_files", false);
  public get extraFiles() {
    return this._extraFiles;
  }
  public putExtraFiles(value: DataSpireServerConfigExtraFiles[] | cdktf.IResolvable) {
    this._extraFiles.internalValue = value;
  }
  public resetExtraFiles() {
    this._extraFiles.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get extraFilesInput() {
    return this._extraFiles.internalValue;
  }

  // ha - computed: false, optional: true, required: false
  private _ha?: boolean | cdktf.IResolvable; 
  public get ha() {
    return this.getBooleanAttribute('ha');
  }
  public set ha(value: boolean | cdktf.IResolvable) {
    this._ha = value;
  }
  public resetHa() {
    this._ha = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get haInput() {
    return this._ha;
  }

  // hcl - computed: true, optional: false, required: false
  public get hcl() {
    return this.getStringAttribute('hcl');
  }

  // hcl_redacted - computed: true, optional: false, required: false
  public get hclRedacted() {
    return this.getStringAttribute('hcl_redacted');
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

  // jwt_issuer - computed: false, optional: true, required: false
  private _jwtIssuer?: string; 
  public get jwtIssuer() {
    return this.getStringAttribute('jwt_issuer');
  }
  public set jwtIssuer(value: string) {
    this._jwtIssuer = value;
  }
  public resetJwtIssuer() {
    this._jwtIssuer = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get jwtIssuerInput() {
    return this._jwtIssuer;
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

  // server_binary - computed: false, optional: true, required: false
  private _serverBinary?: string; 
  public get serverBinary() {
    return this.getStringAttribute('server_binary');
  }
  public set serverBinary(value: string) {
    this._serverBinary = value;
  }
  public resetServerBinary() {
    this._serverBinary = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get serverBinaryInput() {
    return this._serverBinary;
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

  // upstream_authority_id - computed: true, optional: false, required: false
  public get upstreamAuthorityId() {
    return this.getStringAttribute('upstream_authority_id');
  }

  // user_data - computed: true, optional: false, required: false
  public get userData() {
    return this.getStringAttribute('user_data');
  }

  // ca_subject - computed: false, optional: true, required: false
  private _caSubject = new DataSpireServerConfigCaSubjectOutputReference(this, "ca_subject");
  public get caSubject() {
    return this._caSubject;
  }
  public putCaSubject(value: DataSpireServerConfigCaSubject) {
    this._caSubject.internalValue = value;
  }
  public resetCaSubject() {
    this._caSubject.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get caSubjectInput() {
    return this._caSubject.internalValue;
  }

  // credential_composer - computed: false, optional: true, required: false
  private _credentialComposer = new DataSpireServerConfigCredentialComposerOutputReference(this, "credential_composer");
  public get credentialComposer() {
    return this._credentialComposer;
  }
  public putCredentialComposer(value: DataSpireServerConfigCredentialComposer) {
    this._credentialComposer.internalValue = value;
  }
  public resetCredentialComposer() {
    this._credentialComposer.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get credentialComposerInput() {
    return this._credentialComposer.internalValue;
  }

  // datastore - computed: false, optional: true, required: false
  private _datastore = new DataSpireServerConfigDatastoreOutputReference(this, "datastore");
  public get datastore() {
    return this._datastore;
  }
  public putDatastore(value: DataSpireServerConfigDatastore) {
    this._datastore.internalValue = value;
  }
  public resetDatastore() {
    this._datastore.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get datastoreInput() {
    return this._datastore.internalValue;
  }

  // federation - computed: false, optional: true, required: false
  private _federation = new DataSpireServerConfigFederationOutputReference(this, "federation");
  public get federation() {
    return this._federation;
  }
  public putFederation(value: DataSpireServerConfigFederation) {
    this._federation.internalValue = value;
  }
  public resetFederation() {
    this._federation.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get federationInput() {
    return this._federation.internalValue;
  }

  // health_checks - computed: false, optional: true, required: false
  private _healthChecks = new DataSpireServerConfigHealthChecksOutputReference(this, "health_checks");
  public get healthChecks() {
    return this._healthChecks;
  }
  public putHealthChecks(value: DataSpireServerConfigHealthChecks) {
    this._healthChecks.internalValue = value;
  }
  public resetHealthChecks() {
    this._healthChecks.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get healthChecksInput() {
    return this._healthChecks.internalValue;
  }

  // key_manager - computed: false, optional: true, required: false
  private _keyManager = new DataSpireServerConfigKeyManagerOutputReference(this, "key_manager");
  public get keyManager() {
    return this._keyManager;
  }
  public putKeyManager(value: DataSpireServerConfigKeyManager) {
    this._keyManager.internalValue = value;
  }
  public resetKeyManager() {
    this._keyManager.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get keyManagerInput() {
    return this._keyManager.internalValue;
  }

  // node_attestor - computed: false, optional: true, required: false
  private _nodeAttestor = new DataSpireServerConfigNodeAttestorList(this, "node_attestor", false);
  public get nodeAttestor() {
    return this._nodeAttestor;
  }
  public putNodeAttestor(value: DataSpireServerConfigNodeAttestor[] | cdktf.IResolvable) {
    this._nodeAttestor.internalValue = value;
  }
  public resetNodeAttestor() {
    this._nodeAttestor.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get nodeAttestorInput() {
    return this._nodeAttestor.internalValue;
  }

  // telemetry - computed: false, optional: true, required: false
  private _telemetry = new DataSpireServerConfigTelemetryOutputReference(this, "telemetry");
  public get telemetry() {
    return this._telemetry;
  }
  public putTelemetry(value: DataSpireServerConfigTelemetry) {
    this._telemetry.internalValue = value;
  }
  public resetTelemetry() {
    this._telemetry.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get telemetryInput() {
    return this._telemetry.internalValue;
  }

  // upstream_authority - computed: false, optional: true, required: false
  private _upstreamAuthority = new DataSpireServerConfigUpstreamAuthorityOutputReference(this, "upstream_authority");
  public get upstreamAuthority() {
    return this._upstreamAuthority;
  }
  public putUpstreamAuthority(value: DataSpireServerConfigUpstreamAuthority) {
    this._upstreamAuthority.internalValue = value;
  }
  public resetUpstreamAuthority() {
    this._upstreamAuthority.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get upstreamAuthorityInput() {
    return this._upstreamAuthority.internalValue;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      admin_ids: cdktf.listMapper(cdktf.stringToTerraform, false)(this._adminIds),
      agent_ttl: cdktf.stringToTerraform(this._agentTtl),
      bind_address: cdktf.stringToTerraform(this._bindAddress),
      bind_port: cdktf.numberToTerraform(this._bindPort),
      ca_key_type: cdktf.stringToTerraform(this._caKeyType),
      ca_ttl: cdktf.stringToTerraform(this._caTtl),
      config_path: cdktf.stringToTerraform(this._configPath),
      data_dir: cdktf.stringToTerraform(this._dataDir),
      default_jwt_svid_ttl: cdktf.stringToTerraform(this._defaultJwtSvidTtl),
      default_x509_svid_ttl: cdktf.stringToTerraform(this._defaultX509SvidTtl),
      enable_units: cdktf.listMapper(cdktf.stringToTerraform, false)(this._enableUnits),
      extra_files: cdktf.listMapper(dataSpireServerConfigExtraFilesToTerraform, false)(this._extraFiles.internalValue),
      ha: cdktf.booleanToTerraform(this._ha),
      install_unit: cdktf.booleanToTerraform(this._installUnit),
      jwt_issuer: cdktf.stringToTerraform(this._jwtIssuer),
      log_format: cdktf.stringToTerraform(this._logFormat),
      log_level: cdktf.stringToTerraform(this._logLevel),
      server_binary: cdktf.stringToTerraform(this._serverBinary),
      socket_path: cdktf.stringToTerraform(this._socketPath),
      trust_domain: cdktf.stringToTerraform(this._trustDomain),
      ca_subject: dataSpireServerConfigCaSubjectToTerraform(this._caSubject.internalValue),
      credential_composer: dataSpireServerConfigCredentialComposerToTerraform(this._credentialComposer.internalValue),
      datastore: dataSpireServerConfigDatastoreToTerraform(this._datastore.internalValue),
      federation: dataSpireServerConfigFederationToTerraform(this._federation.internalValue),
      health_checks: dataSpireServerConfigHealthChecksToTerraform(this._healthChecks.internalValue),
      key_manager: dataSpireServerConfigKeyManagerToTerraform(this._keyManager.internalValue),
      node_attestor: cdktf.listMapper(dataSpireServerConfigNodeAttestorToTerraform, true)(this._nodeAttestor.internalValue),
      telemetry: dataSpireServerConfigTelemetryToTerraform(this._telemetry.internalValue),
      upstream_authority: dataSpireServerConfigUpstreamAuthorityToTerraform(this._upstreamAuthority.internalValue),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      admin_ids: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._adminIds),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
      agent_ttl: {
        value: cdktf.stringToHclTerraform(this._agentTtl),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      bind_address: {
        value: cdktf.stringToHclTerraform(this._bindAddress),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      bind_port: {
        value: cdktf.numberToHclTerraform(this._bindPort),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      ca_key_type: {
        value: cdktf.stringToHclTerraform(this._caKeyType),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      ca_ttl: {
        value: cdktf.stringToHclTerraform(this._caTtl),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      config_path: {
        value: cdktf.stringToHclTerraform(this._configPath),
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
      default_jwt_svid_ttl: {
        value: cdktf.stringToHclTerraform(this._defaultJwtSvidTtl),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      default_x509_svid_ttl: {
        value: cdktf.stringToHclTerraform(this._defaultX509SvidTtl),
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
        value: cdktf.listMapperHcl(dataSpireServerConfigExtraFilesToHclTerraform, false)(this._extraFiles.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "DataSpireServerConfigExtraFilesList",
      },
      ha: {
        value: cdktf.booleanToHclTerraform(this._ha),
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
      jwt_issuer: {
        value: cdktf.stringToHclTerraform(this._jwtIssuer),
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
      server_binary: {
        value: cdktf.stringToHclTerraform(this._serverBinary),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      socket_path: {
        value: cdktf.stringToHclTerraform(this._socketPath),
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
      ca_subject: {
        value: dataSpireServerConfigCaSubjectToHclTerraform(this._caSubject.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "DataSpireServerConfigCaSubject",
      },
      credential_composer: {
        value: dataSpireServerConfigCredentialComposerToHclTerraform(this._credentialComposer.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "DataSpireServerConfigCredentialComposer",
      },
      datastore: {
        value: dataSpireServerConfigDatastoreToHclTerraform(this._datastore.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "DataSpireServerConfigDatastore",
      },
      federation: {
        value: dataSpireServerConfigFederationToHclTerraform(this._federation.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "DataSpireServerConfigFederation",
      },
      health_checks: {
        value: dataSpireServerConfigHealthChecksToHclTerraform(this._healthChecks.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "DataSpireServerConfigHealthChecks",
      },
      key_manager: {
        value: dataSpireServerConfigKeyManagerToHclTerraform(this._keyManager.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "DataSpireServerConfigKeyManager",
      },
      node_attestor: {
        value: cdktf.listMapperHcl(dataSpireServerConfigNodeAttestorToHclTerraform, true)(this._nodeAttestor.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "DataSpireServerConfigNodeAttestorList",
      },
      telemetry: {
        value: dataSpireServerConfigTelemetryToHclTerraform(this._telemetry.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "DataSpireServerConfigTelemetry",
      },
      upstream_authority: {
        value: dataSpireServerConfigUpstreamAuthorityToHclTerraform(this._upstreamAuthority.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "DataSpireServerConfigUpstreamAuthority",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
