import { PLACEHOLDER_PATTERN, renderPrompt, SCORE_LABELS, type PromptTemplate, type RenderedMessage, type RoleGuide } from '#libs/content';
import { formatBoard } from './board-listing.js';
import { readBoard } from './board-reading.js';
import type { GradeInput, TranscriptTurn } from './grader.port.js';
import { formatCodeFacts } from './code-facts-prompt.js';
import { neutraliseDelimiters } from './delimiter-neutraliser.js';
import { gradingScope } from './grading-scope.js';

/** The messages of one grading request and the part of them that is identical for every answer. */
export interface GraderPrompt {
  readonly messages: readonly RenderedMessage[];
  /**
   * For each message, its content up to the first candidate-supplied value (whole content when
   * it has none). Everything here is the same for every answer to this question and phase,
   * which is what lets providers cache the prefix; the benchmark counts it.
   */
  readonly cacheablePrefix: readonly string[];
}

/** Marks where an untrusted value starts; never a character candidate text can carry to us. */
const UNTRUSTED_SENTINEL = '\u0000untrusted\u0000';

/**
 * Renders the grader prompt for one answer. The template is checked on every call (cheap)
 * because the guarantees below are the injection defence, not a style preference: the
 * system message carries no candidate text, and the last message is the user message
 * with the candidate's text inside its data tags.
 */
export function buildGraderPrompt(template: PromptTemplate, input: GradeInput): GraderPrompt {
  assertSafeTemplate(template);
  const trusted = trustedValues(input);
  const untrusted = {
    transcript: formatTranscript(input.history, template.dataTags),
    code: input.code ? neutraliseDelimiters(input.code.code, template.dataTags) : '',
    // The board's labels are the candidate's text: listed inside its own data tags, screened elements left out.
    diagram: neutraliseDelimiters(formatBoard(readBoard(input.question, input.diagram)), template.dataTags),
    answer: neutraliseDelimiters(input.answer, template.dataTags),
  };
  const messages = renderPrompt(template, { ...trusted, ...untrusted });
  const marked = renderPrompt(template, {
    ...trusted,
    transcript: UNTRUSTED_SENTINEL,
    code: UNTRUSTED_SENTINEL,
    diagram: UNTRUSTED_SENTINEL,
    answer: UNTRUSTED_SENTINEL,
  });
  const cacheablePrefix: string[] = [];
  for (const message of marked) {
    const at = message.content.indexOf(UNTRUSTED_SENTINEL);
    cacheablePrefix.push(at === -1 ? message.content : message.content.slice(0, at));
    if (at !== -1) break;
  }
  return { messages, cacheablePrefix };
}

function assertSafeTemplate(template: PromptTemplate): void {
  const untrusted = new Set(template.placeholders.filter((p) => p.untrusted).map((p) => p.name));
  for (const message of template.messages) {
    const names = [...message.template.matchAll(PLACEHOLDER_PATTERN)].map((m) => m[1] ?? '');
    if (message.role === 'system' && names.some((name) => untrusted.has(name))) {
      throw new Error(`prompt "${template.id}": a system message may not hold candidate text`);
    }
  }
  if (template.messages.at(-1)?.role !== 'user') {
    throw new Error(`prompt "${template.id}": the last message must be the user message holding the answer`);
  }
}

function trustedValues(input: GradeInput): Record<string, string> {
  const { question, role } = input;
  const scope = gradingScope(input);
  const plan = role.sessions[question.kind];
  const phase = plan.phases.find((p) => p.id === input.phaseId);
  return {
    'role.title': role.title,
    'question.kind': question.kind,
    'question.title': question.title,
    'question.prompt': question.prompt,
    'rubric.keyPoints': question.keyPoints
      .map((k) => `- ${k.id} (weight ${k.weight}, phase ${k.phase}, dimension ${k.dimension}) ${k.text}`)
      .join('\n'),
    'rubric.commonMistakes': question.commonMistakes.map((m) => `- ${m.id} (${m.severity}, dimension ${m.dimension}) ${m.text}`).join('\n'),
    'rubric.dimensions': formatDimensions(plan.dimensions),
    'rubric.referenceAnswer': question.referenceAnswer,
    'phase.id': input.phaseId,
    // A whole-session grade scores every dimension; the title says so, the id stays the last phase.
    'phase.title': input.scope === 'session' ? `Whole session (up to ${phase?.title ?? input.phaseId})` : (phase?.title ?? input.phaseId),
    'phase.dimensions': scope.dimensions.join(', '),
    'code.results': formatCodeResults(input.code),
  };
}

/** Numbers from the server's test runner: trusted, unlike the code they describe. */
function formatCodeResults(code: GradeInput['code']): string {
  if (!code) return 'No code for this question.';
  const hidden =
    code.hidden.total > 0 ? `${code.hidden.passed}/${code.hidden.total} hidden tests passed` : 'not submitted against the hidden tests yet';
  const tests = `Language: ${code.language}. Last run: ${code.status}; ${code.visible.passed}/${code.visible.total} visible tests passed; ${hidden}.`;
  return [tests, formatCodeFacts(code.facts)].filter(Boolean).join('\n');
}

function formatDimensions(dimensions: RoleGuide['sessions']['system-design']['dimensions']): string {
  return dimensions
    .map((d) => {
      const levels = ([1, 2, 3, 4] as const).map((n) => `  ${n} (${SCORE_LABELS[n]}): ${d.descriptors[n]}`);
      return [`- ${d.id}: ${d.title}. ${d.description}`, ...levels].join('\n');
    })
    .join('\n');
}

function formatTranscript(history: readonly TranscriptTurn[], tags: readonly string[]): string {
  return history.map((turn) => `${turn.role === 'candidate' ? 'Candidate' : 'Interviewer'}: ${neutraliseDelimiters(turn.text, tags)}`).join('\n\n');
}
