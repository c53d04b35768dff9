import { Body, Controller, Get, Put } from '@nestjs/common';
import { CurrentPrincipal, type Principal, Roles } from '#libs/auth';
import { ApiReturns } from '#libs/http';
import { type RolloutSettingsDto, rolloutSettingsSchema, type RolloutStatusDto, rolloutStatusSchema } from '#libs/protocol';
import { type RolloutLimitsInput, rolloutLimitsSchema, RolloutService } from './rollout.service.js';

@Roles('admin')
@Controller('api/admin/rollout')
export class RolloutController {
  constructor(private readonly rollout: RolloutService) {}

  @Get()
  @ApiReturns(rolloutStatusSchema)
  status(): Promise<RolloutStatusDto> {
    return this.rollout.status();
  }

  @Put()
  @ApiReturns(rolloutSettingsSchema)
  update(@CurrentPrincipal() principal: Principal, @Body({ schema: rolloutLimitsSchema }) body: RolloutLimitsInput): Promise<RolloutSettingsDto> {
    return this.rollout.update(principal, body);
  }
}
