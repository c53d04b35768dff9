import { ContentValidationError, loadContent } from '#libs/content';
import type { CliCommand } from './command.js';

export const contentCheckCommand: CliCommand = {
  name: 'content:check',
  usage: 'content:check                                   validate every file in rubrics/ and prompts/',
  async run(_args, config) {
    try {
      const bundle = await loadContent(config.content);
      console.log(`content ok: ${bundle.roles.size} role guides, ${bundle.questions.size} questions, ${bundle.prompts.size} prompts`);
      return 0;
    } catch (err) {
      if (!(err instanceof ContentValidationError)) throw err;
      console.error(err.message);
      return 1;
    }
  },
};
