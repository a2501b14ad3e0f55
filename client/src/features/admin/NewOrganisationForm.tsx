import { useTranslation } from 'react-i18next';
import { COUNTY_CODE_LIST, COUNTY_CODES, ORGANISATION_KINDS, createOrganisationSchema } from '@sip/shared';
import { useCreateOrganisation } from '../../api/admin';
import { Field, FormProblem, text, textOrNull, useSchemaForm } from '../../components/form';

export function NewOrganisationForm({ onSaved }: { onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateOrganisation();
  const form = useSchemaForm(
    createOrganisationSchema,
    (f) => ({ kind: text(f, 'kind'), name: text(f, 'name'), countyCode: textOrNull(f, 'countyCode') }),
    (value, element) =>
      create.mutate(value, {
        onSuccess: (organisation) => {
          element.reset();
          onSaved(t('admin.organisations.created', { name: organisation.name }));
        },
      }),
    create.error,
  );
  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} className="card" aria-labelledby="new-org-h" noValidate>
      <h2 id="new-org-h">{t('admin.organisations.newTitle')}</h2>
      <div className="field-row">
        <Field label={t('admin.organisations.kind')} name="kind" errors={form.errors}>
          {(props) => (
            <select {...props} defaultValue="kommun">
              {ORGANISATION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`admin.organisations.kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('admin.organisations.name')} name="name" errors={form.errors} className="grow">
          {(props) => <input {...props} autoComplete="off" />}
        </Field>
        <Field label={t('admin.organisations.county')} name="countyCode" errors={form.errors} hint={t('admin.organisations.countyHint')}>
          {(props) => (
            <select {...props} defaultValue="">
              <option value="">{t('admin.organisations.noCounty')}</option>
              {COUNTY_CODE_LIST.map((code) => (
                <option key={code} value={code}>
                  {COUNTY_CODES[code]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <FormProblem error={create.error} />
      <button type="submit" className="button-primary" disabled={create.isPending}>
        {t('admin.organisations.create')}
      </button>
    </form>
  );
}
