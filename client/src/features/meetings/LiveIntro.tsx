import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CHAIR_CHECKLIST, type ChecklistItem } from '@sip/shared';
import { useMeetingCommand } from '../../api/meetings';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { LiveContext } from './live-context';
import { SharedAnswers } from './SharedAnswers';
import { usePendingToggles } from './use-pending-toggles';

/** Part 1: the chair's checklist (the others see it ticked), the purpose, the frågeställningar and the time. */
export function LiveIntro({ ctx }: { ctx: LiveContext }) {
  const { t } = useTranslation();
  const id = useId();
  const tick = useMeetingCommand(ctx.planId, ctx.meetingId, (checklist: Partial<Record<ChecklistItem, boolean>>) => ({ method: 'PATCH', path: '/live', body: { checklist } }));
  const toggles = usePendingToggles();
  const noteTaker = ctx.plan.participants?.find((p) => p.id === ctx.state.noteTakerParticipantId);
  return (
    <>
      <section aria-labelledby={`${id}-check`}>
        <h3 id={`${id}-check`}>{t('meetings.live.checklist')}</h3>
        <ul className="checklist" data-testid="checklist">
          {CHAIR_CHECKLIST.map((item) => (
            <li key={item}>
              {ctx.isChair ? (
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={toggles.value(item, ctx.state.checklist[item])}
                    onChange={(e) => {
                      toggles.set(item, e.target.checked);
                      tick.mutate({ [item]: e.target.checked }, { onSettled: () => toggles.settle(item) });
                    }}
                  /> {t(`meetings.live.checklistItems.${item}`)}
                </label>
              ) : (
                <>
                  <span className="done-mark" aria-hidden="true">{ctx.state.checklist[item] ? '✓' : '○'}</span>
                  <span>
                    {t(`meetings.live.checklistItems.${item}`)}
                    <span className="visually-hidden">: {ctx.state.checklist[item] ? t('meetings.live.decided') : t('meetings.live.notDecided')}</span>
                  </span>
                </>
              )}
            </li>
          ))}
        </ul>
        <ProblemAlert error={tick.error} />
        <p>
          <strong>{t('meetings.live.noteTaker')}:</strong> {noteTaker?.name ?? t('meetings.prepare.notNamed')}
        </p>
        {ctx.prep.meeting.purpose && (
          <p>
            <strong>{t('meetings.prepare.purpose')}:</strong> {ctx.prep.meeting.purpose}
          </p>
        )}
      </section>
      {ctx.agenda && (
        <section aria-labelledby={`${id}-q`}>
          <h3 id={`${id}-q`}>{t('meetings.live.questionsTitle')}</h3>
          {ctx.agenda.questions.length ? (
            <ul>
              {ctx.agenda.questions.map((q) => <li key={q.key}>{q.text}</li>)}
            </ul>
          ) : (
            <p className="hint">{t('meetings.live.noQuestions')}</p>
          )}
          <h3>{t('meetings.live.sharedTitle')}</h3>
          <SharedAnswers answers={ctx.agenda.answers} part="inledning" />
        </section>
      )}
    </>
  );
}

/** Part 2: what everyone shared about the situation now — the person's first. */
export function LiveSituation({ ctx }: { ctx: LiveContext }) {
  const { t } = useTranslation();
  if (!ctx.agenda) return null;
  return (
    <section aria-label={t('meetings.live.sharedTitle')}>
      <h3>{t('meetings.live.sharedTitle')}</h3>
      <SharedAnswers answers={ctx.agenda.answers} part="aktuell_situation" />
    </section>
  );
}
