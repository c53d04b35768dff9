import type { SceneElementLike } from './scene.types.js';

export interface Point {
  x: number;
  y: number;
}

/** A linear element's box is its points' bounds (points may run left of or above x, y). */
function centre(e: SceneElementLike): Point {
  const points = e.points ?? [];
  if (points.length === 0) return { x: e.x + e.width / 2, y: e.y + e.height / 2 };
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { x: e.x + (Math.min(...xs) + Math.max(...xs)) / 2, y: e.y + (Math.min(...ys) + Math.max(...ys)) / 2 };
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
