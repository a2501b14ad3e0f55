import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { CitizenAccountsController, CitizenAccountsService } from './citizen-accounts';
import { OrganisationsController, UnitsController } from './organisations.controller';
import { OrganisationsService } from './organisations.service';
import { PersonLookupService } from './person-lookup.service';
import { PersonnummerVault } from './personnummer-vault';
import { PlanStartController } from './plan-start.controller';
import { StaffDirectoryService } from './staff-directory.service';
import { PersonsController } from './persons.controller';
import { PersonsService } from './persons.service';
import { StaffController } from './staff.controller';
import { StaffService } from './staff.service';
import { UnitsService } from './units.service';

@Module({
  imports: [AuditModule, AuthModule],
  controllers: [OrganisationsController, UnitsController, StaffController, PersonsController, PlanStartController, CitizenAccountsController],
  providers: [OrganisationsService, UnitsService, StaffService, PersonsService, PersonnummerVault, PersonLookupService, StaffDirectoryService, CitizenAccountsService],
  exports: [PersonnummerVault, PersonsService],
})
export class DirectoryModule {}
