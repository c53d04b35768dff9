import type { TranscriptDto, TranscriptTurn } from './transcript.service.js';

/**
 * Candidate and interviewer text is data: it goes into a fenced block whose fence is longer than any run of
 * backticks in it, so it cannot close the fence, start a heading, or carry HTML that a renderer would honour
 * (CommonMark renders a fenced block's content literally).
 */
export function fenced(text: string): string {
  const longestRun = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}text\n${text}\n${fence}`;
}

/** One line of untrusted text inside Markdown prose: Markdown punctuation and HTML escaped, line breaks folded. */
export function inline(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+\-.!|~])/g, '\\$1');
}

const side = (ai: unknown, corrected: unknown) => (corrected === undefined ? `${String(ai)}` : `${String(ai)} → **${String(corrected)}** (coach)`);

function turnMarkdown(t: TranscriptTurn): string[] {
  const who = t.speaker === 'candidate' ? 'Candidate' : 'Interviewer';
  const lines = [`### ${t.seq}. ${who} · ${inline(t.phaseTitle)} · ${t.at}`, '', fenced(t.text), ''];
  if (t.reason) lines.push(`*Why asked:* ${inline(t.reason)}${t.keyPointId ? ` (key point \`${inline(t.keyPointId)}\`)` : ''}`, '');
  if (t.grading && !t.grade) lines.push(`*Grade:* ${t.grading.status}${t.grading.failureCode ? ` (${inline(t.grading.failureCode)})` : ''}`, '');
  if (t.grade) {
    const p = t.grade.provenance;
    lines.push(
      `*Grade:* overall ${side(t.grade.overall.ai, t.grade.overall.corrected)} · grader ${inline(p.grader)}${p.model ? ` (${inline(p.model)})` : ''} · rubric ${inline(p.rubricVersion.slice(0, 12))} · prompt ${inline(p.promptVersion.slice(0, 12))}`,
      '',
      '| dimension | score | reason |',
      '| --- | --- | --- |',
      ...t.grade.dimensions.map((d) => `| ${inline(d.id)} | ${side(d.ai.score, d.corrected?.score)} | ${inline(d.correction?.reason ?? d.ai.reason)} |`),
      '',
      '| key point | status | evidence |',
      '| --- | --- | --- |',
      ...t.grade.keyPoints.map((k) => `| ${inline(k.id)} | ${side(k.ai.status, k.corrected?.status)} | ${k.ai.evidence.map((e) => `“${inline(e)}”`).join('; ')} |`),
      '',
    );
    if (t.grade.flags.length) lines.push(`*Flags:* ${t.grade.flags.map(inline).join(', ')}`, '');
  }
  for (const a of t.annotations) lines.push(`> **Coach note:** ${inline(a.comment)}`, '');
  for (const d of t.disputes) lines.push(`> **Candidate dispute:** ${inline(d.comment)}`, '');
  return lines;
}

/** The transcript export as Markdown: the same data as the JSON export, safe to open in any Markdown viewer. */
export function transcriptToMarkdown(t: TranscriptDto): string {
  const s = t.session;
  const lines = [
    `# Mock interview: ${inline(s.questionId)}`,
    '',
    `- Session: ${s.id}`,
    `- Mode: ${s.mode} · status: ${s.status}`,
    `- Started: ${s.startedAt}${s.endedAt ? ` · ended: ${s.endedAt}` : ''}`,
    `- Review: ${t.review ? `completed ${t.review.completedAt}` : 'not reviewed'}`,
    '',
    '## Transcript',
    '',
    ...t.turns.flatMap(turnMarkdown),
  ];
  if (t.report) {
    const r = t.report;
    lines.push(
      '## Report',
      '',
      `Overall: ${side(r.overall.ai ?? 'n/a', r.overall.corrected === undefined ? undefined : (r.overall.corrected ?? 'n/a'))}`,
      '',
      '| dimension | score |',
      '| --- | --- |',
      ...r.dimensions.map((d) => `| ${inline(d.title)} | ${side(d.ai ?? 'n/a', d.corrected === undefined ? undefined : (d.corrected ?? 'n/a'))} |`),
      '',
      '| key point | status |',
      '| --- | --- |',
      ...r.keyPoints.map((k) => `| ${inline(k.text)} | ${side(k.ai, k.corrected)} |`),
      '',
    );
  }
  if (t.corrections.length) {
    lines.push('## Corrections', '', ...t.corrections.map((c) => `- v${c.version} ${c.kind} ${inline(c.itemId)}${c.turnId ? ` on turn ${c.turnId}` : ' on the report'} → ${inline(c.value)}: ${inline(c.reason)} (${c.at})`), '');
  }
  for (const d of t.disputes) lines.push(`> **Candidate dispute (session):** ${inline(d.comment)}`, '');
  return lines.join('\n');
}
