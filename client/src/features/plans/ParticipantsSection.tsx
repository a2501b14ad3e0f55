import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAN_ROLES, type PlanDetail, type PlanRole, addParticipantSchema } from '@sip/shared';
import { type AddParticipantBody, useAddParticipant, useRemoveParticipant } from '../../api/plan-commands';
import { useStaffDirectory } from '../../api/plans';
import { Field, formProps, text, useSchemaForm } from '../../components/form';
import { ProblemAlert } from '../../components/ProblemAlert';

const STAFF_ROLES: PlanRole[] = PLAN_ROLES.filter((r) => !['huvudperson', 'narstaende', 'vardnadshavare', 'initiativtagare'].includes(r));

/** Who takes part in the plan; those who manage participants add staff and remove them. */
export function ParticipantsSection({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const id = useId();
  const canManage = plan.permissions.can.manage_participants;
  const remove = useRemoveParticipant(plan.id);
  return (
    <section aria-labelledby={`${id}-h`} className="card">
      <h2 id={`${id}-h`}>{t('plan.participants.title')}</h2>
      <ul className="plain-list" data-testid="participants">
        {plan.participants!.map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong> – {t(`plan.participants.roles.${p.role}`)}
            {p.organisationName && `, ${p.organisationName}`}
            {p.unitName && ` (${p.unitName})`}
            {canManage && !['huvudperson', 'narstaende'].includes(p.role) && (
              <button type="button" className="button-small" onClick={() => remove.mutate(p.id)} aria-label={`${t('plan.participants.remove')} ${p.name}`}>
                {t('plan.participants.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <ProblemAlert error={remove.error} />
      {canManage && <AddParticipantForm plan={plan} />}
    </section>
  );
}

function AddParticipantForm({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const staff = useStaffDirectory(true);
  const add = useAddParticipant(plan.id);
  const form = useSchemaForm(
    addParticipantSchema,
    (f): AddParticipantBody => ({ role: text(f, 'role') as AddParticipantBody['role'], accountId: text(f, 'accountId') || undefined }),
    (body) => add.mutate(body),
    add.error,
    add.reset,
  );
  if (!staff.data) return null;
  return (
    <form className="inline-form" {...formProps(form)} aria-label={t('plan.participants.add')}>
      <Field label={t('plan.participants.staff')} name="accountId" errors={form.errors}>
        {(props) => (
          <select {...props}>
            {staff.data.map((s) => (
              <option key={s.id} value={s.id}>{`${s.name}, ${s.title ?? ''} – ${s.units.map((u) => u.organisationName).join(', ')}`}</option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('plan.participants.role')} name="role" errors={form.errors}>
        {(props) => (
          <select {...props} defaultValue="kallad_personal">
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`plan.participants.roles.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit">{t('plan.participants.add')}</button>
      <ProblemAlert error={add.error} fieldsBeside />
    </form>
  );
}
