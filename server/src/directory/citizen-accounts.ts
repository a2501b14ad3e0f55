import { Controller, Get, Injectable, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { createZodDto } from 'nestjs-zod';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { type CitizenAccount, citizenAccountQuerySchema, citizenAccountSchema } from '@sip/shared';
import { Roles } from '../common/route-access.decorator';

interface CitizenAccountRow {
  id: string;
  username: string;
  display_name: string;
  disabled: boolean;
}

const MATCHES = 20;

/**
 * Citizen accounts by part of their username or name: an administrator linking a guardian,
 * relative or representative picks an account that already exists (a parent of two
 * children has one account) instead of making a second one.
 */
@Injectable()
export class CitizenAccountsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async search(q: string): Promise<CitizenAccount[]> {
    const pattern = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    const rows: CitizenAccountRow[] = await this.dataSource.query(
      `SELECT id, username, display_name, disabled FROM account
        WHERE kind = 'citizen' AND (username ILIKE $1 OR display_name ILIKE $1)
        ORDER BY display_name, username LIMIT ${MATCHES}`,
      [pattern],
    );
    return rows.map((r) => ({ id: r.id, username: r.username, displayName: r.display_name, disabled: r.disabled }));
  }
}

class CitizenAccountQueryDto extends createZodDto(citizenAccountQuerySchema) {}
class CitizenAccountListDto extends createZodDto(z.array(citizenAccountSchema)) {}

@ApiTags('directory')
@Controller('citizen-accounts')
export class CitizenAccountsController {
  constructor(private readonly accounts: CitizenAccountsService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'Citizen accounts whose username or name contains q (at most 20)' })
  search(@Query() query: CitizenAccountQueryDto): Promise<CitizenAccountListDto> {
    return this.accounts.search(query.q);
  }
}
