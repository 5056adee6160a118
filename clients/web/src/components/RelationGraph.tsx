import { Text } from '@mantine/core';
import { radialLayout } from '../graph/radialLayout';
import { entityPath, refLabel } from '../url/entityPaths';
import { followInApp } from './Link';

/** One relation of the entity, as the catalog returns it. */
export interface GraphRelation {
  type: string;
  targetRef: string;
  target: { ref: string; kind: string; name: string; title?: string | null } | null;
}

interface Neighbour {
  ref: string;
  label: string;
  kind: string | null;
  types: string[];
  exists: boolean;
}

/** How many neighbours the picture draws; the rest are counted under it. */
const MAX_NEIGHBOURS = 20;

const KIND_COLOURS: Record<string, string> = {
  component: '#228be6',
  api: '#12b886',
  system: '#7950f2',
  domain: '#be4bdb',
  resource: '#fd7e14',
  group: '#e64980',
  user: '#fab005',
};

/**
 * The entity's relations as a picture: the entity in the middle, each related entity on a
 * circle around it, one edge per neighbour labelled with every relation type between them.
 * A neighbour that exists is a link to its page; a dangling one is dashed.
 */
export function RelationGraph({ title, relations }: { title: string; relations: readonly GraphRelation[] }) {
  const neighbours = groupByTarget(relations);
  if (neighbours.length === 0) return <Text c="dimmed" fz="sm">No relations.</Text>;
  const shown = neighbours.slice(0, MAX_NEIGHBOURS);
  const layout = radialLayout(shown);
  return (
    <div>
      <svg viewBox={`0 0 ${layout.width} ${layout.height}`} width="100%" role="group" aria-label={`Relations of ${title}`} data-testid="relation-graph">
        {layout.nodes.map((node) => (
          <g key={`edge-${node.item.ref}`}>
            <line x1={layout.center.x} y1={layout.center.y} x2={node.x} y2={node.y} stroke="#adb5bd" strokeWidth={1.5} strokeDasharray={node.item.exists ? undefined : '4 4'} />
            <text x={layout.center.x + (node.x - layout.center.x) * 0.62} y={layout.center.y + (node.y - layout.center.y) * 0.62 - 4} fontSize={10} fill="#868e96" textAnchor="middle">
              {node.item.types.join(', ')}
            </text>
          </g>
        ))}
        <circle cx={layout.center.x} cy={layout.center.y} r={26} fill="#1c7ed6" />
        <text x={layout.center.x} y={layout.center.y + 44} fontSize={13} fontWeight={700} textAnchor="middle" fill="#212529">
          {title}
        </text>
        {layout.nodes.map((node) => {
          const colour = KIND_COLOURS[node.item.kind?.toLowerCase() ?? ''] ?? '#868e96';
          const body = (
            <>
              <circle cx={node.x} cy={node.y} r={14} fill={node.item.exists ? colour : '#fff'} stroke={colour} strokeWidth={2} strokeDasharray={node.item.exists ? undefined : '3 3'} />
              <text x={node.labelX} y={node.labelY} fontSize={12} textAnchor={node.anchor} fill={node.item.exists ? '#1971c2' : '#868e96'}>
                {node.item.label}
              </text>
            </>
          );
          if (!node.item.exists) return <g key={node.item.ref}>{body}</g>;
          const to = entityPath(node.item.ref);
          return (
            <a key={node.item.ref} href={to} onClick={(event) => followInApp(event, to)} aria-label={`${node.item.label} (${node.item.types.join(', ')})`} data-ref={node.item.ref}>
              {body}
            </a>
          );
        })}
      </svg>
      {neighbours.length > shown.length && (
        <Text c="dimmed" fz="sm">
          and {neighbours.length - shown.length} more related entities not drawn
        </Text>
      )}
    </div>
  );
}

function groupByTarget(relations: readonly GraphRelation[]): Neighbour[] {
  const byRef = new Map<string, Neighbour>();
  for (const relation of relations) {
    const existing = byRef.get(relation.targetRef);
    if (existing) {
      if (!existing.types.includes(relation.type)) existing.types.push(relation.type);
      continue;
    }
    byRef.set(relation.targetRef, {
      ref: relation.targetRef,
      label: relation.target?.title || relation.target?.name || refLabel(relation.targetRef),
      kind: relation.target?.kind ?? relation.targetRef.split(':')[0] ?? null,
      types: [relation.type],
      exists: relation.target !== null,
    });
  }
  return [...byRef.values()].sort((a, b) => (a.kind ?? '').localeCompare(b.kind ?? '') || a.ref.localeCompare(b.ref));
}
