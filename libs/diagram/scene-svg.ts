import { centreOf, type Point } from './geometry.js';
import type { SceneElementLike, SceneLike } from './scene.types.js';
import { colour, escapeXml, finite, n, paint, strokeOf } from './svg-markup.js';

/** Space around the drawing, and room above a frame for its name. */
const PADDING = 24;
const FRAME_NAME_SIZE = 14;
const HAND = "Virgil, 'Comic Sans MS', 'Segoe Print', cursive, sans-serif";
const SANS = "Helvetica, Arial, 'Nimbus Sans', sans-serif";
const MONO = "'Cascadia Code', Menlo, Consolas, monospace";

type Element = SceneElementLike & Record<string, unknown>;

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);

/** The element's box with width and height made positive (Excalidraw may store a box drawn up or left that way). */
function box(e: Element): { x: number; y: number; w: number; h: number } {
  const w = finite(e.width);
  const h = finite(e.height);
  return { x: Math.min(finite(e.x), finite(e.x) + w), y: Math.min(finite(e.y), finite(e.y) + h), w: Math.abs(w), h: Math.abs(h) };
}

const pointsOf = (e: Element): Point[] => (e.points ?? []).map(([px, py]) => ({ x: finite(e.x) + finite(px), y: finite(e.y) + finite(py) }));

function turn(p: Point, about: Point, angle: number): Point {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return { x: about.x + (p.x - about.x) * cos - (p.y - about.y) * sin, y: about.y + (p.x - about.x) * sin + (p.y - about.y) * cos };
}

/** The canvas points an element covers (its corners, or its points), turned with it: what the viewBox must hold. */
function extent(e: Element): Point[] {
  const angle = finite(e.angle);
  const about = centreOf(e);
  let points: Point[];
  if (e.type === 'arrow' || e.type === 'line' || e.type === 'freedraw') points = pointsOf(e);
  else {
    const b = box(e);
    points = [
      { x: b.x, y: b.y },
      { x: b.x + b.w, y: b.y },
      { x: b.x, y: b.y + b.h },
      { x: b.x + b.w, y: b.y + b.h },
    ];
    if (e.type === 'frame') points.push({ x: b.x, y: b.y - FRAME_NAME_SIZE * 1.8 });
  }
  return angle ? points.map((p) => turn(p, about, angle)) : points;
}

function rotation(e: Element): string {
  const angle = finite(e.angle);
  if (!angle) return '';
  const c = centreOf(e);
  return ` transform="rotate(${n((angle * 180) / Math.PI)} ${n(finite(c.x))} ${n(finite(c.y))})"`;
}

/** Excalidraw's corner radius: adaptive (32px, or a quarter of a small side) or proportional (a quarter). */
function radius(e: Element, b: { w: number; h: number }): number {
  const roundness = e.roundness as { type?: unknown } | null | undefined;
  if (!roundness || typeof roundness !== 'object') return 0;
  const side = Math.min(b.w, b.h);
  return roundness.type === 3 && side > 128 ? 32 : side * 0.25;
}

const polyline = (points: Point[]): string => points.map((p, i) => `${i ? 'L' : 'M'}${n(p.x)} ${n(p.y)}`).join(' ');

/** Two strokes back from `tip`, along the direction from `from`. */
function arrowhead(tip: Point, from: Point, size: number): string {
  const len = Math.hypot(tip.x - from.x, tip.y - from.y);
  if (!len) return '';
  const ux = (tip.x - from.x) / len;
  const uy = (tip.y - from.y) / len;
  const s = Math.min(size, len * 0.6);
  const wing = (sign: number): Point => {
    const a = (sign * 25 * Math.PI) / 180;
    return { x: tip.x - s * (ux * Math.cos(a) - uy * Math.sin(a)), y: tip.y - s * (uy * Math.cos(a) + ux * Math.sin(a)) };
  };
  return ` M${n(wing(1).x)} ${n(wing(1).y)} L${n(tip.x)} ${n(tip.y)} L${n(wing(-1).x)} ${n(wing(-1).y)}`;
}

function linear(e: Element): string {
  const points = pointsOf(e);
  if (points.length < 2) return '';
  const s = strokeOf(e);
  const first = points[0]!;
  const last = points.at(-1)!;
  const closed = e.type === 'line' && points.length > 2 && first.x === last.x && first.y === last.y && s.fill !== 'none';
  let d = polyline(points) + (closed ? ' Z' : '');
  const size = 12 + s.width * 2;
  if (e.type === 'arrow' && e.endArrowhead) d += arrowhead(last, points.at(-2)!, size);
  if (e.type === 'arrow' && e.startArrowhead) d += arrowhead(first, points[1]!, size);
  return `<path d="${d}" ${paint(s, closed)} stroke-linecap="round" stroke-linejoin="round"${rotation(e)}/>`;
}

