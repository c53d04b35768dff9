/**
 * Code facts: what the server measures about a submission beyond its tests, in the sandbox: a static analysis
 * scored for code quality (function length, nesting, naming, dead code, copied blocks) and the empirical growth
 * of its running time on generated inputs, classified against the question's required complexity.
 */
export { CodeFactsService } from './code-facts.service.js';
export { CodeFactsModule } from './code-facts.module.js';
export { scalingRequest } from './scaling-run.js';
