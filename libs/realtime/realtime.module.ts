import { Module } from '@nestjs/common';
import { AuthCoreModule } from '#libs/auth';
import { InterviewModule } from '#libs/interview';
import { InterviewGateway } from './interview.gateway.js';
import { SessionDeliveryService } from './session-delivery.service.js';
import { SocketRateLimiter } from './socket-rate-limiter.js';

@Module({
  imports: [AuthCoreModule, InterviewModule],
  providers: [InterviewGateway, SessionDeliveryService, SocketRateLimiter],
})
export class RealtimeModule {}
