import type { EntityManager } from 'typeorm';
import { validationFailed } from '../common/problem.exception';

const STAFF_ROLES = `('initiativtagare','ordforande','antecknare','samordningsansvarig','kallad_personal','inbjuden')`;

export interface ParticipantRow {
  id: string;
  role: string;
  account_id: string | null;
  organisation_id: string | null;
  unit_id: string | null;
}

/** An active participant of the plan, or a field error at `path`. */
export async function activeParticipant(m: EntityManager, planId: string, participantId: string, path: string): Promise<ParticipantRow> {
  const [row]: ParticipantRow[] = await m.query(
    `SELECT id, role, account_id, organisation_id, unit_id FROM plan_participant WHERE id = $1 AND plan_id = $2 AND removed_at IS NULL`,
    [participantId, planId],
  );
  if (!row) throw validationFailed([{ path, code: 'not_a_participant', message: 'Not a participant of this plan' }]);
  return row;
}

/** The chair is staff taking part (with an account), or the person themselves. */
export async function assertChair(m: EntityManager, planId: string, participantId: string, path: string): Promise<ParticipantRow> {
  const [row]: ParticipantRow[] = await m.query(
    `SELECT id, role, account_id, organisation_id, unit_id FROM plan_participant
      WHERE id = $1 AND plan_id = $2 AND removed_at IS NULL AND account_id IS NOT NULL AND (role = 'huvudperson' OR role IN ${STAFF_ROLES})`,
    [participantId, planId],
  );
  if (!row) throw validationFailed([{ path, code: 'cannot_chair', message: 'The chair is staff taking part in the plan, or the person' }]);
  return row;
}

/** The note-taker writes in the system: a participant who can sign in. */
export async function assertNoteTaker(m: EntityManager, planId: string, participantId: string, path: string): Promise<ParticipantRow> {
  const row = await activeParticipant(m, planId, participantId, path);
  if (!row.account_id) throw validationFailed([{ path, code: 'not_a_participant', message: 'The note-taker must be able to sign in' }]);
  return row;
}

/** A staff participant (the samordningsansvarig must be one). */
export async function assertStaffParticipant(m: EntityManager, planId: string, participantId: string, path: string): Promise<ParticipantRow> {
  const [row]: ParticipantRow[] = await m.query(
    `SELECT id, role, account_id, organisation_id, unit_id FROM plan_participant
      WHERE id = $1 AND plan_id = $2 AND removed_at IS NULL AND account_id IS NOT NULL AND role IN ${STAFF_ROLES}`,
    [participantId, planId],
  );
  if (!row) throw validationFailed([{ path, code: 'not_a_staff_participant', message: 'Not staff taking part in this plan' }]);
  return row;
}
