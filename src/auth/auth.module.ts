import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlertsModule } from '../alerts/alerts.module.js';
import { AccountMail } from './account-mail.js';
import { AccessTokens } from './access-tokens.js';
import { ApiKeyAuthenticator } from './api-key-authenticator.js';
import { AuthController } from './auth.controller.js';
import { AuthenticationGuard } from './authentication.guard.js';
import { AuthorizationGuard } from './authorization.guard.js';
import { LoginService } from './login.service.js';
import { LoginThrottle } from './login-throttle.js';
import { PasswordLinks } from './password-links.js';
import { RecordReaders } from './record-readers.js';
import { PasswordTokenEntity } from './persistence/password-token.entity.js';
import { RefreshTokenEntity } from './persistence/refresh-token.entity.js';
import { RefreshTokensRepository } from './persistence/refresh-tokens.repository.js';
import { ConsoleRequestGuard } from './console-request.guard.js';
import { ConsoleSessions } from './console-sessions.js';
import { TokenValidity } from './token-validity.js';

@Module({
  // Secret and algorithm are passed on every sign/verify call (AccessTokens), not registered globally.
  imports: [JwtModule.register({}), TypeOrmModule.forFeature([PasswordTokenEntity, RefreshTokenEntity]), AlertsModule],
  controllers: [AuthController],
  providers: [
    AccessTokens,
    ApiKeyAuthenticator,
    LoginService,
    ConsoleSessions,
    ConsoleRequestGuard,
    RefreshTokensRepository,
    LoginThrottle,
    AccountMail,
    PasswordLinks,
    TokenValidity,
    RecordReaders,
    // In this order: who the caller is, then whether they may use the route at all (before any pipe validates).
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_GUARD, useClass: AuthorizationGuard },
  ],
  exports: [AccessTokens, AccountMail, PasswordLinks, RecordReaders, RefreshTokensRepository, TokenValidity],
})
export class AuthModule {}
