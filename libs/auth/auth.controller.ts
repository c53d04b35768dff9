import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { NotFoundError } from '#libs/errors';
import { ApiErrors, ApiNoContent, ApiReturns, IpRateLimit } from '#libs/http';
import { accessTokenSchema, userSchema } from '#libs/protocol';
import { type AccessTokenDto, type LoginDto, loginSchema, type UserDto, type UserSearch, userSearchSchema } from './auth.dto.js';
import { CurrentPrincipal, Public, Roles } from './auth.guard.js';
import { AuthService, type Principal } from './auth.service.js';
import { RefreshCookie } from './refresh-cookie.js';
import { UsersService } from './users.service.js';

const bearer = (req: Request): string | undefined => /^bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];

@Controller('api')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly cookie: RefreshCookie,
  ) {}

  @Public()
  @IpRateLimit('auth')
  @Post('auth/login')
  @HttpCode(200)
  @ApiReturns(accessTokenSchema)
  @ApiErrors('INVALID_CREDENTIALS', 'ACCOUNT_DISABLED')
  async login(@Body({ schema: loginSchema }) body: LoginDto, @Res({ passthrough: true }) res: Response): Promise<AccessTokenDto> {
    return this.cookie.hand(res, await this.auth.login(body));
  }

  /** The refresh cookie for a new access token (and a new refresh cookie); a refused one is cleared. */
  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiReturns(accessTokenSchema)
  @ApiErrors('UNAUTHENTICATED', 'ACCOUNT_DISABLED')
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<AccessTokenDto> {
    try {
      return this.cookie.hand(res, await this.auth.refresh(this.cookie.read(req)));
    } catch (err) {
      this.cookie.clear(res);
      throw err;
    }
  }

  /** Public: an expired access token (or the refresh cookie) is enough to end its own sign-in. */
  @Public()
  @Post('auth/logout')
  @HttpCode(204)
  @ApiNoContent()
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    this.cookie.clear(res);
    await this.auth.logout(this.cookie.read(req), bearer(req));
  }

  @Get('me')
  @ApiReturns(userSchema)
  me(@CurrentPrincipal() principal: Principal): Promise<UserDto> {
    return this.users.get(principal.userId);
  }

  @Roles('admin')
  @Get('admin/users')
  @ApiReturns(z.array(userSchema))
  listUsers(@Query({ schema: userSearchSchema }) query: UserSearch): Promise<UserDto[]> {
    return this.users.list(query);
  }

  @Roles('admin')
  @Post('admin/users/:id/disable')
  @HttpCode(200)
  @ApiReturns(userSchema)
  @ApiErrors('NOT_FOUND', 'CONFLICT')
  disable(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('user not found') })) id: string,
  ): Promise<UserDto> {
    return this.users.disable(principal.userId, id);
  }
}
