// https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/node_role
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface NodeRoleConfig extends cdktf.TerraformMetaArguments {
  /**
  * Node selectors as `"type:value"` (`"aws_iid:tag:tarmak_role:worker"`). An agent belongs to the role when its attested selectors include every one of them. At least one.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/node_role#agent_selectors NodeRole#agent_selectors}
  */
  readonly agentSelectors: string[];
  /**
  * The Kubernetes cluster name: the `<cluster>` segment of `spiffe://<td>/k8s/<cluster>/node/…`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/node_role#cluster NodeRole#cluster}
  */
  readonly cluster: string;
  /**
  * The entries each node of the role gets, by component name (`kubelet`, `kube-proxy`, …; the last but one SPIFFE ID segment, or the last without `with_ip`). At least one.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/node_role#components NodeRole#components}
  */
  readonly components: { [key: string]: NodeRoleComponents } | cdktf.IResolvable;
  /**
  * The registrar's ownership prefix (its `--entry-id-prefix`). Default `node-registrar.`. Changing it replaces the role.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/node_role#entry_id_prefix NodeRole#entry_id_prefix}
  */
  readonly entryIdPrefix?: string;
  /**
  * How the node's FQDN is derived from what SPIRE attested: a template with `{selector:<type>:<key>}` (`"{selector:aws_iid:instance:id}.{selector:aws_iid:region}.compute.internal"`) or `{ec2:private_dns_name}` (needs the registrar's `--ec2`). It becomes the `<fqdn>` path segment.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/node_role#fqdn NodeRole#fqdn}
  */
  readonly fqdn: string;
  /**
  * How the node's IPv4 address is derived (`"{ec2:private_ip}"`); needed by components with `with_ip`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/node_role#ip NodeRole#ip}
  */
  readonly ip?: string;
  /**
  * The role name (`worker`, `master`, `etcd`). Part of every node entry ID. Changing it replaces the role.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/node_role#name NodeRole#name}
  */
  readonly name: string;
}
export interface NodeRoleComponents {
  /**
  * DNS names of the entry, as templates that may use `{fqdn}`, `{hostname}`, `{ip}`, `{cluster}` and the node placeholders (`["{fqdn}"]`).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/node_role#dns_names NodeRole#dns_names}
  */
  readonly dnsNames?: string[];
  /**
  * The entry's hint, which `spire-helper --hint` (and its presets) select the SVID by. Default: the component name, which is what the Tarmak presets select by; set it when a component is named differently from the preset or `--hint` that consumes it.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/node_role#hint NodeRole#hint}
  */
  readonly hint?: string;
  /**
  * Workload selectors of the component's entry as `"type:value"` (`"systemd:id:kubelet.service"`). At least one.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/node_role#selectors NodeRole#selectors}
  */
  readonly selectors: string[];
  /**
  * Append the node's IP as the last SPIFFE ID segment (for the composer's IP SANs).
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/node_role#with_ip NodeRole#with_ip}
  */
  readonly withIp?: boolean | cdktf.IResolvable;
  /**
  * X509-SVID lifetime in seconds; unset or 0 for the server's default.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/node_role#x509_svid_ttl NodeRole#x509_svid_ttl}
  */
  readonly x509SvidTtl?: number;
}

export function nodeRoleComponentsToTerraform(struct?: NodeRoleComponents | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  return {
    dns_names: cdktf.listMapper(cdktf.stringToTerraform, false)(struct!.dnsNames),
    hint: cdktf.stringToTerraform(struct!.hint),
    selectors: cdktf.listMapper(cdktf.stringToTerraform, false)(struct!.selectors),
    with_ip: cdktf.booleanToTerraform(struct!.withIp),
    x509_svid_ttl: cdktf.numberToTerraform(struct!.x509SvidTtl),
  }
}


