// https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/entries
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface DataSpireEntriesConfig extends cdktf.TerraformMetaArguments {
  /**
  * Only entries whose `downstream` flag has this value.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/entries#downstream DataSpireEntries#downstream}
  */
  readonly downstream?: boolean | cdktf.IResolvable;
  /**
  * Only entries federating with these trust domains, as `federates_with_match` says.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/entries#federates_with DataSpireEntries#federates_with}
  */
  readonly federatesWith?: string[];
  /**
  * How `federates_with` is compared with each entry's set: `exact` (the same set), `subset` (the entry's set is within the given one), `superset` (the entry's set contains the given one; default) or `any` (at least one in common).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/entries#federates_with_match DataSpireEntries#federates_with_match}
  */
  readonly federatesWithMatch?: string;
  /**
  * Only entries with this hint.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/entries#hint DataSpireEntries#hint}
  */
  readonly hint?: string;
  /**
  * Only entries with this parent ID.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/entries#parent_id DataSpireEntries#parent_id}
  */
  readonly parentId?: string;
  /**
  * How `selectors` is compared with each entry's set: `exact` (the same set), `subset` (the entry's set is within the given one), `superset` (the entry's set contains the given one; default) or `any` (at least one in common).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/entries#selector_match DataSpireEntries#selector_match}
  */
  readonly selectorMatch?: string;
  /**
  * Only entries whose selectors (`type:value`) match these, as `selector_match` says.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/entries#selectors DataSpireEntries#selectors}
  */
  readonly selectors?: string[];
  /**
  * Only entries with this SPIFFE ID.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/entries#spiffe_id DataSpireEntries#spiffe_id}
  */
  readonly spiffeId?: string;
}
export interface DataSpireEntriesEntriesAdditionalAttributes {
}

export function dataSpireEntriesEntriesAdditionalAttributesToTerraform(struct?: DataSpireEntriesEntriesAdditionalAttributes): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function dataSpireEntriesEntriesAdditionalAttributesToHclTerraform(struct?: DataSpireEntriesEntriesAdditionalAttributes): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class DataSpireEntriesEntriesAdditionalAttributesOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string) {
    super(terraformResource, terraformAttribute, false);
  }

  public get internalValue(): DataSpireEntriesEntriesAdditionalAttributes | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DataSpireEntriesEntriesAdditionalAttributes | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // disable_x509_svid_prefetch - computed: true, optional: false, required: false
  public get disableX509SvidPrefetch() {
    return this.getBooleanAttribute('disable_x509_svid_prefetch');
  }

  // jwt_svid_include_jti - computed: true, optional: false, required: false
  public get jwtSvidIncludeJti() {
    return this.getBooleanAttribute('jwt_svid_include_jti');
  }
}
export interface DataSpireEntriesEntries {
}

