import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  ATTENDANCE_MODES,
  CONSENT_FORMS,
  INFORMATION_KINDS,
  PLAN_ROLES,
  type ClosingReason,
  type PlanDetail,
  type PlanRole,
  guardFailures,
  refusalMessage,
  type Language,
  stockholmDate,
} from '@sip/shared';
import { useOrganisations, usePlanAction, useStaffDirectory } from '../../api/plans';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ClosePlanForm } from './ClosePlanForm';
import { FollowUpReview, type ReviewHandle } from '../follow-up/FollowUpReview';
import { FollowUpSummary } from '../follow-up/FollowUpSummary';
import { formatDate, formatDateTime, localInputToIso, todayIsoDate } from './format';
import { LazyPlanWorkspace } from './LazyPlanWorkspace';
import { PlanVersions } from './PlanVersions';
import { StateStepper } from './StateStepper';
import { FormoteForm } from '../meetings/FormoteForm';
import { MeetingLinks } from '../meetings/MeetingLinks';

type Props = { plan: PlanDetail };
const form = (e: FormEvent<HTMLFormElement>) => new FormData(e.currentTarget);

export function StaffPlanView({ plan }: Props) {
  const { t, i18n } = useTranslation();
  const can = plan.permissions.can;
  return (
    <article className="plan" aria-labelledby="plan-heading">
      <Link to="/">{t('plan.back')}</Link>
      <header className="plan-header">
        <h1 id="plan-heading">{plan.person.name}</h1>
        <p>
          {plan.person.personnummerMasked} · {t('plan.age', { age: plan.person.age })}
          {plan.person.isChild && <span className="badge">{t('plan.child')}</span>}
        </p>
        <p>
          <strong>{t('plan.stateNow')}:</strong> <span data-testid="plan-state">{t(`plans.states.${plan.state}`)}</span> ·{' '}
          <strong>{t('plan.next')}:</strong> {t(`plans.nextSteps.${plan.nextStep}`)}
        </p>
        {plan.discharge && plan.discharge.status !== 'met' && (
          <p className={`badge ${plan.discharge.status === 'missed' ? 'badge-danger' : plan.discharge.status === 'near' ? 'badge-warning' : ''}`}>
            {t(`plans.deadline.${plan.discharge.status}`, { date: formatDateTime(plan.discharge.dueAt, i18n.language) })}
          </p>
        )}
        {plan.closing && <p className="alert alert-info">{t('plan.closedBecause', { reason: t(`plan.closingReasons.${plan.closing.reason}`) })}</p>}
        <StateStepper state={plan.state} />
        <p>
          {t('plan.initiatedBy', { unit: plan.initiatingUnit.name, org: plan.initiatingUnit.organisationName })} ·{' '}
          {t(`plans.triggers.${plan.trigger}`)}
        </p>
        <p>
          <strong>{t('plan.reason')}:</strong> {plan.reason}
        </p>
      </header>
      {can.manage_lifecycle && <ActionsSection plan={plan} />}
      <FollowUpSummary plan={plan} />
      <LazyPlanWorkspace plan={plan} />
      <PlanVersions plan={plan} />
      {plan.consents && <ConsentSection plan={plan} />}
      {plan.participants && <ParticipantsSection plan={plan} />}
      {(can.prepare || plan.questions.length > 0) && <PreparationSection plan={plan} />}
      {plan.calls && <CallsSection plan={plan} />}
      {plan.meetings && <MeetingsSection plan={plan} />}
      {plan.person.isChild && plan.permissions.read.child_view && <ChildViewSection plan={plan} />}
      {plan.history && (
        <section aria-labelledby="history-h" className="card">
          <h2 id="history-h">{t('plan.history.title')}</h2>
          <ol className="history">
            {plan.history.map((h, i) => (
              <li key={i}>
                {formatDateTime(h.at, i18n.language)}: {t(`plans.states.${h.toState}`)} {h.actorName ? `(${h.actorName})` : ''}
              </li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}

function ActionsSection({ plan }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const action = usePlanAction(plan.id, (body: { action: string; closingReason?: ClosingReason; note?: string }) => ({ method: 'POST', path: '/transitions', body }));
  const facts = { state: plan.state, trigger: plan.trigger, consentActive: plan.consentState === 'active' };
  const prepFailures = guardFailures('start_preparation', facts);
  return (
    <section aria-labelledby={`${id}-h`} className="card">
      <h2 id={`${id}-h`}>{t('plan.actions.title')}</h2>
      <ProblemAlert error={action.error} />
      {(plan.state === 'mote_hallet' || plan.state === 'uppfoljning') && (
        <div className="button-row">
          <button type="button" className="button-primary" onClick={() => action.mutate({ action: 'finalise' })}>
            {t('plan.actions.finalise')}
          </button>
        </div>
      )}
      {plan.state === 'faststalld' && (
        <div className="button-row">
          <button type="button" className="button-primary" onClick={() => action.mutate({ action: 'start_follow_up' })}>
            {t('plan.actions.startFollowUp')}
          </button>
        </div>
      )}
      {(plan.state === 'initierad' || plan.state === 'samtycke') && (
        <div className="button-row">
          <button type="button" className="button-primary" onClick={() => action.mutate({ action: 'start_preparation' })} aria-describedby={prepFailures.length ? `${id}-why` : undefined}>
            {t('plan.actions.startPreparation')}
          </button>
          {prepFailures.length > 0 && (
            <p id={`${id}-why`} className="hint">
              {refusalMessage('start_preparation', prepFailures, i18n.language as Language)}
            </p>
          )}
        </div>
      )}
      <ClosePlanForm plan={plan} />
      {plan.trigger === 'request' && plan.state === 'initierad' && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            action.mutate({ action: 'refuse_request', note: String(form(e).get('note') || '') });
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-refuse`}>{t('plan.actions.refuseReason')}</label>
            <input id={`${id}-refuse`} name="note" />
          </div>
          <button type="submit">{t('plan.actions.refuse')}</button>
        </form>
      )}
    </section>
  );
}

function ConsentSection({ plan }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const orgs = useOrganisations(plan.permissions.can.record_consent);
  const record = usePlanAction(plan.id, (body: unknown) => ({ method: 'POST', path: '/consents', body }));
  const withdraw = usePlanAction(plan.id, (consentId: string) => ({ method: 'POST', path: `/consents/${consentId}/withdraw`, body: {} }));
  const guardians = (plan.participants ?? []).filter((p) => p.role === 'vardnadshavare' && p.accountId);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = form(e);
    record.mutate({
      givenBy: plan.person.isChild ? 'guardians' : 'person',
      guardianAccountIds: f.getAll('guardian').map(String),
      form: String(f.get('form')),
      scopeOrganisationIds: f.getAll('org').map(String),
      informationKinds: f.getAll('kind').map(String),
      ...(f.get('exclusions') ? { exclusions: String(f.get('exclusions')) } : {}),
      validFrom: String(f.get('validFrom')),
      ...(f.get('validTo') ? { validTo: String(f.get('validTo')) } : {}),
    });
  };
  return (
    <section id="consent" aria-labelledby={`${id}-h`} className="card">
      <h2 id={`${id}-h`}>{t('plan.consent.title')}</h2>
      {plan.consents!.length === 0 && <p>{t('plan.consent.none')}</p>}
      <ul className="plain-list">
        {plan.consents!.map((c) => (
          <li key={c.id}>
            <strong>{t(`plan.consent.states.${c.state}`)}</strong> · {t(`plan.consent.givers.${c.givenBy}`)} · {t(`plan.consent.forms.${c.form}`)} ·{' '}
            {t('plan.consent.documentedBy', { name: c.documentedByName })} · {formatDate(c.validFrom, i18n.language)}
            <br />
            {t('plan.consent.scope')}: {c.scopeOrganisations.map((o) => o.name).join(', ')}
            {c.exclusions && <><br />{t('plan.consent.exclusions')}: {c.exclusions}</>}
            {c.state === 'active' && plan.permissions.can.withdraw_consent && (
              <button type="button" className="button-small" onClick={() => withdraw.mutate(c.id)}>
                {t('plan.consent.withdraw')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <ProblemAlert error={withdraw.error} />
      {plan.permissions.can.record_consent && orgs.data && (
        // Once a consent is in force, a further one (renewed, widened) is the exception.
        <details open={plan.consentState !== 'active'}>
          <summary>{t('plan.consent.record')}</summary>
        <form onSubmit={submit} aria-label={t('plan.consent.record')}>
          {plan.person.isChild && (
            <fieldset>
              <legend>{t('plan.consent.guardians')}</legend>
              {guardians.map((g) => (
                <label key={g.id} className="checkbox">
                  <input type="checkbox" name="guardian" value={g.accountId!} /> {g.name}
                </label>
              ))}
            </fieldset>
          )}
          <div className="field">
            <label htmlFor={`${id}-form`}>{t('plan.consent.form')}</label>
            <select id={`${id}-form`} name="form">
              {CONSENT_FORMS.map((f) => (
                <option key={f} value={f}>{t(`plan.consent.forms.${f}`)}</option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend>{t('plan.consent.scope')}</legend>
            {orgs.data.map((o) => (
              <label key={o.id} className="checkbox">
                <input type="checkbox" name="org" value={o.id} defaultChecked={o.id === plan.initiatingUnit.organisationId} /> {o.name}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('plan.consent.kinds')}</legend>
            {INFORMATION_KINDS.map((k) => (
              <label key={k} className="checkbox">
                <input type="checkbox" name="kind" value={k} /> {t(`plan.consent.kindNames.${k}`)}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-excl`}>{t('plan.consent.exclusions')}</label>
            <input id={`${id}-excl`} name="exclusions" />
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${id}-from`}>{t('plan.consent.validFrom')}</label>
              <input id={`${id}-from`} name="validFrom" type="date" defaultValue={todayIsoDate()} required />
            </div>
            <div className="field">
              <label htmlFor={`${id}-to`}>{t('plan.consent.validTo')}</label>
              <input id={`${id}-to`} name="validTo" type="date" />
            </div>
          </div>
          <ProblemAlert error={record.error} />
          <button type="submit" className="button-primary">{t('plan.consent.record')}</button>
        </form>
        </details>
      )}
    </section>
  );
}

const STAFF_ROLES: PlanRole[] = PLAN_ROLES.filter((r) => !['huvudperson', 'narstaende', 'vardnadshavare', 'initiativtagare'].includes(r));

function ParticipantsSection({ plan }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const canManage = plan.permissions.can.manage_participants;
  const staff = useStaffDirectory(canManage);
  const add = usePlanAction(plan.id, (body: unknown) => ({ method: 'POST', path: '/participants', body }));
  const remove = usePlanAction(plan.id, (participantId: string) => ({ method: 'DELETE', path: `/participants/${participantId}` }));
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
      {canManage && staff.data && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            const f = form(e);
            add.mutate({ role: String(f.get('role')), accountId: String(f.get('account')) });
          }}
          aria-label={t('plan.participants.add')}
        >
          <div className="field">
            <label htmlFor={`${id}-staff`}>{t('plan.participants.staff')}</label>
            <select id={`${id}-staff`} name="account">
              {staff.data.map((s) => (
                <option key={s.id} value={s.id}>{`${s.name}, ${s.title ?? ''} – ${s.units.map((u) => u.organisationName).join(', ')}`}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-role`}>{t('plan.participants.role')}</label>
            <select id={`${id}-role`} name="role" defaultValue="kallad_personal">
              {STAFF_ROLES.map((r) => (
                <option key={r} value={r}>{t(`plan.participants.roles.${r}`)}</option>
              ))}
            </select>
          </div>
          <button type="submit">{t('plan.participants.add')}</button>
          <ProblemAlert error={add.error} />
        </form>
      )}
    </section>
  );
}

function PreparationSection({ plan }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const orgs = useOrganisations(plan.permissions.can.prepare);
  const save = usePlanAction(plan.id, (body: unknown) => ({ method: 'PATCH', path: '/preparation', body }));
  if (!plan.permissions.can.prepare) {
    return (
      <section aria-labelledby={`${id}-h`} className="card">
        <h2 id={`${id}-h`}>{t('plan.preparation.title')}</h2>
        <ul>{plan.questions.map((q) => <li key={q}>{q}</li>)}</ul>
        {plan.longTermGoal && <p>{plan.longTermGoal}</p>}
      </section>
    );
  }
  return (
    <section aria-labelledby={`${id}-h`} className="card">
      <h2 id={`${id}-h`}>{t('plan.preparation.title')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const f = form(e);
          const questions = String(f.get('questions') ?? '').split('\n').map((q) => q.trim()).filter(Boolean);
          save.mutate({
            questions,
            longTermGoal: String(f.get('goal') || '') || null,
            leadOrganisationId: String(f.get('lead') || '') || null,
            followUpDate: String(f.get('followUp') || '') || null,
          });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-q`}>{t('plan.preparation.questions')}</label>
          <textarea id={`${id}-q`} name="questions" rows={4} defaultValue={plan.questions.join('\n')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-goal`}>{t('plan.preparation.longTermGoal')}</label>
          <textarea id={`${id}-goal`} name="goal" rows={2} defaultValue={plan.longTermGoal ?? ''} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-lead`}>{t('plan.preparation.lead')}</label>
          <select id={`${id}-lead`} name="lead" defaultValue={plan.leadOrganisation?.id ?? ''}>
            <option value="">{t('plan.noLead')}</option>
            {orgs.data?.filter((o) => o.kind !== 'other').map((o) => (
              <option key={o.id} value={o.id}>{o.name}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="follow-up-date">{t('plan.preparation.followUpDate')}</label>
          <input id="follow-up-date" name="followUp" type="date" defaultValue={plan.followUpDate ?? ''} />
        </div>
        <ProblemAlert error={save.error} />
        <button type="submit">{t('plan.preparation.save')}</button>
      </form>
    </section>
  );
}

function CallsSection({ plan }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const orgs = useOrganisations(plan.permissions.can.send_calls);
  const send = usePlanAction(plan.id, (body: unknown) => ({ method: 'POST', path: '/calls', body }));
  const acknowledge = usePlanAction(plan.id, (callId: string) => ({ method: 'POST', path: `/calls/${callId}/acknowledge` }));
  const principals = orgs.data?.filter((o) => o.kind !== 'other') ?? [];
  const invitable = (plan.participants ?? []).filter((p) => p.role !== 'huvudperson' || p.accountId);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = form(e);
    const kallelser = f.getAll('unit').map((v) => {
      const [organisationId, unitId] = String(v).split('|');
      return { kind: 'kallelse', organisationId, unitId };
    });
    const inbjudningar = f.getAll('invite').map((participantId) => ({ kind: 'inbjudan', participantId: String(participantId) }));
    send.mutate({
      meeting: {
        ...(f.get('kind') ? { kind: String(f.get('kind')) } : {}),
        startsAt: f.get('startsAt') ? localInputToIso(String(f.get('startsAt'))) : '',
        durationMinutes: Number(f.get('duration') || 90),
        ...(f.get('location') ? { location: String(f.get('location')) } : {}),
        ...(f.get('video') ? { videoLink: String(f.get('video')) } : {}),
      },
      purpose: String(f.get('purpose') ?? ''),
      recipients: [...kallelser, ...inbjudningar],
    });
  };
  return (
    <section id="calls" aria-labelledby={`${id}-h`} className="card">
      <h2 id={`${id}-h`}>{t('plan.calls.title')}</h2>
      {plan.calls!.length === 0 && <p>{t('plan.calls.none')}</p>}
      <ul className="plain-list" data-testid="calls">
        {plan.calls!.map((c) => (
          <li key={c.id}>
            <strong>{t(`plan.calls.kinds.${c.kind}`)}: {c.recipientName}</strong>
            <br />
            {t('plan.calls.sentBy', { date: formatDateTime(c.sentAt, i18n.language), name: c.sentByName })} ·{' '}
            {c.acknowledgedByName ? t('plan.calls.acknowledged', { name: c.acknowledgedByName }) : t('plan.calls.notAcknowledged')}
            <br />
            <a href={`/api/plans/${plan.id}/calls/${c.id}/calendar.ics`} download>
              {t('plan.calls.calendar')}
            </a>
            {!c.acknowledgedAt && plan.permissions.can.acknowledge_call && (
              <button type="button" className="button-small" onClick={() => acknowledge.mutate(c.id)}>
                {t('plan.calls.acknowledge')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <ProblemAlert error={acknowledge.error} />
      {plan.permissions.can.send_calls && orgs.data && (
        <form onSubmit={submit} aria-label={t('plan.calls.send')}>
          {/* A finalised plan is followed up: its next meeting is a follow-up meeting. */}
          {(plan.state === 'faststalld' || plan.state === 'uppfoljning') && (
            <div className="field">
              <label htmlFor={`${id}-kind`}>{t('callKind.label')}</label>
              <select id={`${id}-kind`} name="kind" defaultValue="uppfoljning">
                <option value="uppfoljning">{t('callKind.uppfoljning')}</option>
                <option value="sip">{t('callKind.sip')}</option>
              </select>
            </div>
          )}
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${id}-at`}>{t('plan.calls.startsAt')}</label>
              <input id={`${id}-at`} name="startsAt" type="datetime-local" />
            </div>
            <div className="field">
              <label htmlFor={`${id}-dur`}>{t('plan.calls.duration')}</label>
              <input id={`${id}-dur`} name="duration" type="number" min={5} max={600} defaultValue={90} />
            </div>
          </div>
          <div className="field">
            <label htmlFor={`${id}-loc`}>{t('plan.calls.location')}</label>
            <input id={`${id}-loc`} name="location" />
          </div>
          <div className="field">
            <label htmlFor={`${id}-video`}>{t('plan.calls.videoLink')}</label>
            <input id={`${id}-video`} name="video" type="url" />
          </div>
          <div className="field">
            <label htmlFor={`${id}-purpose`}>{t('plan.calls.purpose')}</label>
            <input id={`${id}-purpose`} name="purpose" />
          </div>
          <fieldset>
            <legend>{t('plan.calls.callUnits')}</legend>
            {principals.flatMap((o) =>
              o.units.map((u) => (
                <label key={u.id} className="checkbox">
                  <input type="checkbox" name="unit" value={`${o.id}|${u.id}`} /> {`${o.name} – ${u.name}`}
                </label>
              )),
            )}
          </fieldset>
          <fieldset>
            <legend>{t('plan.calls.invite')}</legend>
            {invitable.map((p) => (
              <label key={p.id} className="checkbox">
                <input type="checkbox" name="invite" value={p.id} /> {`${p.name} (${t(`plan.participants.roles.${p.role}`)})`}
              </label>
            ))}
          </fieldset>
          <ProblemAlert error={send.error} />
          <button type="submit" className="button-primary">{t('plan.calls.send')}</button>
        </form>
      )}
    </section>
  );
}

