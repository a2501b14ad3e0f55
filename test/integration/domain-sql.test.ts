import { expect, it } from 'vitest';
import { consentRecordState, isChildOn } from '@sip/shared';
import { consentInForceSql, consentRecordStateSql, isChildSql } from '../../server/src/access/domain.sql';
import { useSqlDatabase } from '../support/database';

/** The SQL mirrors of the shared domain rules answer as the rules do, case by case. */
const db = useSqlDatabase();

const days = ['2026-02-28', '2026-03-01', '2026-11-24', '2026-11-25', '2026-11-26'];

it('a consent’s state on a day: SQL and shared agree', async () => {
  const consents = [
    { validFrom: '2026-11-01', validTo: null, withdrawnAt: null },
    { validFrom: '2026-11-01', validTo: '2026-11-25', withdrawnAt: null },
    { validFrom: '2026-11-26', validTo: '2027-01-01', withdrawnAt: null },
    { validFrom: '2026-01-01', validTo: null, withdrawnAt: '2026-11-20T10:00:00Z' },
    { validFrom: '2026-03-01', validTo: '2026-03-01', withdrawnAt: null },
  ];
  for (const c of consents) {
    for (const today of days) {
      const { rows } = await db.query(
        `SELECT ${consentRecordStateSql('c', '$4::date')} AS state, ${consentInForceSql('c', '$4::date')} AS in_force
           FROM (SELECT $1::date AS valid_from, $2::date AS valid_to, $3::timestamptz AS withdrawn_at) c`,
        [c.validFrom, c.validTo, c.withdrawnAt, today],
      );
      const expected = consentRecordState(c, today);
      expect(rows[0].state, `${JSON.stringify(c)} on ${today}`).toBe(expected);
      expect(rows[0].in_force).toBe(expected === 'active');
    }
  }
});

it('who is a child on a day: SQL and shared agree, leap days included', async () => {
  for (const birthDate of ['2008-02-29', '2008-11-25', '2008-11-26', '2008-11-24', '1985-03-12', '2011-03-14']) {
    for (const today of days) {
      const { rows } = await db.query(`SELECT ${isChildSql('$1::date', '$2::date')} AS child`, [birthDate, today]);
      expect(rows[0].child, `${birthDate} on ${today}`).toBe(isChildOn(birthDate, today));
    }
  }
});
