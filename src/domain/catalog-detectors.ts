/**
 * @module The catalog's `detectors:` section: telemetry rules per component (every peer of it) or
 * per peer, each a kind with parameters laid over the kind's defaults (detectors/rules.ts). A peer
 * with no rule for itself or its component gets the default set. Pure.
 *
 * @example
 * detectors:
 *   - { id: trunk-isa, component: sip-trunk, kind: isa, params: { threshold: 0.1, minAttempts: 50 } }
 *   - { id: carrier-a-404, component: sip-trunk, peer: carrier-a, kind: code-rate, params: { codes: [404] } }
 */
import type { Obj, Reader } from './catalog.ts';
import type { PeerSpec } from './catalog-peers.ts';
import {
  defaultParams,
  isRuleKind,
  type RuleKind,
  type RuleParams,
  readRuleParams,
  ruleKinds,
} from './detectors/rules.ts';

export interface DetectorSpec {
  id: string;
  component: string;
  /** Only this peer of the component; null: every peer of it. */
  peer: string | null;
  kind: RuleKind;
  /** Complete parameters (defaults filled in), so stored and written rules compare field by field. */
  params: RuleParams;
  enabled: boolean;
}

export const detectorKeys = ['id', 'component', 'peer', 'kind', 'params', 'enabled'] as const;

export function readDetector(r: Reader, o: Obj, path: string, id: string): DetectorSpec | null {
  const component = r.slug(o.component, `${path}.component`, 'catalog.error.invalidReference');
  const peer =
    o.peer === undefined || o.peer === null
      ? null
      : r.slug(o.peer, `${path}.peer`, 'catalog.error.invalidReference');
  const enabled = r.boolean(o.enabled, `${path}.enabled`, true);
  if (!isRuleKind(o.kind)) {
    r.fail(`${path}.kind`, 'alerts.error.invalidKind', {
      value: String(o.kind ?? ''),
      allowed: ruleKinds.join(', '),
    });
    return null;
  }
  const { params, errors } = readRuleParams(o.kind, o.params, `${path}.params`);
  for (const e of errors) r.fail(e.path, e.key, e.params);
  if (component === null || errors.length > 0) return null;
  return { id, component, peer, kind: o.kind, params, enabled };
}

/** A rule's component must exist; its peer must exist and belong to that component. */
export function checkDetectorReferences(
  r: Reader,
  detectors: readonly DetectorSpec[],
  componentPaths: ReadonlyMap<string, string>,
  detectorPaths: ReadonlyMap<string, string>,
  peers: readonly PeerSpec[],
) {
  for (const d of detectors) {
    const path = detectorPaths.get(d.id)!;
    if (!componentPaths.has(d.component)) {
      r.fail(`${path}.component`, 'catalog.error.unknownComponent', { id: d.component });
    }
    if (d.peer === null) continue;
    const peer = peers.find((p) => p.id === d.peer);
    if (!peer) r.fail(`${path}.peer`, 'alerts.error.unknownPeer', { id: d.peer });
    else if (peer.component !== d.component) {
      r.fail(`${path}.peer`, 'alerts.error.peerOfOtherComponent', { id: d.peer, component: peer.component });
    }
  }
}

/** A rule as written to a catalog file: only the parameters that differ from the kind's defaults. */
export function detectorToPlain(d: DetectorSpec): Record<string, unknown> {
  const defaults = defaultParams(d.kind) as unknown as Record<string, unknown>;
  const changed = Object.entries(d.params).filter(
    ([k, v]) => JSON.stringify(v) !== JSON.stringify(defaults[k]),
  );
  return {
    id: d.id,
    component: d.component,
    peer: d.peer ?? undefined,
    kind: d.kind,
    params: changed.length > 0 ? Object.fromEntries(changed) : undefined,
    enabled: d.enabled ? undefined : false,
  };
}
