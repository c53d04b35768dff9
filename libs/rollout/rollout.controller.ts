import { Body, Controller, Get, Put } from '@nestjs/common';
import { CurrentPrincipal, type Principal, Roles } from '#libs/auth';
import { type RolloutSettingsDto, RolloutService, type RolloutStatusDto } from './rollout.service.js';

@Roles('admin')
@Controller('api/admin/rollout')
export class RolloutController {
  constructor(private readonly rollout: RolloutService) {}

  @Get()
  status(): Promise<RolloutStatusDto> {
    return this.rollout.status();
  }

  @Put()
  update(@CurrentPrincipal() principal: Principal, @Body() body: unknown): Promise<RolloutSettingsDto> {
    return this.rollout.update(principal, body);
  }
}
