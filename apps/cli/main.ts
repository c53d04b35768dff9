import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { createUserSchema, UsersService } from '#libs/auth';
import { type AppConfig, loadConfig } from '#libs/config';
import { runMigrations } from '#libs/db';
import { DomainError, parsePayload } from '#libs/errors';
import { createLogger, NestPinoLogger } from '#libs/logging';
import { CliModule } from './cli.module.js';

const USAGE = `usage: npm run cli -- <command> [options]
commands:
  migrate                                              apply pending database migrations
  user:create --email E --password P --role R          create a user (R: candidate | coach | admin)`;

type Command = (args: string[], config: AppConfig) => Promise<void>;

const commands: Record<string, Command> = {
  async migrate(_args, config) {
    const applied = await runMigrations(config.database.url);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema up to date');
  },

  async 'user:create'(args, config) {
    const { values } = parseArgs({
      args,
      options: { email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' } },
    });
    const input = parsePayload(createUserSchema, values);
    await runMigrations(config.database.url);
    const logger = createLogger('cli', 'warn');
    const app = await NestFactory.createApplicationContext(CliModule.forRoot(config, logger), {
      logger: new NestPinoLogger(logger),
    });
    try {
      const user = await app.get(UsersService).create(input);
      console.log(`created ${user.role} ${user.email} (${user.id})`);
    } finally {
      await app.close();
    }
  },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.error(name ? `unknown command "${name}"\n${USAGE}` : USAGE);
    return 2;
  }
  try {
    await command(args, loadConfig());
    return 0;
  } catch (err) {
    // Expected failures (bad flags, bad config, a taken email) get one clear line; anything else its stack.
    const known = err instanceof DomainError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ||
      (err as { code?: string }).code === 'CONFIG_INVALID';
    console.error(known ? `error: ${(err as Error).message}` : err);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
