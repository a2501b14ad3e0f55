import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeetingCommand } from '../../api/meetings';
import { ProblemAlert } from '../../components/ProblemAlert';
import type { LiveContext } from './live-context';
import { LazyMeetingWorkspace } from './LazyMeetingWorkspace';
import { SharedAnswers } from './SharedAnswers';
import { usePendingToggles } from './use-pending-toggles';

/** Part 3: the frågeställningar ticked off as they are answered, beside the plan's shared part and actions, co-edited live. */
export function LiveNeeds({ ctx }: { ctx: LiveContext }) {
  const { t } = useTranslation();
  const id = useId();
  const tick = useMeetingCommand(ctx.planId, ctx.meetingId, (agendaItem: { key: string; done: boolean }) => ({ method: 'PATCH', path: '/live', body: { agendaItem } }));
  const done = new Set(ctx.state.agendaDone);
  const toggles = usePendingToggles();
  return (
    <>
      {ctx.agenda && (
        <section aria-labelledby={`${id}-q`}>
          <h3 id={`${id}-q`}>{t('meetings.live.questionsTitle')}</h3>
          {!ctx.agenda.questions.length && <p className="hint">{t('meetings.live.noQuestions')}</p>}
          <ul className="checklist" data-testid="agenda-items">
            {ctx.agenda.questions.map((q) => (
              <li key={q.key}>
                {ctx.isChair ? (
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={toggles.value(q.key, done.has(q.key))}
                      onChange={(e) => {
                        toggles.set(q.key, e.target.checked);
                        tick.mutate({ key: q.key, done: e.target.checked }, { onSettled: () => toggles.settle(q.key) });
                      }}
                    /> {q.text}
                  </label>
                ) : (
                  <>
                    <span className="done-mark" aria-hidden="true">{done.has(q.key) ? '✓' : '○'}</span>
                    <span>
                      {q.text}
                      {done.has(q.key) && <span className="badge">{t('meetings.live.questionDone')}</span>}
                    </span>
                  </>
                )}
              </li>
            ))}
          </ul>
          <ProblemAlert error={tick.error} />
          <h3>{t('meetings.live.sharedTitle')}</h3>
          <SharedAnswers answers={ctx.agenda.answers} part="behov" />
        </section>
      )}
      <LazyMeetingWorkspace plan={ctx.plan} sections={(name) => name === 'shared' || name.startsWith('actions:')} />
    </>
  );
}
