import { type DynamicModule, Module } from '@nestjs/common';
import { AuthHttpModule } from '#libs/auth';
import { type AppConfig, ConfigModule } from '#libs/config';
import { ContentHttpModule } from '#libs/content';
import { DbModule } from '#libs/db';
import { HealthModule } from '#libs/health';
import { InterviewHttpModule } from '#libs/interview';
import { type Logger, LoggingModule } from '#libs/logging';
import { MetricsModule } from '#libs/metrics';
import { QueueDashboardModule } from '#libs/queue';
import { RealtimeModule } from '#libs/realtime';
import { RedisModule } from '#libs/redis';
import { ReviewHttpModule } from '#libs/review';
import { RolloutHttpModule } from '#libs/rollout';
import { WaitlistHttpModule } from '#libs/waitlist';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(logger),
        DbModule.forRoot(),
        RedisModule.forRoot(),
        HealthModule,
        MetricsModule,
        QueueDashboardModule,
        AuthHttpModule,
        ContentHttpModule,
        InterviewHttpModule,
        RealtimeModule,
        ReviewHttpModule,
        WaitlistHttpModule,
        RolloutHttpModule,
      ],
    };
  }
}