function text(e: Element): string {
  const b = box(e);
  const size = clamp(finite(e.fontSize, 20), 1, 400);
  const lineHeight = clamp(finite(e.lineHeight, 1.25), 0.5, 4) * size;
  const align = e.textAlign === 'center' ? 'middle' : e.textAlign === 'right' ? 'end' : 'start';
  const x = align === 'middle' ? b.x + b.w / 2 : align === 'end' ? b.x + b.w : b.x;
  const family = e.fontFamily === 2 || e.fontFamily === 6 ? SANS : e.fontFamily === 3 || e.fontFamily === 8 ? MONO : HAND;
  const source = typeof e.text === 'string' ? e.text : typeof e.originalText === 'string' ? e.originalText : '';
  const lines = source
    .split(/\r\n|\r|\n/)
    .map((line, i) => (line ? `<tspan x="${n(x)}" y="${n(b.y + i * lineHeight + lineHeight / 2)}">${escapeXml(line)}</tspan>` : ''))
    .join('');
  if (!lines) return '';
  const { opacity } = strokeOf(e);
  return `<text font-family="${family}" font-size="${n(size)}" fill="${colour(e.strokeColor, '#1e1e1e')}" text-anchor="${align}" dominant-baseline="central"${opacity < 1 ? ` opacity="${n(opacity)}"` : ''}${rotation(e)} xml:space="preserve">${lines}</text>`;
}

function element(e: Element): string {
  const b = box(e);
  switch (e.type) {
    case 'rectangle': {
      const r = radius(e, b);
      return `<rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.w)}" height="${n(b.h)}"${r ? ` rx="${n(r)}"` : ''} ${paint(strokeOf(e))}${rotation(e)}/>`;
    }
    case 'ellipse':
      return `<ellipse cx="${n(b.x + b.w / 2)}" cy="${n(b.y + b.h / 2)}" rx="${n(b.w / 2)}" ry="${n(b.h / 2)}" ${paint(strokeOf(e))}${rotation(e)}/>`;
    case 'diamond': {
      const points = [
        `${n(b.x + b.w / 2)},${n(b.y)}`,
        `${n(b.x + b.w)},${n(b.y + b.h / 2)}`,
        `${n(b.x + b.w / 2)},${n(b.y + b.h)}`,
        `${n(b.x)},${n(b.y + b.h / 2)}`,
      ];
      return `<polygon points="${points.join(' ')}" ${paint(strokeOf(e))} stroke-linejoin="round"${rotation(e)}/>`;
    }
    case 'arrow':
    case 'line':
      return linear(e);
    case 'freedraw': {
      const points = pointsOf(e);
      if (points.length === 0) return '';
      const s = strokeOf(e);
      const d = points.length === 1 ? `${polyline(points)} l0.01 0` : polyline(points);
      return `<path d="${d}" ${paint(s, false)} stroke-linecap="round" stroke-linejoin="round"${rotation(e)}/>`;
    }
    case 'text':
      return text(e);
    case 'frame': {
      const name = typeof e.name === 'string' && e.name.trim() ? e.name : 'Frame';
      return (
        `<g${rotation(e)}><rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.w)}" height="${n(b.h)}" rx="8" fill="none" stroke="#868e96" stroke-width="1.5" stroke-dasharray="8 6"/>` +
        `<text x="${n(b.x)}" y="${n(b.y - FRAME_NAME_SIZE * 0.6)}" font-family="${SANS}" font-size="${FRAME_NAME_SIZE}" fill="#495057">${escapeXml(name)}</text></g>`
      );
    }
    default:
      return '';
  }
}

/**
 * A board as a standalone SVG document: rectangles, ellipses, diamonds, lines and arrows (with arrowheads),
 * freehand strokes, text (lines, size, alignment), frames (dashed, named) and turned elements, in the scene's
 * order, deleted elements left out, the viewBox fitted to what is drawn. Pure and deterministic. The scene is
 * untrusted: see `svg-markup.ts` for how its values reach the markup.
 */
export function sceneToSvg(scene: SceneLike): string {
  const live = (scene.elements as readonly Element[]).filter((e) => e.isDeleted !== true);
  const drawn = live.map((e) => [e, element(e)] as const).filter(([, markup]) => markup);
  // A loop, not Math.min(...points): a scene may hold more points than a call has room for arguments.
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [e] of drawn) {
    for (const p of extent(e)) {
      if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
      [left, top, right, bottom] = [Math.min(left, p.x), Math.min(top, p.y), Math.max(right, p.x), Math.max(bottom, p.y)];
    }
  }
  const empty = left === Infinity;
  const minX = empty ? 0 : left - PADDING;
  const minY = empty ? 0 : top - PADDING;
  const width = empty ? 320 : right + PADDING - minX;
  const height = empty ? 160 : bottom + PADDING - minY;
  const background = colour(scene.appState?.viewBackgroundColor, '#ffffff');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${n(minX)} ${n(minY)} ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}" role="img">`,
    '<title>System-design board</title>',
    background === 'none' ? '' : `<rect x="${n(minX)}" y="${n(minY)}" width="${n(width)}" height="${n(height)}" fill="${background}"/>`,
    ...drawn.map(([, markup]) => markup),
    '</svg>',
  ].join('');
}
