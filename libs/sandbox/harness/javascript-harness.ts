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

const spec = JSON.parse(fs.readFileSync(0, 'utf8'));
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
`;
