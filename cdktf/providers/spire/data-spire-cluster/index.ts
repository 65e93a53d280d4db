// https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/cluster
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface DataSpireClusterConfig extends cdktf.TerraformMetaArguments {
  /**
  * TCP: PEM file with an admin X509-SVID (as the provider block). Env `SPIRE_ADMIN_SVID_CERT_FILE`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/cluster#admin_svid_cert_file DataSpireCluster#admin_svid_cert_file}
  */
  readonly adminSvidCertFile?: string;
  /**
  * TCP: its PEM (PKCS#8) key. Env `SPIRE_ADMIN_SVID_KEY_FILE`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/cluster#admin_svid_key_file DataSpireCluster#admin_svid_key_file}
  */
  readonly adminSvidKeyFile?: string;
  /**
  * Liveness path. Default `/live`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/cluster#live_path DataSpireCluster#live_path}
  */
  readonly livePath?: string;
  /**
  * The servers of the cluster.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/cluster#members DataSpireCluster#members}
  */
  readonly members: DataSpireClusterMembers[] | cdktf.IResolvable;
  /**
  * Fewer ready members is an error. Default 1; set `length(members)` to require all, or a majority.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/cluster#min_ready DataSpireCluster#min_ready}
  */
  readonly minReady?: number;
  /**
  * Readiness path. Default `/ready`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/cluster#ready_path DataSpireCluster#ready_path}
  */
  readonly readyPath?: string;
  /**
  * TCP: the bundle the servers' SVIDs must chain to (PEM or SPIFFE JSON). Env `SPIRE_SERVER_BUNDLE_FILE`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/cluster#server_bundle_file DataSpireCluster#server_bundle_file}
  */
  readonly serverBundleFile?: string;
  /**
  * TCP: the SPIFFE ID servers present. Default `spiffe://<trust_domain>/spire/server`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/cluster#server_spiffe_id DataSpireCluster#server_spiffe_id}
  */
  readonly serverSpiffeId?: string;
  /**
  * Deadline of each probe in seconds. Default 10.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/cluster#timeout_seconds DataSpireCluster#timeout_seconds}
  */
  readonly timeoutSeconds?: number;
  /**
  * The cluster's trust domain; every member must serve a bundle of it.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/cluster#trust_domain DataSpireCluster#trust_domain}
  */
  readonly trustDomain: string;
  /**
  * Keep probing up to this long for `min_ready` members (new servers starting). Default 0.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/cluster#wait_for_ready_seconds DataSpireCluster#wait_for_ready_seconds}
  */
  readonly waitForReadySeconds?: number;
  /**
  * TCP: take the X509-SVID (and bundle) from this Workload API socket. Env `SPIRE_WORKLOAD_API_SOCKET`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/cluster#workload_api_socket DataSpireCluster#workload_api_socket}
  */
  readonly workloadApiSocket?: string;
}
export interface DataSpireClusterMembers {
  /**
  * The member's Server API: `unix:///path/api.sock` or `host:port` (TCP + mTLS).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/cluster#address DataSpireCluster#address}
  */
  readonly address: string;
  /**
  * The member's datastore type (`sqlite3`, `postgres`, `mysql`); sqlite3 cannot be shared.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/cluster#datastore_type DataSpireCluster#datastore_type}
  */
  readonly datastoreType?: string;
  /**
  * Base URL of its health listener (`http://10.0.1.10:8080`); `live_path` and `ready_path` are appended. Without it, readiness is "the Server API answers".
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/cluster#health_url DataSpireCluster#health_url}
  */
  readonly healthUrl?: string;
  /**
  * A name for messages. Default: the address.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/cluster#name DataSpireCluster#name}
  */
  readonly name?: string;
  /**
  * The trust domain this member is configured with (`spire_server_config.trust_domain`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/cluster#trust_domain DataSpireCluster#trust_domain}
  */
  readonly trustDomain?: string;
  /**
  * The member's `spire_server_config.upstream_authority_id`: all members must chain to one root.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/cluster#upstream_authority_id DataSpireCluster#upstream_authority_id}
  */
  readonly upstreamAuthorityId?: string;
}

export function dataSpireClusterMembersToTerraform(struct?: DataSpireClusterMembers | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    address: cdktf.stringToTerraform(struct!.address),
    datastore_type: cdktf.stringToTerraform(struct!.datastoreType),
    health_url: cdktf.stringToTerraform(struct!.healthUrl),
    name: cdktf.stringToTerraform(struct!.name),
    trust_domain: cdktf.stringToTerraform(struct!.trustDomain),
    upstream_authority_id: cdktf.stringToTerraform(struct!.upstreamAuthorityId),
  }
}


