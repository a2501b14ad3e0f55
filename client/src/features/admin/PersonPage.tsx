import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { type Person, updatePersonSchema } from '@sip/shared';
import { usePerson, useRemoveRelation, useUpdatePerson } from '../../api/admin';
import { usePageTitle } from '../../components/usePageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate } from '../../components/format';
import { Field, FormProblem, text, textOrNull, useSchemaForm } from '../../components/form';
import { ConfirmButton, SavedStatus } from './parts';
import { ContactFields, SexField } from './PersonFields';
import { RelationForm } from './RelationForm';

/** One person: masked personnummer, contact details, and who is linked to them. Opening it is audited. */
export function PersonPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const person = usePerson(id);
  const justCreated = (useLocation().state as { saved?: string } | null)?.saved === 'created';
  const [saved, setSaved] = useState<string | null>(justCreated ? t('admin.common.saved') : null);
  usePageTitle(person.data?.name ?? t('admin.persons.title'));
  const p = person.data;

  return (
    <section aria-labelledby="person-h">
      <p>
        <Link to="/admin/persons">{t('admin.common.back', { page: t('admin.persons.title') })}</Link>
      </p>
      <ProblemAlert error={person.error} />
      {p && (
        <>
          <h1 id="person-h">{p.name}</h1>
          <dl className="facts">
            <dt>{t('admin.persons.columns.personnummer')}</dt>
            <dd data-testid="personnummer">
              {p.personnummerMasked}
              {p.isSamordningsnummer ? ` (${t('admin.persons.samordningsnummer')})` : ''}
            </dd>
            <dt>{t('admin.persons.columns.born')}</dt>
            <dd>{formatDate(`${p.birthDate}T12:00:00Z`, i18n.language)}</dd>
            <dt>{t('admin.persons.account')}</dt>
            <dd>{p.accountId ? t('admin.persons.hasAccount') : t('admin.persons.noAccount')}</dd>
          </dl>
          <SavedStatus message={saved} />
          <ContactForm key={p.id} person={p} onSaved={setSaved} />
          <Relations person={p} onSaved={setSaved} />
        </>
      )}
    </section>
  );
}

function ContactForm({ person, onSaved }: { person: Person; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const update = useUpdatePerson(person.id);
  const form = useSchemaForm(
    updatePersonSchema,
    (f) => ({ name: text(f, 'name'), sex: text(f, 'sex'), phone: textOrNull(f, 'phone'), email: textOrNull(f, 'email'), address: textOrNull(f, 'address') }),
    (value) => update.mutate(value, { onSuccess: () => onSaved(t('admin.common.saved')) }),
    update.error,
  );
  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} className="card" aria-labelledby="contact-h" noValidate>
      <h2 id="contact-h">{t('admin.persons.contact')}</h2>
      <div className="field-row">
        <Field label={t('admin.persons.name')} name="name" errors={form.errors} className="grow">
          {(props) => <input {...props} defaultValue={person.name} autoComplete="off" />}
        </Field>
        <SexField errors={form.errors} defaultValue={person.sex} fromNumber={false} />
      </div>
      <ContactFields errors={form.errors} defaults={person} />
      <FormProblem error={update.error} />
      <button type="submit" disabled={update.isPending}>
        {t('admin.persons.saveContact')}
      </button>
    </form>
  );
}

function Relations({ person, onSaved }: { person: Person; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const remove = useRemoveRelation(person.id);
  return (
    <div className="card" role="group" aria-labelledby="relations-h">
      <h2 id="relations-h">{t('admin.persons.relations')}</h2>
      {person.relations.length === 0 ? (
        <p className="hint">{t('admin.persons.noRelations')}</p>
      ) : (
        <ul className="plain-list">
          {person.relations.map((r) => (
            <li key={r.id} className="unit-row">
              <span>
                <strong>{r.displayName}</strong> ({r.username}) – {t(`admin.persons.kinds.${r.kind}`)}
                {r.kind === 'guardian' && r.hasCustody ? `, ${t('admin.persons.withCustody')}` : ''}
              </span>
              <ConfirmButton
                label={t('admin.persons.unlink')}
                question={t('admin.common.reallyRemove', { name: r.displayName })}
                confirmLabel={t('admin.common.confirmRemove', { name: r.displayName })}
                onConfirm={() => remove.mutate(r.id, { onSuccess: () => onSaved(t('admin.common.saved')) })}
              />
            </li>
          ))}
        </ul>
      )}
      <ProblemAlert error={remove.error} />
      <RelationForm person={person} onSaved={onSaved} />
    </div>
  );
}
