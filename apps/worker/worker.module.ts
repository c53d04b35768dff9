import { type DynamicModule, Module } from '@nestjs/common';
import { AuthJobsModule } from '#libs/auth';
import { type AppConfig, ConfigModule } from '#libs/config';
import { DbModule } from '#libs/db';
import { InterviewJobsModule } from '#libs/interview';
import { type Logger, LoggingModule } from '#libs/logging';
import { QueueWorkerModule } from '#libs/queue';
import { RedisModule } from '#libs/redis';
import { WaitlistJobsModule } from '#libs/waitlist';

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
        QueueWorkerModule,
        AuthJobsModule,
        InterviewJobsModule,
        WaitlistJobsModule,
      ],
    };
  }
}
