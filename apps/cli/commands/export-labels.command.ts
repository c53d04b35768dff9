import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type AppConfig, ConfigModule } from '#libs/config';
import { DbModule, runMigrations } from '#libs/db';
import { createLogger, type Logger, LoggingModule, NestPinoLogger } from '#libs/logging';
import { CalibrationService, ReviewCoreModule } from '#libs/review';
import type { CliCommand } from './command.js';
import { CliUsageError, reportFailure } from './grade.command.js';

@Module({})
class ExportLabelsModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: ExportLabelsModule,
      imports: [ConfigModule.forRoot(config), LoggingModule.forRoot(logger), DbModule.forRoot(), ReviewCoreModule],
    };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const exportLabelsCommand: CliCommand = {
  name: 'export:labels',
  usage: 'export:labels --out FILE.jsonl [--coach ID]   write coach-reviewed answers as an eval dataset (for `eval --dataset`)',
  async run(args, config) {
    const { values } = parseArgs({ args, options: { out: { type: 'string' }, coach: { type: 'string' } } });
    try {
      if (!values.out) throw new CliUsageError('--out is required');
      if (values.coach !== undefined && !UUID.test(values.coach)) throw new CliUsageError('--coach must be a user id (UUID)');
      await runMigrations(config.database.url);
      const logger = createLogger('cli', 'warn');
      const app = await NestFactory.createApplicationContext(ExportLabelsModule.forRoot(config, logger), { logger: new NestPinoLogger(logger) });
      try {
        const items = await app.get(CalibrationService).labels(values.coach ?? null);
        await writeFile(values.out, items.map((i) => JSON.stringify(i)).join('\n') + (items.length ? '\n' : ''), 'utf8');
        console.log(`wrote ${items.length} coach-reviewed answers to ${values.out}`);
        return 0;
      } finally {
        await app.close();
      }
    } catch (error) {
      return reportFailure(error);
    }
  },
};
