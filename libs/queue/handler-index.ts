import type { JobHandler } from './job-handler.js';
import type { JobName } from './job-registry.js';

export type AnyJobHandler = JobHandler<JobName>;

export class MissingJobHandlerError extends Error {}

/** Indexes discovered handlers by job name; every registered name needs exactly one. */
export function indexHandlers(found: { name: string; handler: AnyJobHandler }[], required: readonly string[]): Map<string, AnyJobHandler> {
  const index = new Map<string, AnyJobHandler>();
  const problems: string[] = [];
  for (const { name, handler } of found) {
    if (!required.includes(name)) problems.push(`handler for unknown job "${name}"`);
    else if (index.has(name)) problems.push(`two handlers for job "${name}"`);
    else index.set(name, handler);
  }
  for (const name of required) if (!index.has(name)) problems.push(`no handler for job "${name}"`);
  if (problems.length > 0) throw new MissingJobHandlerError(`worker refuses to start: ${problems.join('; ')}`);
  return index;
}
