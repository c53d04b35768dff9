/**
 * Runs inside the sandbox as `node harness.cjs`. Same protocol as the Python harness: the spec on stdin,
 * `solution.js` compiled as a script (its top-level declarations become visible to the harness), one
 * nonce-prefixed result line per call on the real stdout, the candidate's console output captured per call.
 */
export const JAVASCRIPT_HARNESS = String.raw`
'use strict';
const fs = require('node:fs');
const vm = require('node:vm');
const util = require('node:util');
const { performance } = require('node:perf_hooks');

// A timing run sends each call's arguments on a line of their own after the spec (see runTimed). The input stays
// one Buffer, outside the JS heap, and each line is decoded when its call runs: large strings alive on the heap
// would slow every garbage collection of the calls being timed.
const input = fs.readFileSync(0);
const lineAt = (() => {
  const starts = [0];
  for (let at = input.indexOf(10); at !== -1; at = input.indexOf(10, at + 1)) starts.push(at + 1);
  return (i) => (i < starts.length ? input.toString('utf8', starts[i], i + 1 < starts.length ? starts[i + 1] - 1 : input.length) : '');
})();
const spec = JSON.parse(lineAt(0));
const { nonce, entry, captureBytes } = spec;
const emit = (obj) => fs.writeSync(1, '@@' + nonce + ':' + JSON.stringify(obj) + '\n');
let used = 0;
let out = [], err = [];
const capture = (sink) => (...args) => {
  const text = util.format(...args) + '\n';
  used += text.length;
  if (used > captureBytes) { emit({ type: 'output_limit' }); process.reallyExit(0); }
  if (sink.join('').length < 8192) sink.push(text);
};
const value = (sink) => sink.join('').slice(0, 8192);
const toOut = (...a) => capture(out)(...a);
const toErr = (...a) => capture(err)(...a);
console.log = console.info = console.debug = toOut;
console.error = console.warn = console.trace = toErr;
process.stdout.write = (chunk) => { toOut(String(chunk).replace(/\n$/, '')); return true; };
process.stderr.write = (chunk) => { toErr(String(chunk).replace(/\n$/, '')); return true; };
const isMemory = (e) => e instanceof RangeError && /allocation failed|Invalid array length|Invalid typed array length|Array buffer/i.test(String(e.message));
const trace = (e) => String(e && e.stack ? e.stack : e).split('\n').filter((l) => !l.includes('harness.cjs') && !l.includes('node:')).join('\n').slice(-4000);

const source = fs.readFileSync('/code/solution.js', 'utf8');
let script;
try {
  script = new vm.Script(source, { filename: 'solution.js' });
} catch (e) {
  emit({ type: 'compile_error', message: trace(e) });
  process.reallyExit(0);
}
let fn;
try {
  script.runInThisContext();
  fn = vm.runInThisContext('typeof ' + entry + ' === "function" ? ' + entry + ' : undefined');
} catch (e) {
  if (isMemory(e)) { emit({ type: 'memory_limit' }); process.reallyExit(0); }
  emit({ type: 'load_error', message: trace(e), stdout: value(out), stderr: value(err) });
  process.reallyExit(0);
}
if (typeof fn !== 'function') {
  emit({ type: 'compile_error', message: 'solution.js does not define a function named ' + entry });
  process.reallyExit(0);
}
emit({ type: 'loaded', stdout: value(out), stderr: value(err) });
if (spec.timing) {
  runTimed(spec.calls, spec.timing);
  emit({ type: 'done' });
  process.reallyExit(0);
}
spec.calls.forEach((call, index) => {
  out = []; err = [];
  const started = performance.now();
  const result = { type: 'call', index };
  try {
    const actual = fn(...call.args);
    const json = JSON.stringify(actual === undefined ? null : actual);
    result.ok = true;
    result.actual = JSON.parse(json);
  } catch (e) {
    if (isMemory(e)) { emit({ type: 'memory_limit' }); process.reallyExit(0); }
    result.ok = false;
    result.error = trace(e);
  }
  result.timeMs = Math.round((performance.now() - started) * 1000) / 1000;
  result.stdout = value(out);
  result.stderr = value(err);
  emit(result);
});
emit({ type: 'done' });
process.reallyExit(0);

// Timing only: the clock runs around the call alone, on arguments parsed afresh for each run (a call may sort its
// input in place, and only one call's input is alive at a time). A call's timeMs is its fastest CPU time over all its
// runs, emitted again whenever it improves: the process runs single-threaded, so that is the call's own work,
// compilation and garbage collection included, and time spent waiting for a core does not count; what load still
// adds (a busy neighbour on the core, the host's other guests) only ever adds, so the fastest run is the least
// disturbed. Output is discarded and no return value leaves. The calls are timed in rounds, so that a burst of load
// slows one run of several sizes rather than every run of one size:
// - the first round runs each call call.repeat times in a row (a warm-up) and grows until a call took over the
//   per-call budget, the round's calls together over its share of the total (total / rounds), or the next call
//   would likely exceed either (sizes double). A call's own cost is its CPU time (one preemption must not end the
//   growth), what the run spends is wall time (what a submission waits for);
// - each later round runs every call the first one reached once more, in the same order, while the longest round so
//   far still fits in what is left of the total budget.
function runTimed(calls, timing) {
  const discard = () => true;
  console.log = console.info = console.debug = console.error = console.warn = console.trace = discard;
  process.stdout.write = process.stderr.write = discard;
  const { callBudgetMs: budget, totalBudgetMs: total, rounds } = timing;
  const share = total / rounds;
  const best = [];
  let spent = 0;
  // One timed run of a call: its CPU time, or null when it threw (reported; the timing run ends).
  const timeOnce = (index) => {
    const args = JSON.parse(lineAt(index + 1));
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    try {
      fn(...args);
    } catch (e) {
      if (isMemory(e)) { emit({ type: 'memory_limit' }); process.reallyExit(0); }
      emit({ type: 'call', index, ok: false, error: trace(e), timeMs: 0 });
      return null;
    }
    const cpu = process.cpuUsage(cpuStarted);
    const ms = performance.now() - started;
    spent += ms;
    const cpuMs = (cpu.user + cpu.system) / 1000;
    if (best[index] === undefined || cpuMs < best[index]) {
      best[index] = cpuMs;
      emit({ type: 'call', index, ok: true, timeMs: Math.round(cpuMs * 1000) / 1000 });
    }
    return cpuMs;
  };
  let last = null, prev = null;
  for (let index = 0; index < calls.length; index++) {
    if (last !== null) {
      const predicted = last * (prev ? Math.max(2, last / prev) : 4);
      if (predicted > 2 * budget || spent + predicted > share) break;
    }
    for (let r = 0; r < (calls[index].repeat || 1); r++) {
      const cpuMs = timeOnce(index);
      if (cpuMs === null) return;
      // Repeats in a row are for warming up: two are enough once a call is slow enough for noise not to matter.
      if (cpuMs > budget / 4 || (r > 0 && best[index] > 20)) break;
    }
    if (best[index] > budget || spent > share) break;
    prev = last;
    last = best[index];
  }
  let longest = spent;
  for (let round = 1; round < rounds && spent + longest <= total; round++) {
    const before = spent;
    for (let index = 0; index < best.length; index++) if (timeOnce(index) === null) return;
    longest = Math.max(longest, spent - before);
  }
}
`;
