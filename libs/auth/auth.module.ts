import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { QueueModule } from '#libs/queue';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { PasswordHasher } from './password-hasher.js';
import { RecordLoginHandler } from './record-login.handler.js';
import { UserEntity } from './user.entity.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

const jwt = JwtModule.registerAsync({
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => ({ secret: config.auth.jwtSecret, signOptions: { algorithm: 'HS256' } }),
});

/** Users and tokens, without HTTP: the worker, the CLI and the gateway use this. */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity]), QueueModule, jwt],
  providers: [UsersRepository, UsersService, PasswordHasher, AuthService],
  exports: [UsersService, AuthService, PasswordHasher],
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
