// The long fuzz run of the board's scenes (issue 19): many hostile `diagram:update` scenes — random mutations of the
// real scenes in test/fixtures/diagrams (the generator of libs/interview/diagram-fuzz.spec.ts) — through the built
// server's payload schema, limits, component graph, evaluation and SVG export.
//   node scripts/ensure-build.mjs && node bench/diagram-fuzz.mjs [--runs 20000] [--seed N]
// Prints the outcomes (read / refused by code), the time per scene (p50, p99, max, and the slowest scene's shape),
// and any scene that broke a rule or threw anything but INVALID_PAYLOAD / DIAGRAM_TOO_LARGE (with its seed and path
// to replay it: `--seed S --path P`). Exits 1 on a failure.
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { evaluateDiagram, sceneToSvg } from '../dist/libs/diagram/index.js';
import { DomainError, parsePayload } from '../dist/libs/errors/index.js';
import { admitScene } from '../dist/libs/interview/diagram-admission.js';
import { clientPayloadSchemas } from '../dist/libs/protocol/index.js';
import { brokenRule, fixtureScenes, hostileScene, submitScene } from '../test/support/scene-fuzz.mjs';
import { pct } from './bench-support.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20000' }, seed: { type: 'string' }, path: { type: 'string' } } });
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(values.runs);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const limits = { maxBytes: 1_000_000, maxElements: 2_000 };
const payloadSchema = clientPayloadSchemas['diagram:update'];
const server = {
  parsePayload: (_schema, input) => parsePayload(payloadSchema, input),
  payloadSchema,
  admitScene,
  evaluateDiagram,
  sceneToSvg,
  DomainError,
};
const bases = fixtureScenes(path.join(root, 'test/fixtures/diagrams'));

const outcomes = new Map();
const times = [];
/** Per outcome: how many, and the slowest scene's time and shape. */
const slowest = new Map();
const shapeOf = (scene) => {
  if (typeof scene === 'string') return `JSON text, ${scene.length} chars`;
  const els = scene && typeof scene === 'object' && Array.isArray(scene.elements) ? scene.elements : null;
  if (!els) return `not a scene (${scene === null ? 'null' : Array.isArray(scene) ? 'array' : typeof scene})`;
  const points = els.reduce((sum, e) => sum + (e && Array.isArray(e.points) ? e.points.length : 0), 0);
  return `${els.length} elements, ${points} points`;
};

const started = performance.now();
const result = fc.check(
  fc.property(hostileScene(bases), (scene) => {
    const t0 = performance.now();
    const outcome = submitScene(scene, server, limits);
    const ms = performance.now() - t0;
    times.push(ms);
    const key = outcome.accepted ? 'read into a graph' : `refused ${outcome.refused}`;
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    if (ms > (slowest.get(key)?.ms ?? -1)) slowest.set(key, { ms, shape: shapeOf(scene) });
    const broken = brokenRule(outcome, limits);
    if (broken) throw new Error(broken);
  }),
  { numRuns: runs, seed, ...(values.path ? { path: values.path } : {}), endOnFailure: false },
);
const wall = (performance.now() - started) / 1000;

times.sort((a, b) => a - b);
const f = (ms) => `${ms.toFixed(2)} ms`;
console.log(
  `diagram fuzz: ${result.numRuns} scenes (seed ${seed}), ${wall.toFixed(1)} s wall, node ${process.version}, ${cpus().length} CPUs, load ${loadavg()[0].toFixed(1)}`,
);
for (const [k, v] of [...outcomes].sort()) {
  const slow = slowest.get(k);
  console.log(
    `  ${k.padEnd(26)} ${String(v).padStart(7)}  (${((v / times.length) * 100).toFixed(1).padStart(4)}%)  slowest ${f(slow.ms)}: ${slow.shape}`,
  );
}
console.log(`  time per scene: p50 ${f(pct(times, 50))} · p99 ${f(pct(times, 99))} · max ${f(times.at(-1) ?? 0)}`);
console.log(`  rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
if (result.failed) {
  console.log(`  FAILED after ${result.numRuns} runs: seed ${result.seed}, path ${result.counterexamplePath}`);
  console.log(
    `  ${String(result.errorInstance?.stack ?? result.errorInstance)
      .split('\n')
      .slice(0, 8)
      .join('\n  ')}`,
  );
  const example = JSON.stringify(result.counterexample?.[0]) ?? String(result.counterexample?.[0]);
  console.log(`  counterexample (${example.length} chars): ${example.slice(0, 600)}${example.length > 600 ? '…' : ''}`);
  process.exitCode = 1;
} else {
  console.log('  PASSED: every scene was read or refused with INVALID_PAYLOAD / DIAGRAM_TOO_LARGE');
}
