import { type Ref, useEffect, useId, useImperativeHandle, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_STATUSES, type ActionStatus, type FollowUpReview as Review, REVIEW_DECISIONS, type ReviewItems, followUpReviewSchema } from '@sip/shared';
import { ApiError } from '../../api/client';
import { useReviewItems } from '../../api/follow-up';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate } from '../../components/format';

export interface ReviewHandle {
  /** The review from the meeting form's fields, or null (and what is missing shown) when it is not complete. */
  collect(form: FormData): Review | null;
}

type Decision = (typeof REVIEW_DECISIONS)[number];
type Errors = Record<string, 'decisionMissing' | 'nextMissing' | 'nextNotAfter'>;
const NEXT = 'review|next';
const field = (kind: string, key: string, part: string) => `review|${kind}|${key}|${part}`;
const errorId = (base: string, key: string) => `${base}-err-${key.replace(/[^a-zA-Z0-9-]/g, '-')}`;

/**
 * The review a follow-up meeting makes before it is recorded as held, inside the meeting's
 * form: every current action — status, what came of it against its goal, continue / change /
 * end, a note — needs and goals as the meeting chooses, and the next follow-up date. The items
 * come from the server's projected rows, the ones it checks the review against; after a
 * refusal (someone added an action meanwhile) they are read again.
 */
