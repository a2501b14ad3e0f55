import { type ComponentProps, type FormEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTENDANCE_MODES, type Meeting, type PlanDetail, recordMeetingHeldSchema, stockholmDate } from '@sip/shared';
import { type RecordMeetingHeldBody, useRecordMeetingHeld } from '../../api/plan-commands';
import { Field, formProps, text, useSchemaForm } from '../../components/form';
import { ProblemAlert } from '../../components/ProblemAlert';
import { FollowUpReview, type ReviewHandle } from '../follow-up/FollowUpReview';

type Mode = RecordMeetingHeldBody['attendance'][number]['mode'];

/** Recording a meeting held: the date, chair, note-taker and everyone's attendance. */
export function MeetingHeldForm({ plan, meeting: m, onDone }: { plan: PlanDetail; meeting: Meeting; onDone: () => void }) {
  const { t } = useTranslation();
  const review = useRef<ReviewHandle>(null);
  const held = useRecordMeetingHeld(plan.id);
  const participants = plan.participants ?? [];
  const form = useSchemaForm(
    recordMeetingHeldSchema,
    (f): RecordMeetingHeldBody => {
      const reviewed = m.kind === 'uppfoljning' ? review.current?.collect(f) : undefined;
      return {
        heldOn: text(f, 'heldOn'),
        chairParticipantId: text(f, 'chairParticipantId'),
        ...(text(f, 'noteTakerParticipantId') ? { noteTakerParticipantId: text(f, 'noteTakerParticipantId') } : {}),
        attendance: participants.map((p) => ({ participantId: p.id, mode: text(f, `mode-${p.id}`) as Mode })),
        personTookPart: f.get('personTookPart') === 'on',
        relativesTookPart: f.get('relativesTookPart') === 'on',
        ...(reviewed ? { review: reviewed } : {}),
      };
    },
    (body) => held.mutate({ meetingId: m.id, body }, { onSuccess: onDone }),
    held.error,
    held.reset,
  );
  // A follow-up meeting is held only with its review, which says itself what is missing.
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    if (m.kind === 'uppfoljning' && review.current?.collect(new FormData(e.currentTarget)) === null) {
      e.preventDefault();
      return;
    }
    form.onSubmit(e);
  };
  return (
    <form {...formProps(form)} onSubmit={onSubmit} aria-label={t('plan.meetings.recordHeld')}>
      <Field label={t('plan.meetings.heldOn')} name="heldOn" errors={form.errors}>
        {(props) => <input {...props} type="date" defaultValue={stockholmDate(m.startsAt)} />}
      </Field>
      <Field label={t('plan.meetings.chair')} name="chairParticipantId" errors={form.errors}>
        {(props) => <ParticipantSelect {...props} participants={participants} />}
      </Field>
      <Field label={t('plan.meetings.noteTaker')} name="noteTakerParticipantId" errors={form.errors}>
        {(props) => <ParticipantSelect {...props} participants={participants} optional />}
      </Field>
      <fieldset>
        <legend>{t('plan.meetings.attendance')}</legend>
        {participants.map((p) => (
          <Field key={p.id} label={p.name} name={`mode-${p.id}`} errors={form.errors}>
            {(props) => (
              <select {...props} defaultValue="in_person">
                {ATTENDANCE_MODES.map((mode) => (
                  <option key={mode} value={mode}>
                    {t(`plan.meetings.modes.${mode}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))}
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" name="personTookPart" defaultChecked /> {t('plan.meetings.personTookPart')}
      </label>
      <label className="checkbox">
        <input type="checkbox" name="relativesTookPart" /> {t('plan.meetings.relativesTookPart')}
      </label>
      {m.kind === 'uppfoljning' && <FollowUpReview ref={review} planId={plan.id} error={held.error} />}
      <ProblemAlert error={held.error} action="record_meeting" fieldsBeside />
      <button type="submit" className="button-primary">
        {t('plan.meetings.save')}
      </button>
    </form>
  );
}

/** One of the plan's participants (or, when optional, none). */
function ParticipantSelect({ participants, optional, ...props }: ComponentProps<'select'> & { participants: { id: string; name: string }[]; optional?: boolean }) {
  return (
    <select {...props}>
      {optional && <option value="">–</option>}
      {participants.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </select>
  );
}
