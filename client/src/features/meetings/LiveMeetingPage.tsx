import '../../i18n/meetings-words';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { CIRCLES, type Language, MEETING_PARTS, type MeetingPart, PART_INFO } from '@sip/shared';
import { useAgenda, useLiveView, useMeetingCommand, useMeetingSocket, useMyPreparation } from '../../api/meetings';
import { usePlan } from '../../api/plans';
import { sessionKey } from '../../api/session';
import { usePageTitle } from '../../components/usePageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { AttendancePanel } from './AttendancePanel';
import { EvaluationForm } from './EvaluationForm';
import type { LiveContext } from './live-context';
import { LiveClosing } from './LiveClosing';
import { LiveIntro, LiveSituation } from './LiveIntro';
import { LiveNeeds } from './LiveNeeds';
import { LiveSummary } from './LiveSummary';
import { MeetingCircle } from './MeetingCircle';
import { NotesPanel } from './NotesPanel';
import { PartTimer } from './PartTimer';
import { StartMeetingPanel } from './StartMeetingPanel';
import './meetings.css';

const PANELS: Record<MeetingPart, (props: { ctx: LiveContext }) => React.ReactNode> = {
  inledning: LiveIntro,
  aktuell_situation: LiveSituation,
  behov: LiveNeeds,
  sammanfattning: LiveSummary,
  avslutning: LiveClosing,
};

/**
 * Meeting mode: everyone follows the same meeting from their own circle — the current part
 * marked, its timer, one's own task in it — and the chair moves it part by part. The state
 * arrives on /meeting as the chair changes it; the words (shared answers, notes, actions)
 * are read over REST whenever the socket says they changed.
 */
export function LiveMeetingPage() {
  const { id: planId = '', meetingId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const id = useId();
  const lang = i18n.language as Language;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const view = useLiveView(planId, meetingId);
  const prep = useMyPreparation(planId, meetingId);
  const plan = usePlan(planId);
  const { state: pushed, ended } = useMeetingSocket(planId, meetingId);
  const fetched = view.data?.state;
  const state = pushed && (!fetched || pushed.revision >= fetched.revision) ? pushed : fetched;
  const agenda = useAgenda(planId, meetingId, Boolean(prep.data?.rights.readAgenda) && state?.status !== undefined);
  const move = useMeetingCommand(planId, meetingId, (part: MeetingPart) => ({ method: 'POST', path: '/live/part', body: { part } }));
  const heading = useRef<HTMLHeadingElement>(null);
  usePageTitle(t('meetings.links.live'));
  // The server closed the meeting for good: access gone → the start page says why; session gone → sign in.
  useEffect(() => {
    if (ended?.kind === 'access' && plan.data) navigate('/', { replace: true, state: { accessEnded: { person: plan.data.person.name, cause: ended.cause } } });
    if (ended?.kind === 'session') void queryClient.invalidateQueries({ queryKey: sessionKey });
  }, [ended, navigate, plan.data, queryClient]);
  // When the meeting ends the plan has moved on: read it again.
  const status = state?.status;
  useEffect(() => {
    if (status === 'ended') void queryClient.invalidateQueries({ queryKey: ['plan', planId], exact: true });
  }, [status, planId, queryClient]);

  const error = view.error ?? prep.error ?? plan.error;
  if (error) {
    return (
      <section>
        <ProblemAlert error={error} />
        <Link to={`/plans/${planId}`}>{t('meetings.live.toPlan')}</Link>
      </section>
    );
  }
  if (!state || !view.data || !prep.data || !plan.data) return <p role="status">{t('app.loading')}</p>;
  const me = view.data.me;
  const ctx: LiveContext = {
    planId,
    meetingId,
    state,
    plan: plan.data,
    prep: prep.data,
    agenda: agenda.data,
    isChair: state.chairParticipantId !== null && me.participantIds.includes(state.chairParticipantId),
    isNoteTaker: state.noteTakerParticipantId !== null && me.participantIds.includes(state.noteTakerParticipantId),
  };
  const version = ctx.isChair ? 'ordforande' : prep.data.version;
  const current = state.currentPart;
  const index = current ? MEETING_PARTS.indexOf(current) : -1;
  const Panel = current ? PANELS[current] : null;
  return (
    <article className="meeting-page live-page" aria-labelledby={`${id}-h`}>
      <Link to={`/plans/${planId}`}>{t('meetings.live.toPlan')}</Link>
      <h1 id={`${id}-h`} ref={heading}>
        {t('meetings.live.title', { name: prep.data.personName })}
      </h1>
      {state.status === 'not_started' && <StartMeetingPanel ctx={ctx} />}
      {state.status === 'running' && current && (
        <>
          <section className="card" aria-labelledby={`${id}-now`}>
            <div className="live-head">
              <MeetingCircle version={version} parts={state.parts} current={current} onMove={ctx.isChair ? (part) => move.mutate(part) : undefined} moving={move.isPending} />
              <div className="live-status">
                <p id={`${id}-now`} className="live-now" data-testid="live-part" aria-live="polite">
                  {t('meetings.live.now', { number: index + 1, part: PART_INFO[current].name[lang] })}
                </p>
                <PartTimer state={state} />
                <p>
                  <strong>{t('meetings.live.happens')}:</strong> {PART_INFO[current].happens[lang]}
                </p>
                <p>
                  <strong>{t('meetings.live.yourTask')}</strong> ({CIRCLES[version].title[lang]}): {CIRCLES[version].parts[current].during[lang]}
                </p>
              </div>
            </div>
            {ctx.isChair && (
              <div className="live-nav">
                <button type="button" onClick={() => move.mutate(MEETING_PARTS[index - 1]!)} disabled={index === 0 || move.isPending}>
                  {t('meetings.live.previous')}
                </button>
                <button type="button" className="button-primary" onClick={() => move.mutate(MEETING_PARTS[index + 1]!)} disabled={index === MEETING_PARTS.length - 1 || move.isPending}>
                  {t('meetings.live.next')}
                </button>
              </div>
            )}
            <ProblemAlert error={move.error} />
          </section>
          <section className="card" aria-labelledby={`${id}-part`}>
            <h2 id={`${id}-part`}>{t('meetings.prepare.part', { number: index + 1, name: PART_INFO[current].name[lang] })}</h2>
            {Panel && <Panel ctx={ctx} />}
          </section>
          <AttendancePanel ctx={ctx} />
          <NotesPanel ctx={ctx} />
        </>
      )}
      {state.status === 'ended' && (
        <>
          <section className="card" aria-labelledby={`${id}-ended`}>
            <h2 id={`${id}-ended`}>{t('meetings.live.endedTitle')}</h2>
            <p>{t('meetings.live.endedText')}</p>
            <p>
              <Link to={`/plans/${planId}/meetings/${meetingId}/prepare`}>{t('meetings.live.toPreparation')}</Link>
            </p>
          </section>
          <EvaluationForm planId={planId} meetingId={meetingId} />
          <NotesPanel ctx={ctx} />
        </>
      )}
    </article>
  );
}
