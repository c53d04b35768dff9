import { Module } from '@nestjs/common';
import { AuthCoreModule } from '#libs/auth';
import { InterviewModule } from '#libs/interview';
import { MetricsModule } from '#libs/metrics';
import { InterviewGateway } from './interview.gateway.js';
import { SessionDeliveryService } from './session-delivery.service.js';
import { SocketAccessService } from './socket-access.service.js';
import { SocketDrain } from './socket-drain.service.js';
import { SocketRateLimiter } from './socket-rate-limiter.js';

@Module({
  imports: [AuthCoreModule, InterviewModule, MetricsModule],
  providers: [InterviewGateway, SessionDeliveryService, SocketRateLimiter, SocketAccessService, SocketDrain],
  exports: [SocketDrain],
})
export class RealtimeModule {}
