import type { SceneElementLike } from './scene.types.js';

export interface Point {
  x: number;
  y: number;
}

/**
 * A linear element's box is its points' bounds (points may run left of or above x, y). Remembered per element: the
 * graph asks for a shape's centre once per arrow end and free text, and a stroke may hold 50,000 points.
 */
const centres = new WeakMap<SceneElementLike, { of: readonly unknown[]; at: Point }>();
function centre(e: SceneElementLike): Point {
  const points = e.points ?? [];
  // Kept only while the element still has the box and points it was worked out from.
  const of = [e.x, e.y, e.width, e.height, points, points.length];
  const known = centres.get(e);
  if (known && known.of.every((v, i) => v === of[i])) return known.at;
  let found: Point;
  if (points.length === 0) found = { x: e.x + e.width / 2, y: e.y + e.height / 2 };
  else {
    // A loop, not Math.min(...xs): as many arguments as points is more than a call has room for.
    let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [x, y] of points) {
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
    }
    found = { x: e.x + (left + right) / 2, y: e.y + (top + bottom) / 2 };
  }
  centres.set(e, { of, at: found });
  return found;
}

/** `p` turned by `angle` radians around `about` (Excalidraw turns an element around its centre, clockwise on screen). */
function rotate(p: Point, about: Point, angle: number): Point {
  if (!angle) return p;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const dx = p.x - about.x;
  const dy = p.y - about.y;
  return { x: about.x + dx * cos - dy * sin, y: about.y + dx * sin + dy * cos };
}

/** The centre of an element on the canvas (a turn keeps it where it is). */
export const centreOf = centre;

/** Whether a canvas point lies in an element's box (turned with it), widened by `margin` on each side. */
export function contains(e: SceneElementLike, p: Point, margin = 0): boolean {
  const local = rotate(p, centre(e), -(e.angle ?? 0));
  return local.x >= e.x - margin && local.x <= e.x + e.width + margin && local.y >= e.y - margin && local.y <= e.y + e.height + margin;
}

/** The canvas positions of a linear element's first and last points (points are relative to x, y; turned with it). */
export function endpoints(e: SceneElementLike): { start: Point; end: Point } | null {
  const points = e.points ?? [];
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last || points.length < 2) return null;
  const at = (pt: readonly [number, number]) => rotate({ x: e.x + pt[0], y: e.y + pt[1] }, centre(e), e.angle ?? 0);
  return { start: at(first), end: at(last) };
}

export const area = (e: SceneElementLike): number => Math.abs(e.width * e.height);
