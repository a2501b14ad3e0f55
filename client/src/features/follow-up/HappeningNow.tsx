import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionStatus, HappeningNow as HappeningNowData, PlanDetail } from '@sip/shared';
import { useHappeningNow, useMarkDone } from '../../api/follow-up';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate, formatDateTime, todayIsoDate } from '../../components/format';

type Action = HappeningNowData['actions'][number];
const keyOf = (a: Pick<Action, 'organisationId' | 'actionId'>) => `${a.organisationId}:${a.actionId}`;

/**
 * "Det här händer nu", first on the person's plan: each action — what, who does it, when,
 * how it is going — the next follow-up and whom to contact, in plain words. The person (or a
 * guardian or representative) marks done what they do themselves; relatives read only.
 */
export function HappeningNow({ plan }: { plan: PlanDetail }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const now = useHappeningNow(plan.id);
  const markDone = useMarkDone(plan.id);
  const [confirming, setConfirming] = useState<string | null>(null);
  // Marked done here: shown as done at once, since the server's list follows its projection a moment later.
  const [doneHere, setDoneHere] = useState<Set<string>>(new Set());
  const [thanks, setThanks] = useState<string | null>(null);
  const thanksRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (thanks) thanksRef.current?.focus();
  }, [thanks]);

  const readOnly = plan.permissions.as === 'relative' || plan.state === 'avslutad';
  const data = now.data;
  const confirm = (action: Action) =>
    markDone.mutate(
      { organisationId: action.organisationId, actionId: action.actionId },
      {
        onSuccess: () => {
          setDoneHere((s) => new Set(s).add(keyOf(action)));
          setThanks(action.what);
        },
        onSettled: () => setConfirming(null),
      },
    );

  return (
    <section aria-labelledby={`${id}-h`} className="card happening" data-testid="happening-now">
      <h2 id={`${id}-h`}>{t('happening.title')}</h2>
      <p>{plan.permissions.as === 'relative' ? t('happening.introRelative') : t('happening.intro')}</p>
      <ProblemAlert error={now.error} />
      {now.isPending && <p role="status">{t('app.loading')}</p>}
      {thanks && (
        <p ref={thanksRef} tabIndex={-1} role="status" className="alert alert-info">
          {t('happening.doneThanks', { what: thanks })}
        </p>
      )}
      {data && data.actions.length === 0 && <p>{t('happening.none')}</p>}
      {data && data.actions.length > 0 && (
        <ul className="happening-list">
          {data.actions.map((a) => {
            const key = keyOf(a);
            const status: ActionStatus = doneHere.has(key) ? 'done' : a.status;
            const open = status === 'planned' || status === 'ongoing';
            const late = open && a.dueDate !== null && a.dueDate < todayIsoDate();
            return (
              <li key={key} className={`happening-item status-${status}`}>
                <h3>{a.what}</h3>
                <dl>
                  <div>
                    <dt>{t('happening.who')}</dt>
                    <dd>{performerText(a, plan, t)}</dd>
                  </div>
                  {(a.when || a.dueDate) && (
                    <div>
                      <dt>{t('happening.when')}</dt>
                      <dd>
                        {a.when}
                        {a.when && a.dueDate && <br />}
                        {a.dueDate && (late ? t('happening.late', { date: formatDate(a.dueDate, i18n.language) }) : t('happening.dueBy', { date: formatDate(a.dueDate, i18n.language) }))}
                      </dd>
                    </div>
                  )}
                  <div>
                    <dt>{t('happening.status')}</dt>
                    <dd>
                      <span className={`status-pill status-pill-${late ? 'late' : status}`}>{t(`happening.statuses.${status}`)}</span>
                    </dd>
                  </div>
                </dl>
                {a.mine && open && !readOnly && confirming !== key && (
                  <button type="button" className="button-large button-primary" onClick={() => setConfirming(key)} aria-label={t('happening.markDoneWhat', { what: a.what })}>
                    {t('happening.markDone')}
                  </button>
                )}
                {confirming === key && (
                  <ConfirmDone what={a.what} pending={markDone.isPending} onYes={() => confirm(a)} onNo={() => setConfirming(null)} />
                )}
              </li>
            );
          })}
        </ul>
      )}
      <ProblemAlert error={markDone.error} />
      {data && (
        <>
          <h3>{t('happening.nextFollowUp')}</h3>
          <p data-testid="next-follow-up">{data.nextFollowUp ? formatWhen(data.nextFollowUp, i18n.language) : t('happening.noFollowUp')}</p>
          {data.contacts.length > 0 && (
            <>
              <h3>{t('happening.contacts')}</h3>
              <ul className="people">
                {contactsByPerson(data.contacts).map((c) => (
                  <li key={c.key}>
                    <strong>{c.name}</strong>
                    <span>{[c.roles.map((r) => t(`happening.roles.${r}`, { defaultValue: '' })).filter(Boolean).join(t('happening.and')), c.organisation, c.contact].filter(Boolean).join(', ')}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

function ConfirmDone({ what, pending, onYes, onNo }: { what: string; pending: boolean; onYes: () => void; onNo: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => yes.current?.focus(), []);
  return (
    <div role="alertdialog" aria-labelledby={`${id}-q`} className="confirm confirm-calm">
      <p id={`${id}-q`}>{t('happening.confirm', { what })}</p>
      <div className="button-row">
        <button ref={yes} type="button" className="button-large button-primary" disabled={pending} onClick={onYes}>
          {t('happening.confirmYes')}
        </button>
        <button type="button" className="button-large" onClick={onNo}>
          {t('happening.cancel')}
        </button>
      </div>
    </div>
  );
}

function performerText(a: Action, plan: PlanDetail, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (a.performer === 'person') return plan.permissions.as === 'person' ? t('happening.you') : t('happening.personHimself', { name: plan.person.name });
  // The server names the unit when it knows it; otherwise the kind of performer.
  if (a.performer === 'unit' || a.performer === 'relative' || a.performer === 'other') return t(`happening.performers.${a.performer}`);
  return a.performer ?? t('happening.someone');
}

/** A booked meeting has a time; a follow-up date alone is a date. */
function formatWhen(value: string, language: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value, language) : formatDateTime(value, language);
}

/** One line per person: someone who both coordinates and takes part is listed once, with both roles. */
function contactsByPerson(contacts: HappeningNowData['contacts']) {
  const people = new Map<string, { key: string; name: string; roles: string[]; organisation: string | null; contact: string | null }>();
  for (const c of contacts) {
    const key = `${c.name}|${c.organisation ?? ''}`;
    const known = people.get(key);
    if (known) {
      if (!known.roles.includes(c.role)) known.roles.push(c.role);
      known.contact ??= c.contact;
    } else people.set(key, { key, name: c.name, roles: [c.role], organisation: c.organisation, contact: c.contact });
  }
  return [...people.values()];
}
