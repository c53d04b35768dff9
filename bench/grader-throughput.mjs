// Rubric grader throughput on 500-word answers, one core. Run: node bench/grader-throughput.mjs [N]
// Needs the built libs (`node scripts/ensure-build.mjs`). Reported in the issue notes, never asserted.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../dist/libs/content/index.js';
import { RubricGrader } from '../dist/libs/grading/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.argv[2] ?? 5000);
const WORDS = 500;

const content = await loadContent({ rubricsDir: path.join(root, 'rubrics'), promptsDir: path.join(root, 'prompts') });
const role = (q) => content.roles.get(q.role);
const promptVersion = content.prompts.get('grader')?.version ?? 'unknown';

/** A 500-word answer per question: its reference answer, cut or repeated with varied paragraphs. */
function answerFor(q, variant) {
  const source = [q.referenceAnswer, q.answerFramework, ...q.howToAnswer, ...q.keyPoints.map((k) => k.probe)].join('\n\n');
  const words = source.split(/\s+/).filter(Boolean);
  const out = [];
  for (let i = variant * 37; out.length < WORDS; i++) out.push(words[i % words.length]);
  return out.join(' ').replace(/(\S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+) /g, '$1. ');
}

const questions = [...content.questions.values()];
const inputs = [];
for (let v = 0; v < 8; v++) {
  for (const q of questions) {
    inputs.push({
      question: q,
      questionVersion: q.version,
      role: role(q),
      phaseId: q.phases.at(-1).id,
      scope: 'session',
      history: [],
      answer: answerFor(q, v),
      promptVersion,
    });
  }
}
const grader = new RubricGrader({ corpus: questions });

// Warm-up: compile every question once (cached by version) and let the JIT settle.
for (const input of inputs) grader.gradeSync(input);

// Wall time and this process's CPU time: on a shared machine the CPU figure is the one
// that says what one core does; the wall figure is what this run happened to get.
const started = process.hrtime.bigint();
const cpuStarted = process.cpuUsage();
let checksum = 0;
for (let i = 0; i < N; i++) checksum += grader.gradeSync(inputs[i % inputs.length]).overall;
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuStarted);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;

const avgWords = inputs.reduce((n, x) => n + x.answer.split(/\s+/).length, 0) / inputs.length;
console.log(`rubric grader: ${N} grades of ~${Math.round(avgWords)}-word answers in ${seconds.toFixed(2)} s`);
console.log(
  `throughput: ${Math.round(N / seconds)} grades/s wall, ${Math.round(N / cpuSeconds)} grades/s per CPU-second (target >= 2,000 on one core)   [checksum ${checksum}]`,
);
console.log(
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${os.cpus().length} cores`,
);
console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown cpu'}, node ${process.version}, ${os.platform()} ${os.arch()}`);
