// Tarmak's SPIRE registration policy as a CDKTF stack, written with the bindings generated from
// terraform-provider-spire's schema (cdktf/providers/spire, `npm run cdktf:generate`). The same policy as
// terraform/examples/tarmak-aws/node-roles.tf: per role, a node alias and a spire_node_role rule. From the
// rule, spire-node-registrar gives every attested node of the role its own entries, parented to that
// node's agent, with the node in the SPIFFE ID:
//   spiffe://<td>/k8s/<cluster>/node/<fqdn>/<component>[/<ip>]
// which is what the CredentialComposer rules (composer/rules/tarmak.json) turn into Kubernetes names.
import { Fn, TerraformOutput, TerraformStack, TerraformVariable, Token } from 'cdktf';
import type { Construct } from 'constructs';
import { Entry } from '../../../cdktf/providers/spire/entry/index.js';
import { NodeRole } from '../../../cdktf/providers/spire/node-role/index.js';
import type { NodeRoleComponents } from '../../../cdktf/providers/spire/node-role/index.js';
import { SpireProvider } from '../../../cdktf/providers/spire/provider/index.js';

/** Tarmak's node roles (its Puppet roles and instance pools). */
export const ROLES = ['etcd', 'master', 'worker'] as const;
export type Role = (typeof ROLES)[number];

/** spire-helper runs as root on the nodes and picks each SVID by its hint (the component name). */
export const HELPER_SELECTORS = ['unix:uid:0'];

/** Where a component's DNS names and IP come from; the registrar fills the placeholders per node. */
export interface ComponentNames {
  /** DNS name templates: `{fqdn}`, `{hostname}` and fixed names. */
  readonly dnsNames: readonly string[];
  /** The node's IP is the last SPIFFE ID segment (the composer's IP SANs). */
  readonly withIp: boolean;
}

/**
 * Returns each role's components by name: Tarmak's certificates (docs/helper/presets.md), named as the
 * CredentialComposer rules and spire-helper's presets are.
 */
export function roleComponents(cluster: string, zone: string): Record<Role, Record<string, ComponentNames>> {
  const hostInZone = `{hostname}.${cluster}.${zone}`;
  const plain: ComponentNames = { dnsNames: [], withIp: false };
  return {
    etcd: {
      'etcd-k8s': { dnsNames: [hostInZone, '{fqdn}'], withIp: true },
      'etcd-overlay': { dnsNames: [hostInZone, '{fqdn}'], withIp: true },
    },
    master: {
      kubelet: { dnsNames: ['{fqdn}'], withIp: false },
      'kube-proxy': plain,
      'kube-scheduler': plain,
      'kube-controller-manager': plain,
      'kube-apiserver-proxy': plain,
      admin: plain,
      'kube-apiserver': { dnsNames: [`api.${cluster}.${zone}`], withIp: true },
      'etcd-apiserver': { dnsNames: [hostInZone], withIp: true },
      'etcd-overlay-client': { dnsNames: [hostInZone], withIp: true },
    },
    worker: {
      kubelet: { dnsNames: ['{fqdn}'], withIp: false },
      'kube-proxy': plain,
      'etcd-overlay-client': { dnsNames: [hostInZone], withIp: true },
    },
  };
}

/** Returns a component as the binding takes it, leaving out what is at its default. */
function nodeRoleComponent(names: ComponentNames): NodeRoleComponents {
  return {
    selectors: [...HELPER_SELECTORS],
    ...(names.dnsNames.length === 0 ? {} : { dnsNames: [...names.dnsNames] }),
    ...(names.withIp ? { withIp: true } : {}),
  };
}

export class TarmakSpireStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    const address = new TerraformVariable(this, 'spire_address', {
      type: 'string',
      description:
        'SPIRE server address: unix:///path/to/api.sock on a server host, or host:port of the TCP listener.',
      default: 'unix:///tmp/spire-server/private/api.sock',
    });
    const trustDomain = new TerraformVariable(this, 'trust_domain', {
      type: 'string',
      description: "The cluster's SPIFFE trust domain.",
      default: 'cluster.tarmak.example',
    });
    const cluster = new TerraformVariable(this, 'cluster_name', {
      type: 'string',
      description:
        'Tarmak cluster name: part of every SPIFFE ID, of the role names and of the entry ID prefix.',
      default: 'tarmak',
    });
    const zone = new TerraformVariable(this, 'dns_zone', {
      type: 'string',
      description: "The cluster's private DNS zone (the API server is api.<cluster>.<zone>).",
      default: 'tarmak.local',
    });
    const roleSelectors = new TerraformVariable(this, 'node_alias_selectors', {
      type: 'map(list(string))',
      description:
        "Selectors of each role's agents, for example " +
        '{ worker = ["aws_iid:iamrole:arn:aws:iam::123456789012:role/tarmak-worker", ' +
        '"aws_iid:tag:tarmak.io/cluster:tarmak"], etcd = [...], master = [...] }. ' +
        'Use only facts a node cannot choose for itself.',
    });

    // The provider's `address` takes a string or a list of strings (HA servers), so its binding is untyped.
    new SpireProvider(this, 'spire', {
      address: Token.asAny(address.value),
      trustDomain: trustDomain.stringValue,
      entryIdPrefix: `tf-${cluster.stringValue}-`,
    });

    const td = `spiffe://${trustDomain.stringValue}`;
    const selectorsOf = (role: Role): string[] => Token.asList(Fn.lookup(roleSelectors.value, role));
    const components = roleComponents(cluster.stringValue, zone.stringValue);

    const aliases = new Map<Role, Entry>();
    const nodeRoles = new Map<Role, NodeRole>();
    for (const role of ROLES) {
      // Node alias: every agent whose attestation yields the role's selectors is also the role, for
      // workloads that are truly the same on every node of it. SPIRE parents node entries to the server.
      aliases.set(
        role,
        new Entry(this, `node_alias_${role}`, {
          idSuffix: `node-${role}`,
          spiffeId: `${td}/tarmak/${cluster.stringValue}/role/${role}`,
          parentId: `${td}/spire/server`,
          selectors: selectorsOf(role),
        }),
      );

      // The role's rule for spire-node-registrar: the node's name and address come from EC2 (the
      // registrar's --ec2), never from the node, and each component becomes one entry per node.
      nodeRoles.set(
        role,
        new NodeRole(this, `node_role_${role}`, {
          name: `${cluster.stringValue}-${role}`,
          cluster: cluster.stringValue,
          agentSelectors: selectorsOf(role),
          fqdn: '{ec2:private_dns_name}',
          ip: '{ec2:private_ip}',
          components: Object.fromEntries(
            Object.entries(components[role]).map(([name, names]) => [name, nodeRoleComponent(names)]),
          ),
        }),
      );
    }

    new TerraformOutput(this, 'node_alias_ids', {
      description:
        'The SPIFFE ID of each role, to parent workload entries to that every node of it may hold.',
      value: Object.fromEntries([...aliases].map(([role, entry]) => [role, entry.spiffeId])),
    });
    new TerraformOutput(this, 'node_role_record_ids', {
      description:
        "The entry ID of each role's rule, for `spire-server entry show -entryID` (docs/registrar.md).",
      value: Object.fromEntries([...nodeRoles].map(([role, nodeRole]) => [role, nodeRole.id])),
    });
  }
}