function MeetingsSection({ plan }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [openMeeting, setOpenMeeting] = useState<string | null>(null);
  const review = useRef<ReviewHandle>(null);
  const held = usePlanAction(plan.id, ({ meetingId, body }: { meetingId: string; body: unknown }) => ({ method: 'POST', path: `/meetings/${meetingId}/held`, body }));
  const participants = plan.participants ?? [];
  return (
    <section aria-labelledby={`${id}-h`} className="card">
      <h2 id={`${id}-h`}>{t('plan.meetings.title')}</h2>
      {plan.meetings!.length === 0 && <p>{t('plan.meetings.none')}</p>}
      <ul className="plain-list">
        {plan.meetings!.map((m) => (
          <li key={m.id} id={`meeting-${m.id}`}>
            <strong>{t(`plan.meetings.kinds.${m.kind}`)}</strong> · {formatDateTime(m.startsAt, i18n.language)} · {t(`plan.meetings.statuses.${m.status}`)}
            {m.location && ` · ${m.location}`}
            <MeetingLinks planId={plan.id} meeting={m} />
            {m.status === 'planned' && plan.permissions.can.record_meeting && openMeeting !== m.id && (
              <button type="button" className="button-small" onClick={() => setOpenMeeting(m.id)}>
                {t('plan.meetings.recordHeld')}
              </button>
            )}
            {openMeeting === m.id && (
              <form
                aria-label={t('plan.meetings.recordHeld')}
                onSubmit={(e) => {
                  e.preventDefault();
                  const f = form(e);
                  // A follow-up meeting is held only with its review (which says what is missing).
                  const reviewed = m.kind === 'uppfoljning' ? review.current?.collect(f) : undefined;
                  if (reviewed === null) return;
                  held.mutate(
                    {
                      meetingId: m.id,
                      body: {
                        heldOn: String(f.get('heldOn')),
                        chairParticipantId: String(f.get('chair')),
                        ...(f.get('noteTaker') ? { noteTakerParticipantId: String(f.get('noteTaker')) } : {}),
                        attendance: participants.map((p) => ({ participantId: p.id, mode: String(f.get(`mode-${p.id}`)) })),
                        personTookPart: f.get('person') === 'on',
                        relativesTookPart: f.get('relatives') === 'on',
                        ...(reviewed ? { review: reviewed } : {}),
                      },
                    },
                    { onSuccess: () => setOpenMeeting(null) },
                  );
                }}
              >
                <div className="field">
                  <label htmlFor={`${id}-${m.id}-date`}>{t('plan.meetings.heldOn')}</label>
                  <input id={`${id}-${m.id}-date`} name="heldOn" type="date" defaultValue={stockholmDate(m.startsAt)} required />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-${m.id}-chair`}>{t('plan.meetings.chair')}</label>
                  <select id={`${id}-${m.id}-chair`} name="chair">
                    {participants.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={`${id}-${m.id}-notes`}>{t('plan.meetings.noteTaker')}</label>
                  <select id={`${id}-${m.id}-notes`} name="noteTaker">
                    <option value="">–</option>
                    {participants.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
                  </select>
                </div>
                <fieldset>
                  <legend>{t('plan.meetings.attendance')}</legend>
                  {participants.map((p) => (
                    <div className="field" key={p.id}>
                      <label htmlFor={`${id}-${m.id}-mode-${p.id}`}>{p.name}</label>
                      <select id={`${id}-${m.id}-mode-${p.id}`} name={`mode-${p.id}`} defaultValue="in_person">
                        {ATTENDANCE_MODES.map((mode) => <option key={mode} value={mode}>{t(`plan.meetings.modes.${mode}`)}</option>)}
                      </select>
                    </div>
                  ))}
                </fieldset>
                <label className="checkbox"><input type="checkbox" name="person" defaultChecked /> {t('plan.meetings.personTookPart')}</label>
                <label className="checkbox"><input type="checkbox" name="relatives" /> {t('plan.meetings.relativesTookPart')}</label>
                {m.kind === 'uppfoljning' && <FollowUpReview ref={review} planId={plan.id} error={held.error} />}
                <ProblemAlert error={held.error} action="record_meeting" />
                <button type="submit" className="button-primary">{t('plan.meetings.save')}</button>
              </form>
            )}
          </li>
        ))}
      </ul>
      {plan.permissions.can.prepare && plan.state !== 'avslutad' && <FormoteForm plan={plan} />}
    </section>
  );
}

function ChildViewSection({ plan }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const save = usePlanAction(plan.id, (body: unknown) => ({ method: 'PUT', path: '/child-view', body }));
  const [secret, setSecret] = useState(plan.childSecrecy);
  if (!plan.permissions.can.record_child_view) {
    return (
      <section aria-labelledby={`${id}-h`} className="card">
        <h2 id={`${id}-h`}>{t('plan.childView.title')}</h2>
        <p>{plan.childView}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby={`${id}-h`} className="card">
      <h2 id={`${id}-h`}>{t('plan.childView.title')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const f = form(e);
          save.mutate({ childSecrecy: secret, childView: String(f.get('view') || '') || null, ...(secret ? { reason: String(f.get('reason') ?? '') } : {}) });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-view`}>{t('plan.childView.text')}</label>
          <textarea id={`${id}-view`} name="view" rows={3} defaultValue={plan.childView ?? ''} />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={secret} onChange={(e) => setSecret(e.target.checked)} /> {t('plan.childView.secrecy')}
        </label>
        {secret && (
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('plan.childView.reason')}</label>
            <input id={`${id}-reason`} name="reason" required />
          </div>
        )}
        <ProblemAlert error={save.error} />
        <button type="submit">{t('plan.childView.save')}</button>
      </form>
    </section>
  );
}
