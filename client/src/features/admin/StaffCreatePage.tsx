import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { MIN_PASSWORD_LENGTH, createStaffSchema } from '@sip/shared';
import { useCreateStaff } from '../../api/admin';
import { usePageTitle } from '../../components/usePageTitle';
import { Field, FormProblem, text, useSchemaForm } from '../../components/form';
import { StaffFields, readStaffFields } from './StaffFields';

export function StaffCreatePage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.staff.new'));
  const navigate = useNavigate();
  const create = useCreateStaff();
  const form = useSchemaForm(
    createStaffSchema,
    (f) => ({ ...readStaffFields(f), username: text(f, 'username').trim(), password: text(f, 'password') }),
    (value) => create.mutate(value, { onSuccess: (staff) => navigate(`/admin/staff/${staff.id}`, { state: { saved: 'created' } }) }),
    create.error,
  );
  return (
    <section aria-labelledby="staff-new-h">
      <p>
        <Link to="/admin/staff">{t('admin.common.back', { page: t('admin.staff.title') })}</Link>
      </p>
      <h1 id="staff-new-h">{t('admin.staff.new')}</h1>
      <form ref={form.formRef} onSubmit={form.onSubmit} className="card" noValidate>
        <Field label={t('admin.staff.username')} name="username" errors={form.errors} hint={t('admin.staff.usernameHint')}>
          {(props) => <input {...props} autoComplete="off" autoCapitalize="none" spellCheck={false} />}
        </Field>
        <StaffFields errors={form.errors} />
        <Field label={t('admin.staff.password')} name="password" errors={form.errors} hint={t('admin.staff.passwordHint', { min: MIN_PASSWORD_LENGTH })}>
          {(props) => <input {...props} type="password" autoComplete="new-password" />}
        </Field>
        <FormProblem error={create.error} />
        <button type="submit" className="button-primary" disabled={create.isPending}>
          {create.isPending ? t('admin.common.saving') : t('admin.staff.create')}
        </button>
      </form>
    </section>
  );
}
