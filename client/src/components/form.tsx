import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZodType, z } from 'zod';
import { type Language, fieldMessage, problemMessage } from '@sip/shared';
import { ApiError } from '../api/client';
import { type FieldErrors, errorsFromFieldErrors, errorsFromIssues } from './form-errors';

export type { FieldErrors } from './form-errors';

/** The server's field errors, when the error is the server's refusal. */
export const errorsFromProblem = (error: unknown): FieldErrors => (error instanceof ApiError ? errorsFromFieldErrors(error.problem.errors ?? []) : {});

/**
 * A form checked by the shared schema before it is sent, so that the user hears what is
 * wrong beside each field without a round trip; whatever the server still refuses (a taken
 * username, a unit removed meanwhile) comes back as field errors with the same codes and is
 * shown in the same places. `read` turns the form's fields into the schema's input, which
 * is what is sent once it passes.
 */
export function useSchemaForm<S extends ZodType>(
  schema: S,
  read: (form: FormData) => unknown,
  onValid: (value: z.input<S>, form: HTMLFormElement) => void,
  serverError?: unknown,
  /** Called on the first edit after a refusal: the server's refusal is then out of date (e.g. a mutation's `reset`). */
  onEdit?: () => void,
) {
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const errors = Object.keys(clientErrors).length ? clientErrors : errorsFromProblem(serverError);

  // After a refused attempt, the first field in error takes focus, so that it is read out.
  useEffect(() => {
    if (attempt) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt, serverError]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const input = read(new FormData(form));
    const result = schema.safeParse(input);
    if (!result.success) {
      setClientErrors(errorsFromIssues(result.error.issues));
      setAttempt((n) => n + 1);
      return;
    }
    setClientErrors({});
    setAttempt((n) => n + 1);
    // What was checked goes to the server as it was typed: the server parses it with the same
    // schema, and some outputs are not inputs (a personnummer parses into an object).
    onValid(input as z.input<S>, form);
  };
  // An error stays only until its cause is gone: editing a field clears what was said about it,
  // and the server's refusal, which was about what was sent before.
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const name = (event.target as HTMLInputElement).name;
    if (name) setClientErrors((current) => (current[name] ? withoutKey(current, name) : current));
    if (serverError) onEdit?.();
  };
  return { formRef, onSubmit, onChange, errors, reset: () => setClientErrors({}) };
}

const withoutKey = (errors: FieldErrors, name: string): FieldErrors => {
  const rest = { ...errors };
  delete rest[name];
  return rest;
};

/** The props a <form> takes from useSchemaForm. */
export function formProps(form: ReturnType<typeof useSchemaForm>) {
  return { ref: form.formRef, onSubmit: form.onSubmit, onChange: form.onChange, noValidate: true };
}

/** A field's message in the language on screen, or nothing. */
export function useFieldMessage() {
  const { i18n } = useTranslation();
  return (errors: FieldErrors, name: string) => {
    const issue = errors[name];
    return issue ? fieldMessage({ ...issue, field: name.split('.').pop() }, i18n.language as Language) : undefined;
  };
}

interface FieldProps {
  label: string;
  name: string;
  errors: FieldErrors;
  /** The schema path the field's errors come under, when it is not the control's name. */
  errorName?: string;
  /** A fixed id, for a control that links point to (`#follow-up-date`). */
  id?: string;
  hint?: string;
  className?: string;
  children: (props: { id: string; name: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}

/** A labelled control with its hint and its error beside it, tied together for screen readers. */
export function Field({ label, name, errors, errorName, id: fixedId, hint, className, children }: FieldProps) {
  const generatedId = useId();
  const id = fixedId ?? generatedId;
  const message = useFieldMessage()(errors, errorName ?? name);
  const describedBy = [hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {children({ id, name, 'aria-invalid': Boolean(message), 'aria-describedby': describedBy })}
      {message && (
        <span id={`${id}-error`} className="field-error">
          {message}
        </span>
      )}
    </div>
  );
}

/** Checkboxes for one array field, grouped under a legend, with the group's error. */
export function CheckboxGroup({
  legend,
  name,
  errors,
  errorName,
  options,
  defaultChecked = [],
  hint,
}: {
  legend: string;
  name: string;
  errors: FieldErrors;
  /** The schema path the group's errors come under, when it is not the boxes' name. */
  errorName?: string;
  options: { value: string; label: string; group?: string }[];
  defaultChecked?: string[];
  hint?: string;
}) {
  const id = useId();
  const message = useFieldMessage()(errors, errorName ?? name);
  const groups = [...new Set(options.map((o) => o.group ?? ''))];
  const describedBy = [hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="checkbox-group" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {groups.map((group) => (
        <div key={group} className="checkbox-subgroup">
          {group && <p className="checkbox-group-name">{group}</p>}
          {options
            .filter((o) => (o.group ?? '') === group)
            .map((o, i) => (
              <label key={o.value} className="checkbox">
                <input
                  type="checkbox"
                  name={name}
                  value={o.value}
                  defaultChecked={defaultChecked.includes(o.value)}
                  // The first box takes focus when the group is in error.
                  aria-invalid={(Boolean(message) && group === groups[0] && i === 0) || undefined}
                />
                {o.label}
              </label>
            ))}
        </div>
      ))}
      {message && (
        <p id={`${id}-error`} className="field-error">
          {message}
        </p>
      )}
    </fieldset>
  );
}

/** The server's refusal as a whole, in the user's language; its field errors are shown beside the fields. */
export function FormProblem({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const message =
    error instanceof ApiError && error.problem.status !== 0
      ? problemMessage(error.problem.code, i18n.language as Language, { retryAfterSeconds: error.problem.retryAfterSeconds })
      : t('errors.network');
  return (
    <div role="alert" className="alert alert-error">
      {message}
    </div>
  );
}

/** Text or null: an empty optional field means "none". */
export const textOrNull = (form: FormData, name: string) => {
  const value = String(form.get(name) ?? '').trim();
  return value ? value : null;
};
export const text = (form: FormData, name: string) => String(form.get(name) ?? '');
/** A number field: empty is "not given" (undefined), anything else as typed (NaN when not a number). */
export const numberOrUndefined = (form: FormData, name: string) => {
  const value = String(form.get(name) ?? '').trim();
  return value === '' ? undefined : Number(value.replace(',', '.'));
};
