// https://registry.terraform.io/providers/tarmak/spire/latest/docs
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface SpireProviderConfig {
  /**
  * SPIRE server address: `unix:///path/to/api.sock`, or `host:port` of the TCP listener, or a list of `host:port` (an HA cluster; calls fail over on UNAVAILABLE). Env `SPIRE_ADDRESS` (comma-separated). Default `unix:///tmp/spire-server/private/api.sock`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs#address SpireProvider#address}
  */
  readonly address?: { [key: string]: any };
  /**
  * TCP: PEM file with the admin X509-SVID (leaf first, then intermediates). Env `SPIRE_ADMIN_SVID_CERT_FILE`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs#admin_svid_cert_file SpireProvider#admin_svid_cert_file}
  */
  readonly adminSvidCertFile?: string;
  /**
  * TCP: PEM (PKCS#8) private key of the admin X509-SVID. Env `SPIRE_ADMIN_SVID_KEY_FILE`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs#admin_svid_key_file SpireProvider#admin_svid_key_file}
  */
  readonly adminSvidKeyFile?: string;
  /**
  * Allow `terraform import` of entries whose ID is outside `entry_id_prefix`, and let the provider update and delete such imported entries. Default false. Env `SPIRE_ALLOW_FOREIGN_ENTRIES`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs#allow_foreign_entries SpireProvider#allow_foreign_entries}
  */
  readonly allowForeignEntries?: boolean | cdktf.IResolvable;
  /**
  * Ownership prefix: entries this provider creates get IDs starting with it, and it never updates or deletes an entry whose ID does not. Default `tf-`. Env `SPIRE_ENTRY_ID_PREFIX`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs#entry_id_prefix SpireProvider#entry_id_prefix}
  */
  readonly entryIdPrefix?: string;
  /**
  * TCP: the trust bundle the server's SVID must chain to, as PEM certificates or a SPIFFE bundle (JSON). Env `SPIRE_SERVER_BUNDLE_FILE`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs#server_bundle_file SpireProvider#server_bundle_file}
  */
  readonly serverBundleFile?: string;
  /**
  * TCP: the SPIFFE ID the server must present. Default `spiffe://<trust_domain>/spire/server`. Env `SPIRE_SERVER_SPIFFE_ID`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs#server_spiffe_id SpireProvider#server_spiffe_id}
  */
  readonly serverSpiffeId?: string;
  /**
  * Deadline of each SPIRE API call in seconds. Default 30. Env `SPIRE_TIMEOUT_SECONDS`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs#timeout_seconds SpireProvider#timeout_seconds}
  */
  readonly timeoutSeconds?: number;
  /**
  * The servers' trust domain. Required for TCP; over the unix socket it is read from the server when unset. Env `SPIRE_TRUST_DOMAIN`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs#trust_domain SpireProvider#trust_domain}
  */
  readonly trustDomain?: string;
  /**
  * TCP: fetch the admin X509-SVID (and, unless `server_bundle_file` is set, the server bundle) from this SPIFFE Workload API socket (`unix:///path`). Env `SPIRE_WORKLOAD_API_SOCKET`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs#workload_api_socket SpireProvider#workload_api_socket}
  */
  readonly workloadApiSocket?: string;
  /**
  * Alias name
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs#alias SpireProvider#alias}
  */
  readonly alias?: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs spire}
