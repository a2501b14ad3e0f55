import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SignInRequest } from '@sip/shared';
import type { AuthenticationStrategy } from './authentication-strategy';
import { burnPasswordCheck, verifyPassword } from './password-hasher';

@Injectable()
export class PasswordStrategy implements AuthenticationStrategy<SignInRequest> {
  readonly name = 'password';

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async authenticate({ username, password }: SignInRequest): Promise<{ accountId: string } | null> {
    const [row] = await this.dataSource.query(
      'SELECT id, password_hash, disabled FROM account WHERE username = $1',
      [username],
    );
    if (!row) {
      await burnPasswordCheck(password);
      return null;
    }
    const ok = await verifyPassword(row.password_hash, password);
    return ok && !row.disabled ? { accountId: row.id } : null;
  }
}
