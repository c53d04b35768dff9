import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { NotFoundError, parsePayload } from '#libs/errors';
import { IpRateLimit } from '#libs/http';
import { type AccessTokenDto, loginSchema, type UserDto } from './auth.dto.js';
import { CurrentPrincipal, Public, Roles } from './auth.guard.js';
import { AuthService, type Principal } from './auth.service.js';
import { UsersService } from './users.service.js';

@Controller('api')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @IpRateLimit('auth')
  @Post('auth/login')
  @HttpCode(200)
  login(@Body() body: unknown): Promise<AccessTokenDto> {
    return this.auth.login(parsePayload(loginSchema, body));
  }

  @Get('me')
  me(@CurrentPrincipal() principal: Principal): Promise<UserDto> {
    return this.users.get(principal.userId);
  }

  @Roles('admin')
  @Get('admin/users')
  listUsers(): Promise<UserDto[]> {
    return this.users.list();
  }

  @Roles('admin')
  @Post('admin/users/:id/disable')
  @HttpCode(200)
  disable(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError('user not found') })) id: string,
  ): Promise<UserDto> {
    return this.users.disable(principal.userId, id);
  }
}
