import { useTranslation } from 'react-i18next';
import type { ZodType } from 'zod';
import { type Organisation, createUnitSchema } from '@sip/shared';
import { useCreateUnit } from '../../api/admin';
import { Field, FormProblem, text, useSchemaForm } from '../../components/form';

/** One name, checked by the schema of the thing renamed. */
export function NameForm({
  label,
  initial,
  schema,
  error,
  pending,
  submit,
  onCancel,
}: {
  label: string;
  initial: string;
  schema: ZodType;
  error: unknown;
  pending: boolean;
  submit: (name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const form = useSchemaForm(schema, (f) => ({ name: text(f, 'name') }), (value) => submit((value as { name: string }).name), error);
  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} className="inline-form" noValidate>
      <Field label={label} name="name" errors={form.errors}>
        {(props) => <input {...props} defaultValue={initial} autoComplete="off" />}
      </Field>
      <button type="submit" className="button-primary" disabled={pending}>
        {t('admin.common.save')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('admin.common.cancel')}
      </button>
      <FormProblem error={error} />
    </form>
  );
}

export function AddUnitForm({ organisation, onSaved }: { organisation: Organisation; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateUnit();
  const form = useSchemaForm(
    createUnitSchema,
    (f) => ({ organisationId: organisation.id, name: text(f, 'name') }),
    (value, element) =>
      create.mutate(value, {
        onSuccess: (unit) => {
          element.reset();
          onSaved(t('admin.organisations.unitAdded', { name: unit.name }));
        },
      }),
    create.error,
  );
  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} className="inline-form" noValidate>
      <Field label={t('admin.organisations.unitName', { name: organisation.name })} name="name" errors={form.errors}>
        {(props) => <input {...props} autoComplete="off" />}
      </Field>
      <button type="submit" disabled={create.isPending}>
        {t('admin.organisations.addUnit')}
      </button>
      <FormProblem error={create.error} />
    </form>
  );
}
