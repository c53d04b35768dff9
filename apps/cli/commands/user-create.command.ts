import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { createUserSchema, UsersService } from '#libs/auth';
import { runMigrations } from '#libs/db';
import { parsePayload } from '#libs/errors';
import { createLogger, NestPinoLogger } from '#libs/logging';
import { CliModule } from '../cli.module.js';
import type { CliCommand } from './command.js';

export const userCreateCommand: CliCommand = {
  name: 'user:create',
  usage:
    'user:create --email E --password P --role R [--early-access true|false]     create a user (R: candidate | coach | admin; early access by default)',
  async run(args, config) {
    const { values } = parseArgs({
      args,
      options: { email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, 'early-access': { type: 'string' } },
    });
    const { 'early-access': earlyAccess, ...rest } = values;
    const input = parsePayload(createUserSchema, { ...rest, earlyAccess });
    await runMigrations(config.database.url);
    const logger = createLogger('cli', 'warn');
    const app = await NestFactory.createApplicationContext(CliModule.forRoot(config, logger), {
      logger: new NestPinoLogger(logger),
    });
    try {
      const user = await app.get(UsersService).create(input);
      console.log(`created ${user.role} ${user.email} (${user.id})`);
      return 0;
    } finally {
      await app.close();
    }
  },
};
