// https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/join_token
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface JoinTokenConfig extends cdktf.TerraformMetaArguments {
  /**
  * When set, SPIRE also creates a registration entry that gives the agent attesting with this token this SPIFFE ID as an alias (parent `attested_agent_id`, selector `spiffe_id:<attested_agent_id>`). The entry is not deleted with the token.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/join_token#agent_spiffe_id JoinToken#agent_spiffe_id}
  */
  readonly agentSpiffeId?: string;
  /**
  * The token value. Leave it unset to let SPIRE generate a UUID; set it to register a value of your own (letters, digits, `.`, `-`, `_`). Sensitive: stored only in the Terraform state.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/join_token#token JoinToken#token}
  */
  readonly token?: string;
  /**
  * How long the token is valid, in seconds (at least 1). Changing it creates a new token.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/join_token#ttl JoinToken#ttl}
  */
  readonly ttl: number;
}

/**
* Represents a {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/join_token spire_join_token}
*/
export class JoinToken extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "spire_join_token";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a JoinToken resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the JoinToken to import
  * @param importFromId The id of the existing JoinToken that should be imported. Refer to the {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/join_token#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the JoinToken to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "spire_join_token", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/join_token spire_join_token} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options JoinTokenConfig
  */
  public constructor(scope: Construct, id: string, config: JoinTokenConfig) {
    super(scope, id, {
      terraformResourceType: 'spire_join_token',
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
    this._agentSpiffeId = config.agentSpiffeId;
    this._token = config.token;
    this._ttl = config.ttl;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // agent_spiffe_id - computed: false, optional: true, required: false
  private _agentSpiffeId?: string; 
  public get agentSpiffeId() {
    return this.getStringAttribute('agent_spiffe_id');
  }
  public set agentSpiffeId(value: string) {
    this._agentSpiffeId = value;
  }
  public resetAgentSpiffeId() {
    this._agentSpiffeId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get agentSpiffeIdInput() {
    return this._agentSpiffeId;
  }

  // attested_agent_id - computed: true, optional: false, required: false
  public get attestedAgentId() {
    return this.getStringAttribute('attested_agent_id');
  }

  // expires_at - computed: true, optional: false, required: false
  public get expiresAt() {
    return this.getStringAttribute('expires_at');
  }

  // token - computed: true, optional: true, required: false
  private _token?: string; 
  public get token() {
    return this.getStringAttribute('token');
  }
  public set token(value: string) {
    this._token = value;
  }
  public resetToken() {
    this._token = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get tokenInput() {
    return this._token;
  }

  // ttl - computed: false, optional: false, required: true
  private _ttl?: number; 
  public get ttl() {
    return this.getNumberAttribute('ttl');
  }
  public set ttl(value: number) {
    this._ttl = value;
  }
  // Temporarily expose input value. Use with caution.
  public get ttlInput() {
    return this._ttl;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      agent_spiffe_id: cdktf.stringToTerraform(this._agentSpiffeId),
      token: cdktf.stringToTerraform(this._token),
      ttl: cdktf.numberToTerraform(this._ttl),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      agent_spiffe_id: {
        value: cdktf.stringToHclTerraform(this._agentSpiffeId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      token: {
        value: cdktf.stringToHclTerraform(this._token),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      ttl: {
        value: cdktf.numberToHclTerraform(this._ttl),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
