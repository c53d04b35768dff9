import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { DomainError, UnauthenticatedError } from '#libs/errors';
import { LOGGER, type Logger } from '#libs/logging';
import { JobQueue } from '#libs/queue';
import type { AccessTokenDto, LoginDto } from './auth.dto.js';
import { PasswordHasher } from './password-hasher.js';
import { ROLES, type Role } from './user.entity.js';
import { UsersRepository } from './users.repository.js';

/** Who is calling: what every guard, gateway and service needs to know about the caller. */
export interface Principal {
  userId: string;
  role: Role;
}

interface TokenClaims {
  sub: string;
  role: Role;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** One answer for an unknown email and a wrong password, in the same time. */
  async login({ email, password }: LoginDto): Promise<AccessTokenDto> {
    const user = await this.users.findByEmail(email);
    const ok = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !ok) throw new DomainError('INVALID_CREDENTIALS', 'invalid email or password');
    // The last-login audit must not lock people out when Redis is briefly away.
    await this.jobs
      .enqueue('auth.record-login', { userId: user.id, at: new Date().toISOString() })
      .catch((err: unknown) => this.logger.warn({ err, userId: user.id }, 'could not queue the login record'));
    return this.issueToken({ userId: user.id, role: user.role });
  }

  async issueToken(principal: Principal): Promise<AccessTokenDto> {
    const claims: TokenClaims = { sub: principal.userId, role: principal.role };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.auth.jwtTtlSeconds });
    return { accessToken, expiresIn: this.config.auth.jwtTtlSeconds };
  }

  async verify(token: unknown): Promise<Principal> {
    if (typeof token !== 'string' || token.length === 0) throw new UnauthenticatedError('missing access token');
    let claims: Partial<TokenClaims>;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw new UnauthenticatedError('invalid or expired access token');
    }
    if (typeof claims.sub !== 'string' || !ROLES.includes(claims.role as Role)) {
      throw new UnauthenticatedError('invalid or expired access token');
    }
    return { userId: claims.sub, role: claims.role as Role };
  }
}
