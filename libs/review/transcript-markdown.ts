import type { DiagramExportDto } from '#libs/interview';
import { boardAtAnswer, boardEvidence, diagramMarkdown } from './diagram-markdown.js';
import { fenced, inline, side } from './markdown-text.js';
import { reportMarkdown } from './report-markdown.js';
import type { TranscriptDto, TranscriptTurn } from './transcript.service.js';

const STATUS = { covered: 'covered', partial: 'partly covered', missed: 'missed' } as const;

function turnMarkdown(t: TranscriptTurn, diagram: DiagramExportDto | null): string[] {
  const who = t.speaker === 'candidate' ? 'Candidate' : 'Interviewer';
  const lines = [`### ${t.number}. ${who} · ${inline(t.phaseTitle)} · ${t.at}`, '', fenced(t.text), ''];
  const board = diagram && boardAtAnswer(t, diagram);
  if (board) lines.push(board, '');
  if (t.reason) lines.push(`*Why asked:* ${inline(t.reason)}${t.keyPointText ? ` (key point: ${inline(t.keyPointText)})` : ''}`, '');
  if (t.grading && !t.grade) lines.push(`*Grade:* ${t.grading.status}${t.grading.failureCode ? ` (${inline(t.grading.failureCode)})` : ''}`, '');
  if (t.grade) {
    const p = t.grade.provenance;
    lines.push(
      `*Grade:* overall ${side(t.grade.overall.ai, t.grade.overall.corrected)} · grader ${inline(p.grader)}${p.model ? ` (${inline(p.model)})` : ''} · rubric ${inline(p.rubricVersion.slice(0, 12))} · prompt ${inline(p.promptVersion.slice(0, 12))}`,
      '',
      '| dimension | score | reason |',
      '| --- | --- | --- |',
      ...t.grade.dimensions.map(
        (d) => `| ${inline(d.title)} | ${side(d.ai.score, d.corrected?.score)} | ${inline(d.correction?.reason ?? d.ai.reason)} |`,
      ),
      '',
      '| key point | status | evidence |',
      '| --- | --- | --- |',
      ...t.grade.keyPoints.map((k) => {
        const quotes = k.ai.evidence.map((e) => `“${inline(e)}”`);
        const board = (k.corrected?.status ?? k.ai.status) === 'missed' ? [] : boardEvidence(k.ai.diagramEvidence);
        return `| ${inline(k.text)} | ${side(STATUS[k.ai.status], k.corrected && STATUS[k.corrected.status])} | ${[...quotes, ...board].join('; ')} |`;
      }),
      '',
    );
    const { strengths, improvements } = t.grade.feedback;
    if (strengths.length) lines.push('**Strengths**', '', ...strengths.map((s) => `- ${inline(s)}`), '');
    if (improvements.length) lines.push('**To improve**', '', ...improvements.map((s) => `- ${inline(s)}`), '');
    if (t.grade.flags.length) lines.push(`*Flags:* ${t.grade.flags.map(inline).join(', ')}`, '');
  }
  for (const a of t.annotations) lines.push(`> **Coach note:** ${inline(a.comment)}`, '');
  for (const d of t.disputes) lines.push(`> **Candidate dispute:** ${inline(d.comment)}`, '');
  return lines;
}

/** What a correction is about, in words: the dimension's title or the key point's text, never its id. */
function correctionLabels(t: TranscriptDto): Map<string, string> {
  const labels = new Map<string, string>();
  for (const turn of t.turns) {
    for (const d of turn.grade?.dimensions ?? []) labels.set(`dimension|${d.id}`, d.title);
    for (const k of turn.grade?.keyPoints ?? []) labels.set(`key_point|${k.id}`, k.text);
  }
  for (const d of t.report?.dimensions ?? []) labels.set(`dimension|${d.id}`, d.title);
  for (const k of t.report?.keyPoints ?? []) labels.set(`key_point|${k.id}`, k.text);
  return labels;
}

/**
 * The transcript export as Markdown: the same data as the JSON export, safe to open in any Markdown viewer. With
 * the board of a system-design session (`diagram`), its final components and flows, and the board at each answer.
 */
export function transcriptToMarkdown(t: TranscriptDto & { diagram?: DiagramExportDto | null }): string {
  const diagram = t.diagram ?? null;
  const s = t.session;
  const lines = [
    `# Mock interview: ${inline(s.questionTitle)}`,
    '',
    `- Session: ${s.id}`,
    `- Mode: ${s.mode} · status: ${s.status}`,
    `- Started: ${s.startedAt}${s.endedAt ? ` · ended: ${s.endedAt}` : ''}`,
    `- Review: ${t.review ? `completed ${t.review.completedAt}` : 'not reviewed'}`,
    '',
    '## Transcript',
    '',
    ...t.turns.flatMap((turn) => turnMarkdown(turn, diagram)),
  ];
  if (diagram) lines.push(...diagramMarkdown(s.id, diagram));
  if (t.report) lines.push(...reportMarkdown(t.report));
  if (t.corrections.length) {
    const labels = correctionLabels(t);
    const turnNumber = new Map(t.turns.map((turn) => [turn.turnId, turn.number]));
    lines.push(
      '## Corrections',
      '',
      ...t.corrections.map((c) => {
        const what = `${c.kind === 'dimension' ? 'score of' : 'key point'} “${inline(labels.get(`${c.kind}|${c.itemId}`) ?? c.itemId)}”`;
        const where = c.turnId ? `on turn ${turnNumber.get(c.turnId) ?? '?'}` : 'on the report';
        const value = c.kind === 'key_point' ? (STATUS[c.value as keyof typeof STATUS] ?? c.value) : c.value;
        return `- v${c.version} ${what} ${where} → ${inline(value)}: ${inline(c.reason)} (${c.at})`;
      }),
      '',
    );
  }
  for (const d of t.disputes) lines.push(`> **Candidate dispute (session):** ${inline(d.comment)}`, '');
  return lines.join('\n');
}
