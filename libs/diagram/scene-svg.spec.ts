import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SceneLike } from './scene.types.js';
import { sceneToSvg } from './scene-svg.js';

const fixture = (name: string): SceneLike => JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/diagrams', name), 'utf8')) as SceneLike;

const TAGS = new Set(['svg', 'title', 'rect', 'ellipse', 'polygon', 'path', 'text', 'tspan', 'g']);

/**
 * A strict reading of the markup: every tag one of TAGS, every attribute `name="value"` with no raw `<`, `&` or
 * `"` in the value, text with only the five XML entities, tags balanced. Returns the tag names in order.
 */
function wellFormed(svg: string): string[] {
  const token = /<(\/?)([a-z]+)((?:\s+[a-zA-Z:-]+="(?:[^"<&]|&(?:amp|lt|gt|quot|apos);)*")*)\s*(\/?)>|((?:[^<&]|&(?:amp|lt|gt|quot|apos);)+)/gy;
  const open: string[] = [];
  const tags: string[] = [];
  let at = 0;
  for (let m = token.exec(svg); m; m = token.exec(svg)) {
    at = token.lastIndex;
    const [, closing, name, , selfClosing] = m;
    if (!name) continue;
    if (!TAGS.has(name)) throw new Error(`unexpected <${name}>`);
    if (closing) {
      if (open.pop() !== name) throw new Error(`unbalanced </${name}>`);
    } else {
      tags.push(name);
      if (!selfClosing) open.push(name);
    }
  }
  if (at !== svg.length) throw new Error(`not well-formed at ${at}: ${svg.slice(at, at + 60)}`);
  if (open.length) throw new Error(`unclosed ${open.join(', ')}`);
  return tags;
}

const viewBox = (svg: string) => /viewBox="([^"]+)"/.exec(svg)?.[1];
const count = (tags: string[], name: string) => tags.filter((t) => t === name).length;

