import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { QueueModule } from '#libs/queue';
import { AccessChangesModule } from './access-changes.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { LoginThrottle } from './login-throttle.js';
import { PasswordHasher } from './password-hasher.js';
import { RecordLoginHandler } from './record-login.handler.js';
import { RefreshCookie } from './refresh-cookie.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';
import { RefreshTokensService } from './refresh-tokens.service.js';
import { TokenVersions } from './token-versions.js';
import { UserEntity } from './user.entity.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

/**
 * The secret as a KeyObject, made once: given a string, jsonwebtoken tries to parse it as a PEM key and
 * falls back on the exception, on every sign and verify (~1.5 ms each instead of ~40 µs).
 */
const jwt = JwtModule.registerAsync({
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => ({
    secret: createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8')),
    signOptions: { algorithm: 'HS256' },
  }),
});

/** Users and tokens, without HTTP: the worker, the CLI and the gateway use this. */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, RefreshTokenEntity]), QueueModule, AccessChangesModule, jwt],
  providers: [
    UsersRepository,
    UsersService,
    PasswordHasher,
    AuthService,
    TokenVersions,
    LoginThrottle,
    RefreshTokensRepository,
    RefreshTokensService,
    RefreshCookie,
  ],
  exports: [UsersService, AuthService, PasswordHasher, AccessChangesModule, RefreshCookie],
})
export class AuthCoreModule {}

/** The HTTP side: login, me, admin users, and the global guard every route passes. */
@Module({
  imports: [AuthCoreModule],
  controllers: [AuthController],
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthHttpModule {}

/** The worker side: job handlers. */
@Module({ imports: [AuthCoreModule], providers: [RecordLoginHandler] })
export class AuthJobsModule {}
