/** A neighbour's place in the relation picture. */
export interface PlacedNode<T> {
  item: T;
  x: number;
  y: number;
  /** Where its label sits, pushed out beyond the node, and which way the text runs. */
  labelX: number;
  labelY: number;
  anchor: 'start' | 'middle' | 'end';
}

export interface RadialLayout<T> {
  width: number;
  height: number;
  center: { x: number; y: number };
  nodes: PlacedNode<T>[];
}

/**
 * Places the entity in the middle and its neighbours evenly on a circle around it, the
 * first straight up, clockwise. Labels go outside the circle, anchored away from the
 * centre, so they do not cross the edges. Enough for the 1-hop picture of one entity.
 */
export function radialLayout<T>(items: readonly T[], options: { width?: number; height?: number; radius?: number } = {}): RadialLayout<T> {
  const width = options.width ?? 720;
  const height = options.height ?? 440;
  const center = { x: width / 2, y: height / 2 };
  const radius = options.radius ?? Math.min(width, height) / 2 - 70;
  const nodes = items.map((item, index) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * index) / items.length;
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const anchor: PlacedNode<T>['anchor'] = cos > 0.3 ? 'start' : cos < -0.3 ? 'end' : 'middle';
    return {
      item,
      x: center.x + radius * cos,
      y: center.y + radius * sin,
      labelX: center.x + (radius + 16) * cos,
      labelY: center.y + (radius + 16) * sin + (anchor === 'middle' ? (sin < 0 ? -6 : 14) : 4),
      anchor,
    };
  });
  return { width, height, center, nodes };
}
