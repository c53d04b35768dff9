import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  checkThresholds,
  EVAL_TARGETS,
  EvalDatasetError,
  formatEvalReport,
  fuzzGaming,
  parseEvalDataset,
  runEval,
  type EvalItem,
} from '#libs/grading';
import type { CliCommand } from './command.js';
import { CliUsageError, loadGradingContext, reportFailure } from './grade.command.js';

export const evalCommand: CliCommand = {
  name: 'eval',
  usage:
    'eval --dataset FILE.jsonl [--dataset …] [--heldout FILE.jsonl …] [--provider rubric|openai] [--json]   grade labelled sets: the --dataset files as one development split, the --heldout files as one held-out split, each reported against the targets and checked against the gates on its own, then keyword-gaming answers built from each question rubric; exit 1 when a split is below a gate or a gaming answer covers a key point',
  async run(args, config) {
    const { values } = parseArgs({
      args,
      options: {
        dataset: { type: 'string', multiple: true },
        heldout: { type: 'string', multiple: true },
        provider: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    try {
      if (!values.dataset?.length && !values.heldout?.length) throw new CliUsageError('--dataset (or --heldout) is required');
      const splits = [
        { name: 'development', files: values.dataset ?? [] },
        { name: 'held-out', files: values.heldout ?? [] },
      ].filter((s) => s.files.length > 0);
      const loaded = [];
      for (const split of splits) loaded.push({ ...split, items: await readSplit(split.files) });
      const { content, grader, promptVersion } = await loadGradingContext(config, values.provider);
      const results = [];
      for (const split of loaded) {
        const report = await runEval(split.items, grader, { questions: content.questions, roles: content.roles, promptVersion });
        const check = checkThresholds(report);
        results.push({ split: split.name, files: split.files, ...report, thresholds: check, targets: checkThresholds(report, EVAL_TARGETS) });
        if (!values.json) console.log(`# ${split.name} split (${split.files.join(', ')})\n${formatEvalReport(report, check)}\n`);
      }
      // Keyword gaming, generated from each question's own rubric: a list dressed up any way covers nothing.
      const gaming = await fuzzGaming(grader, content.questions.values(), content.roles, promptVersion);
      if (values.json) console.log(JSON.stringify({ splits: results, gaming }, null, 2));
      else {
        console.log(`# keyword gaming (every question's rubric terms as lists, arrows, comments, salted, bullets, ids)`);
        console.log(`${gaming.answers} answers: ${gaming.covered} key points covered (gate 0), highest overall ${gaming.maxOverall}`);
        for (const o of gaming.offenders) console.log(`  covered: ${o}`);
      }
      return results.every((r) => r.thresholds.passed) && gaming.covered === 0 ? 0 : 1;
    } catch (error) {
      if (error instanceof EvalDatasetError) {
        console.error(error.message);
        return 2;
      }
      return reportFailure(error);
    }
  },
};

/** The items of a split's files; an id may appear once per split (baseIds resolve within their own file). */
async function readSplit(files: readonly string[]): Promise<EvalItem[]> {
  const items: EvalItem[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new CliUsageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    items.push(...parseEvalDataset(text, file));
  }
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const item of items) {
    if (seen.has(item.id)) repeated.push(`duplicate id "${item.id}" across the split's files`);
    seen.add(item.id);
  }
  if (repeated.length > 0) throw new EvalDatasetError(repeated);
  return items;
}
