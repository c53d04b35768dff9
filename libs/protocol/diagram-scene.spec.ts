import { clientPayloadSchemas } from './interview-events.js';

const sut = clientPayloadSchemas['diagram:update'];
const base = { sessionId: '7d9c1b2e-3f4a-4b5c-8d6e-7f8091a2b3c4', clientId: 'd1' };
const rect = { id: 'r1', type: 'rectangle', x: 0, y: 0, width: 10, height: 10, customField: { kept: true } };
const issuesOf = (scene: unknown) => {
  const result = sut.safeParse({ ...base, scene });
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

describe('diagram:update payload', () => {
  it('accepts a scene object or its JSON text, keeping fields it does not read', () => {
    const scene = { type: 'excalidraw', version: 2, elements: [rect], appState: { viewBackgroundColor: '#fff' } };
    expect(sut.parse({ ...base, scene }).scene).toEqual(scene);
    expect(sut.parse({ ...base, scene: JSON.stringify(scene) }).scene).toEqual(scene);
  });

  it('names the path of an unknown element type, malformed JSON, a NUL (value or key) and a lone surrogate', () => {
    expect(issuesOf({ elements: [rect, { ...rect, type: 'embeddable' }] })).toEqual([
      { path: 'scene.elements.1.type', message: expect.stringContaining('must be one of rectangle') },
    ]);
    expect(issuesOf('{"elements": [')).toEqual([{ path: 'scene', message: 'is not valid JSON' }]);
    expect(issuesOf({ elements: [{ ...rect, text: 'a\u0000b' }] })).toEqual([
      { path: 'scene.elements.0.text', message: 'must not contain NUL characters' },
    ]);
    expect(issuesOf({ elements: [], appState: { 'k\u0000': 1 } })).toEqual([
      { path: 'scene.appState.k\u0000', message: 'key must not contain NUL characters' },
    ]);
    expect(issuesOf({ elements: [{ ...rect, customField: ['\udc00'] }] })).toEqual([
      { path: 'scene.elements.0.customField.0', message: 'must not contain lone UTF-16 surrogates' },
    ]);
  });

  it('names the first point that is not a pair of finite numbers, and refuses more than 50,000 points', () => {
    const arrow = {
      ...rect,
      type: 'arrow',
      points: [
        [0, 0],
        [10, 10],
      ],
    };
    expect(issuesOf({ elements: [arrow] })).toEqual([]);
    for (const bad of [[1, 'x'], [1], [1, 2, 3], null, { x: 1, y: 2 }, [Number.NaN, 1], [1, Number.POSITIVE_INFINITY]]) {
      expect(issuesOf({ elements: [{ ...arrow, points: [[0, 0], bad, [5, 'y']] }] })).toEqual([
        { path: 'scene.elements.0.points.1', message: 'must be a pair of finite numbers [x, y]' },
      ]);
    }
    expect(issuesOf({ elements: [{ ...arrow, points: Array.from({ length: 50_001 }, (_, i) => [i, i]) }] })[0]?.path).toBe('scene.elements.0.points');
  });

  it('refuses files (images are not offered), deep nesting and labels past the limit', () => {
    expect(issuesOf({ elements: [], files: { f: {} } })).toHaveLength(1);
    let deep: unknown = 1;
    for (let i = 0; i < 30; i++) deep = [deep];
    expect(issuesOf({ elements: [], appState: { deep } })[0]?.message).toMatch(/nests deeper/);
    expect(issuesOf({ elements: [{ ...rect, type: 'text', text: 'x'.repeat(2_001) }] })[0]?.path).toBe('scene.elements.0.text');
  });
});
