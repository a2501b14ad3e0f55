import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PlanDetail, type SectionName, type VersionChange, sectionFields } from '@sip/shared';
import { usePlanVersion, usePlanVersions, useVersionComparison } from '../../api/versions';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate, formatDateTime } from '../../components/format';
import { planSections, principalUnits } from './plan-sections';

type Item = Record<string, unknown>;
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/**
 * The plan as agreed: a version is frozen each time a meeting is recorded and each time the
 * plan is finalised. Anyone who reaches the plan can read a version (the sections they may
 * read today) and see what changed since the one before.
 */
export function PlanVersions({ plan }: { plan: PlanDetail }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const versions = usePlanVersions(plan.id);
  const [shown, setShown] = useState<{ id: string; compareWith: string | null } | null>(null);
  const list = versions.data ?? [];
  return (
    <section aria-labelledby={`${id}-h`} className="card versions">
      <h2 id={`${id}-h`}>{t('versions.title')}</h2>
      <p className="hint">{t('versions.intro')}</p>
      <ProblemAlert error={versions.error} />
      {versions.data && list.length === 0 && <p>{t('versions.none')}</p>}
      {list.length > 0 && (
        <ol className="version-list">
          {list.map((v, index) => {
            const previous = index > 0 ? list[index - 1]! : null;
            const open = shown?.id === v.id;
            return (
              <li key={v.id}>
                <span>
                  <strong>{t('versions.number', { n: v.number })}</strong> – {t(`versions.reasons.${v.reason}`)} · {formatDateTime(v.createdAt, i18n.language)}
                  {v.createdBy ? ` · ${v.createdBy}` : ''}
                </span>
                <span className="version-actions">
                  <button type="button" className="button-small" aria-expanded={open && !shown?.compareWith} onClick={() => setShown(open && !shown?.compareWith ? null : { id: v.id, compareWith: null })}>
                    {t('versions.show')}
                  </button>
                  {previous && (
                    <button
                      type="button"
                      className="button-small"
                      aria-expanded={open && shown?.compareWith === previous.id}
                      onClick={() => setShown(open && shown?.compareWith ? null : { id: v.id, compareWith: previous.id })}
                    >
                      {t('versions.compare', { n: previous.number })}
                    </button>
                  )}
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {shown && !shown.compareWith && <VersionView plan={plan} versionId={shown.id} />}
      {shown?.compareWith && <VersionDiff plan={plan} fromId={shown.compareWith} toId={shown.id} />}
    </section>
  );
}

function VersionView({ plan, versionId }: { plan: PlanDetail; versionId: string }) {
  const { t } = useTranslation();
  const version = usePlanVersion(plan.id, versionId);
  if (version.error) return <ProblemAlert error={version.error} />;
  if (!version.data) return <p role="status">{t('versions.loading')}</p>;
  const v = version.data;
  const shared = (v.sections.shared ?? {}) as Item;
  const textOf = (field: string, itemId: unknown) => str(((shared[field] as Item[] | undefined) ?? []).find((i) => i.id === itemId)?.text);
  return (
    <article className="version-view" aria-label={t('versions.number', { n: v.number })}>
      <h3>
        {t('versions.number', { n: v.number })} – {t(`versions.reasons.${v.reason}`)}
      </h3>
      {planSections(plan, t)
        .filter((s) => v.sections[s.name])
        .map((s) => (
          <section key={s.name} className="version-section">
            <h4>{s.title}</h4>
            {Object.entries(sectionFields(s.name)).map(([field, kind]) => {
              const value = (v.sections[s.name] as Item)[field];
              if (kind === 'rich') {
                return str(value).trim() ? (
                  <div key={field}>
                    <p className="field-label">{t(`collab.fields.${field}`)}</p>
                    <p className="version-text">{str(value)}</p>
                  </div>
                ) : null;
              }
              const items = (value as Item[] | undefined) ?? [];
              if (!items.length) return null;
              if (field === 'actions') return <ActionsReadOnly key={field} label={t('collab.actionsTable', { title: `${s.title} (${t('versions.number', { n: v.number })})` })} plan={plan} section={s.name} actions={items} needText={(id) => textOf('needs', id)} goalText={(id) => textOf('goals', id)} />;
              return (
                <div key={field}>
                  <p className="field-label">{t(`collab.fields.${field}`)}</p>
                  <ul>
                    {items.map((item) => (
                      <li key={str(item.id)}>{describeItem(field, item, t)}</li>
                    ))}
                  </ul>
                </div>
              );
            })}
          </section>
        ))}
    </article>
  );
}

function describeItem(field: string, item: Item, t: (k: string) => string): string {
  if (field === 'goals') return `${str(item.text)} (${t(`collab.fields.${item.term === 'long' ? 'long' : 'short'}`)})`;
  if (field === 'measures') return [`${str(item.actor)}: ${str(item.what)}`, str(item.when), str(item.responsible)].filter(Boolean).join(' · ');
  return str(item.text);
}

const ACTION_COLUMNS = ['what', 'needId', 'goalId', 'performingUnitId', 'responsiblePerson', 'when', 'frequency', 'startDate', 'dueDate', 'status', 'followUpNotes'] as const;

function ActionsReadOnly({ label, plan, section, actions, needText, goalText }: { label: string; plan: PlanDetail; section: SectionName; actions: Item[]; needText: (id: unknown) => string; goalText: (id: unknown) => string }) {
  const { t, i18n } = useTranslation();
  const units = new Map(principalUnits(plan, section).map((u) => [u.id, u.label]));
  const cell = (action: Item, c: (typeof ACTION_COLUMNS)[number]) => {
    const value = action[c];
    if (c === 'needId') return needText(value);
    if (c === 'goalId') return goalText(value);
    if (c === 'performingUnitId') return units.get(str(value)) ?? '';
    if (c === 'status') return `${t(`collab.statuses.${str(value)}`)}${action.status === 'not_done' && action.notDoneReason ? ` (${str(action.notDoneReason)})` : ''}`;
    if ((c === 'startDate' || c === 'dueDate') && value) return formatDate(str(value), i18n.language);
    return str(value);
  };
  return (
    <div className="table-scroll actions-table" role="region" aria-label={label} tabIndex={0}>
      <table>
        <thead>
          <tr>
            {ACTION_COLUMNS.map((c) => (
              <th key={c} scope="col">
                {t(`collab.fields.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {actions.map((a) => (
            <tr key={str(a.id)}>
              {ACTION_COLUMNS.map((c) => (
                <td key={c} data-label={t(`collab.fields.${c}`)}>
                  {cell(a, c)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function VersionDiff({ plan, fromId, toId }: { plan: PlanDetail; fromId: string; toId: string }) {
  const { t } = useTranslation();
  const comparison = useVersionComparison(plan.id, fromId, toId);
  if (comparison.error) return <ProblemAlert error={comparison.error} />;
  if (!comparison.data) return <p role="status">{t('versions.loading')}</p>;
  const { from, to, changes } = comparison.data;
  const titles = new Map(planSections(plan, t).map((s) => [s.name as string, s.title]));
  return (
    <article className="version-diff" aria-label={t('versions.changesTitle', { from, to })}>
      <h3>{t('versions.changesTitle', { from, to })}</h3>
      {changes.length === 0 ? (
        <p>{t('versions.noChanges')}</p>
      ) : (
        <ul>
          {changes.map((c) => (
            <li key={`${c.section}/${c.id}`} className={`change-${c.change}`}>
              <strong>{t(`versions.changes.${c.kind}.${c.change}`)}</strong> ({titles.get(c.section) ?? c.section}): {str((c.after ?? c.before)?.[c.kind === 'action' ? 'what' : 'text'])}
              {c.change === 'changed' && <FieldChanges change={c} />}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

function FieldChanges({ change }: { change: VersionChange }) {
  const { t } = useTranslation();
  const before = change.before ?? {};
  const after = change.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => k !== 'id' && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  const show = (k: string, v: unknown) => (v === undefined || v === '' ? '–' : k === 'status' ? t(`collab.statuses.${str(v)}`) : str(v));
  return (
    <ul className="field-changes">
      {keys.map((k) => (
        <li key={k}>
          {t(`collab.fields.${k}`)}: {show(k, before[k])} → {show(k, after[k])}
        </li>
      ))}
    </ul>
  );
}
