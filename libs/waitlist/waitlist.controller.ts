import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { type AccessTokenDto, CurrentPrincipal, type Principal, Public, RefreshCookie, Roles } from '#libs/auth';
import { NotFoundError } from '#libs/errors';
import { ApiErrors, ApiReturns, IpRateLimit } from '#libs/http';
import {
  accessTokenSchema,
  inviteBatchSchema,
  inviteResentSchema,
  inviteSchema as inviteViewSchema,
  signUpResultSchema,
  waitlistPageSchema,
  waitlistStatusSchema,
} from '#libs/protocol';
import { InvitesService } from './invites.service.js';
import {
  type InviteBatchDto,
  type InviteDto,
  type InviteInput,
  type InviteListQuery,
  inviteListSchema,
  type InviteResentDto,
  inviteSchema,
  listWaitlistSchema,
  type ListWaitlistQuery,
  type RedeemInput,
  redeemSchema,
  resendInviteBodySchema,
  type ResendInviteInput,
  type SignUpDto,
  type SignUpInput,
  signUpSchema,
  type WaitlistPageDto,
  type WaitlistStatusDto,
} from './waitlist.dto.js';
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
  @ApiReturns(signUpResultSchema)
  signUp(@Body({ schema: signUpSchema }) body: SignUpInput): Promise<SignUpDto> {
    return this.waitlist.signUp(body);
  }

  @Public()
  @IpRateLimit('waitlist')
  @Get('waitlist/:token')
  @ApiReturns(waitlistStatusSchema)
  @ApiErrors('NOT_FOUND')
  status(@Param('token') token: string): Promise<WaitlistStatusDto> {
    return this.waitlist.status(token);
  }

  @Public()
  @IpRateLimit('auth')
  @Post('auth/redeem')
  @HttpCode(200)
  @ApiReturns(accessTokenSchema)
  @ApiErrors('INVITE_INVALID', 'INVITE_USED', 'INVITE_EXPIRED', 'CONFLICT')
  async redeem(@Body({ schema: redeemSchema }) body: RedeemInput, @Res({ passthrough: true }) res: Response): Promise<AccessTokenDto> {
    return this.cookie.hand(res, await this.invites.redeem(body));
  }

  @Roles('admin')
  @Get('admin/waitlist')
  @ApiReturns(waitlistPageSchema)
  list(@Query({ schema: listWaitlistSchema }) query: ListWaitlistQuery): Promise<WaitlistPageDto> {
    return this.waitlist.list(query);
  }

  @Roles('admin')
  @Post('admin/invites')
  @ApiReturns(inviteBatchSchema, 201)
  invite(@CurrentPrincipal() principal: Principal, @Body({ schema: inviteSchema }) body: InviteInput): Promise<InviteBatchDto> {
    return this.invites.invite(principal, body);
  }

  @Roles('admin')
  @Get('admin/invites')
  @ApiReturns(z.array(inviteViewSchema))
  listInvites(@Query({ schema: inviteListSchema }) query: InviteListQuery): Promise<InviteDto[]> {
    return this.invites.list(query);
  }

  @Roles('admin')
  @Post('admin/invites/:entryId/resend')
  @HttpCode(200)
  @ApiReturns(inviteResentSchema)
  @ApiErrors('NOT_FOUND', 'INVITE_USED')
  resend(
    @Param('entryId', new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('no invite for this waitlist entry') })) entryId: string,
    @Body({ schema: resendInviteBodySchema }) body: ResendInviteInput,
  ): Promise<InviteResentDto> {
    return this.invites.resend(entryId, body);
  }
}
