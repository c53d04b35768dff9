import { Module } from '@nestjs/common';
import { AuthCoreModule } from '#libs/auth';
import { InterviewModule } from '#libs/interview';
import { InterviewGateway } from './interview.gateway.js';
import { SessionDeliveryService } from './session-delivery.service.js';
import { SocketAccessService } from './socket-access.service.js';
import { SocketRateLimiter } from './socket-rate-limiter.js';

@Module({
  imports: [AuthCoreModule, InterviewModule],
  providers: [InterviewGateway, SessionDeliveryService, SocketRateLimiter, SocketAccessService],
})
export class RealtimeModule {}
