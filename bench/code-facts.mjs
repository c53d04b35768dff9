// Added wall time per submission from its code facts (static analysis + scaling run in the sandbox), per coding
// question and language, with the reference solution as the submission; plus the slowest case the issue names
// (an LRU that walks a list per operation, whose calls grow the fastest).
//   node scripts/ensure-build.mjs && node bench/code-facts.mjs [--runs 5]      (as root: the sandbox needs it)
// Prints p50 / max of CodeFactsService.compute per case, what was measured, and the machine's load.
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CodeFactsService } from '../dist/libs/code-facts/index.js';
import { loadConfig } from '../dist/libs/config/index.js';
import { loadContent } from '../dist/libs/content/index.js';
import { SandboxService } from '../dist/libs/sandbox/index.js';
import { pct } from './bench-support.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Number(values.runs);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const config = loadConfig(process.env);
const facts = new CodeFactsService(new SandboxService(config), config);
const content = await loadContent({ rubricsDir: path.join(root, 'rubrics'), promptsDir: path.join(root, 'prompts') });
const coding = [...content.questions.values()].filter((q) => q.kind === 'coding');

const SLOW_LRU = {
  python:
    'def lru_cache_operations(capacity, operations):\n    order, values, results = [], {}, []\n    for op in operations:\n        key = op[1]\n        if op[0] == "put":\n            if key in values:\n                order.remove(key)\n            elif len(order) == capacity:\n                del values[order.pop(0)]\n            order.append(key)\n            values[key] = op[2]\n            results.append(None)\n        elif key in values:\n            order.remove(key)\n            order.append(key)\n            results.append(values[key])\n        else:\n            results.append(-1)\n    return results\n',
  javascript:
    "function lruCacheOperations(capacity, operations) {\n  const order = [];\n  const values = new Map();\n  return operations.map(([op, key, value]) => {\n    if (op === 'put') {\n      if (values.has(key)) order.splice(order.indexOf(key), 1);\n      else if (order.length === capacity) values.delete(order.shift());\n      order.push(key);\n      values.set(key, value);\n      return null;\n    }\n    if (!values.has(key)) return -1;\n    order.splice(order.indexOf(key), 1);\n    order.push(key);\n    return values.get(key);\n  });\n}\n",
};
const cases = [
  ...coding.flatMap((q) =>
    ['python', 'javascript'].map((language) => ({ label: `${q.id} (reference)`, question: q, language, code: q.referenceSolution[language] })),
  ),
  ...['python', 'javascript'].map((language) => ({
    label: 'lru-cache (list per operation)',
    question: content.questions.get('lru-cache'),
    language,
    code: SLOW_LRU[language],
  })),
];

const load = loadavg()[0];
const rows = [];
const all = [];
for (const c of cases) {
  const times = [];
  let last;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    last = await facts.compute({ question: c.question, language: c.language, code: c.code, status: 'PASSED' });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  all.push(...times);
  const row = `| ${c.label} | ${c.language} | ${pct(times, 50).toFixed(0)} ms | ${times.at(-1).toFixed(0)} ms | ${last.quality?.score ?? '–'} | ${last.complexity?.summary ?? last.missing.join('; ')}${last.complexity?.contradicts ? ' (contradicts)' : ''} |`;
  console.error(row);
  rows.push(row);
}
console.log(
  `code facts per submission: ${RUNS} runs per case, CODE_SCALING_BUDGET_MS=${config.coding.scalingBudgetMs}; ${cpus().length} cores, ${cpus()[0].model}, node ${process.version}; load average ${load.toFixed(1)} → ${loadavg()[0].toFixed(1)}`,
);
console.log('| case | language | p50 | max | quality | complexity |');
console.log('| --- | --- | ---: | ---: | ---: | --- |');
for (const row of rows) console.log(row);
all.sort((a, b) => a - b);
console.log(
  `all ${all.length} submissions: p50 ${pct(all, 50).toFixed(0)} ms, p95 ${pct(all, 95).toFixed(0)} ms, max ${all.at(-1).toFixed(0)} ms (bound: 3000 ms)`,
);