export function dataSpireEntriesEntriesToTerraform(struct?: DataSpireEntriesEntries): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function dataSpireEntriesEntriesToHclTerraform(struct?: DataSpireEntriesEntries): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class DataSpireEntriesEntriesOutputReference extends cdktf.ComplexObject {
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

  public get internalValue(): DataSpireEntriesEntries | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DataSpireEntriesEntries | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // additional_attributes - computed: true, optional: false, required: false
  private _additionalAttributes = new DataSpireEntriesEntriesAdditionalAttributesOutputReference(this, "additional_attributes");
  public get additionalAttributes() {
    return this._additionalAttributes;
  }

  // admin - computed: true, optional: false, required: false
  public get admin() {
    return this.getBooleanAttribute('admin');
  }

  // created_at - computed: true, optional: false, required: false
  public get createdAt() {
    return this.getStringAttribute('created_at');
  }

  // dns_names - computed: true, optional: false, required: false
  public get dnsNames() {
    return this.getListAttribute('dns_names');
  }

  // downstream - computed: true, optional: false, required: false
  public get downstream() {
    return this.getBooleanAttribute('downstream');
  }

  // expires_at - computed: true, optional: false, required: false
  public get expiresAt() {
    return this.getStringAttribute('expires_at');
  }

  // federates_with - computed: true, optional: false, required: false
  public get federatesWith() {
    return this.getListAttribute('federates_with');
  }

  // hint - computed: true, optional: false, required: false
  public get hint() {
    return this.getStringAttribute('hint');
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // jwt_svid_ttl - computed: true, optional: false, required: false
  public get jwtSvidTtl() {
    return this.getNumberAttribute('jwt_svid_ttl');
  }

  // parent_id - computed: true, optional: false, required: false
  public get parentId() {
    return this.getStringAttribute('parent_id');
  }

  // revision_number - computed: true, optional: false, required: false
  public get revisionNumber() {
    return this.getNumberAttribute('revision_number');
  }

  // selectors - computed: true, optional: false, required: false
  public get selectors() {
    return this.getListAttribute('selectors');
  }

  // spiffe_id - computed: true, optional: false, required: false
  public get spiffeId() {
    return this.getStringAttribute('spiffe_id');
  }

  // store_svid - computed: true, optional: false, required: false
  public get storeSvid() {
    return this.getBooleanAttribute('store_svid');
  }

  // x509_svid_ttl - computed: true, optional: false, required: false
  public get x509SvidTtl() {
    return this.getNumberAttribute('x509_svid_ttl');
  }
}

export class DataSpireEntriesEntriesList extends cdktf.ComplexList {

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
  public get(index: number): DataSpireEntriesEntriesOutputReference {
    return new DataSpireEntriesEntriesOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/entries spire_entries}
*/
export class DataSpireEntries extends cdktf.TerraformDataSource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "spire_entries";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a DataSpireEntries resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DataSpireEntries to import
  * @param importFromId The id of the existing DataSpireEntries that should be imported. Refer to the {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/entries#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DataSpireEntries to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "spire_entries", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/entries spire_entries} Data Source
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DataSpireEntriesConfig = {}
  */
  public constructor(scope: Construct, id: string, config: DataSpireEntriesConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'spire_entries',
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
    this._downstream = config.downstream;
    this._federatesWith = config.federatesWith;
    this._federatesWithMatch = config.federatesWithMatch;
    this._hint = config.hint;
    this._parentId = config.parentId;
    this._selectorMatch = config.selectorMatch;
    this._selectors = config.selectors;
    this._spiffeId = config.spiffeId;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // downstream - computed: false, optional: true, required: false
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

  // entries - computed: true, optional: false, required: false
  private _entries = new DataSpireEntriesEntriesList(this, "entries", false);
  public get entries() {
    return this._entries;
  }

  // federates_with - computed: false, optional: true, required: false
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

  // federates_with_match - computed: true, optional: true, required: false
  private _federatesWithMatch?: string; 
  public get federatesWithMatch() {
    return this.getStringAttribute('federates_with_match');
  }
  public set federatesWithMatch(value: string) {
    this._federatesWithMatch = value;
  }
  public resetFederatesWithMatch() {
    this._federatesWithMatch = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get federatesWithMatchInput() {
    return this._federatesWithMatch;
  }

  // hint - computed: false, optional: true, required: false
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

  // parent_id - computed: false, optional: true, required: false
  private _parentId?: string; 
  public get parentId() {
    return this.getStringAttribute('parent_id');
  }
  public set parentId(value: string) {
    this._parentId = value;
  }
  public resetParentId() {
    this._parentId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get parentIdInput() {
    return this._parentId;
  }

  // selector_match - computed: true, optional: true, required: false
  private _selectorMatch?: string; 
  public get selectorMatch() {
    return this.getStringAttribute('selector_match');
  }
  public set selectorMatch(value: string) {
    this._selectorMatch = value;
  }
  public resetSelectorMatch() {
    this._selectorMatch = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get selectorMatchInput() {
    return this._selectorMatch;
  }

  // selectors - computed: false, optional: true, required: false
  private _selectors?: string[]; 
  public get selectors() {
    return cdktf.Fn.tolist(this.getListAttribute('selectors'));
  }
  public set selectors(value: string[]) {
    this._selectors = value;
  }
  public resetSelectors() {
    this._selectors = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get selectorsInput() {
    return this._selectors;
  }

  // spiffe_id - computed: false, optional: true, required: false
  private _spiffeId?: string; 
  public get spiffeId() {
    return this.getStringAttribute('spiffe_id');
  }
  public set spiffeId(value: string) {
    this._spiffeId = value;
  }
  public resetSpiffeId() {
    this._spiffeId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get spiffeIdInput() {
    return this._spiffeId;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      downstream: cdktf.booleanToTerraform(this._downstream),
      federates_with: cdktf.listMapper(cdktf.stringToTerraform, false)(this._federatesWith),
      federates_with_match: cdktf.stringToTerraform(this._federatesWithMatch),
      hint: cdktf.stringToTerraform(this._hint),
      parent_id: cdktf.stringToTerraform(this._parentId),
      selector_match: cdktf.stringToTerraform(this._selectorMatch),
      selectors: cdktf.listMapper(cdktf.stringToTerraform, false)(this._selectors),
      spiffe_id: cdktf.stringToTerraform(this._spiffeId),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      downstream: {
        value: cdktf.booleanToHclTerraform(this._downstream),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      federates_with: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._federatesWith),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      federates_with_match: {
        value: cdktf.stringToHclTerraform(this._federatesWithMatch),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      hint: {
        value: cdktf.stringToHclTerraform(this._hint),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      parent_id: {
        value: cdktf.stringToHclTerraform(this._parentId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      selector_match: {
        value: cdktf.stringToHclTerraform(this._selectorMatch),
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
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
