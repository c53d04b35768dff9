import type { AppConfig } from '#libs/config';

/** One `npm run cli -- <name> …` command. `run` returns the process exit code. */
export interface CliCommand {
  name: string;
  usage: string;
  run(args: string[], config: AppConfig): Promise<number>;
}
