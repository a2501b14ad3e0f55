import { useTranslation } from 'react-i18next';
import { SEXES } from '@sip/shared';
import { Field, type FieldErrors } from '../../components/form';

export function SexField({ errors, defaultValue = '', fromNumber = true }: { errors: FieldErrors; defaultValue?: string; fromNumber?: boolean }) {
  const { t } = useTranslation();
  return (
    <Field label={t('admin.persons.sex')} name="sex" errors={errors}>
      {(props) => (
        <select {...props} defaultValue={defaultValue}>
          {fromNumber && <option value="">{t('admin.persons.sexFromNumber')}</option>}
          {SEXES.map((s) => (
            <option key={s} value={s}>
              {t(`admin.persons.sexes.${s}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function ContactFields({ errors, defaults }: { errors: FieldErrors; defaults?: { phone: string | null; email: string | null; address: string | null } }) {
  const { t } = useTranslation();
  const optional = t('admin.common.optional');
  return (
    <div className="field-row">
      <Field label={`${t('admin.persons.phone')} ${optional}`} name="phone" errors={errors}>
        {(props) => <input {...props} type="tel" defaultValue={defaults?.phone ?? ''} autoComplete="off" />}
      </Field>
      <Field label={`${t('admin.persons.email')} ${optional}`} name="email" errors={errors} className="grow">
        {(props) => <input {...props} type="email" defaultValue={defaults?.email ?? ''} autoComplete="off" />}
      </Field>
      <Field label={`${t('admin.persons.address')} ${optional}`} name="address" errors={errors} className="grow">
        {(props) => <input {...props} defaultValue={defaults?.address ?? ''} autoComplete="off" />}
      </Field>
    </div>
  );
}
