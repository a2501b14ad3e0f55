import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PlansModule } from '../plans/plans.module';
import { ConsentExpiryJob } from './consent-expiry.job';
import { ConsentController } from './consent.controller';
import { ConsentService } from './consent.service';

/** Consent records, withdrawal, and the job that ends consents at the end of their period. */
@Module({
  imports: [AuditModule, PlansModule],
  controllers: [ConsentController],
  providers: [ConsentService, ConsentExpiryJob],
})
export class ConsentModule {}
