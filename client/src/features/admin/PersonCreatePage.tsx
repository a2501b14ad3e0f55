import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { MIN_PASSWORD_LENGTH, createPersonSchema } from '@sip/shared';
import { useCreatePerson } from '../../api/admin';
import { usePageTitle } from '../../components/usePageTitle';
import { Field, FormProblem, text, textOrNull, useSchemaForm } from '../../components/form';
import { ContactFields, SexField } from './PersonFields';

/**
 * Registers a person. The personnummer is typed once: after it is stored the page moves on
 * to the person, where only its masked form (the date of birth) is ever shown.
 */
export function PersonCreatePage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.persons.registerTitle'));
  const navigate = useNavigate();
  const create = useCreatePerson();
  const form = useSchemaForm(
    createPersonSchema,
    (f) => {
      const username = text(f, 'account.username').trim();
      const password = text(f, 'account.password');
      return {
        name: text(f, 'name'),
        personnummer: text(f, 'personnummer'),
        sex: text(f, 'sex') || undefined,
        phone: textOrNull(f, 'phone'),
        email: textOrNull(f, 'email'),
        address: textOrNull(f, 'address'),
        account: username || password ? { username, password } : undefined,
      };
    },
    (value, element) =>
      create.mutate(value, {
        onSuccess: (person) => {
          element.reset();
          navigate(`/admin/persons/${person.id}`, { replace: true, state: { saved: 'created' } });
        },
      }),
    create.error,
  );
  return (
    <section aria-labelledby="person-new-h">
      <p>
        <Link to="/admin/persons">{t('admin.common.back', { page: t('admin.persons.title') })}</Link>
      </p>
      <h1 id="person-new-h">{t('admin.persons.registerTitle')}</h1>
      <form ref={form.formRef} onSubmit={form.onSubmit} className="card" noValidate>
        <div className="field-row">
          <Field label={t('admin.persons.name')} name="name" errors={form.errors} className="grow">
            {(props) => <input {...props} autoComplete="off" />}
          </Field>
          <Field label={t('admin.persons.personnummer')} name="personnummer" errors={form.errors} hint={t('admin.persons.personnummerHint')} className="grow">
            {(props) => <input {...props} inputMode="numeric" autoComplete="off" />}
          </Field>
        </div>
        <SexField errors={form.errors} />
        <ContactFields errors={form.errors} />
        <fieldset>
          <legend>{t('admin.persons.ownAccount')}</legend>
          <p className="hint">{t('admin.persons.ownAccountHint')}</p>
          <div className="field-row">
            <Field label={t('admin.persons.accountUsername')} name="account.username" errors={form.errors} hint={t('admin.staff.usernameHint')} className="grow">
              {(props) => <input {...props} autoComplete="off" autoCapitalize="none" spellCheck={false} />}
            </Field>
            <Field label={t('admin.persons.accountPassword')} name="account.password" errors={form.errors} hint={t('admin.staff.passwordHint', { min: MIN_PASSWORD_LENGTH })} className="grow">
              {(props) => <input {...props} type="password" autoComplete="new-password" />}
            </Field>
          </div>
        </fieldset>
        <FormProblem error={create.error} />
        <button type="submit" className="button-primary" disabled={create.isPending}>
          {create.isPending ? t('admin.common.saving') : t('admin.persons.create')}
        </button>
      </form>
    </section>
  );
}
