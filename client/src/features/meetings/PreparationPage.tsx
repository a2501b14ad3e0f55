import '../../i18n/meetings-words';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CIRCLES, CIRCLE_VERSIONS, type CircleVersion, type Language, MEETING_PARTS } from '@sip/shared';
import { useAgenda, useMeetingCommand, useMyPreparation, useSaveAnswer } from '../../api/meetings';
import { usePageTitle } from '../../components/usePageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { CirclePartSection } from './CirclePartSection';
import { MeetingCircle } from './MeetingCircle';
import { MeetingFacts } from './MeetingFacts';
import { SharedAnswers } from './SharedAnswers';
import { StaffPreparationPanels } from './StaffPreparationPanels';
import './meetings.css';

/**
 * "Förbered dig inför mötet": one's own circle drawn, each part's questions with one's
 * answers saved as one types, "Dela inför mötet" per answer, the agenda of what everyone
 * shared, and a print of one's circle with one's answers. Works on a phone.
 */
export function PreparationPage() {
  const { id: planId = '', meetingId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const id = useId();
  const lang = i18n.language as Language;
  const page = useMyPreparation(planId, meetingId);
  const agenda = useAgenda(planId, meetingId, Boolean(page.data?.rights.readAgenda));
  const save = useSaveAnswer(planId, meetingId);
  const choose = useMeetingCommand(planId, meetingId, (version: CircleVersion | null) => ({ method: 'PUT', path: '/preparation/version', body: { version } }), 'preparation');
  usePageTitle(t('meetings.prepare.title'));
  if (page.isPending) return <p role="status">{t('app.loading')}</p>;
  if (page.error || !page.data) {
    return (
      <section>
        <ProblemAlert error={page.error} />
        <Link to={`/plans/${planId}`}>{t('meetings.live.toPlan')}</Link>
      </section>
    );
  }
  const p = page.data;
  const readOnly = !p.rights.prepare || p.meeting.live === 'ended';
  const minutes = (part: (typeof MEETING_PARTS)[number]) => Math.round((p.parts.find((x) => x.part === part)?.seconds ?? 0) / 60);
  return (
    <article className="meeting-page preparation-page" aria-labelledby={`${id}-h`}>
      <Link to={`/plans/${planId}`} className="no-print">
        {t('meetings.live.toPlan')}
      </Link>
      <h1 id={`${id}-h`}>{t('meetings.prepare.title')}</h1>
      <p className="lead">{t('meetings.prepare.meetingFor', { name: p.personName })}</p>
      <p className="no-print">{t('meetings.prepare.intro')}</p>
      <MeetingFacts meeting={p.meeting} />
      {p.meeting.live === 'running' && (
        <p className="alert alert-info no-print">
          {t('meetings.prepare.liveNow')} <Link to={`/plans/${planId}/meetings/${meetingId}/live`}>{t('meetings.prepare.goLive')}</Link>
        </p>
      )}
      {p.meeting.live === 'ended' && <p className="alert alert-info">{t('meetings.prepare.ended')}</p>}
      {p.meeting.live !== 'ended' && !p.rights.prepare && <p className="hint">{t('meetings.prepare.readOnly')}</p>}

      <section className="card my-circle" aria-labelledby={`${id}-circle`}>
        <h2 id={`${id}-circle`}>{t('meetings.prepare.myCircle', { version: CIRCLES[p.version].title[lang] })}</h2>
        <p className="hint">{CIRCLES[p.version].audience[lang]}</p>
        <div className="circle-tools no-print">
          <div className="field">
            <label htmlFor={`${id}-version`}>{t('meetings.prepare.switchVersion')}</label>
            <select id={`${id}-version`} value={p.version} disabled={!p.rights.prepare} onChange={(e) => choose.mutate(e.target.value === p.defaultVersion ? null : (e.target.value as CircleVersion))}>
              {CIRCLE_VERSIONS.map((v) => (
                <option key={v} value={v}>
                  {v === p.defaultVersion ? t('meetings.prepare.defaultVersion', { version: CIRCLES[v].title[lang] }) : CIRCLES[v].title[lang]}
                </option>
              ))}
            </select>
          </div>
          <button type="button" onClick={() => window.print()}>
            {t('meetings.prepare.print')}
          </button>
        </div>
        <ProblemAlert error={choose.error} />
        <MeetingCircle version={p.version} parts={p.parts} partHref={(part) => `#part-${part}`} />
      </section>

      {MEETING_PARTS.map((part) => (
        <CirclePartSection key={`${p.version}-${part}`} version={p.version} part={part} minutes={minutes(part)} answers={p.answers} save={save} readOnly={readOnly} />
      ))}

      {p.rights.readAgenda && (
        <section className="card agenda no-print" aria-labelledby={`${id}-agenda`}>
          <h2 id={`${id}-agenda`}>{t('meetings.prepare.agendaTitle')}</h2>
          {agenda.data ? <SharedAnswers answers={agenda.data.answers} /> : <ProblemAlert error={agenda.error} />}
        </section>
      )}
      <StaffPreparationPanels planId={planId} page={p} isChild={p.personIsChild} />
    </article>
  );
}
