// https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agents
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface DataSpireAgentsConfig extends cdktf.TerraformMetaArguments {
  /**
  * Only agents attested by this node attestor (`join_token`, `aws_iid`, `x509pop`, …).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agents#attestation_type DataSpireAgents#attestation_type}
  */
  readonly attestationType?: string;
  /**
  * Only banned (true) or not banned (false) agents.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agents#banned DataSpireAgents#banned}
  */
  readonly banned?: boolean | cdktf.IResolvable;
  /**
  * Only agents that can (true) or cannot (false) re-attest.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agents#can_reattest DataSpireAgents#can_reattest}
  */
  readonly canReattest?: boolean | cdktf.IResolvable;
  /**
  * How `selectors` is compared with each agent's: `exact`, `subset`, `superset` (default) or `any`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agents#selector_match DataSpireAgents#selector_match}
  */
  readonly selectorMatch?: string;
  /**
  * Only agents whose node selectors (`type:value`) match these, as `selector_match` says.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agents#selectors DataSpireAgents#selectors}
  */
  readonly selectors?: string[];
}
export interface DataSpireAgentsAgents {
}

export function dataSpireAgentsAgentsToTerraform(struct?: DataSpireAgentsAgents): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
  }
}


export function dataSpireAgentsAgentsToHclTerraform(struct?: DataSpireAgentsAgents): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
  };
  return attrs;
}

export class DataSpireAgentsAgentsOutputReference extends cdktf.ComplexObject {
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

  public get internalValue(): DataSpireAgentsAgents | undefined {
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: DataSpireAgentsAgents | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
    }
  }

  // agent_version - computed: true, optional: false, required: false
  public get agentVersion() {
    return this.getStringAttribute('agent_version');
  }

  // attestation_type - computed: true, optional: false, required: false
  public get attestationType() {
    return this.getStringAttribute('attestation_type');
  }

  // banned - computed: true, optional: false, required: false
  public get banned() {
    return this.getBooleanAttribute('banned');
  }

  // can_reattest - computed: true, optional: false, required: false
  public get canReattest() {
    return this.getBooleanAttribute('can_reattest');
  }

  // expires_at - computed: true, optional: false, required: false
  public get expiresAt() {
    return this.getStringAttribute('expires_at');
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // selectors - computed: true, optional: false, required: false
  public get selectors() {
    return this.getListAttribute('selectors');
  }

  // serial_number - computed: true, optional: false, required: false
  public get serialNumber() {
    return this.getStringAttribute('serial_number');
  }
}

export class DataSpireAgentsAgentsList extends cdktf.ComplexList {

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
  public get(index: number): DataSpireAgentsAgentsOutputReference {
    return new DataSpireAgentsAgentsOutputReference(this.terraformResource, this.terraformAttribute, index, this.wrapsSet);
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agents spire_agents}
*/
export class DataSpireAgents extends cdktf.TerraformDataSource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "spire_agents";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a DataSpireAgents resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DataSpireAgents to import
  * @param importFromId The id of the existing DataSpireAgents that should be imported. Refer to the {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agents#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DataSpireAgents to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "spire_agents", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/data-sources/agents spire_agents} Data Source
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DataSpireAgentsConfig = {}
  */
  public constructor(scope: Construct, id: string, config: DataSpireAgentsConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'spire_agents',
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
    this._attestationType = config.attestationType;
    this._banned = config.banned;
    this._canReattest = config.canReattest;
    this._selectorMatch = config.selectorMatch;
    this._selectors = config.selectors;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // agents - computed: true, optional: false, required: false
  private _agents = new DataSpireAgentsAgentsList(this, "agents", false);
  public get agents() {
    return this._agents;
  }

  // attestation_type - computed: false, optional: true, required: false
  private _attestationType?: string; 
  public get attestationType() {
    return this.getStringAttribute('attestation_type');
  }
  public set attestationType(value: string) {
    this._attestationType = value;
  }
  public resetAttestationType() {
    this._attestationType = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get attestationTypeInput() {
    return this._attestationType;
  }

  // banned - computed: false, optional: true, required: false
  private _banned?: boolean | cdktf.IResolvable; 
  public get banned() {
    return this.getBooleanAttribute('banned');
  }
  public set banned(value: boolean | cdktf.IResolvable) {
    this._banned = value;
  }
  public resetBanned() {
    this._banned = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get bannedInput() {
    return this._banned;
  }

  // can_reattest - computed: false, optional: true, required: false
  private _canReattest?: boolean | cdktf.IResolvable; 
  public get canReattest() {
    return this.getBooleanAttribute('can_reattest');
  }
  public set canReattest(value: boolean | cdktf.IResolvable) {
    this._canReattest = value;
  }
  public resetCanReattest() {
    this._canReattest = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get canReattestInput() {
    return this._canReattest;
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

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      attestation_type: cdktf.stringToTerraform(this._attestationType),
      banned: cdktf.booleanToTerraform(this._banned),
      can_reattest: cdktf.booleanToTerraform(this._canReattest),
      selector_match: cdktf.stringToTerraform(this._selectorMatch),
      selectors: cdktf.listMapper(cdktf.stringToTerraform, false)(this._selectors),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      attestation_type: {
        value: cdktf.stringToHclTerraform(this._attestationType),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      banned: {
        value: cdktf.booleanToHclTerraform(this._banned),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      can_reattest: {
        value: cdktf.booleanToHclTerraform(this._canReattest),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
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
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
