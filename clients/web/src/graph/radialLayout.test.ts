import { radialLayout } from './radialLayout';

describe('radial layout', () => {
  it('puts the first neighbour straight above the centre and spaces all evenly on one circle', () => {
    const layout = radialLayout(['a', 'b', 'c', 'd'], { width: 400, height: 400, radius: 100 });
    expect(layout.center).toEqual({ x: 200, y: 200 });
    const [a, b, c, d] = layout.nodes;
    expect(a.x).toBeCloseTo(200);
    expect(a.y).toBeCloseTo(100);
    expect(b.x).toBeCloseTo(300);
    expect(c.y).toBeCloseTo(300);
    expect(d.x).toBeCloseTo(100);
    for (const node of layout.nodes) expect(Math.hypot(node.x - 200, node.y - 200)).toBeCloseTo(100);
  });

  it('anchors labels away from the centre, and keeps every node inside the picture', () => {
    const layout = radialLayout(Array.from({ length: 20 }, (_, index) => index));
    const right = layout.nodes.filter((node) => node.x > layout.center.x + 50);
    const left = layout.nodes.filter((node) => node.x < layout.center.x - 50);
    expect(right.every((node) => node.anchor === 'start')).toBe(true);
    expect(left.every((node) => node.anchor === 'end')).toBe(true);
    for (const node of layout.nodes) {
      expect(node.x).toBeGreaterThan(0);
      expect(node.x).toBeLessThan(layout.width);
      expect(node.y).toBeGreaterThan(0);
      expect(node.y).toBeLessThan(layout.height);
    }
  });

  it('lays out nothing for no neighbours', () => {
    expect(radialLayout([]).nodes).toEqual([]);
  });
});
