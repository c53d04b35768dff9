import { runMigrations } from '#libs/db';
import type { CliCommand } from './command.js';

export const migrateCommand: CliCommand = {
  name: 'migrate',
  usage: 'migrate                                         apply pending database migrations',
  async run(_args, config) {
    const applied = await runMigrations(config.database.url);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema up to date');
    return 0;
  },
};
