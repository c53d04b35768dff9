import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { AppConfig } from '#libs/config';
import { ContentValidationError, loadContent, type ContentBundle } from '#libs/content';
import { toComponentGraph, type ComponentGraph } from '#libs/diagram';
import { bandOf, createGrader, GradingError, type Grade, type Grader, type GraderName } from '#libs/grading';
import type { CliCommand } from './command.js';

/** What `grade` and `eval` share: the content and the chosen grader. */
export interface GradingContext {
  readonly content: ContentBundle;
  readonly grader: Grader;
  readonly promptVersion: string;
}

/** Exit code 2 and one line for a usage problem (unknown provider, missing key, bad file). */
export class CliUsageError extends Error {}

export async function loadGradingContext(config: AppConfig, provider: string | undefined): Promise<GradingContext> {
  const chosen = provider ?? config.llm.provider;
  if (chosen !== 'rubric' && chosen !== 'openai') throw new CliUsageError(`unknown provider "${chosen}" (rubric | openai)`);
  if (chosen === 'openai' && !config.llm.openai.apiKey && !config.llm.openai.baseUrl) {
    throw new CliUsageError('the openai provider needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local server)');
  }
  const content = await loadContent(config.content);
  const prompt = content.prompts.get('grader');
  if (!prompt) throw new CliUsageError(`no "grader" prompt in ${config.content.promptsDir}`);
  const grader = createGrader({ ...config, llm: { ...config.llm, provider: chosen as GraderName } }, { prompt, corpus: content.questions.values() });
  return { content, grader, promptVersion: prompt.version };
}

/** Expected failures become one line and an exit code; anything else propagates with its stack. */
export function reportFailure(error: unknown): number {
  if (error instanceof CliUsageError) {
    console.error(`error: ${error.message}`);
    return 2;
  }
  if (error instanceof ContentValidationError) {
    console.error(error.message);
    return 2;
  }
  if (error instanceof GradingError) {
    console.error(`error: grading failed (${error.code}${error.retryable ? ', retryable' : ''}): ${error.message}`);
    return 1;
  }
  throw error;
}

export const gradeCommand: CliCommand = {
  name: 'grade',
  usage:
    'grade --question ID --answer-file PATH [--diagram FILE.excalidraw] [--provider rubric|openai] [--phase ID] [--json]   grade one answer (with the board drawn for it)',
  async run(args, config) {
    const { values } = parseArgs({
      args,
      options: {
        question: { type: 'string' },
        'answer-file': { type: 'string' },
        diagram: { type: 'string' },
        provider: { type: 'string' },
        phase: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    try {
      if (!values.question || !values['answer-file']) throw new CliUsageError('--question and --answer-file are required');
      const answer = await readAnswer(values['answer-file']);
      const graph = values.diagram === undefined ? undefined : await readBoardGraph(values.diagram);
      const { content, grader, promptVersion } = await loadGradingContext(config, values.provider);
      const question = content.questions.get(values.question);
      if (!question) throw new CliUsageError(`unknown question "${values.question}" (known: ${[...content.questions.keys()].join(', ')})`);
      const role = content.roles.get(question.role);
      if (!role) throw new CliUsageError(`unknown role guide "${question.role}"`);
      const phases = question.phases.map((p) => p.id);
      if (values.phase !== undefined && !phases.includes(values.phase)) {
        throw new CliUsageError(`unknown phase "${values.phase}" (phases: ${phases.join(', ')})`);
      }
      // Without --phase the answer stands for a whole session, as in the evals.
      const grade = await grader.grade({
        question,
        questionVersion: question.version,
        role,
        phaseId: values.phase ?? phases[phases.length - 1] ?? '',
        scope: values.phase === undefined ? 'session' : 'phase',
        history: [],
        answer,
        promptVersion,
        ...(graph ? { diagram: { graph } } : {}),
      });
      console.log(values.json ? JSON.stringify(grade, null, 2) : formatGrade(grade));
      return 0;
    } catch (error) {
      return reportFailure(error);
    }
  },
};

async function readAnswer(path: string): Promise<string> {
  try {
    return path === '-' ? await readStdin() : await readFile(path, 'utf8');
  } catch (error) {
    throw new CliUsageError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The component graph of a saved board (an `.excalidraw` file). */
async function readBoardGraph(path: string): Promise<ComponentGraph> {
  try {
    const scene = JSON.parse(await readFile(path, 'utf8')) as { elements?: unknown };
    if (!Array.isArray(scene.elements)) throw new Error('not an Excalidraw scene (no elements)');
    return toComponentGraph(scene as Parameters<typeof toComponentGraph>[0]);
  } catch (error) {
    throw new CliUsageError(`cannot read the board ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}

/** A terminal rendering of one grade; `--json` prints the grade itself. */
function formatGrade(grade: Grade): string {
  const p = grade.provenance;
  const lines = [
    `${grade.questionId} (${grade.phaseId}): overall ${grade.overall}/100, band ${bandOf(grade.overall)}${grade.flags.length ? `  flags: ${grade.flags.join(', ')}` : ''}`,
    `graded by ${p.grader}${p.model ? ` (${p.model})` : ''}, rubric ${p.rubricVersion.slice(0, 12)}, prompt ${p.promptVersion.slice(0, 12)}, ${p.tokens.prompt}+${p.tokens.completion} tokens (${p.tokens.cached} cached), ${p.latencyMs.toFixed(1)} ms`,
    '',
    'dimensions:',
    ...grade.dimensions.map((d) => `  ${d.score}  ${d.id}: ${d.reason}`),
    '',
    'key points:',
    ...grade.keyPoints.flatMap((k) => [
      `  ${k.status.padEnd(7)} ${k.id}`,
      ...k.evidence.map((q) => `           "${q}"`),
      ...(k.diagramEvidence ?? []).map((d) => `           board: ${d.text}`),
    ]),
    '',
    'mistakes:',
    ...grade.mistakes.flatMap((m) => [`  ${m.status.padEnd(7)} ${m.id}`, ...m.evidence.map((q) => `           "${q}"`)]),
    '',
    'feedback:',
    ...grade.feedback.strengths.map((s) => `  + ${s}`),
    ...grade.feedback.improvements.map((s) => `  - ${s}`),
    ...(grade.feedback.nextToStudy.length ? [`  study next: ${grade.feedback.nextToStudy.join('; ')}`] : []),
  ];
  return lines.join('\n');
}
