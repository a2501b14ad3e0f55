import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { MIN_PASSWORD_LENGTH, type Staff, updateStaffSchema } from '@sip/shared';
import { useStaffMember, useUpdateStaff } from '../../api/admin';
import { usePageTitle } from '../../components/usePageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Field, FormProblem, text, useSchemaForm } from '../../components/form';
import { ConfirmButton, SavedStatus } from './parts';
import { StaffFields, readStaffFields } from './StaffFields';

/**
 * One account: its details, roles and units; whether it may sign in; a new password. Each
 * is a change of its own (through StaffService, which ends sessions and re-checks open
 * plans as each requires), so that saving one never sends another.
 */
export function StaffEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const staff = useStaffMember(id);
  const justCreated = (useLocation().state as { saved?: string } | null)?.saved === 'created';
  const [saved, setSaved] = useState<string | null>(justCreated ? t('admin.common.saved') : null);
  usePageTitle(staff.data ? t('admin.staff.editTitle', { name: staff.data.displayName }) : t('admin.staff.title'));

  return (
    <section aria-labelledby="staff-edit-h">
      <p>
        <Link to="/admin/staff">{t('admin.common.back', { page: t('admin.staff.title') })}</Link>
      </p>
      <ProblemAlert error={staff.error} />
      {staff.data && (
        <>
          <h1 id="staff-edit-h">{t('admin.staff.editTitle', { name: staff.data.displayName })}</h1>
          <p className="hint">
            {t('admin.staff.username')}: <strong>{staff.data.username}</strong>
          </p>
          <SavedStatus message={saved} />
          <DetailsForm key={staff.data.id} staff={staff.data} onSaved={setSaved} />
          <StatusCard staff={staff.data} onSaved={setSaved} />
          <PasswordForm staff={staff.data} onSaved={setSaved} />
        </>
      )}
    </section>
  );
}

function DetailsForm({ staff, onSaved }: { staff: Staff; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const update = useUpdateStaff();
  const form = useSchemaForm(updateStaffSchema, readStaffFields, (value) => update.mutate({ id: staff.id, ...value }, { onSuccess: () => onSaved(t('admin.common.saved')) }), update.error);
  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} className="card" aria-labelledby="staff-details-h" noValidate>
      <h2 id="staff-details-h">{t('admin.staff.details')}</h2>
      <StaffFields errors={form.errors} defaults={staff} />
      <FormProblem error={update.error} />
      <button type="submit" className="button-primary" disabled={update.isPending}>
        {update.isPending ? t('admin.common.saving') : t('admin.staff.saveChanges')}
      </button>
    </form>
  );
}

function StatusCard({ staff, onSaved }: { staff: Staff; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const update = useUpdateStaff();
  const set = (disabled: boolean) =>
    update.mutate({ id: staff.id, disabled }, { onSuccess: () => onSaved(disabled ? t('admin.staff.disabledNow') : t('admin.staff.enabledNow')) });
  return (
    <div className="card" role="group" aria-labelledby="staff-status-h">
      <h2 id="staff-status-h">{t('admin.staff.status')}</h2>
      <p>{staff.disabled ? t('admin.staff.isDisabled') : t('admin.staff.isActive')}</p>
      {staff.disabled ? (
        <button type="button" onClick={() => set(false)} disabled={update.isPending}>
          {t('admin.staff.enable')}
        </button>
      ) : (
        <ConfirmButton
          label={t('admin.staff.disable')}
          question={t('admin.staff.reallyDisable', { name: staff.displayName })}
          confirmLabel={t('admin.staff.confirmDisable', { name: staff.displayName })}
          onConfirm={() => set(true)}
          disabled={update.isPending}
        />
      )}
      <FormProblem error={update.error} />
    </div>
  );
}

const passwordSchema = updateStaffSchema.pick({ password: true }).required();

function PasswordForm({ staff, onSaved }: { staff: Staff; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const update = useUpdateStaff();
  const form = useSchemaForm(
    passwordSchema,
    (f) => ({ password: text(f, 'password') }),
    (value, element) =>
      update.mutate(
        { id: staff.id, password: value.password },
        {
          onSuccess: () => {
            element.reset();
            onSaved(t('admin.staff.passwordChanged'));
          },
        },
      ),
    update.error,
  );
  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} className="card" aria-labelledby="staff-password-h" noValidate>
      <h2 id="staff-password-h">{t('admin.staff.resetPassword')}</h2>
      <Field label={t('admin.staff.resetPassword')} name="password" errors={form.errors} hint={t('admin.staff.resetHint', { min: MIN_PASSWORD_LENGTH })}>
        {(props) => <input {...props} type="password" autoComplete="new-password" />}
      </Field>
      <FormProblem error={update.error} />
      <button type="submit" disabled={update.isPending}>
        {t('admin.staff.setPassword')}
      </button>
    </form>
  );
}
