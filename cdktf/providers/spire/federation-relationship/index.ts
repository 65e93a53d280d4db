// https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/federation_relationship
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface FederationRelationshipConfig extends cdktf.TerraformMetaArguments {
  /**
  * How the endpoint authenticates: `https_web` (Web PKI certificate) or `https_spiffe` (an X509-SVID, ID given by `endpoint_spiffe_id`, checked against the trust domain bundle).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/federation_relationship#bundle_endpoint_profile FederationRelationship#bundle_endpoint_profile}
  */
  readonly bundleEndpointProfile: string;
  /**
  * The https URL of the foreign trust domain's bundle endpoint.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/federation_relationship#bundle_endpoint_url FederationRelationship#bundle_endpoint_url}
  */
  readonly bundleEndpointUrl: string;
  /**
  * The SPIFFE ID of the bundle endpoint server; required with `https_spiffe`, unset otherwise.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/federation_relationship#endpoint_spiffe_id FederationRelationship#endpoint_spiffe_id}
  */
  readonly endpointSpiffeId?: string;
  /**
  * The foreign trust domain, a bare name such as `partner.example`. Changing it replaces the resource.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/federation_relationship#trust_domain FederationRelationship#trust_domain}
  */
  readonly trustDomain: string;
  /**
  * A SPIFFE bundle JSON document for the foreign trust domain, used to bootstrap `https_spiffe` until the first fetch. The server replaces it with every bundle it fetches, so this attribute keeps what was configured and never shows those refreshes as drift. A changed value is sent to the server; after an import the configured value is only recorded.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/federation_relationship#trust_domain_bundle FederationRelationship#trust_domain_bundle}
  */
  readonly trustDomainBundle?: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/federation_relationship spire_federation_relationship}
*/
export class FederationRelationship extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "spire_federation_relationship";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a FederationRelationship resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the FederationRelationship to import
  * @param importFromId The id of the existing FederationRelationship that should be imported. Refer to the {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/federation_relationship#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the FederationRelationship to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "spire_federation_relationship", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/federation_relationship spire_federation_relationship} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options FederationRelationshipConfig
  */
  public constructor(scope: Construct, id: string, config: FederationRelationshipConfig) {
    super(scope, id, {
      terraformResourceType: 'spire_federation_relationship',
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
    this._bundleEndpointProfile = config.bundleEndpointProfile;
    this._bundleEndpointUrl = config.bundleEndpointUrl;
    this._endpointSpiffeId = config.endpointSpiffeId;
    this._trustDomain = config.trustDomain;
    this._trustDomainBundle = config.trustDomainBundle;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // bundle_endpoint_profile - computed: false, optional: false, required: true
  private _bundleEndpointProfile?: string; 
  public get bundleEndpointProfile() {
    return this.getStringAttribute('bundle_endpoint_profile');
  }
  public set bundleEndpointProfile(value: string) {
    this._bundleEndpointProfile = value;
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

  // trust_domain_bundle - computed: false, optional: true, required: false
  private _trustDomainBundle?: string; 
  public get trustDomainBundle() {
    return this.getStringAttribute('trust_domain_bundle');
  }
  public set trustDomainBundle(value: string) {
    this._trustDomainBundle = value;
  }
  public resetTrustDomainBundle() {
    this._trustDomainBundle = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get trustDomainBundleInput() {
    return this._trustDomainBundle;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      bundle_endpoint_profile: cdktf.stringToTerraform(this._bundleEndpointProfile),
      bundle_endpoint_url: cdktf.stringToTerraform(this._bundleEndpointUrl),
      endpoint_spiffe_id: cdktf.stringToTerraform(this._endpointSpiffeId),
      trust_domain: cdktf.stringToTerraform(this._trustDomain),
      trust_domain_bundle: cdktf.stringToTerraform(this._trustDomainBundle),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      bundle_endpoint_profile: {
        value: cdktf.stringToHclTerraform(this._bundleEndpointProfile),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      bundle_endpoint_url: {
        value: cdktf.stringToHclTerraform(this._bundleEndpointUrl),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      endpoint_spiffe_id: {
        value: cdktf.stringToHclTerraform(this._endpointSpiffeId),
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
      trust_domain_bundle: {
        value: cdktf.stringToHclTerraform(this._trustDomainBundle),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