describe(sceneToSvg.name, () => {
  describe('a pipeline with bound arrows and deleted elements (notification-pipeline.excalidraw)', () => {
    const sut = sceneToSvg(fixture('notification-pipeline.excalidraw'));

    it('draws each live shape as its kind, each arrow with its head, and leaves deleted elements out', () => {
      const tags = wellFormed(sut);
      expect(count(tags, 'ellipse')).toBe(1);
      expect(count(tags, 'polygon')).toBe(1);
      // The background and five boxes (one more was deleted).
      expect(count(tags, 'rect')).toBe(6);
      expect(count(tags, 'path')).toBe(6);
      expect(sut).not.toContain('Old MySQL');
      expect(sut).toMatch(/<rect x="0" y="0" width="160" height="70" rx="17.5" stroke="#1e1e1e" stroke-width="2" fill="none"\/>/);
    });

    it('writes text line by line, at its size, centred in its container', () => {
      expect(sut).toContain('font-size="20"');
      expect(sut).toContain('<tspan x="873.2" y="35">Postgres</tspan><tspan x="873.2" y="60">(primary)</tspan>');
      expect(sut).toMatch(/text-anchor="middle"[^>]*><tspan x="72.4" y="35">Mobile client<\/tspan>/);
      expect(sut).toMatch(
        /text-anchor="start"[^>]*><tspan x="0" y="332.5">Assume 10M DAU,<\/tspan><tspan x="0" y="357.5">~5k notifications\/s peak<\/tspan>/,
      );
    });

    it('fits the viewBox to the drawing, with a margin, and is the same every time', () => {
      // Leftmost 0, top -20 (the ellipse), right 1220 (the diamond), bottom 370 (the note); 24px around.
      expect(viewBox(sut)).toBe('-24 -44 1268 438');
      expect(sceneToSvg(fixture('notification-pipeline.excalidraw'))).toBe(sut);
    });
  });

  describe('a frame, groups, a turned shape, a line and a scribble (regions-groups-rotated.excalidraw)', () => {
    const sut = sceneToSvg(fixture('regions-groups-rotated.excalidraw'));

    it('draws the frame dashed, with its name above it', () => {
      expect(sut).toMatch(
        /<rect x="-40" y="-60" width="900" height="520" rx="8" fill="none" stroke="#868e96" stroke-width="1.5" stroke-dasharray="8 6"\/><text x="-40" y="-68.4"[^>]*>us-east-1<\/text>/,
      );
    });

    it('turns a rotated shape around its centre', () => {
      expect(sut).toMatch(/<rect x="560" y="120" width="200" height="80"[^>]* transform="rotate\(30 660 160\)"\/>/);
    });

    it('draws lines and freehand strokes as paths, arrowheads at either end', () => {
      expect(sut).toContain('<path d="M0 520 L300 520" stroke="#1e1e1e"');
      expect(sut).toContain('<path d="M900 500 L910 505 L940 530" stroke="#1e1e1e"');
      // The arrow from the load balancer back to "Users" has its head at the start only.
      expect(sut).toMatch(/<path d="M-5 185 L-240 185 M[-\d. ]+L-5 185 L[-\d. ]+"/);
      expect(count(wellFormed(sut), 'path')).toBe(8);
    });

    it('makes room for text left of the frame and for the frame name above it', () => {
      const [x, y] = viewBox(sut)!.split(' ').map(Number);
      expect(x).toBe(-324);
      expect(y).toBeLessThan(-60 - 24);
    });
  });

  describe('a hostile scene', () => {
    const base = { x: 0, y: 0, width: 100, height: 50 };
    const scene = {
      appState: { viewBackgroundColor: 'url(javascript:alert(1))' },
      elements: [
        {
          ...base,
          id: 'r',
          type: 'rectangle',
          strokeColor: 'red" onload="x',
          backgroundColor: '#ff0000;fill:url(#x)',
          strokeStyle: '" onclick="y',
          opacity: '1" z="2',
          strokeWidth: Number.POSITIVE_INFINITY,
        },
        {
          ...base,
          id: 't',
          type: 'text',
          text: '<script>alert("x")</script> & "quoted"\n</text><image href="x"/>',
          fontSize: '20" onload="x',
          textAlign: '"><script>',
          strokeColor: 'expression(alert(1))',
        },
        { ...base, id: 'f', type: 'frame', name: '</text><script>alert(1)</script>' },
        { ...base, id: 'img', type: 'image', fileId: 'f1' },
        { ...base, id: 'e', type: 'embeddable', link: 'javascript:alert(1)' },
        { ...base, id: 'nul', type: 'text', text: 'bell\u0007 nul\u0000 lone\ud800 ok' },
        { ...base, id: 'x', type: 'rectangle', angle: 'NaN', roundness: { type: '3" onload="x' } },
      ],
    } as unknown as SceneLike;
    const sut = sceneToSvg(scene);

    it('is well-formed, with only shape and text elements and no handler or script', () => {
      const tags = wellFormed(sut);
      expect(new Set(tags)).toEqual(new Set(['svg', 'title', 'rect', 'text', 'tspan', 'g']));
      expect(sut).not.toMatch(/<script|onload|onclick|javascript:|<image|url\(/i);
    });

    it('escapes every character of the labels that markup could read', () => {
      expect(sut).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quoted&quot;');
      expect(sut).toContain('&lt;/text&gt;&lt;image href=&quot;x&quot;/&gt;');
      expect(sut).toContain('&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(sut).toContain('bell nul lone ok');
    });

    it('draws bad colours, styles and numbers as the defaults', () => {
      expect(sut).toContain('<rect x="0" y="0" width="100" height="50" stroke="#1e1e1e" stroke-width="2" fill="none"/>');
      expect(sut).toContain('font-size="20" fill="#1e1e1e" text-anchor="start"');
      // No background but white for a colour that is not one.
      expect(sut).toMatch(/<title>System-design board<\/title><rect [^>]*fill="#ffffff"\/>/);
    });
  });

  it('draws an empty or wholly deleted board as a small blank picture', () => {
    for (const elements of [[], [{ id: 'gone', type: 'rectangle', x: 5, y: 5, width: 10, height: 10, isDeleted: true }]]) {
      const sut = sceneToSvg({ elements });
      expect(wellFormed(sut)).toEqual(['svg', 'title', 'rect']);
      expect(viewBox(sut)).toBe('0 0 320 160');
    }
  });
});
