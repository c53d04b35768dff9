import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { type AccessTokenDto, CurrentPrincipal, type Principal, Public, Roles } from '#libs/auth';
import { IpRateLimit } from '#libs/http';
import { InvitesService } from './invites.service.js';
import type { InviteBatchDto, SignUpDto, WaitlistEntryDto, WaitlistStatusDto } from './waitlist.dto.js';
import { WaitlistService } from './waitlist.service.js';

@Controller('api')
export class WaitlistController {
  constructor(
    private readonly waitlist: WaitlistService,
    private readonly invites: InvitesService,
  ) {}

  @Public()
  @IpRateLimit('waitlist')
  @Post('waitlist')
  @HttpCode(200)
  signUp(@Body() body: unknown): Promise<SignUpDto> {
    return this.waitlist.signUp(body);
  }

  @Public()
  @IpRateLimit('waitlist')
  @Get('waitlist/:token')
  status(@Param('token') token: string): Promise<WaitlistStatusDto> {
    return this.waitlist.status(token);
  }

  @Public()
  @IpRateLimit('auth')
  @Post('auth/redeem')
  @HttpCode(200)
  redeem(@Body() body: unknown): Promise<AccessTokenDto> {
    return this.invites.redeem(body);
  }

  @Roles('admin')
  @Get('admin/waitlist')
  list(@Query() query: unknown): Promise<{ total: number; entries: WaitlistEntryDto[] }> {
    return this.waitlist.list(query);
  }

  @Roles('admin')
  @Post('admin/invites')
  invite(@CurrentPrincipal() principal: Principal, @Body() body: unknown): Promise<InviteBatchDto> {
    return this.invites.invite(principal, body);
  }
}
