import { type DynamicModule, Module } from '@nestjs/common';
import { AuthCoreModule } from '#libs/auth';
import { type AppConfig, ConfigModule } from '#libs/config';
import { DbModule } from '#libs/db';
import { type Logger, LoggingModule } from '#libs/logging';

@Module({})
export class CliModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: CliModule,
      imports: [ConfigModule.forRoot(config), LoggingModule.forRoot(logger), DbModule.forRoot(), AuthCoreModule],
    };
  }
}
