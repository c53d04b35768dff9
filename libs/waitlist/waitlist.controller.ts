import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { type AccessTokenDto, CurrentPrincipal, type Principal, Public, RefreshCookie, Roles } from '#libs/auth';
import { NotFoundError } from '#libs/errors';
import { IpRateLimit } from '#libs/http';
import { InvitesService } from './invites.service.js';
import type { InviteBatchDto, InviteDto, InviteResentDto, SignUpDto, WaitlistEntryDto, WaitlistStatusDto } from './waitlist.dto.js';
import { WaitlistService } from './waitlist.service.js';

@Controller('api')
export class WaitlistController {
  constructor(
    private readonly waitlist: WaitlistService,
    private readonly invites: InvitesService,
    private readonly cookie: RefreshCookie,
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
  async redeem(@Body() body: unknown, @Res({ passthrough: true }) res: Response): Promise<AccessTokenDto> {
    return this.cookie.hand(res, await this.invites.redeem(body));
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

  @Roles('admin')
  @Get('admin/invites')
  listInvites(@Query() query: unknown): Promise<InviteDto[]> {
    return this.invites.list(query);
  }

  @Roles('admin')
  @Post('admin/invites/:entryId/resend')
  @HttpCode(200)
  resend(
    @Param('entryId', new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('no invite for this waitlist entry') })) entryId: string,
    @Body() body: unknown,
  ): Promise<InviteResentDto> {
    return this.invites.resend(entryId, body);
  }
}
