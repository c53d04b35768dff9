import { z } from 'zod';
import { interpretRun, parseHarnessOutput, type ProcessEnd } from './harness-protocol.js';
import type { SandboxLanguage, SandboxLimits } from './sandbox.types.js';

export interface StaticAnalysisRequest {
  language: SandboxLanguage;
  code: string;
  /** The function the harness calls: never reported unused. */
  entryPoint: string;
}

const line = z.number().int().nonnegative();
const name = z.string().max(200);

/** What the analyser found in the code's syntax tree; the server scores it (`libs/code-facts`). */
const staticAnalysisSchema = z.object({
  functions: z.array(z.object({ name, line, endLine: line, lines: line, maxDepth: line })).max(2000),
  /** Every name the code binds, with how: a loop target or a one-line lambda's parameter is held to other norms. */
  names: z
    .array(
      z.object({ name, line, kind: z.enum(['function', 'method', 'class', 'parameter', 'lambda-param', 'variable', 'unpack', 'loop', 'exception']) }),
    )
    .max(20_000),
  /** A statement that can never run, and the `return`/`raise`/`throw`/`break`/`continue` before it. */
  unreachable: z.array(z.object({ line, after: z.enum(['return', 'raise', 'throw', 'break', 'continue']), afterLine: line })).max(2000),
  unusedFunctions: z.array(z.object({ name, line })).max(2000),
  unusedVariables: z.array(z.object({ name, line })).max(2000),
});
export type StaticAnalysis = z.infer<typeof staticAnalysisSchema>;

export type StaticAnalysisOutcome = { ok: true; analysis: StaticAnalysis } | { ok: false; reason: string };

/** Reads the analyser's one line out of the sandbox's stdout; a limit or a parse failure is a reason, never a throw. */
export function interpretAnalysis(end: ProcessEnd, nonce: string, limits: SandboxLimits): StaticAnalysisOutcome {
  const { messages } = parseHarnessOutput(end.stdout, nonce);
  const found = messages.find((m) => m.type === 'analysis' || m.type === 'analysis_error');
  if (found?.type === 'analysis_error') return { ok: false, reason: `the analyser could not read the code (${found.message.slice(0, 200)})` };
  if (found?.type === 'analysis') {
    const parsed = staticAnalysisSchema.safeParse(found.facts);
    return parsed.success ? { ok: true, analysis: parsed.data } : { ok: false, reason: 'the analyser returned malformed facts' };
  }
  const stopped = interpretRun({ ...end, stdout: '' }, nonce, 0, limits);
  return { ok: false, reason: `the analysis did not finish: ${stopped.message ?? 'no result'}` };
}