export function nodeRoleComponentsToHclTerraform(struct?: NodeRoleComponents | cdktf.IResolvable): any {
  if (!cdktf.canInspect(struct) || cdktf.Tokenization.isResolvable(struct)) { return struct; }
  if (cdktf.isComplexElement(struct)) {
    throw new Error("A complex element was used as configuration, this is not supported: https://cdk.tf/complex-object-as-configuration");
  }
  const attrs = {
    dns_names: {
      value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(struct!.dnsNames),
      isBlock: false,
      type: "list",
      storageClassType: "stringList",
    },
    hint: {
      value: cdktf.stringToHclTerraform(struct!.hint),
      isBlock: false,
      type: "simple",
      storageClassType: "string",
    },
    selectors: {
      value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(struct!.selectors),
      isBlock: false,
      type: "set",
      storageClassType: "stringList",
    },
    with_ip: {
      value: cdktf.booleanToHclTerraform(struct!.withIp),
      isBlock: false,
      type: "simple",
      storageClassType: "boolean",
    },
    x509_svid_ttl: {
      value: cdktf.numberToHclTerraform(struct!.x509SvidTtl),
      isBlock: false,
      type: "simple",
      storageClassType: "number",
    },
  };

  // remove undefined attributes
  return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined));
}

export class NodeRoleComponentsOutputReference extends cdktf.ComplexObject {
  private isEmptyObject = false;
  private resolvableValue?: cdktf.IResolvable;

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  * @param complexObjectKey the key of this item in the map
  */
  public constructor(terraformResource: cdktf.IInterpolatingParent, terraformAttribute: string, complexObjectKey: string) {
    super(terraformResource, terraformAttribute, false, complexObjectKey);
  }

  public get internalValue(): NodeRoleComponents | cdktf.IResolvable | undefined {
    if (this.resolvableValue) {
      return this.resolvableValue;
    }
    let hasAnyValues = this.isEmptyObject;
    const internalValueResult: any = {};
    if (this._dnsNames !== undefined) {
      hasAnyValues = true;
      internalValueResult.dnsNames = this._dnsNames;
    }
    if (this._hint !== undefined) {
      hasAnyValues = true;
      internalValueResult.hint = this._hint;
    }
    if (this._selectors !== undefined) {
      hasAnyValues = true;
      internalValueResult.selectors = this._selectors;
    }
    if (this._withIp !== undefined) {
      hasAnyValues = true;
      internalValueResult.withIp = this._withIp;
    }
    if (this._x509SvidTtl !== undefined) {
      hasAnyValues = true;
      internalValueResult.x509SvidTtl = this._x509SvidTtl;
    }
    return hasAnyValues ? internalValueResult : undefined;
  }

  public set internalValue(value: NodeRoleComponents | cdktf.IResolvable | undefined) {
    if (value === undefined) {
      this.isEmptyObject = false;
      this.resolvableValue = undefined;
      this._dnsNames = undefined;
      this._hint = undefined;
      this._selectors = undefined;
      this._withIp = undefined;
      this._x509SvidTtl = undefined;
    }
    else if (cdktf.Tokenization.isResolvable(value)) {
      this.isEmptyObject = false;
      this.resolvableValue = value;
    }
    else {
      this.isEmptyObject = Object.keys(value).length === 0;
      this.resolvableValue = undefined;
      this._dnsNames = value.dnsNames;
      this._hint = value.hint;
      this._selectors = value.selectors;
      this._withIp = value.withIp;
      this._x509SvidTtl = value.x509SvidTtl;
    }
  }

  // dns_names - computed: false, optional: true, required: false
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

  // with_ip - computed: false, optional: true, required: false
  private _withIp?: boolean | cdktf.IResolvable; 
  public get withIp() {
    return this.getBooleanAttribute('with_ip');
  }
  public set withIp(value: boolean | cdktf.IResolvable) {
    this._withIp = value;
  }
  public resetWithIp() {
    this._withIp = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get withIpInput() {
    return this._withIp;
  }

  // x509_svid_ttl - computed: false, optional: true, required: false
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
}

export class NodeRoleComponentsMap extends cdktf.ComplexMap {
  public internalValue? : { [key: string]: NodeRoleComponents } | cdktf.IResolvable

  /**
  * @param terraformResource The parent resource
  * @param terraformAttribute The attribute on the parent resource this class is referencing
  */
  constructor(protected terraformResource: cdktf.IInterpolatingParent, protected terraformAttribute: string) {
    super(terraformResource, terraformAttribute)
  }

