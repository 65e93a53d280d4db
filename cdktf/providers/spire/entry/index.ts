// https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/entry
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface EntryConfig extends cdktf.TerraformMetaArguments {
  /**
  * Extra behaviour flags (SPIRE 1.15 and later).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/entry#additional_attributes Entry#additional_attributes}
  */
  readonly additionalAttributes?: EntryAdditionalAttributes;
  /**
  * Workloads with this identity may call the SPIRE Server admin API over TCP.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/entry#admin Entry#admin}
  */
  readonly admin?: boolean | cdktf.IResolvable;
  /**
  * DNS names for the X509-SVID (the first one also becomes its subject common name).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/entry#dns_names Entry#dns_names}
  */
  readonly dnsNames?: string[];
  /**
  * The workload is a downstream SPIRE server (it may mint an intermediate CA).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/entry#downstream Entry#downstream}
  */
  readonly downstream?: boolean | cdktf.IResolvable;
  /**
  * RFC 3339 time (`"2030-01-01T00:00:00Z"`) after which the server deletes the entry; unset for never.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/entry#expires_at Entry#expires_at}
  */
  readonly expiresAt?: string;
  /**
  * Trust domain names (`"partner.org"`) whose bundles workloads of this entry receive. Each needs a federated bundle on the server (`spire_federated_bundle` or `spire_federation_relationship`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/entry#federates_with Entry#federates_with}
  */
  readonly federatesWith?: string[];
  /**
  * A hint telling workloads which SVID to use when they have several (at most 1024 bytes).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/entry#hint Entry#hint}
  */
  readonly hint?: string;
  /**
  * The part of the entry ID after the provider's `entry_id_prefix`. Set it for a predictable ID (the same entry across re-creations of the state); by default a time-ordered random suffix. Changing it replaces the entry.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/entry#id_suffix Entry#id_suffix}
  */
  readonly idSuffix?: string;
  /**
  * JWT-SVID lifetime in seconds; 0 means the server's `default_jwt_svid_ttl`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/entry#jwt_svid_ttl Entry#jwt_svid_ttl}
  */
  readonly jwtSvidTtl?: number;
  /**
  * The SPIFFE ID of the agent (or node alias, or `spiffe://<td>/spire/server` for a node entry) that may issue this identity.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/entry#parent_id Entry#parent_id}
  */
  readonly parentId: string;
  /**
  * Selectors as `"type:value"` strings, split at the first colon (`"unix:uid:1000"`, `"aws_iid:tag:role:etcd"`). At least one.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/entry#selectors Entry#selectors}
  */
  readonly selectors: string[];
  /**
  * The SPIFFE ID of the workload (or node alias) the entry identifies.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/entry#spiffe_id Entry#spiffe_id}
  */
  readonly spiffeId: string;
  /**
  * The agent hands the SVID to a SVIDStore plugin instead of a workload. All selectors must then have the same type.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/entry#store_svid Entry#store_svid}
  */
  readonly storeSvid?: boolean | cdktf.IResolvable;
  /**
  * X509-SVID lifetime in seconds; 0 means the server's `default_x509_svid_ttl`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/entry#x509_svid_ttl Entry#x509_svid_ttl}
  */
  readonly x509SvidTtl?: number;
}
export interface EntryAdditionalAttributes {
  /**
  * The agent mints the X509-SVID when a workload asks, not ahead of time.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/entry#disable_x509_svid_prefetch Entry#disable_x509_svid_prefetch}
  */
  readonly disableX509SvidPrefetch?: boolean | cdktf.IResolvable;
  /**
  * JWT-SVIDs carry a unique `jti` claim (SPIRE 1.15.2 and later).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/entry#jwt_svid_include_jti Entry#jwt_svid_include_jti}
  */
  readonly jwtSvidIncludeJti?: boolean | cdktf.IResolvable;
}

