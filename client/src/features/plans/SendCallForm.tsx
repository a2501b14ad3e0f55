import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Language, type PlanDetail, blockingReasons, refusalMessage, sendCallSchema } from '@sip/shared';
import { type SendCallBody, useSendCall } from '../../api/plan-commands';
import { useOrganisations } from '../../api/plans';
import { CheckboxGroup, Field, formProps, numberOrUndefined, text, useSchemaForm } from '../../components/form';
import { ProblemAlert } from '../../components/ProblemAlert';
import { localInputToIso } from '../../components/format';

type Recipient = SendCallBody['recipients'][number];

/** A kallelse (to units) and inbjudningar (to participants) for one meeting, its time in Stockholm time. */
export function SendCallForm({ plan }: { plan: PlanDetail }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const orgs = useOrganisations(true);
  const send = useSendCall(plan.id);
  const [formKey, setFormKey] = useState(0);
  const principals = orgs.data?.filter((o) => o.kind !== 'other') ?? [];
  const invitable = (plan.participants ?? []).filter((p) => p.role !== 'huvudperson' || p.accountId);
  // What the fields cannot change (the plan's stage, its consent): said before anything is filled in.
  const blocked = blockingReasons('send_call', { state: plan.state, trigger: plan.trigger, consentActive: plan.consentState === 'active' }, { calledPrincipals: 1, meetingTimeSet: true });
  const form = useSchemaForm(
    sendCallSchema,
    (f): SendCallBody => {
      const units = f.getAll('units').map((v): Recipient => {
        const [organisationId = '', unitId = ''] = String(v).split('|');
        return { kind: 'kallelse', organisationId, unitId };
      });
      const invites = f.getAll('invites').map((participantId): Recipient => ({ kind: 'inbjudan', participantId: String(participantId) }));
      const startsAt = text(f, 'meeting.startsAt');
      return {
        meeting: {
          ...(f.get('meeting.kind') ? { kind: text(f, 'meeting.kind') as 'sip' | 'uppfoljning' } : {}),
          // Empty stays empty (undefined): the field then says "Fyll i.", not "not a valid time".
          startsAt: (startsAt ? localInputToIso(startsAt) : undefined) as string,
          durationMinutes: numberOrUndefined(f, 'meeting.durationMinutes'),
          ...(text(f, 'meeting.location').trim() ? { location: text(f, 'meeting.location') } : {}),
          ...(text(f, 'meeting.videoLink').trim() ? { videoLink: text(f, 'meeting.videoLink').trim() } : {}),
        },
        purpose: text(f, 'purpose'),
        recipients: [...units, ...invites],
      };
    },
    (body) => send.mutate(body, { onSuccess: () => setFormKey((k) => k + 1) }),
    send.error,
    send.reset,
  );
  if (!orgs.data) return null;
  return (
    <form key={formKey} {...formProps(form)} aria-label={t('plan.calls.send')}>
      {/* A finalised plan is followed up: its next meeting is a follow-up meeting. */}
      {(plan.state === 'faststalld' || plan.state === 'uppfoljning') && (
        <Field label={t('callKind.label')} name="meeting.kind" errors={form.errors}>
          {(props) => (
            <select {...props} defaultValue="uppfoljning">
              <option value="uppfoljning">{t('callKind.uppfoljning')}</option>
              <option value="sip">{t('callKind.sip')}</option>
            </select>
          )}
        </Field>
      )}
      <div className="field-row">
        <Field label={t('plan.calls.startsAt')} name="meeting.startsAt" errors={form.errors}>
          {(props) => <input {...props} type="datetime-local" />}
        </Field>
        <Field label={t('plan.calls.duration')} name="meeting.durationMinutes" errors={form.errors}>
          {(props) => <input {...props} type="number" min={5} max={600} defaultValue={90} />}
        </Field>
      </div>
      <Field label={t('plan.calls.location')} name="meeting.location" errors={form.errors}>
        {(props) => <input {...props} />}
      </Field>
      <Field label={t('plan.calls.videoLink')} name="meeting.videoLink" errors={form.errors}>
        {(props) => <input {...props} type="url" />}
      </Field>
      <Field label={t('plan.calls.purpose')} name="purpose" errors={form.errors}>
        {(props) => <input {...props} />}
      </Field>
      <CheckboxGroup
        legend={t('plan.calls.callUnits')}
        name="units"
        errorName="recipients"
        errors={form.errors}
        options={principals.flatMap((o) => o.units.map((u) => ({ value: `${o.id}|${u.id}`, label: `${o.name} – ${u.name}` })))}
      />
      <CheckboxGroup
        legend={t('plan.calls.invite')}
        name="invites"
        errors={{}}
        options={invitable.map((p) => ({ value: p.id, label: `${p.name} (${t(`plan.participants.roles.${p.role}`)})` }))}
      />
      <ProblemAlert error={send.error} action="send_call" fieldsBeside />
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={blocked.length > 0} aria-describedby={blocked.length ? `${id}-why` : undefined}>
          {t('plan.calls.send')}
        </button>
        {blocked.length > 0 && (
          <p id={`${id}-why`} className="hint">
            {refusalMessage('send_call', blocked, i18n.language as Language)}
          </p>
        )}
      </div>
    </form>
  );
}
