import { applyDecorators, type CanActivate, createParamDecorator, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ForbiddenError, UnauthenticatedError } from '#libs/errors';
import { ApiErrors, ApiPublic } from '#libs/http';
import { AuthService, type Principal } from './auth.service.js';
import type { Role } from './user.entity.js';

const PUBLIC = 'auth:public';
const ROLES_KEY = 'auth:roles';

/** Opts a route out of authentication (health, login, public content). */
export const Public = (): MethodDecorator & ClassDecorator => applyDecorators(SetMetadata(PUBLIC, true), ApiPublic());

/** Limits a route to these roles; without it any signed-in user passes. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => applyDecorators(SetMetadata(ROLES_KEY, roles), ApiErrors('FORBIDDEN'));

type AuthedRequest = Request & { principal?: Principal };

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthedRequest>().principal;
  if (!principal) throw new UnauthenticatedError();
  return principal;
});

/** Global HTTP guard: bearer token required unless `@Public()`, then `@Roles(...)` checked. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;

    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const [scheme, token] = (req.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw new UnauthenticatedError('missing bearer token');
    req.principal = await this.auth.verify(token);

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(req.principal.role)) throw new ForbiddenError(`requires role ${roles.join(' or ')}`);
    return true;
  }
}
