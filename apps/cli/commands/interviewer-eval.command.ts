import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadContent } from '#libs/content';
import { ConversationDatasetError, createInterviewer, formatInterviewerEval, parseConversations, runInterviewerEval } from '#libs/interviewer';
import type { CliCommand } from './command.js';
import { CliUsageError, reportFailure } from './grade.command.js';

export const interviewerEvalCommand: CliCommand = {
  name: 'interviewer:eval',
  usage:
    'interviewer:eval --dataset FILE.jsonl [--dataset FILE2.jsonl …] [--provider rubric|openai] [--json]   play scripted conversations, each set reported on its own; exit 1 when any is below the thresholds',
  async run(args, config) {
    const { values } = parseArgs({
      args,
      options: { dataset: { type: 'string', multiple: true }, provider: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
    try {
      if (!values.dataset?.length) throw new CliUsageError('--dataset is required');
      const provider = values.provider ?? config.interviewer.provider;
      if (provider !== 'rubric' && provider !== 'openai') throw new CliUsageError(`unknown provider "${provider}" (rubric | openai)`);
      if (provider === 'openai' && !config.llm.openai.apiKey && !config.llm.openai.baseUrl) {
        throw new CliUsageError('the openai provider needs OPENAI_API_KEY (or OPENAI_BASE_URL for a local server)');
      }
      const sets = [];
      for (const dataset of values.dataset) sets.push({ dataset, conversations: parseConversations(await readDataset(dataset), dataset) });
      const content = await loadContent(config.content);
      const prompt = content.prompts.get('interviewer');
      const grader = content.prompts.get('grader');
      if (!prompt || !grader) throw new CliUsageError(`the "interviewer" and "grader" prompts must be in ${config.content.promptsDir}`);
      const interviewer = createInterviewer({ ...config, interviewer: { ...config.interviewer, provider } }, prompt);
      const reports = [];
      for (const { dataset, conversations } of sets) {
        const report = await runInterviewerEval(conversations, interviewer, {
          questions: content.questions,
          roles: content.roles,
          promptVersion: grader.version,
        });
        reports.push({ dataset, ...report });
        if (!values.json) console.log(formatInterviewerEval(report, `${dataset}, ${provider}`));
      }
      if (values.json) console.log(JSON.stringify(reports, null, 2));
      return reports.every((r) => r.passed) ? 0 : 1;
    } catch (error) {
      if (error instanceof ConversationDatasetError) {
        console.error(error.message);
        return 2;
      }
      return reportFailure(error);
    }
  },
};

async function readDataset(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new CliUsageError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
