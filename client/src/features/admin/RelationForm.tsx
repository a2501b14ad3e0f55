import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH, type Person, RELATION_KINDS, type RelationKind, createRelationSchema } from '@sip/shared';
import { useAddRelation, useCitizenAccounts } from '../../api/admin';
import { Field, type FieldErrors, FormProblem, text, useFieldMessage, useSchemaForm } from '../../components/form';

/**
 * Links a citizen account to the person as guardian, relative or representative: one that
 * exists (found by name or username) or a new one made here.
 */
export function RelationForm({ person, onSaved }: { person: Person; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const add = useAddRelation(person.id);
  const [kind, setKind] = useState<RelationKind>('relative');
  const [choice, setChoice] = useState<'existing' | 'new'>('existing');
  const form = useSchemaForm(
    createRelationSchema,
    (f) => ({
      kind: text(f, 'kind'),
      hasCustody: kind === 'guardian' && f.get('hasCustody') === 'on',
      ...(choice === 'existing'
        ? { accountId: text(f, 'accountId') || undefined }
        : { newAccount: { displayName: text(f, 'newAccount.displayName'), username: text(f, 'newAccount.username').trim(), password: text(f, 'newAccount.password') } }),
    }),
    (value, element) =>
      add.mutate(value, {
        onSuccess: (updated) => {
          element.reset();
          setKind('relative');
          const linked = updated.relations.at(-1);
          onSaved(t('admin.persons.linked', { name: linked?.displayName ?? '' }));
        },
      }),
    add.error,
  );

  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} className="relation-form" aria-labelledby="relation-form-h" noValidate>
      <h3 id="relation-form-h">{t('admin.persons.addRelation')}</h3>
      <div className="field-row">
        <Field label={t('admin.persons.kind')} name="kind" errors={form.errors}>
          {(props) => (
            <select {...props} value={kind} onChange={(e) => setKind(e.target.value as RelationKind)}>
              {RELATION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`admin.persons.kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {kind === 'guardian' && (
          <label className="checkbox align-end">
            <input type="checkbox" name="hasCustody" defaultChecked />
            {t('admin.persons.hasCustody')}
          </label>
        )}
      </div>
      <fieldset className="radio-row">
        <legend>{t('admin.persons.accountChoice')}</legend>
        {(['existing', 'new'] as const).map((c) => (
          <label key={c} className="checkbox">
            <input type="radio" name="choice" value={c} checked={choice === c} onChange={() => setChoice(c)} />
            {t(c === 'existing' ? 'admin.persons.existingAccount' : 'admin.persons.newAccount')}
          </label>
        ))}
      </fieldset>
      {choice === 'existing' ? <ExistingAccount errors={form.errors} exclude={[person.accountId, ...person.relations.map((r) => r.accountId)]} /> : <NewAccount errors={form.errors} />}
      <FormProblem error={add.error} />
      <button type="submit" className="button-primary" disabled={add.isPending}>
        {t('admin.persons.link')}
      </button>
    </form>
  );
}

function ExistingAccount({ errors, exclude }: { errors: FieldErrors; exclude: (string | null)[] }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const accounts = useCitizenAccounts(q);
  const message = useFieldMessage()(errors, 'accountId');
  const matches = (accounts.data ?? []).filter((a) => !exclude.includes(a.id));
  return (
    <>
      <div className="field">
        <label htmlFor="account-q">{t('admin.persons.findAccount')}</label>
        <span id="account-q-hint" className="hint">
          {t('admin.persons.findAccountHint')}
        </span>
        <input
          id="account-q"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          aria-describedby={message ? 'account-q-hint account-error' : 'account-q-hint'}
          // With nothing to choose yet, the search is where the user goes on from the error.
          aria-invalid={(Boolean(message) && matches.length === 0) || undefined}
          autoComplete="off"
        />
      </div>
      <fieldset aria-describedby={message ? 'account-error' : undefined}>
        <legend>{t('admin.persons.pickAccount')}</legend>
        <div role="status">{q.trim().length >= 2 && accounts.data && matches.length === 0 ? t('admin.persons.noAccounts') : ''}</div>
        {matches.map((a, i) => (
          <label key={a.id} className="checkbox">
            <input type="radio" name="accountId" value={a.id} aria-invalid={(Boolean(message) && i === 0) || undefined} />
            {a.displayName} ({a.username})
          </label>
        ))}
        {message && (
          <p id="account-error" className="field-error">
            {message}
          </p>
        )}
      </fieldset>
    </>
  );
}

function NewAccount({ errors }: { errors: FieldErrors }) {
  const { t } = useTranslation();
  return (
    <div className="field-row">
      <Field label={t('admin.persons.displayName')} name="newAccount.displayName" errors={errors} className="grow">
        {(props) => <input {...props} autoComplete="off" />}
      </Field>
      <Field label={t('admin.persons.accountUsername')} name="newAccount.username" errors={errors} className="grow">
        {(props) => <input {...props} autoComplete="off" autoCapitalize="none" spellCheck={false} />}
      </Field>
      <Field label={t('admin.persons.accountPassword')} name="newAccount.password" errors={errors} hint={t('admin.staff.passwordHint', { min: MIN_PASSWORD_LENGTH })} className="grow">
        {(props) => <input {...props} type="password" autoComplete="new-password" />}
      </Field>
    </div>
  );
}