export function entryAdditionalAttributesToTerraform(struct?: EntryAdditionalAttributes | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    disable_x509_svid_prefetch: cdktf.booleanToTerraform(struct!.disableX509SvidPrefetch),
    jwt_svid_include_jti: cdktf.booleanToTerraform(struct!.jwtSvidIncludeJti),
  }
}


export function entryAdditionalAttributesToHclTerraform(struct?: EntryAdditionalAttributes | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    disable_x509_svid_prefetch: {
      value: cdktf.booleanToHclTerraform(struct!.disableX509SvidPrefetch),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    jwt_svid_include_jti: {
      value: cdktf.booleanToHclTerraform(struct!.jwtSvidIncludeJti),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class EntryAdditionalAttributesOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): EntryAdditionalAttributes | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._disableX509SvidPrefetch !== undefined) {
      hasAnyValues = true;
      internalValueResult.disableX509SvidPrefetch = this._disableX509SvidPrefetch;
    }
    if (this._jwtSvidIncludeJti !== undefined) {
      hasAnyValues = true;
      internalValueResult.jwtSvidIncludeJti = this._jwtSvidIncludeJti;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: EntryAdditionalAttributes | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._disableX509SvidPrefetch = undefined;
      this._jwtSvidIncludeJti = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._disableX509SvidPrefetch = value.disableX509SvidPrefetch;
      this._jwtSvidIncludeJti = value.jwtSvidIncludeJti;
    }
  }

  // disable_x509_svid_prefetch - computed: true, optional: true, required: false
  private _disableX509SvidPrefetch?: boolean | cdktf.IResolvable; 
  public get disableX509SvidPrefetch() {
    return this.getBooleanAttribute('disable_x509_svid_prefetch');
  }
  public set disableX509SvidPrefetch(value: boolean | cdktf.IResolvable) {
    this._disableX509SvidPrefetch = value;
  }
  public resetDisableX509SvidPrefetch() {
    this._disableX509SvidPrefetch = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get disableX509SvidPrefetchInput() {
    return this._disableX509SvidPrefetch;
  }

  // jwt_svid_include_jti - computed: true, optional: true, required: false
  private _jwtSvidIncludeJti?: boolean | cdktf.IResolvable; 
  public get jwtSvidIncludeJti() {
    return this.getBooleanAttribute('jwt_svid_include_jti');
  }
  public set jwtSvidIncludeJti(value: boolean | cdktf.IResolvable) {
    this._jwtSvidIncludeJti = value;
  }
  public resetJwtSvidIncludeJti() {
    this._jwtSvidIncludeJti = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get jwtSvidIncludeJtiInput() {
    return this._jwtSvidIncludeJti;
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/entry spire_entry}
*/
export class Entry extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "spire_entry";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a Entry resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the Entry to import
  * @param importFromId The id of the existing Entry that should be imported. Refer to the {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/entry#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the Entry to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "spire_entry", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/entry spire_entry} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options EntryConfig
  */
  public constructor(scope: Construct, id: string, config: EntryConfig) {
    super(scope, id, {
      terraformResourceType: 'spire_entry',
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
    this._additionalAttributes.internalValue = config.additionalAttributes;
    this._admin = config.admin;
    this._dnsNames = config.dnsNames;
    this._downstream = config.downstream;
    this._expiresAt = config.expiresAt;
    this._federatesWith = config.federatesWith;
    this._hint = config.hint;
    this._idSuffix = config.idSuffix;
    this._jwtSvidTtl = config.jwtSvidTtl;
    this._parentId = config.parentId;
    this._selectors = config.selectors;
    this._spiffeId = config.spiffeId;
    this._storeSvid = config.storeSvid;
    this._x509SvidTtl = config.x509SvidTtl;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // additional_attributes - computed: true, optional: true, required: false
  private _additionalAttributes = new EntryAdditionalAttributesOutputReference(this, "additional_attributes");
  public get additionalAttributes() {
    return this._additionalAttributes;
  }
  public putAdditionalAttributes(value: EntryAdditionalAttributes) {
    this._additionalAttributes.internalValue = value;
  }
  public resetAdditionalAttributes() {
    this._additionalAttributes.internalValue = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get additionalAttributesInput() {
    return this._additionalAttributes.internalValue;
  }

  // admin - computed: true, optional: true, required: false
  private _admin?: boolean | cdktf.IResolvable; 
  public get admin() {
    return this.getBooleanAttribute('admin');
  }
  public set admin(value: boolean | cdktf.IResolvable) {
    this._admin = value;
  }
  public resetAdmin() {
    this._admin = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get adminInput() {
    return this._admin;
  }

  // created_at - computed: true, optional: false, required: false
  public get createdAt() {
    return this.getStringAttribute('created_at');
  }

  // dns_names - computed: true, optional: true, required: false
  private _dnsNames?: string[]; 
  public get dnsNames() {
    return this.getListAttribute('dns_names');
  }
  public set dnsNames(value: string[]) {
    this._dnsNames = value;
  }
  public resetDnsNames() {
    this._dnsNames = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get dnsNamesInput() {
    return this._dnsNames;
  }

  // downstream - computed: true, optional: true, required: false
  private _downstream?: boolean | cdktf.IResolvable; 
  public get downstream() {
    return this.getBooleanAttribute('downstream');
  }
  public set downstream(value: boolean | cdktf.IResolvable) {
    this._downstream = value;
  }
  public resetDownstream() {
    this._downstream = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get downstreamInput() {
    return this._downstream;
  }

  // expires_at - computed: false, optional: true, required: false
  private _expiresAt?: string; 
  public get expiresAt() {
    return this.getStringAttribute('expires_at');
  }
  public set expiresAt(value: string) {
    this._expiresAt = value;
  }
  public resetExpiresAt() {
    this._expiresAt = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get expiresAtInput() {
    return this._expiresAt;
  }

  // federates_with - computed: true, optional: true, required: false
  private _federatesWith?: string[]; 
  public get federatesWith() {
    return cdktf.Fn.tolist(this.getListAttribute('federates_with'));
  }
  public set federatesWith(value: string[]) {
    this._federatesWith = value;
  }
  public resetFederatesWith() {
    this._federatesWith = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get federatesWithInput() {
    return this._federatesWith;
  }

  // hint - computed: true, optional: true, required: false
  private _hint?: string; 
  public get hint() {
    return this.getStringAttribute('hint');
  }
  public set hint(value: string) {
    this._hint = value;
  }
  public resetHint() {
    this._hint = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get hintInput() {
    return this._hint;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // id_suffix - computed: true, optional: true, required: false
  private _idSuffix?: string; 
  public get idSuffix() {
    return this.getStringAttribute('id_suffix');
  }
  public set idSuffix(value: string) {
    this._idSuffix = value;
  }
  public resetIdSuffix() {
    this._idSuffix = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get idSuffixInput() {
    return this._idSuffix;
  }

  // jwt_svid_ttl - computed: true, optional: true, required: false
  private _jwtSvidTtl?: number; 
  public get jwtSvidTtl() {
    return this.getNumberAttribute('jwt_svid_ttl');
  }
  public set jwtSvidTtl(value: number) {
    this._jwtSvidTtl = value;
  }
  public resetJwtSvidTtl() {
    this._jwtSvidTtl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get jwtSvidTtlInput() {
    return this._jwtSvidTtl;
  }

  // parent_id - computed: false, optional: false, required: true
  private _parentId?: string; 
  public get parentId() {
    return this.getStringAttribute('parent_id');
  }
  public set parentId(value: string) {
    this._parentId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get parentIdInput() {
    return this._parentId;
  }

  // revision_number - computed: true, optional: false, required: false
  public get revisionNumber() {
    return this.getNumberAttribute('revision_number');
  }

  // selectors - computed: false, optional: false, required: true
  private _selectors?: string[]; 
  public get selectors() {
    return cdktf.Fn.tolist(this.getListAttribute('selectors'));
  }
  public set selectors(value: string[]) {
    this._selectors = value;
  }
  // Temporarily expose input value. Use with caution.
  public get selectorsInput() {
    return this._selectors;
  }

  // spiffe_id - computed: false, optional: false, required: true
  private _spiffeId?: string; 
  public get spiffeId() {
    return this.getStringAttribute('spiffe_id');
  }
  public set spiffeId(value: string) {
    this._spiffeId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get spiffeIdInput() {
    return this._spiffeId;
  }

  // store_svid - computed: true, optional: true, required: false
  private _storeSvid?: boolean | cdktf.IResolvable; 
  public get storeSvid() {
    return this.getBooleanAttribute('store_svid');
  }
  public set storeSvid(value: boolean | cdktf.IResolvable) {
    this._storeSvid = value;
  }
  public resetStoreSvid() {
    this._storeSvid = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get storeSvidInput() {
    return this._storeSvid;
  }

  // x509_svid_ttl - computed: true, optional: true, required: false
  private _x509SvidTtl?: number; 
  public get x509SvidTtl() {
    return this.getNumberAttribute('x509_svid_ttl');
  }
  public set x509SvidTtl(value: number) {
    this._x509SvidTtl = value;
  }
  public resetX509SvidTtl() {
    this._x509SvidTtl = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get x509SvidTtlInput() {
    return this._x509SvidTtl;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      additional_attributes: entryAdditionalAttributesToTerraform(this._additionalAttributes.internalValue),
      admin: cdktf.booleanToTerraform(this._admin),
      dns_names: cdktf.listMapper(cdktf.stringToTerraform, false)(this._dnsNames),
      downstream: cdktf.booleanToTerraform(this._downstream),
      expires_at: cdktf.stringToTerraform(this._expiresAt),
      federates_with: cdktf.listMapper(cdktf.stringToTerraform, false)(this._federatesWith),
      hint: cdktf.stringToTerraform(this._hint),
      id_suffix: cdktf.stringToTerraform(this._idSuffix),
      jwt_svid_ttl: cdktf.numberToTerraform(this._jwtSvidTtl),
      parent_id: cdktf.stringToTerraform(this._parentId),
      selectors: cdktf.listMapper(cdktf.stringToTerraform, false)(this._selectors),
      spiffe_id: cdktf.stringToTerraform(this._spiffeId),
      store_svid: cdktf.booleanToTerraform(this._storeSvid),
      x509_svid_ttl: cdktf.numberToTerraform(this._x509SvidTtl),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      additional_attributes: {
        value: entryAdditionalAttributesToHclTerraform(this._additionalAttributes.internalValue),
        isBlock: true,
        type: "struct",
        storageClassType: "EntryAdditionalAttributes",
      },
      admin: {
        value: cdktf.booleanToHclTerraform(this._admin),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      dns_names: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._dnsNames),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
      downstream: {
        value: cdktf.booleanToHclTerraform(this._downstream),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      expires_at: {
        value: cdktf.stringToHclTerraform(this._expiresAt),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      federates_with: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._federatesWith),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      hint: {
        value: cdktf.stringToHclTerraform(this._hint),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      id_suffix: {
        value: cdktf.stringToHclTerraform(this._idSuffix),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      jwt_svid_ttl: {
        value: cdktf.numberToHclTerraform(this._jwtSvidTtl),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      parent_id: {
        value: cdktf.stringToHclTerraform(this._parentId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      selectors: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._selectors),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      spiffe_id: {
        value: cdktf.stringToHclTerraform(this._spiffeId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      store_svid: {
        value: cdktf.booleanToHclTerraform(this._storeSvid),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      x509_svid_ttl: {
        value: cdktf.numberToHclTerraform(this._x509SvidTtl),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
