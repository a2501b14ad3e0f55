import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_FORMS, INFORMATION_KINDS, type PlanDetail, recordConsentSchema } from '@sip/shared';
import type { RecordConsentBody } from '../../api/plan-commands';
import { useRecordConsent, useWithdrawConsent } from '../../api/plan-commands';
import { useOrganisations } from '../../api/plans';
import { CheckboxGroup, Field, formProps, text, useSchemaForm } from '../../components/form';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate, todayIsoDate } from '../../components/format';

/** The consents recorded (samtycke), withdrawing one, and recording a new one. */
export function ConsentSection({ plan }: { plan: PlanDetail }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const withdraw = useWithdrawConsent(plan.id);
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
            {c.exclusions && (
              <>
                <br />
                {t('plan.consent.exclusions')}: {c.exclusions}
              </>
            )}
            {c.state === 'active' && plan.permissions.can.withdraw_consent && (
              <button type="button" className="button-small" onClick={() => withdraw.mutate({ consentId: c.id })}>
                {t('plan.consent.withdraw')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <ProblemAlert error={withdraw.error} />
      {plan.permissions.can.record_consent && (
        // Once a consent is in force, a further one (renewed, widened) is the exception.
        <details open={plan.consentState !== 'active'}>
          <summary>{t('plan.consent.record')}</summary>
          <RecordConsentForm plan={plan} />
        </details>
      )}
    </section>
  );
}

function RecordConsentForm({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const orgs = useOrganisations(true);
  const record = useRecordConsent(plan.id);
  const [formKey, setFormKey] = useState(0);
  const guardians = (plan.participants ?? []).filter((p) => p.role === 'vardnadshavare' && p.accountId);
  const form = useSchemaForm(
    recordConsentSchema,
    (f): RecordConsentBody => ({
      givenBy: plan.person.isChild ? 'guardians' : 'person',
      guardianAccountIds: f.getAll('guardianAccountIds').map(String),
      form: text(f, 'form') as RecordConsentBody['form'],
      scopeOrganisationIds: f.getAll('scopeOrganisationIds').map(String),
      informationKinds: f.getAll('informationKinds').map(String) as RecordConsentBody['informationKinds'],
      ...(text(f, 'exclusions').trim() ? { exclusions: text(f, 'exclusions') } : {}),
      validFrom: text(f, 'validFrom'),
      ...(text(f, 'validTo') ? { validTo: text(f, 'validTo') } : {}),
    }),
    (body) => record.mutate(body, { onSuccess: () => setFormKey((k) => k + 1) }),
    record.error,
    record.reset,
  );
  if (!orgs.data) return null;
  return (
    <form key={formKey} {...formProps(form)} aria-label={t('plan.consent.record')}>
      {plan.person.isChild && (
        <CheckboxGroup
          legend={t('plan.consent.guardians')}
          name="guardianAccountIds"
          errors={form.errors}
          options={guardians.map((g) => ({ value: g.accountId!, label: g.name }))}
        />
      )}
      <Field label={t('plan.consent.form')} name="form" errors={form.errors}>
        {(props) => (
          <select {...props}>
            {CONSENT_FORMS.map((f) => (
              <option key={f} value={f}>
                {t(`plan.consent.forms.${f}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <CheckboxGroup
        legend={t('plan.consent.scope')}
        name="scopeOrganisationIds"
        errors={form.errors}
        options={orgs.data.map((o) => ({ value: o.id, label: o.name }))}
        defaultChecked={[plan.initiatingUnit.organisationId]}
      />
      <CheckboxGroup
        legend={t('plan.consent.kinds')}
        name="informationKinds"
        errors={form.errors}
        options={INFORMATION_KINDS.map((k) => ({ value: k, label: t(`plan.consent.kindNames.${k}`) }))}
      />
      <Field label={t('plan.consent.exclusions')} name="exclusions" errors={form.errors}>
        {(props) => <input {...props} />}
      </Field>
      <div className="field-row">
        <Field label={t('plan.consent.validFrom')} name="validFrom" errors={form.errors}>
          {(props) => <input {...props} type="date" defaultValue={todayIsoDate()} />}
        </Field>
        <Field label={t('plan.consent.validTo')} name="validTo" errors={form.errors}>
          {(props) => <input {...props} type="date" />}
        </Field>
      </div>
      <ProblemAlert error={record.error} action="record_consent" fieldsBeside />
      <button type="submit" className="button-primary">
        {t('plan.consent.record')}
      </button>
    </form>
  );
}
