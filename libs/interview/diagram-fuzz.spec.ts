import { join } from 'node:path';
import fc from 'fast-check';
import { evaluateDiagram, sceneToSvg } from '#libs/diagram';
import { DomainError, parsePayload } from '#libs/errors';
import { clientPayloadSchemas } from '#libs/protocol';
import { brokenRule, fixtureScenes, hostileScene, submitScene, type FuzzOutcome, type FuzzServer } from '../../test/support/scene-fuzz.mjs';
import { admitScene } from './diagram-admission.js';

const payloadSchema = clientPayloadSchemas['diagram:update'];
const server: FuzzServer = {
  parsePayload: (_schema, input) => parsePayload(payloadSchema, input),
  payloadSchema,
  admitScene,
  evaluateDiagram,
  sceneToSvg,
  DomainError,
};
// The defaults of DIAGRAM_MAX_BYTES and DIAGRAM_MAX_ELEMENTS.
const limits = { maxBytes: 1_000_000, maxElements: 2_000 };
const bases = fixtureScenes(join(process.cwd(), 'test/fixtures/diagrams'));

/**
 * Fuzzed scenes (issue 19: "fuzzed and oversized scenes are refused with their codes; no process crashes"): random
 * mutations of the real scenes saved from the board — wrong types, missing fields, huge text, NaN and infinite
 * coordinates, cyclic-looking bindings, deep nesting, unknown element types, JSON that is no scene — go through the
 * `diagram:update` schema, the limits and the graph (and what reads the graph: the evaluation and the SVG export).
 * Each is read or refused with INVALID_PAYLOAD naming its path or DIAGRAM_TOO_LARGE; nothing else is ever thrown.
 * A fixed seed keeps CI repeatable; `bench/diagram-fuzz.mjs` runs many more with fresh seeds.
 */
describe('fuzzed diagram:update scenes', () => {
  it('are read into a graph or refused with their codes, never anything else', () => {
    const seen = { accepted: 0, INVALID_PAYLOAD: 0, DIAGRAM_TOO_LARGE: 0 };
    fc.assert(
      fc.property(hostileScene(bases), (scene) => {
        const outcome: FuzzOutcome = submitScene(scene, server, limits);
        seen[outcome.accepted ? 'accepted' : outcome.refused]++;
        const broken = brokenRule(outcome, limits);
        if (broken) throw new Error(broken);
      }),
      { seed: 19, numRuns: 400 },
    );
    // The generator reaches every outcome, so the property is about all three.
    expect(seen.accepted).toBeGreaterThan(40);
    expect(seen.INVALID_PAYLOAD).toBeGreaterThan(40);
    expect(seen.DIAGRAM_TOO_LARGE).toBeGreaterThan(0);
  });

  it('reads every real scene unchanged (the generator starts from valid boards)', () => {
    for (const scene of bases) {
      const outcome = submitScene(scene, server, limits);
      expect(outcome.accepted).toBe(true);
      expect(brokenRule(outcome, limits)).toBeNull();
    }
  });

  it('refuses an element count and a size one past the limits with DIAGRAM_TOO_LARGE and the measure', () => {
    const rect = (i: number) => ({ id: `r${i}`, type: 'rectangle', x: i, y: 0, width: 10, height: 10 });
    const many = submitScene({ elements: Array.from({ length: limits.maxElements + 1 }, (_, i) => rect(i)) }, server, limits);
    expect(many).toMatchObject({
      accepted: false,
      refused: 'DIAGRAM_TOO_LARGE',
      details: { limit: limits.maxElements, elements: limits.maxElements + 1 },
    });
    const big = submitScene({ elements: [{ ...rect(0), customData: 'x'.repeat(limits.maxBytes) }] }, server, limits);
    expect(big).toMatchObject({ accepted: false, refused: 'DIAGRAM_TOO_LARGE', details: { limit: limits.maxBytes, bytes: expect.any(Number) } });
  });

  it('refuses non-finite coordinates and a scene nested past the depth limit, naming the path', () => {
    const [scene] = bases as { elements: Record<string, unknown>[] }[];
    const nan = structuredClone(scene!);
    nan.elements[0]!.x = Number.NaN;
    nan.elements[1]!.width = Number.POSITIVE_INFINITY;
    expect(submitScene(nan, server, limits)).toMatchObject({
      refused: 'INVALID_PAYLOAD',
      details: { issues: [expect.objectContaining({ path: 'scene.elements.0.x' }), expect.objectContaining({ path: 'scene.elements.1.width' })] },
    });
    expect(submitScene(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, server, limits)).toMatchObject({ refused: 'INVALID_PAYLOAD' });
  });
});
