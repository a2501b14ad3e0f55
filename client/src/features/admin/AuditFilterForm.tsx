import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, type Language, addStockholmDays, auditListQuerySchema, stockholmDate, stockholmDateTime } from '@sip/shared';
import type { AuditFilters } from '../../api/admin';
import { auditActionLabels } from '../../i18n/admin';
import { Field, useSchemaForm } from '../../components/form';

export const FILTER_KEYS = ['planId', 'actorUsername', 'action', 'from', 'to'] as const;

// Dates are Stockholm calendar days: "from" is the start of its day, "to" the end of its own.
const startOf = (date: string) => stockholmDateTime(date, '00:00').toISOString();
const endOf = (date: string) => addStockholmDays(stockholmDateTime(date, '00:00'), 1).toISOString();
const dayOf = (instant: string | undefined, end = false) => (instant ? stockholmDate(new Date(new Date(instant).getTime() - (end ? 1 : 0))) : '');

/** The filters, checked by the same schema the server parses the query with. */
export function AuditFilterForm({ filters, onShow }: { filters: AuditFilters; onShow: (filters: AuditFilters) => void }) {
  const { t, i18n } = useTranslation();
  const labels = auditActionLabels[i18n.language as Language] ?? {};
  const actions = [...AUDIT_ACTIONS].sort((a, b) => (labels[a] ?? a).localeCompare(labels[b] ?? b, i18n.language));
  const form = useSchemaForm(
    auditListQuerySchema,
    (f) => {
      const value = (name: string) => String(f.get(name) ?? '').trim() || undefined;
      const from = value('from');
      const to = value('to');
      return { planId: value('planId')?.toLowerCase(), actorUsername: value('actorUsername'), action: value('action'), from: from && startOf(from), to: to && endOf(to) };
    },
    (value) => onShow({ planId: value.planId, actorUsername: value.actorUsername, action: value.action, from: value.from, to: value.to }),
  );
  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} className="card audit-filters" aria-labelledby="audit-filters-h" role="search" noValidate>
      <h2 id="audit-filters-h">{t('admin.audit.filters')}</h2>
      <div className="field-row">
        <Field label={t('admin.audit.planId')} name="planId" errors={form.errors} hint={t('admin.audit.planIdHint')} className="grow">
          {(props) => <input {...props} defaultValue={filters.planId ?? ''} autoComplete="off" spellCheck={false} />}
        </Field>
        <Field label={t('admin.audit.actor')} name="actorUsername" errors={form.errors} className="grow">
          {(props) => <input {...props} defaultValue={filters.actorUsername ?? ''} autoComplete="off" autoCapitalize="none" spellCheck={false} />}
        </Field>
        <Field label={t('admin.audit.action')} name="action" errors={form.errors} className="grow">
          {(props) => (
            <select {...props} defaultValue={filters.action ?? ''}>
              <option value="">{t('admin.audit.allActions')}</option>
              {actions.map((a) => (
                <option key={a} value={a}>
                  {labels[a] ?? a}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('admin.audit.from')} name="from" errors={form.errors}>
          {(props) => <input {...props} type="date" defaultValue={dayOf(filters.from)} />}
        </Field>
        <Field label={t('admin.audit.to')} name="to" errors={form.errors}>
          {(props) => <input {...props} type="date" defaultValue={dayOf(filters.to, true)} />}
        </Field>
      </div>
      <div className="button-row">
        <button type="submit" className="button-primary">
          {t('admin.audit.show')}
        </button>
        <button type="button" onClick={() => onShow({})}>
          {t('admin.audit.clear')}
        </button>
      </div>
    </form>
  );
}