export function dataSpireClusterMembersToHclTerraform(struct?: DataSpireClusterMembers | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    address: {
      value: cdktf.stringToHclTerraform(struct!.address),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    datastore_type: {
      value: cdktf.stringToHclTerraform(struct!.datastoreType),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    health_url: {
      value: cdktf.stringToHclTerraform(struct!.healthUrl),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    name: {
      value: cdktf.stringToHclTerraform(struct!.name),
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
    upstream_authority_id: {
      value: cdktf.stringToHclTerraform(struct!.upstreamAuthorityId),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class DataSpireClusterMembersOutputReference extends cdktf.ComplexObject {
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

  public get internalValue(): DataSpireClusterMembers | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._address !== undefined) {
      hasAnyValues = true;
      internalValueResult.address = this._address;
    }
    if (this._datastoreType !== undefined) {
      hasAnyValues = true;
      internalValueResult.datastoreType = this._datastoreType;
    }
    if (this._healthUrl !== undefined) {
      hasAnyValues = true;
      internalValueResult.healthUrl = this._healthUrl;
    }
    if (this._name !== undefined) {
      hasAnyValues = true;
      internalValueResult.name = this._name;
    }
    if (this._trustDomain !== undefined) {
      hasAnyValues = true;
      internalValueResult.trustDomain = this._trustDomain;
    }
    if (this._upstreamAuthorityId !== undefined) {
      hasAnyValues = true;
      internalValueResult.upstreamAuthorityId = this._upstreamAuthorityId;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DataSpireClusterMembers | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._address = undefined;
      this._datastoreType = undefined;
      this._healthUrl = undefined;
      this._name = undefined;
      this._trustDomain = undefined;
      this._upstreamAuthorityId = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._address = value.address;
      this._datastoreType = value.datastoreType;
      this._healthUrl = value.healthUrl;
      this._name = value.name;
      this._trustDomain = value.trustDomain;
      this._upstreamAuthorityId = value.upstreamAuthorityId;
    }
  }

  // address - computed: false, optional: false, required: true
  private _address?: string; 
  public get address() {
    return this.getStringAttribute('address');
  }
  public set address(value: string) {
    this._address = value;
  }
  // Temporarily expose input value. Use with caution.
  public get addressInput() {
    return this._address;
  }

  // datastore_type - computed: false, optional: true, required: false
  private _datastoreType?: string; 
  public get datastoreType() {
    return this.getStringAttribute('datastore_type');
  }
  public set datastoreType(value: string) {
    this._datastoreType = value;
  }
  public resetDatastoreType() {
    this._datastoreType = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get datastoreTypeInput() {
    return this._datastoreType;
  }

  // health_url - computed: false, optional: true, required: false
  private _healthUrl?: string; 
  public get healthUrl() {
    return this.getStringAttribute('health_url');
  }
  public set healthUrl(value: string) {
    this._healthUrl = value;
  }
  public resetHealthUrl() {
    this._healthUrl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get healthUrlInput() {
    return this._healthUrl;
  }

  // name - computed: false, optional: true, required: false
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  public resetName() {
    this._name = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // trust_domain - computed: false, optional: true, required: false
  private _trustDomain?: string; 
  public get trustDomain() {
    return this.getStringAttribute('trust_domain');
  }
  public set trustDomain(value: string) {
    this._trustDomain = value;
  }
  public resetTrustDomain() {
    this._trustDomain = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get trustDomainInput() {
    return this._trustDomain;
  }

  // upstream_authority_id - computed: false, optional: true, required: false
  private _upstreamAuthorityId?: string; 
  public get upstreamAuthorityId() {
    return this.getStringAttribute('upstream_authority_id');
  }
  public set upstreamAuthorityId(value: string) {
    this._upstreamAuthorityId = value;
  }
  public resetUpstreamAuthorityId() {
    this._upstreamAuthorityId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get upstreamAuthorityIdInput() {
    return this._upstreamAuthorityId;
  }
}

export class DataSpireClusterMembersList extends cdktf.ComplexList {
  public internalValue? : DataSpireClusterMembers[] | cdktf.IResolvable

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
  public get(index: number): DataSpireClusterMembersOutputReference {
    return new DataSpireClusterMembersOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}
export interface DataSpireClusterStatus {
}

export function dataSpireClusterStatusToTerraform(struct?: DataSpireClusterStatus): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function dataSpireClusterStatusToHclTerraform(struct?: DataSpireClusterStatus): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class DataSpireClusterStatusOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectIndex the index of this item in the list
  * @param complexObjectIsFromSet whether the list is wrapping a set (will add tolist() to be able to access an item via an index)
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectIndex: number, complexObjectIsFromSet: boolean) {
    super(terraformResource, terraformAttribute, complexObjectIsFromSet, complexObjectIndex);
  }

  public get internalValue(): DataSpireClusterStatus | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DataSpireClusterStatus | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // address - computed: true, optional: false, required: false
  public get address() {
    return this.getStringAttribute('address');
  }

  // api_reachable - computed: true, optional: false, required: false
  public get apiReachable() {
    return this.getBooleanAttribute('api_reachable');
  }

  // bundle_sha256 - computed: true, optional: false, required: false
  public get bundleSha256() {
    return this.getStringAttribute('bundle_sha256');
  }

  // error - computed: true, optional: false, required: false
  public get error() {
    return this.getStringAttribute('error');
  }

  // live - computed: true, optional: false, required: false
  public get live() {
    return this.getBooleanAttribute('live');
  }

  // name - computed: true, optional: false, required: false
  public get name() {
    return this.getStringAttribute('name');
  }

  // ready - computed: true, optional: false, required: false
  public get ready() {
    return this.getBooleanAttribute('ready');
  }

  // trust_domain - computed: true, optional: false, required: false
  public get trustDomain() {
    return this.getStringAttribute('trust_domain');
  }
}

export class DataSpireClusterStatusList extends cdktf.ComplexList {

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
  public get(index: number): DataSpireClusterStatusOutputReference {
    return new DataSpireClusterStatusOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/cluster spire_cluster}
*/
export class DataSpireCluster extends cdktf.TerraformDataSource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "spire_cluster";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a DataSpireCluster resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DataSpireCluster to import
  * @param importFromId The id of the existing DataSpireCluster that should be imported. Refer to the {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/cluster#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DataSpireCluster to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "spire_cluster", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/cluster spire_cluster} Data Source
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DataSpireClusterConfig
  */
  public constructor(scope: Construct, id: string, config: DataSpireClusterConfig) {
    super(scope, id, {
      terraformResourceType: 'spire_cluster',
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
    this._adminSvidCertFile = config.adminSvidCertFile;
    this._adminSvidKeyFile = config.adminSvidKeyFile;
    this._livePath = config.livePath;
    this._members.internalValue = config.members;
    this._minReady = config.minReady;
    this._readyPath = config.readyPath;
    this._serverBundleFile = config.serverBundleFile;
    this._serverSpiffeId = config.serverSpiffeId;
    this._timeoutSeconds = config.timeoutSeconds;
    this._trustDomain = config.trustDomain;
    this._waitForReadySeconds = config.waitForReadySeconds;
    this._workloadApiSocket = config.workloadApiSocket;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // admin_svid_cert_file - computed: false, optional: true, required: false
  private _adminSvidCertFile?: string; 
  public get adminSvidCertFile() {
    return this.getStringAttribute('admin_svid_cert_file');
  }
  public set adminSvidCertFile(value: string) {
    this._adminSvidCertFile = value;
  }
  public resetAdminSvidCertFile() {
    this._adminSvidCertFile = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get adminSvidCertFileInput() {
    return this._adminSvidCertFile;
  }

  // admin_svid_key_file - computed: false, optional: true, required: false
  private _adminSvidKeyFile?: string; 
  public get adminSvidKeyFile() {
    return this.getStringAttribute('admin_svid_key_file');
  }
  public set adminSvidKeyFile(value: string) {
    this._adminSvidKeyFile = value;
  }
  public resetAdminSvidKeyFile() {
    this._adminSvidKeyFile = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get adminSvidKeyFileInput() {
    return this._adminSvidKeyFile;
  }

  // bundle_sha256 - computed: true, optional: false, required: false
  public get bundleSha256() {
    return this.getStringAttribute('bundle_sha256');
  }

  // healthy - computed: true, optional: false, required: false
  public get healthy() {
    return this.getBooleanAttribute('healthy');
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

  // members - computed: false, optional: false, required: true
  private _members = new DataSpireClusterMembersList(this, "members", false);
  public get members() {
    return this._members;
  }
  public putMembers(value: DataSpireClusterMembers[] | cdktf.IResolvable) {
    this._members.internalValue = value;
  }
  // Temporarily expose input value. Use with caution.
  public get membersInput() {
    return this._members.internalValue;
  }

  // min_ready - computed: false, optional: true, required: false
  private _minReady?: number; 
  public get minReady() {
    return this.getNumberAttribute('min_ready');
  }
  public set minReady(value: number) {
    this._minReady = value;
  }
  public resetMinReady() {
    this._minReady = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get minReadyInput() {
    return this._minReady;
  }

  // ready_count - computed: true, optional: false, required: false
  public get readyCount() {
    return this.getNumberAttribute('ready_count');
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

  // server_bundle_file - computed: false, optional: true, required: false
  private _serverBundleFile?: string; 
  public get serverBundleFile() {
    return this.getStringAttribute('server_bundle_file');
  }
  public set serverBundleFile(value: string) {
    this._serverBundleFile = value;
  }
  public resetServerBundleFile() {
    this._serverBundleFile = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get serverBundleFileInput() {
    return this._serverBundleFile;
  }

  // server_spiffe_id - computed: false, optional: true, required: false
  private _serverSpiffeId?: string; 
  public get serverSpiffeId() {
    return this.getStringAttribute('server_spiffe_id');
  }
  public set serverSpiffeId(value: string) {
    this._serverSpiffeId = value;
  }
  public resetServerSpiffeId() {
    this._serverSpiffeId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get serverSpiffeIdInput() {
    return this._serverSpiffeId;
  }

  // status - computed: true, optional: false, required: false
  private _status = new DataSpireClusterStatusList(this, "status", false);
  public get status() {
    return this._status;
  }

  // timeout_seconds - computed: false, optional: true, required: false
  private _timeoutSeconds?: number; 
  public get timeoutSeconds() {
    return this.getNumberAttribute('timeout_seconds');
  }
  public set timeoutSeconds(value: number) {
    this._timeoutSeconds = value;
  }
  public resetTimeoutSeconds() {
    this._timeoutSeconds = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get timeoutSecondsInput() {
    return this._timeoutSeconds;
  }

  // trust_bundle_pem - computed: true, optional: false, required: false
  public get trustBundlePem() {
    return this.getStringAttribute('trust_bundle_pem');
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

  // wait_for_ready_seconds - computed: false, optional: true, required: false
  private _waitForReadySeconds?: number; 
  public get waitForReadySeconds() {
    return this.getNumberAttribute('wait_for_ready_seconds');
  }
  public set waitForReadySeconds(value: number) {
    this._waitForReadySeconds = value;
  }
  public resetWaitForReadySeconds() {
    this._waitForReadySeconds = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get waitForReadySecondsInput() {
    return this._waitForReadySeconds;
  }

  // workload_api_socket - computed: false, optional: true, required: false
  private _workloadApiSocket?: string; 
  public get workloadApiSocket() {
    return this.getStringAttribute('workload_api_socket');
  }
  public set workloadApiSocket(value: string) {
    this._workloadApiSocket = value;
  }
  public resetWorkloadApiSocket() {
    this._workloadApiSocket = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get workloadApiSocketInput() {
    return this._workloadApiSocket;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      admin_svid_cert_file: cdktf.stringToTerraform(this._adminSvidCertFile),
      admin_svid_key_file: cdktf.stringToTerraform(this._adminSvidKeyFile),
      live_path: cdktf.stringToTerraform(this._livePath),
      members: cdktf.listMapper(dataSpireClusterMembersToTerraform, false)(this._members.internalValue),
      min_ready: cdktf.numberToTerraform(this._minReady),
      ready_path: cdktf.stringToTerraform(this._readyPath),
      server_bundle_file: cdktf.stringToTerraform(this._serverBundleFile),
      server_spiffe_id: cdktf.stringToTerraform(this._serverSpiffeId),
      timeout_seconds: cdktf.numberToTerraform(this._timeoutSeconds),
      trust_domain: cdktf.stringToTerraform(this._trustDomain),
      wait_for_ready_seconds: cdktf.numberToTerraform(this._waitForReadySeconds),
      workload_api_socket: cdktf.stringToTerraform(this._workloadApiSocket),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      admin_svid_cert_file: {
        value: cdktf.stringToHclTerraform(this._adminSvidCertFile),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      admin_svid_key_file: {
        value: cdktf.stringToHclTerraform(this._adminSvidKeyFile),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      live_path: {
        value: cdktf.stringToHclTerraform(this._livePath),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      members: {
        value: cdktf.listMapperHcl(dataSpireClusterMembersToHclTerraform, false)(this._members.internalValue),
        isBlock: true,
        type: "list",
        storageClassType: "DataSpireClusterMembersList",
      },
      min_ready: {
        value: cdktf.numberToHclTerraform(this._minReady),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      ready_path: {
        value: cdktf.stringToHclTerraform(this._readyPath),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      server_bundle_file: {
        value: cdktf.stringToHclTerraform(this._serverBundleFile),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      server_spiffe_id: {
        value: cdktf.stringToHclTerraform(this._serverSpiffeId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      timeout_seconds: {
        value: cdktf.numberToHclTerraform(this._timeoutSeconds),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      trust_domain: {
        value: cdktf.stringToHclTerraform(this._trustDomain),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      wait_for_ready_seconds: {
        value: cdktf.numberToHclTerraform(this._waitForReadySeconds),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      workload_api_socket: {
        value: cdktf.stringToHclTerraform(this._workloadApiSocket),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
