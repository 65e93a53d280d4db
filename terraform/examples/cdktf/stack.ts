// Tarmak's SPIRE registration entries as a CDKTF stack, written with the bindings generated from
// terraform-provider-spire's schema (cdktf/providers/spire, `npm run cdktf:generate`). The same layout as
// terraform/examples/tarmak-aws: one node alias per role, and each role's workload entries parented to it.
import { Fn, TerraformOutput, TerraformStack, TerraformVariable, Token } from 'cdktf';
import type { Construct } from 'constructs';
import { Entry } from '../../../cdktf/providers/spire/entry/index.js';
import { SpireProvider } from '../../../cdktf/providers/spire/provider/index.js';

/** Tarmak's node roles (its Puppet roles and instance pools). */
export const ROLES = ['etcd', 'master', 'worker'] as const;
export type Role = (typeof ROLES)[number];

export interface Component {
  /** The spire-helper preset, and so the SVID hint its registration entry must carry. */
  readonly name: string;
  readonly roles: readonly Role[];
  /** DNS names that are the same on every node of the role (node names come from the composer plugin). */
  readonly dnsNames?: (cluster: string, zone: string) => string[];
}

/** Tarmak's certificates, one registration entry per component and role (docs/helper/presets.md). */
export const COMPONENTS: readonly Component[] = [
  { name: 'etcd-k8s', roles: ['etcd'] },
  { name: 'etcd-overlay', roles: ['etcd'] },
  { name: 'etcd-overlay-client', roles: ['master', 'worker'] },
  { name: 'etcd-apiserver', roles: ['master'] },
  {
    name: 'kube-apiserver',
    roles: ['master'],
    dnsNames: (cluster, zone) => [`api.${cluster}.${zone}`],
  },
  { name: 'kube-apiserver-proxy', roles: ['master'] },
  { name: 'admin', roles: ['master'] },
  { name: 'kube-controller-manager', roles: ['master'] },
  { name: 'kube-scheduler', roles: ['master'] },
  { name: 'kubelet', roles: ['master', 'worker'] },
  { name: 'kube-proxy', roles: ['master', 'worker'] },
];

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
      description: 'Tarmak cluster name: part of every SPIFFE ID and of the entry ID prefix.',
      default: 'tarmak',
    });
    const zone = new TerraformVariable(this, 'dns_zone', {
      type: 'string',
      description: "The cluster's private DNS zone (the API server is api.<cluster>.<zone>).",
      default: 'tarmak.local',
    });
    const nodeAliasSelectors = new TerraformVariable(this, 'node_alias_selectors', {
      type: 'map(list(string))',
      description:
        "Selectors of each role's agents, for example " +
        '{ etcd = ["aws_iid:iamrole:arn:aws:iam::123456789012:role/tarmak-etcd"], master = [...], worker = [...] }.',
    });

    // The provider's `address` takes a string or a list of strings (HA servers), so its binding is untyped.
    new SpireProvider(this, 'spire', {
      address: Token.asAny(address.value),
      trustDomain: trustDomain.stringValue,
      entryIdPrefix: `tf-${cluster.stringValue}-`,
    });

    const td = `spiffe://${trustDomain.stringValue}`;
    const rolePath = (role: Role): string => `${td}/tarmak/${cluster.stringValue}/role/${role}`;

    // Node aliases: every agent whose attestation yields the role's selectors is also the role's alias.
    // SPIRE parents node entries to the server itself.
    const aliases = new Map<Role, Entry>();
    for (const role of ROLES) {
      aliases.set(
        role,
        new Entry(this, `node_alias_${role}`, {
          idSuffix: `node-${role}`,
          spiffeId: rolePath(role),
          parentId: `${td}/spire/server`,
          selectors: Token.asList(Fn.lookup(nodeAliasSelectors.value, role)),
        }),
      );
    }

    // Workload entries: spire-helper runs as root on the node and picks each SVID by its hint.
    for (const component of COMPONENTS) {
      for (const role of component.roles) {
        const alias = aliases.get(role);
        if (alias === undefined) throw new Error(`no node alias for role ${role}`);
        new Entry(this, `${role}_${component.name}`, {
          idSuffix: `${role}-${component.name}`,
          spiffeId: `${rolePath(role)}/${component.name}`,
          parentId: alias.spiffeId,
          selectors: ['unix:uid:0'],
          hint: component.name,
          ...(component.dnsNames === undefined
            ? {}
            : { dnsNames: component.dnsNames(cluster.stringValue, zone.stringValue) }),
        });
      }
    }

    new TerraformOutput(this, 'node_alias_ids', {
      description: 'The SPIFFE ID of each role, to parent further workload entries to.',
      value: Object.fromEntries([...aliases].map(([role, entry]) => [role, entry.spiffeId])),
    });
  }
}