export function FollowUpReview({ planId, error, ref }: { planId: string; error: unknown; ref: Ref<ReviewHandle> }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const items = useReviewItems(planId, true);
  const [errors, setErrors] = useState<Errors>({});
  const refetch = items.refetch;
  const incomplete = error instanceof ApiError && error.problem.code === 'transition_refused' && !!error.problem.reasons?.includes('review_incomplete');
  useEffect(() => {
    if (incomplete) void refetch();
  }, [incomplete, error, refetch]);

  useImperativeHandle(ref, () => ({
    collect(form: FormData) {
      const found: Errors = {};
      const review = readReview(form, items.data, found);
      setErrors(found);
      const first = Object.keys(found)[0];
      if (first) {
        // The first field that needs filling in takes focus, so that it is what is read next.
        const target = first === NEXT ? document.getElementById(`${id}-next`) : document.querySelector<HTMLInputElement>(`input[name="${CSS.escape(field('action', first, 'decision'))}"]`);
        target?.focus();
        return null;
      }
      return review;
    },
  }));

  const data = items.data;
  const count = Object.keys(errors).length;
  return (
    <section className="review" aria-labelledby={`${id}-h`} data-testid="follow-up-review">
      <h3 id={`${id}-h`}>{t('review.title')}</h3>
      <p className="hint">{t('review.intro')}</p>
      <ProblemAlert error={items.error} />
      {items.isPending && <p role="status">{t('review.loading')}</p>}
      {count > 0 && (
        <p role="alert" className="alert alert-error">
          {t('review.errors.summary', { count })}
        </p>
      )}
      {data && data.actions.length === 0 && <p>{t('review.noActions')}</p>}
      {data?.actions.map((a) => (
        <fieldset key={a.key} className="review-item" aria-describedby={errors[a.key] ? errorId(id, a.key) : undefined}>
          <legend>{t('review.action', { what: a.what || '–', org: a.organisationName })}</legend>
          {(a.goal || a.need || a.dueDate) && (
            <p className="hint">
              {[a.goal && t('review.goal', { goal: a.goal }), a.need && t('review.need', { need: a.need }), a.dueDate && t('todo.dueBy', { date: formatDate(a.dueDate, i18n.language) })]
                .filter(Boolean)
                .join(' · ')}
            </p>
          )}
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${id}-${a.key}-status`}>{t('review.status')}</label>
              <select id={`${id}-${a.key}-status`} name={field('action', a.key, 'status')} defaultValue={a.status}>
                {ACTION_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`collab.statuses.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <fieldset className="review-decision">
              <legend>{t('review.decision')}</legend>
              {REVIEW_DECISIONS.map((d) => (
                <label key={d} className="checkbox">
                  <input type="radio" name={field('action', a.key, 'decision')} value={d} /> {t(`review.decisions.${d}`)}
                </label>
              ))}
            </fieldset>
          </div>
          {errors[a.key] && (
            <p id={errorId(id, a.key)} className="field-error">
              {t(`review.errors.${errors[a.key]}`)}
            </p>
          )}
          <div className="field">
            <label htmlFor={`${id}-${a.key}-outcome`}>{t('review.outcome')}</label>
            <textarea id={`${id}-${a.key}-outcome`} name={field('action', a.key, 'outcome')} rows={2} maxLength={2000} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-${a.key}-note`}>{t('review.note')}</label>
            <input id={`${id}-${a.key}-note`} name={field('action', a.key, 'note')} maxLength={2000} />
          </div>
        </fieldset>
      ))}
      {data && data.needs.length + data.goals.length > 0 && (
        <details>
          <summary>{t('review.needsAndGoals')}</summary>
          {[...data.needs.map((n) => ({ kind: 'need' as const, id: n.id, label: t('review.needItem', { text: n.text }) })), ...data.goals.map((g) => ({ kind: 'goal' as const, id: g.id, label: t('review.goalItem', { text: g.text }) }))].map((item) => (
            <div key={`${item.kind}-${item.id}`} className="field-row review-optional">
              <div className="field">
                <label htmlFor={`${id}-${item.kind}-${item.id}-decision`}>{item.label}</label>
                <select id={`${id}-${item.kind}-${item.id}-decision`} name={field(item.kind, item.id, 'decision')} defaultValue="">
                  <option value="">{t('review.notReviewed')}</option>
                  {REVIEW_DECISIONS.map((d) => (
                    <option key={d} value={d}>
                      {t(`review.decisions.${d}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-${item.kind}-${item.id}-note`}>
                  {t('review.note')}
                  <span className="visually-hidden">: {item.label}</span>
                </label>
                <input id={`${id}-${item.kind}-${item.id}-note`} name={field(item.kind, item.id, 'note')} maxLength={2000} />
              </div>
            </div>
          ))}
        </details>
      )}
      <div className="field">
        <label htmlFor={`${id}-next`}>{t('review.nextFollowUp')}</label>
        <input
          id={`${id}-next`}
          name={NEXT}
          type="date"
          aria-invalid={errors[NEXT] ? true : undefined}
          aria-describedby={errors[NEXT] ? errorId(id, NEXT) : undefined}
        />
        {errors[NEXT] && (
          <span id={errorId(id, NEXT)} className="field-error">
            {t(`review.errors.${errors[NEXT]}`)}
          </span>
        )}
      </div>
    </section>
  );
}

/** Builds the review from the form; what is missing goes into `errors` (by action key, or NEXT). */
function readReview(form: FormData, items: ReviewItems | undefined, errors: Errors): Review | null {
  const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
  const reviewed: Review['items'] = [];
  for (const a of items?.actions ?? []) {
    const decision = text(field('action', a.key, 'decision')) as Decision | undefined;
    if (!decision) {
      errors[a.key] = 'decisionMissing';
      continue;
    }
    const status = text(field('action', a.key, 'status')) as ActionStatus | undefined;
    reviewed.push({ itemKind: 'action', itemKey: a.key, decision, status, outcome: text(field('action', a.key, 'outcome')), note: text(field('action', a.key, 'note')) });
  }
  for (const [kind, list] of [['need', items?.needs ?? []], ['goal', items?.goals ?? []]] as const) {
    for (const item of list) {
      const decision = text(field(kind, item.id, 'decision')) as Decision | undefined;
      if (decision) reviewed.push({ itemKind: kind, itemKey: item.id, decision, note: text(field(kind, item.id, 'note')) });
    }
  }
  const next = text(NEXT);
  const heldOn = text('heldOn');
  if (!next) errors[NEXT] = 'nextMissing';
  else if (heldOn && next <= heldOn) errors[NEXT] = 'nextNotAfter';
  if (Object.keys(errors).length) return null;
  const parsed = followUpReviewSchema.safeParse({ items: reviewed, nextFollowUpDate: next });
  if (!parsed.success) {
    errors[NEXT] = 'nextMissing';
    return null;
  }
  return parsed.data;
}
