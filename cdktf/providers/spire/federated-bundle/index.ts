// https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/federated_bundle
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface FederatedBundleConfig extends cdktf.TerraformMetaArguments {
  /**
  * What destroying the bundle does to registration entries that federate with it: `restrict` (default) refuses while any does, `dissociate` removes the trust domain from those entries, `delete` deletes them. Takes effect once applied, before the destroy.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/federated_bundle#delete_mode FederatedBundle#delete_mode}
  */
  readonly deleteMode?: string;
  /**
  * The bundle as a SPIFFE bundle JSON document (X.509 and JWT authorities, optional `spiffe_sequence` and `spiffe_refresh_hint`). Configure exactly one of `spiffe_bundle_json` and `x509_pem`; the other is filled in from the server's bundle.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/federated_bundle#spiffe_bundle_json FederatedBundle#spiffe_bundle_json}
  */
  readonly spiffeBundleJson?: string;
  /**
  * The foreign trust domain, a bare name such as `partner.example`. Changing it replaces the resource.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/federated_bundle#trust_domain FederatedBundle#trust_domain}
  */
  readonly trustDomain: string;
  /**
  * The X.509 authorities as PEM `CERTIFICATE` blocks. Configured, it writes a bundle without JWT authorities (and only X.509 changes count as drift). Configure exactly one of `spiffe_bundle_json` and `x509_pem`; the other is filled in from the server's bundle.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/federated_bundle#x509_pem FederatedBundle#x509_pem}
  */
  readonly x509Pem?: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/federated_bundle spire_federated_bundle}
*/
export class FederatedBundle extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "spire_federated_bundle";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a FederatedBundle resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the FederatedBundle to import
  * @param importFromId The id of the existing FederatedBundle that should be imported. Refer to the {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/federated_bundle#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the FederatedBundle to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "spire_federated_bundle", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/federated_bundle spire_federated_bundle} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options FederatedBundleConfig
  */
  public constructor(scope: Construct, id: string, config: FederatedBundleConfig) {
    super(scope, id, {
      terraformResourceType: 'spire_federated_bundle',
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
    this._deleteMode = config.deleteMode;
    this._spiffeBundleJson = config.spiffeBundleJson;
    this._trustDomain = config.trustDomain;
    this._x509Pem = config.x509Pem;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // delete_mode - computed: true, optional: true, required: false
  private _deleteMode?: string; 
  public get deleteMode() {
    return this.getStringAttribute('delete_mode');
  }
  public set deleteMode(value: string) {
    this._deleteMode = value;
  }
  public resetDeleteMode() {
    this._deleteMode = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get deleteModeInput() {
    return this._deleteMode;
  }

  // spiffe_bundle_json - computed: true, optional: true, required: false
  private _spiffeBundleJson?: string; 
  public get spiffeBundleJson() {
    return this.getStringAttribute('spiffe_bundle_json');
  }
  public set spiffeBundleJson(value: string) {
    this._spiffeBundleJson = value;
  }
  public resetSpiffeBundleJson() {
    this._spiffeBundleJson = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get spiffeBundleJsonInput() {
    return this._spiffeBundleJson;
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

  // x509_pem - computed: true, optional: true, required: false
  private _x509Pem?: string; 
  public get x509Pem() {
    return this.getStringAttribute('x509_pem');
  }
  public set x509Pem(value: string) {
    this._x509Pem = value;
  }
  public resetX509Pem() {
    this._x509Pem = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get x509PemInput() {
    return this._x509Pem;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      delete_mode: cdktf.stringToTerraform(this._deleteMode),
      spiffe_bundle_json: cdktf.stringToTerraform(this._spiffeBundleJson),
      trust_domain: cdktf.stringToTerraform(this._trustDomain),
      x509_pem: cdktf.stringToTerraform(this._x509Pem),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      delete_mode: {
        value: cdktf.stringToHclTerraform(this._deleteMode),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      spiffe_bundle_json: {
        value: cdktf.stringToHclTerraform(this._spiffeBundleJson),
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
      x509_pem: {
        value: cdktf.stringToHclTerraform(this._x509Pem),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
