import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { DomainError, UnauthenticatedError } from '#libs/errors';
import { LOGGER, type Logger } from '#libs/logging';
import { JobQueue } from '#libs/queue';
import type { AccessTokenDto, LoginDto } from './auth.dto.js';
import { LoginThrottle } from './login-throttle.js';
import { PasswordHasher } from './password-hasher.js';
import { type IssuedRefreshToken, RefreshTokensService } from './refresh-tokens.service.js';
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

/** A sign-in's two tokens: the access token for the body, the refresh token for the httpOnly cookie. */
export interface SignedIn {
  access: AccessTokenDto;
  refresh: IssuedRefreshToken;
}

interface TokenClaims {
  sub: string;
  role: Role;
  /** The user's token version when it was issued (see TokenVersions). */
  ver: number;
  /** The refresh-token family of the sign-in it belongs to: signing out with it revokes that family. */
  fid?: string;
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
    private readonly refreshTokens: RefreshTokensService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** One answer for an unknown email and a wrong password, in the same time; per-account back-off first. */
  async login({ email, password }: LoginDto): Promise<SignedIn> {
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
    return this.startSession(user.id, user.role, user.tokenVersion);
  }

  /** An access token alone for this user at their current version (tools and tests; refused for a deleted or disabled user). */
  async issueToken(principal: Principal): Promise<AccessTokenDto> {
    const ver = await this.versions.current(principal.userId);
    if (ver === null) throw new UnauthenticatedError('no such active user');
    return this.sign({ sub: principal.userId, role: principal.role, ver });
  }

  /** Signs this user in (a new refresh family) at their current version; refused for a deleted or disabled user. */
  async signInAs(principal: Principal): Promise<SignedIn> {
    const ver = await this.versions.current(principal.userId);
    if (ver === null) throw new UnauthenticatedError('no such active user');
    return this.startSession(principal.userId, principal.role, ver);
  }

  /**
   * Spends the refresh token for a new pair. The user is read from Postgres, not the cache: a user disabled,
   * deleted or changed (role, password: the version moved) since the sign-in is refused, and the family revoked.
   */
  async refresh(presented: unknown): Promise<SignedIn> {
    const { userId, tokenVersion, next } = await this.refreshTokens.rotate(presented);
    const user = await this.users.findById(userId);
    if (!user || user.disabledAt || user.tokenVersion !== tokenVersion) {
      await this.refreshTokens.revokeFamily(next.familyId);
      throw new UnauthenticatedError(user?.disabledAt ? 'this account has been disabled' : 'your access changed; sign in again');
    }
    return { access: await this.sign({ sub: userId, role: user.role, ver: tokenVersion, fid: next.familyId }), refresh: next };
  }

  /**
   * Ends the sign-in: the family of the refresh token, when the client sends it, and the one the access token names
   * (the cookie only goes to the refresh path, so a browser signs out with its access token, expired or not).
   */
  async logout(refreshToken: unknown, accessToken: unknown): Promise<void> {
    const families = new Set([await this.refreshTokens.familyOf(refreshToken), await this.familyIn(accessToken)]);
    for (const familyId of families) if (familyId) await this.refreshTokens.revokeFamily(familyId);
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
    if (typeof sub !== 'string' || !UUID.test(sub) || !ROLES.includes(role as Role) || !Number.isInteger(ver) || typeof exp !== 'number')
      throw invalid();
    if (!(await this.isCurrent(sub, ver!))) throw invalid();
    return { principal: { userId: sub, role: role as Role }, expiresAt: exp, version: ver! };
  }

  /** False once the user is deleted or disabled, or their role or password changed since this version. */
  async isCurrent(userId: string, version: number): Promise<boolean> {
    return (await this.versions.current(userId)) === version;
  }

  private async startSession(userId: string, role: Role, ver: number): Promise<SignedIn> {
    const refresh = await this.refreshTokens.start(userId, ver);
    return { access: await this.sign({ sub: userId, role, ver, fid: refresh.familyId }), refresh };
  }

  /** A token this server signed, even expired: only its family claim is read. */
  private async familyIn(token: unknown): Promise<string | null> {
    if (typeof token !== 'string' || token.length === 0) return null;
    try {
      const { fid } = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'], ignoreExpiration: true });
      return typeof fid === 'string' && UUID.test(fid) ? fid : null;
    } catch {
      return null;
    }
  }

  private async sign(claims: TokenClaims): Promise<AccessTokenDto> {
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.auth.jwtTtlSeconds });
    return { accessToken, expiresIn: this.config.auth.jwtTtlSeconds };
  }
}
