import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { OrganisationsController, UnitsController } from './organisations.controller';
import { OrganisationsService } from './organisations.service';
import { PersonnummerVault } from './personnummer-vault';
import { PersonsController } from './persons.controller';
import { PersonsService } from './persons.service';
import { StaffController } from './staff.controller';
import { StaffService } from './staff.service';
import { UnitsService } from './units.service';

@Module({
  imports: [AuditModule, AuthModule],
  controllers: [OrganisationsController, UnitsController, StaffController, PersonsController],
  providers: [OrganisationsService, UnitsService, StaffService, PersonsService, PersonnummerVault],
  exports: [PersonnummerVault, PersonsService],
})
export class DirectoryModule {}
