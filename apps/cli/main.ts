import 'reflect-metadata';
import { loadConfig } from '#libs/config';
import { DomainError } from '#libs/errors';
import { commands } from './commands/index.js';

const usage = () => `usage: npm run cli -- <command> [options]\ncommands:\n${commands.map((c) => `  ${c.usage}`).join('\n')}`;

/** Expected failures (bad flags, bad config, a taken email) get one clear line; anything else its stack. */
function isExpected(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return err instanceof DomainError || code === 'CONFIG_INVALID' || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'));
}

async function main([name, ...args]: string[]): Promise<number> {
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(name ? `unknown command "${name}"\n${usage()}` : usage());
    return 2;
  }
  try {
    return await command.run(args, loadConfig());
  } catch (err) {
    console.error(isExpected(err) ? `error: ${(err as Error).message}` : err);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
