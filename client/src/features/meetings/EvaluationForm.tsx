import { type FormEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { EVALUATION_COMMENT_MAX_LENGTH, EVALUATION_QUESTIONS, EVALUATION_SCALE } from '@sip/shared';
import { useMeetingCommand, useMyEvaluation } from '../../api/meetings';
import { ProblemAlert } from '../../components/ProblemAlert';

/** After the meeting: three short questions on a simple scale, and a comment if one wants. Answered once. */
export function EvaluationForm({ planId, meetingId }: { planId: string; meetingId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const mine = useMyEvaluation(planId, meetingId, true);
  const send = useMeetingCommand(planId, meetingId, (body: unknown) => ({ method: 'POST', path: '/evaluation', body }), 'plan');
  if (!mine.data) return null;
  if (mine.data.answered || send.isSuccess) {
    return (
      <p className="alert alert-info" role="status">
        {t('meetings.evaluation.thanks')}
      </p>
    );
  }
  if (!mine.data.may) return null;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const comment = String(f.get('comment') || '').trim();
    send.mutate({ ...Object.fromEntries(EVALUATION_QUESTIONS.map((q) => [q, String(f.get(q))])), ...(comment ? { comment } : {}) });
  };
  return (
    <section className="card evaluation" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('meetings.evaluation.title')}</h2>
      <p className="hint">{t('meetings.evaluation.intro')}</p>
      <form onSubmit={submit} aria-labelledby={`${id}-h`}>
        {EVALUATION_QUESTIONS.map((q) => (
          <fieldset key={q}>
            <legend>{t(`meetings.evaluation.questions.${q}`)}</legend>
            {EVALUATION_SCALE.map((a) => (
              <label key={a} className="checkbox">
                <input type="radio" name={q} value={a} required /> {t(`meetings.evaluation.scale.${a}`)}
              </label>
            ))}
          </fieldset>
        ))}
        <div className="field">
          <label htmlFor={`${id}-c`}>{t('meetings.evaluation.comment')}</label>
          <textarea id={`${id}-c`} name="comment" rows={3} maxLength={EVALUATION_COMMENT_MAX_LENGTH} />
        </div>
        <ProblemAlert error={send.error} />
        <button type="submit" className="button-primary button-large">
          {t('meetings.evaluation.submit')}
        </button>
      </form>
    </section>
  );
}
