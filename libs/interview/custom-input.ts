import { DomainError } from '#libs/errors';

/**
 * A custom run's input as the candidate types it: one JSON value per line, one line per parameter of the question's
 * signature, in order (blank lines are skipped). The raw text is what is stored; the arguments are parsed from it
 * when the run is accepted (so a bad input is refused at once) and again when it runs.
 */
export function parseCustomInput(text: string, params: readonly { name: string }[]): unknown[] {
  const lines = text
    .split(/\r?\n/)
    .map((line, i) => ({ line: i + 1, text: line.trim() }))
    .filter((l) => l.text !== '');
  if (lines.length !== params.length) {
    const names = params.map((p) => p.name).join(', ');
    throw new DomainError(
      'INVALID_CODE_INPUT',
      `the input has ${lines.length} ${lines.length === 1 ? 'line' : 'lines'}; write one JSON value per line for each of the ${params.length} ${params.length === 1 ? 'parameter' : 'parameters'} (${names})`,
      { expected: params.length, got: lines.length, params: params.map((p) => p.name) },
    );
  }
  return lines.map((l, i) => {
    try {
      return JSON.parse(l.text) as unknown;
    } catch {
      throw new DomainError('INVALID_CODE_INPUT', `line ${l.line} (${params[i]!.name}) is not valid JSON`, { line: l.line, param: params[i]!.name });
    }
  });
}
