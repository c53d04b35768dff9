import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { checkThresholds, EvalDatasetError, formatEvalReport, parseEvalDataset, runEval } from '#libs/grading';
import type { CliCommand } from './command.js';
import { CliUsageError, loadGradingContext, reportFailure } from './grade.command.js';

export const evalCommand: CliCommand = {
  name: 'eval',
  usage: 'eval --dataset FILE.jsonl [--provider rubric|openai] [--json]   grade a labelled set; exit 1 below the thresholds',
  async run(args, config) {
    const { values } = parseArgs({
      args,
      options: { dataset: { type: 'string' }, provider: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
    try {
      if (!values.dataset) throw new CliUsageError('--dataset is required');
      let text: string;
      try {
        text = await readFile(values.dataset, 'utf8');
      } catch (error) {
        throw new CliUsageError(`cannot read ${values.dataset}: ${error instanceof Error ? error.message : String(error)}`);
      }
      const items = parseEvalDataset(text, values.dataset);
      const { content, grader, promptVersion } = await loadGradingContext(config, values.provider);
      const report = await runEval(items, grader, { questions: content.questions, roles: content.roles, promptVersion });
      const check = checkThresholds(report);
      console.log(values.json ? JSON.stringify({ ...report, thresholds: check }, null, 2) : formatEvalReport(report, check));
      return check.passed ? 0 : 1;
    } catch (error) {
      if (error instanceof EvalDatasetError) {
        console.error(error.message);
        return 2;
      }
      return reportFailure(error);
    }
  },
};
