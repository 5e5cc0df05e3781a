import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AccessTokens } from './access-tokens.js';
import { ApiKeyAuthenticator } from './api-key-authenticator.js';
import { AuthController } from './auth.controller.js';
import { AuthenticationGuard } from './authentication.guard.js';
import { LoginService } from './login.service.js';
import { LoginThrottle } from './login-throttle.js';

@Module({
  // Secret and algorithm are passed on every sign/verify call (AccessTokens), not registered globally.
  imports: [JwtModule.register({})],
  controllers: [AuthController],
  providers: [
    AccessTokens,
    ApiKeyAuthenticator,
    LoginService,
    LoginThrottle,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
  ],
  exports: [AccessTokens],
})
export class AuthModule {}