  /**
  * @param key the key of the item to return
  */
  public get(key: string): NodeRoleComponentsOutputReference {
    return new NodeRoleComponentsOutputReference(this.terraformResource, this.terraformAttribute, key);
  }
}

/**
* Represents a {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/node_role spire_node_role}
*/
export class NodeRole extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "spire_node_role";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a NodeRole resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the NodeRole to import
  * @param importFromId The id of the existing NodeRole that should be imported. Refer to the {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/node_role#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the NodeRole to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "spire_node_role", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/tarmak/spire/latest/docs/resources/node_role spire_node_role} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options NodeRoleConfig
  */
  public constructor(scope: Construct, id: string, config: NodeRoleConfig) {
    super(scope, id, {
      terraformResourceType: 'spire_node_role',
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
    this._agentSelectors = config.agentSelectors;
    this._cluster = config.cluster;
    this._components.internalValue = config.components;
    this._entryIdPrefix = config.entryIdPrefix;
    this._fqdn = config.fqdn;
    this._ip = config.ip;
    this._name = config.name;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // agent_selectors - computed: false, optional: false, required: true
  private _agentSelectors?: string[]; 
  public get agentSelectors() {
    return cdktf.Fn.tolist(this.getListAttribute('agent_selectors'));
  }
  public set agentSelectors(value: string[]) {
    this._agentSelectors = value;
  }
  // Temporarily expose input value. Use with caution.
  public get agentSelectorsInput() {
    return this._agentSelectors;
  }

  // cluster - computed: false, optional: false, required: true
  private _cluster?: string; 
  public get cluster() {
    return this.getStringAttribute('cluster');
  }
  public set cluster(value: string) {
    this._cluster = value;
  }
  // Temporarily expose input value. Use with caution.
  public get clusterInput() {
    return this._cluster;
  }

  // components - computed: false, optional: false, required: true
  private _components = new NodeRoleComponentsMap(this, "components");
  public get components() {
    return this._components;
  }
  public putComponents(value: { [key: string]: NodeRoleComponents } | cdktf.IResolvable) {
    this._components.internalValue = value;
  }
  // Temporarily expose input value. Use with caution.
  public get componentsInput() {
    return this._components.internalValue;
  }

  // entry_id_prefix - computed: true, optional: true, required: false
  private _entryIdPrefix?: string; 
  public get entryIdPrefix() {
    return this.getStringAttribute('entry_id_prefix');
  }
  public set entryIdPrefix(value: string) {
    this._entryIdPrefix = value;
  }
  public resetEntryIdPrefix() {
    this._entryIdPrefix = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get entryIdPrefixInput() {
    return this._entryIdPrefix;
  }

  // fqdn - computed: false, optional: false, required: true
  private _fqdn?: string; 
  public get fqdn() {
    return this.getStringAttribute('fqdn');
  }
  public set fqdn(value: string) {
    this._fqdn = value;
  }
  // Temporarily expose input value. Use with caution.
  public get fqdnInput() {
    return this._fqdn;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // ip - computed: false, optional: true, required: false
  private _ip?: string; 
  public get ip() {
    return this.getStringAttribute('ip');
  }
  public set ip(value: string) {
    this._ip = value;
  }
  public resetIp() {
    this._ip = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get ipInput() {
    return this._ip;
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

  // spiffe_id - computed: true, optional: false, required: false
  public get spiffeId() {
    return this.getStringAttribute('spiffe_id');
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      agent_selectors: cdktf.listMapper(cdktf.stringToTerraform, false)(this._agentSelectors),
      cluster: cdktf.stringToTerraform(this._cluster),
      components: cdktf.hashMapper(nodeRoleComponentsToTerraform)(this._components.internalValue),
      entry_id_prefix: cdktf.stringToTerraform(this._entryIdPrefix),
      fqdn: cdktf.stringToTerraform(this._fqdn),
      ip: cdktf.stringToTerraform(this._ip),
      name: cdktf.stringToTerraform(this._name),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      agent_selectors: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._agentSelectors),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      cluster: {
        value: cdktf.stringToHclTerraform(this._cluster),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      components: {
        value: cdktf.hashMapperHcl(nodeRoleComponentsToHclTerraform)(this._components.internalValue),
        isBlock: true,
        type: "map",
        storageClassType: "NodeRoleComponentsMap",
      },
      entry_id_prefix: {
        value: cdktf.stringToHclTerraform(this._entryIdPrefix),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      fqdn: {
        value: cdktf.stringToHclTerraform(this._fqdn),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      ip: {
        value: cdktf.stringToHclTerraform(this._ip),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      name: {
        value: cdktf.stringToHclTerraform(this._name),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