*/
export class SpireProvider extends cdktf.TerraformProvider {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "spire";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a SpireProvider resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the SpireProvider to import
  * @param importFromId The id of the existing SpireProvider that should be imported. Refer to the {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the SpireProvider to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "spire", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs spire} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options SpireProviderConfig = {}
  */
  public constructor(scope: Construct, id: string, config: SpireProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'spire',
      terraformGeneratorMetadata: {
        providerName: 'spire'
      },
      terraformProviderSource: 'registry.terraform.io/tarmak/spire'
    });
    this._address = config.address;
    this._adminSvidCertFile = config.adminSvidCertFile;
    this._adminSvidKeyFile = config.adminSvidKeyFile;
    this._allowForeignEntries = config.allowForeignEntries;
    this._entryIdPrefix = config.entryIdPrefix;
    this._serverBundleFile = config.serverBundleFile;
    this._serverSpiffeId = config.serverSpiffeId;
    this._timeoutSeconds = config.timeoutSeconds;
    this._trustDomain = config.trustDomain;
    this._workloadApiSocket = config.workloadApiSocket;
    this._alias = config.alias;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // address - computed: false, optional: true, required: false
  private _address?: { [key: string]: any }; 
  public get address() {
    return this._address;
  }
  public set address(value: { [key: string]: any } | undefined) {
    this._address = value;
  }
  public resetAddress() {
    this._address = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get addressInput() {
    return this._address;
  }

  // admin_svid_cert_file - computed: false, optional: true, required: false
  private _adminSvidCertFile?: string; 
  public get adminSvidCertFile() {
    return this._adminSvidCertFile;
  }
  public set adminSvidCertFile(value: string | undefined) {
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
    return this._adminSvidKeyFile;
  }
  public set adminSvidKeyFile(value: string | undefined) {
    this._adminSvidKeyFile = value;
  }
  public resetAdminSvidKeyFile() {
    this._adminSvidKeyFile = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get adminSvidKeyFileInput() {
    return this._adminSvidKeyFile;
  }

  // allow_foreign_entries - computed: false, optional: true, required: false
  private _allowForeignEntries?: boolean | cdktf.IResolvable; 
  public get allowForeignEntries() {
    return this._allowForeignEntries;
  }
  public set allowForeignEntries(value: boolean | cdktf.IResolvable | undefined) {
    this._allowForeignEntries = value;
  }
  public resetAllowForeignEntries() {
    this._allowForeignEntries = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get allowForeignEntriesInput() {
    return this._allowForeignEntries;
  }

  // entry_id_prefix - computed: false, optional: true, required: false
  private _entryIdPrefix?: string; 
  public get entryIdPrefix() {
    return this._entryIdPrefix;
  }
  public set entryIdPrefix(value: string | undefined) {
    this._entryIdPrefix = value;
  }
  public resetEntryIdPrefix() {
    this._entryIdPrefix = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get entryIdPrefixInput() {
    return this._entryIdPrefix;
  }

  // server_bundle_file - computed: false, optional: true, required: false
  private _serverBundleFile?: string; 
  public get serverBundleFile() {
    return this._serverBundleFile;
  }
  public set serverBundleFile(value: string | undefined) {
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
    return this._serverSpiffeId;
  }
  public set serverSpiffeId(value: string | undefined) {
    this._serverSpiffeId = value;
  }
  public resetServerSpiffeId() {
    this._serverSpiffeId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get serverSpiffeIdInput() {
    return this._serverSpiffeId;
  }

  // timeout_seconds - computed: false, optional: true, required: false
  private _timeoutSeconds?: number; 
  public get timeoutSeconds() {
    return this._timeoutSeconds;
  }
  public set timeoutSeconds(value: number | undefined) {
    this._timeoutSeconds = value;
  }
  public resetTimeoutSeconds() {
    this._timeoutSeconds = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get timeoutSecondsInput() {
    return this._timeoutSeconds;
  }

  // trust_domain - computed: false, optional: true, required: false
  private _trustDomain?: string; 
  public get trustDomain() {
    return this._trustDomain;
  }
  public set trustDomain(value: string | undefined) {
    this._trustDomain = value;
  }
  public resetTrustDomain() {
    this._trustDomain = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get trustDomainInput() {
    return this._trustDomain;
  }

  // workload_api_socket - computed: false, optional: true, required: false
  private _workloadApiSocket?: string; 
  public get workloadApiSocket() {
    return this._workloadApiSocket;
  }
  public set workloadApiSocket(value: string | undefined) {
    this._workloadApiSocket = value;
  }
  public resetWorkloadApiSocket() {
    this._workloadApiSocket = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get workloadApiSocketInput() {
    return this._workloadApiSocket;
  }

  // alias - computed: false, optional: true, required: false
  private _alias?: string; 
  public get alias() {
    return this._alias;
  }
  public set alias(value: string | undefined) {
    this._alias = value;
  }
  public resetAlias() {
    this._alias = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get aliasInput() {
    return this._alias;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      address: cdktf.hashMapper(cdktf.anyToTerraform)(this._address),
      admin_svid_cert_file: cdktf.stringToTerraform(this._adminSvidCertFile),
      admin_svid_key_file: cdktf.stringToTerraform(this._adminSvidKeyFile),
      allow_foreign_entries: cdktf.booleanToTerraform(this._allowForeignEntries),
      entry_id_prefix: cdktf.stringToTerraform(this._entryIdPrefix),
      server_bundle_file: cdktf.stringToTerraform(this._serverBundleFile),
      server_spiffe_id: cdktf.stringToTerraform(this._serverSpiffeId),
      timeout_seconds: cdktf.numberToTerraform(this._timeoutSeconds),
      trust_domain: cdktf.stringToTerraform(this._trustDomain),
      workload_api_socket: cdktf.stringToTerraform(this._workloadApiSocket),
      alias: cdktf.stringToTerraform(this._alias),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      address: {
        value: cdktf.hashMapperHcl(cdktf.anyToHclTerraform)(this._address),
        isBlock: false,
        type: "map",
        storageClassType: "anyMap",
      },
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
      allow_foreign_entries: {
        value: cdktf.booleanToHclTerraform(this._allowForeignEntries),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      entry_id_prefix: {
        value: cdktf.stringToHclTerraform(this._entryIdPrefix),
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
      workload_api_socket: {
        value: cdktf.stringToHclTerraform(this._workloadApiSocket),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      alias: {
        value: cdktf.stringToHclTerraform(this._alias),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
