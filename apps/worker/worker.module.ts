import { type DynamicModule, Module } from '@nestjs/common';
import { AuthJobsModule } from '#libs/auth';
import { type AppConfig, ConfigModule } from '#libs/config';
import { DbModule } from '#libs/db';
import { WorkerHealthModule } from '#libs/health';
import { InterviewJobsModule } from '#libs/interview';
import { type Logger, LoggingModule } from '#libs/logging';
import { QUEUE_NAMES, QueueWorkerModule } from '#libs/queue';
import { RedisModule } from '#libs/redis';
import { WaitlistJobsModule } from '#libs/waitlist';

/** Every queue but `code`: candidate code runs only in apps/code-runner, the one process that needs privileges. */
const WORKER_QUEUES = QUEUE_NAMES.filter((queue) => queue !== 'code');

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(logger),
        DbModule.forRoot(),
        RedisModule.forRoot(),
        WorkerHealthModule,
        QueueWorkerModule.consuming(WORKER_QUEUES),
        AuthJobsModule,
        InterviewJobsModule,
        WaitlistJobsModule,
      ],
    };
  }
}
