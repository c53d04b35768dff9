import type { StoredReport } from '#libs/interview';
import type { CodeFacts, CodeReportSection } from '#libs/protocol';
import type { ReportView } from './corrected-report.js';
import { boardEvidence } from './diagram-markdown.js';
import { fenced, inline, paragraphs, side } from './markdown-text.js';

const STATUS = { covered: 'covered', partial: 'partly covered', missed: 'missed' } as const;
const LANGUAGE: Record<string, string> = { python: 'Python', javascript: 'JavaScript' };
const na = (v: number | null) => v ?? 'n/a';

/**
 * The report part of the Markdown export: scores with what the graders said, the key points, the study plan and
 * the model answer, and the graded code. Reports stored before the study plan, the model answer or the dimension
 * comments lack them: what is absent is left out (or, for comments, the level's descriptor stands in).
 */
export function reportMarkdown(r: ReportView): string[] {
  const shown: StoredReport = r.corrected ?? r.ai;
  const comment = new Map(shown.dimensions.map((d) => [d.id, d.comment ?? d.descriptor ?? '']));
  const lines = ['## Report', '', `Overall: ${side(na(r.overall.ai), r.overall.corrected === undefined ? undefined : na(r.overall.corrected))}`, ''];
  if (shown.complete === false)
    lines.push(
      `*Incomplete:* this session assessed ${Math.round((shown.coverage ?? 0) * 100)}% of the interview, so the overall stands for that part only.`,
      '',
    );
  lines.push(
    '| dimension | score | what the answers showed |',
    '| --- | --- | --- |',
    ...r.dimensions.map(
      (d) =>
        `| ${inline(d.title)} | ${side(na(d.ai), d.corrected === undefined ? undefined : na(d.corrected))} | ${inline(comment.get(d.id) ?? '')} |`,
    ),
    '',
    '| key point | status |',
    '| --- | --- |',
    ...r.keyPoints.map((k) => {
      // What the board showed for the point, beside its status ("covered — from your board: …"); not for a missed one.
      const board = (k.corrected ?? k.ai) === 'missed' ? [] : boardEvidence(shown.keyPoints.find((s) => s.id === k.id)?.diagramEvidence);
      return `| ${inline(k.text)} | ${side(STATUS[k.ai], k.corrected && STATUS[k.corrected])}${board.length ? ` — ${board.join('; ')}` : ''} |`;
    }),
    '',
  );
  if (shown.mistakes.length) {
    const board = (m: StoredReport['mistakes'][number]) => boardEvidence(m.diagramEvidence).map((b) => ` — ${b}`);
    lines.push('### Mistakes to avoid', '', ...shown.mistakes.map((m) => `- ${inline(m.text)}${board(m).join('')}`), '');
  }
  lines.push(...studyPlanMarkdown(shown), ...modelAnswerMarkdown(shown));
  if (shown.code) lines.push(...codeMarkdown(shown.code));
  return lines;
}

function studyPlanMarkdown(report: StoredReport): string[] {
  const plan = report.studyPlan ?? [];
  const inPlan = new Set(plan.map((s) => s.text.trim().toLowerCase()));
  const more = report.studyNext.filter((s) => !inPlan.has(s.trim().toLowerCase()));
  if (!plan.length && !more.length) return [];
  const lines = ['## Study plan', ''];
  plan.forEach((s, i) => {
    lines.push(`### ${i + 1}. ${inline(s.text)} (${STATUS[s.status]})`, '');
    if (s.explanation) lines.push(inline(s.explanation), '');
    if (s.references.length) lines.push('Read:', '', ...s.references.map((ref) => `- ${inline(ref.title)} — *${inline(ref.source)}*`), '');
    if (s.practice) lines.push(`**Practise:** ${inline(s.practice)}`, '');
  });
  if (more.length) lines.push(plan.length ? '### Also worth studying' : '### What to study next', '', ...more.map((s) => `- ${inline(s)}`), '');
  return lines;
}

function modelAnswerMarkdown(report: StoredReport): string[] {
  const model = report.modelAnswer;
  if (!model) return [];
  return [
    '## Model answer',
    '',
    '### Answer framework',
    '',
    ...paragraphs(model.answerFramework),
    '### Reference answer',
    '',
    ...paragraphs(model.referenceAnswer),
  ];
}

function codeMarkdown(code: CodeReportSection): string[] {
  const counts = (c: { passed: number; total: number }) => `${c.passed}/${c.total}`;
  const status =
    code.status === null
      ? 'never submitted (the last version is shown)'
      : `submission ${inline(code.status)} · visible tests ${counts(code.visible)} · hidden tests ${counts(code.hidden)}`;
  const facts = codeFactsOf(code);
  return [
    '## Code',
    '',
    `${inline(LANGUAGE[code.language] ?? code.language)} · ${status} · ${code.timeline.length} run${code.timeline.length === 1 ? '' : 's'}`,
    '',
    ...(facts ? codeFactsMarkdown(facts) : []),
    fenced(code.code),
    '',
  ];
}

/** The measured facts of the graded submission (static analysis, timed growth); null for reports stored before them. */
export function codeFactsOf(code: CodeReportSection): CodeFacts | null {
  if (code.quality === undefined && code.complexity === undefined && code.factsMissing === undefined) return null;
  return { quality: code.quality ?? null, complexity: code.complexity ?? null, missing: code.factsMissing ?? [] };
}

/** Complexity and quality as the server measured them; each missing fact says why. */
export function codeFactsMarkdown(facts: CodeFacts): string[] {
  const lines: string[] = [];
  if (facts.complexity) {
    const c = facts.complexity;
    lines.push(`- **Complexity:** ${inline(c.summary)}${c.confident ? '' : ' (low confidence)'}. ${inline(c.note)}`);
  }
  if (facts.quality) {
    const q = facts.quality;
    lines.push(`- **Code quality:** ${q.score} / 4${q.findings.length ? '' : ', nothing to flag'}`, ...q.findings.map((f) => `  - ${inline(f)}`));
  }
  lines.push(...facts.missing.map((m) => `- ${inline(m)}`));
  return lines.length ? [...lines, ''] : [];
}
