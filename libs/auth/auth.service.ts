import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { DomainError, UnauthenticatedError } from '#libs/errors';
import { LOGGER, type Logger } from '#libs/logging';
import { JobQueue } from '#libs/queue';
import type { AccessTokenDto, LoginDto } from './auth.dto.js';
import { LoginThrottle } from './login-throttle.js';
import { PasswordHasher } from './password-hasher.js';
import { TokenVersions } from './token-versions.js';
import { ROLES, type Role } from './user.entity.js';
import { UsersRepository } from './users.repository.js';

/** Who is calling: what every guard, gateway and service needs to know about the caller. */
export interface Principal {
  userId: string;
  role: Role;
}

/** A checked token: its holder, and when it stops being good (epoch seconds) — an open socket ends then. */
export interface VerifiedToken {
  principal: Principal;
  expiresAt: number;
  /** The user's token version the token was issued at. */
  version: number;
}

interface TokenClaims {
  sub: string;
  role: Role;
  /** The user's token version when it was issued (see TokenVersions). */
  ver: number;
  exp?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const invalid = () => new UnauthenticatedError('invalid or expired access token');

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly jobs: JobQueue,
    private readonly versions: TokenVersions,
    private readonly throttle: LoginThrottle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** One answer for an unknown email and a wrong password, in the same time; per-account back-off first. */
  async login({ email, password }: LoginDto): Promise<AccessTokenDto> {
    await this.throttle.attempt(email);
    const user = await this.users.findByEmail(email);
    const ok = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !ok) {
      await this.throttle.failed(email);
      throw new DomainError('INVALID_CREDENTIALS', 'invalid email or password');
    }
    await this.throttle.succeeded(email);
    if (user.disabledAt) throw new DomainError('ACCOUNT_DISABLED', 'this account has been disabled');
    // The last-login audit must not lock people out when Redis is briefly away.
    await this.jobs
      .enqueue('auth.record-login', { userId: user.id, at: new Date().toISOString() })
      .catch((err: unknown) => this.logger.warn({ err, userId: user.id }, 'could not queue the login record'));
    return this.sign({ sub: user.id, role: user.role, ver: user.tokenVersion });
  }

  /** A token for this user at their current version (refused for a deleted or disabled user). */
  async issueToken(principal: Principal): Promise<AccessTokenDto> {
    const ver = await this.versions.current(principal.userId);
    if (ver === null) throw new UnauthenticatedError('no such active user');
    return this.sign({ sub: principal.userId, role: principal.role, ver });
  }

  async verify(token: unknown): Promise<Principal> {
    return (await this.verifyToken(token)).principal;
  }

  /** Signature, expiry and claims, then the version: a user deleted, disabled or changed since is refused. */
  async verifyToken(token: unknown): Promise<VerifiedToken> {
    if (typeof token !== 'string' || token.length === 0) throw new UnauthenticatedError('missing access token');
    let claims: Partial<TokenClaims>;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw invalid();
    }
    const { sub, role, ver, exp } = claims;
    if (typeof sub !== 'string' || !UUID.test(sub) || !ROLES.includes(role as Role) || !Number.isInteger(ver) || typeof exp !== 'number') throw invalid();
    if (!(await this.isCurrent(sub, ver!))) throw invalid();
    return { principal: { userId: sub, role: role as Role }, expiresAt: exp, version: ver! };
  }

  /** False once the user is deleted or disabled, or their role or password changed since this version. */
  async isCurrent(userId: string, version: number): Promise<boolean> {
    return (await this.versions.current(userId)) === version;
  }

  private async sign(claims: TokenClaims): Promise<AccessTokenDto> {
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.auth.jwtTtlSeconds });
    return { accessToken, expiresIn: this.config.auth.jwtTtlSeconds };
  }
}
