/**
 * The only ways a scene's values reach SVG markup. A scene is client-supplied JSON: text is escaped, colours pass
 * a strict pattern (anything else becomes the default), numbers must be finite and are rounded, and every other
 * attribute value is a constant of this module's callers. Nothing from the scene is ever copied into markup raw.
 */

const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/** A hex colour as drawn (`#1e1e1e`), `none` for Excalidraw's `transparent`, else `fallback`. */
export function colour(value: unknown, fallback: string): string {
  if (value === 'transparent') return 'none';
  return typeof value === 'string' && HEX_COLOUR.test(value) ? value.toLowerCase() : fallback;
}

/** A finite number or `fallback`. */
export function finite(value: unknown, fallback = 0): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** A number for an attribute: at most two decimals, no exponent, no `-0`. */
export function n(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) || !Number.isFinite(rounded) ? '0' : String(rounded);
}

// Characters XML 1.0 does not allow (C0 controls but tab and newlines, lone surrogates, U+FFFE/U+FFFF).
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text as element content or attribute value: markup characters escaped, characters XML cannot hold dropped. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export interface Stroke {
  stroke: string;
  fill: string;
  width: number;
  style: 'solid' | 'dashed' | 'dotted';
  /** 0–1. */
  opacity: number;
}

/** An element's stroke and fill, each value checked. */
export function strokeOf(e: Record<string, unknown>): Stroke {
  const style = e.strokeStyle === 'dashed' || e.strokeStyle === 'dotted' ? e.strokeStyle : 'solid';
  return {
    stroke: colour(e.strokeColor, '#1e1e1e'),
    fill: colour(e.backgroundColor, 'none'),
    width: Math.min(Math.max(finite(e.strokeWidth, 2), 0.5), 16),
    style,
    opacity: Math.min(Math.max(finite(e.opacity, 100), 0), 100) / 100,
  };
}

/** The presentation attributes of a stroke (and fill, unless `fill` is false). */
export function paint(s: Stroke, fill = true): string {
  const dash =
    s.style === 'dashed'
      ? ` stroke-dasharray="${n(s.width * 4)} ${n(s.width * 3)}"`
      : s.style === 'dotted'
        ? ` stroke-dasharray="${n(s.width)} ${n(s.width * 3)}"`
        : '';
  const opacity = s.opacity < 1 ? ` opacity="${n(s.opacity)}"` : '';
  return `stroke="${s.stroke}" stroke-width="${n(s.width)}" fill="${fill ? s.fill : 'none'}"${dash}${opacity}`;
}
