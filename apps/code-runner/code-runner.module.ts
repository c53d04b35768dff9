import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, ConfigModule } from '#libs/config';
import { DbModule } from '#libs/db';
import { WorkerHealthModule } from '#libs/health';
import { CodeRunJobsModule } from '#libs/interview';
import { type Logger, LoggingModule } from '#libs/logging';
import { QueueWorkerModule } from '#libs/queue';
import { RedisModule } from '#libs/redis';

/**
 * The code runner consumes the `code` queue and nothing else: it is the one process that starts the sandbox,
 * so it alone needs the privileges for it (switching to each run's uid, a memory cgroup per run). The api and
 * the grading worker run as an unprivileged user.
 */
@Module({})
export class CodeRunnerModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: CodeRunnerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(logger),
        DbModule.forRoot(),
        RedisModule.forRoot(),
        WorkerHealthModule,
        QueueWorkerModule.consuming(['code']),
        CodeRunJobsModule,
      ],
    };
  }
}
