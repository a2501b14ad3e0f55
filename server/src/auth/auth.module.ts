import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { PasswordStrategy } from './password.strategy';
import { SessionsService } from './sessions.service';
import { SignInThrottleService } from './sign-in-throttle.service';

@Module({
  imports: [AuditModule],
  controllers: [AuthController],
  providers: [AuthService, PasswordStrategy, SessionsService, SignInThrottleService],
  exports: [SessionsService],
})
export class AuthModule {}
