import { z } from 'zod';

/**
 * An Excalidraw scene as the board sends it (`diagram:update`): the v2 file format, `{ type: "excalidraw",
 * version: 2, elements, appState }`. The fields the server reads are checked; every other field of an element
 * (style, seed, version…) is kept as sent. Element types the board does not offer (images, embeds, iframes) are
 * refused: they would carry files or load third-party pages. Size and element-count limits are the server's
 * config (`DIAGRAM_MAX_BYTES`, `DIAGRAM_MAX_ELEMENTS`), checked after this schema.
 */
const DIAGRAM_ELEMENT_TYPES = ['rectangle', 'ellipse', 'diamond', 'text', 'arrow', 'line', 'freedraw', 'frame'] as const;
export type DiagramElementType = (typeof DIAGRAM_ELEMENT_TYPES)[number];

/** Longest text of one element (a label, a note, a frame's name). */
const DIAGRAM_TEXT_MAX_CHARS = 2_000;
/** A hard ceiling on elements before any config limit, so a hostile array is refused before it is walked. */
const ELEMENTS_CEILING = 100_000;
/** Deepest nesting of a scene's JSON; Excalidraw's own is under 6. */
const MAX_DEPTH = 24;

const ref = z.string().min(1).max(200);
// Text fields are free text: the NUL rule of `freeText()` is applied to the whole scene below (Postgres jsonb holds no NUL).
const label = z.string().max(DIAGRAM_TEXT_MAX_CHARS);
const binding = z.looseObject({ elementId: ref }).nullable().optional();
/** Most points of one line, arrow or freehand stroke. */
const MAX_POINTS = 50_000;
const isPoint = (p: unknown): p is [number, number] => Array.isArray(p) && p.length === 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);
// A freehand stroke is thousands of points: checked in one loop (a zod tuple per point costs tens of times more, on
// the api's event loop: bench/diagram-fuzz.mjs), naming the first bad point. Typed as the pairs it lets through.
const points = z
  .array(z.unknown())
  .max(MAX_POINTS)
  .superRefine((list, ctx) => {
    const at = list.findIndex((p) => !isPoint(p));
    if (at >= 0) ctx.addIssue({ code: 'custom', path: [at], message: 'must be a pair of finite numbers [x, y]' });
  }) as unknown as z.ZodType<[number, number][]>;

const element = z.looseObject({
  id: ref,
  type: z.enum(DIAGRAM_ELEMENT_TYPES, { message: `must be one of ${DIAGRAM_ELEMENT_TYPES.join(', ')}` }),
  x: z.number(),
  y: z.number(),
  width: z.number(),
  height: z.number(),
  angle: z.number().optional(),
  isDeleted: z.boolean().optional(),
  groupIds: z.array(ref).max(100).optional(),
  frameId: ref.nullable().optional(),
  boundElements: z
    .array(z.looseObject({ id: ref, type: z.string().max(20) }))
    .max(10_000)
    .nullable()
    .optional(),
  text: label.optional(),
  originalText: label.optional(),
  containerId: ref.nullable().optional(),
  points: points.optional(),
  startBinding: binding,
  endBinding: binding,
  name: label.nullable().optional(),
  link: z.string().max(2_000).nullable().optional(),
});

export const diagramSceneSchema = z
  .looseObject({
    type: z.literal('excalidraw').optional(),
    version: z.number().int().optional(),
    elements: z.array(element).max(ELEMENTS_CEILING),
    appState: z.record(z.string(), z.unknown()).optional(),
    /** Images are not offered, so a scene has no files. */
    files: z.object({}).strict().optional(),
  })
  .superRefine((scene, ctx) => {
    const bad = unstorable(scene, [], 0);
    if (bad) ctx.addIssue({ code: 'custom', path: bad.path, message: bad.message });
  });

export type DiagramScene = z.infer<typeof diagramSceneSchema>;

/**
 * The scene as sent: an object, or its JSON text (what Excalidraw's `serializeAsJSON` gives). Text that does not
 * parse is refused naming `scene`.
 */
export const diagramScenePayload = z
  .unknown()
  .transform((value, ctx) => {
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'is not valid JSON' });
      return z.NEVER;
    }
  })
  .pipe(diagramSceneSchema);

// A NUL or a lone UTF-16 surrogate anywhere in the JSON: Postgres `jsonb` holds neither, so refuse it here, by path.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const problemOf = (s: string): string | null =>
  s.includes('\u0000') ? 'must not contain NUL characters' : LONE_SURROGATE.test(s) ? 'must not contain lone UTF-16 surrogates' : null;

/**
 * The first NUL, lone surrogate or too-deep nesting in a scene, with its path. Walks every value of the scene (a
 * freehand stroke's 50,000 points included), so it allocates nothing until it finds a problem: the path is put
 * together on the way back out.
 */
function unstorable(value: unknown, path: (string | number)[], depth: number): { path: (string | number)[]; message: string } | null {
  const found = problemAt(value, depth);
  return found && { path: [...path, ...found.path.reverse()], message: found.message };
}

function problemAt(value: unknown, depth: number): { path: (string | number)[]; message: string } | null {
  if (typeof value === 'string') {
    const message = problemOf(value);
    return message ? { path: [], message } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_DEPTH) return { path: [], message: `nests deeper than ${MAX_DEPTH} levels` };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = problemAt(value[i], depth + 1);
      if (found) return (found.path.push(i), found);
    }
    return null;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const keyProblem = problemOf(key);
    if (keyProblem) return { path: [key], message: `key ${keyProblem}` };
    const found = problemAt((value as Record<string, unknown>)[key], depth + 1);
    if (found) return (found.path.push(key), found);
  }
  return null;
}
