import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { personLookupSchema } from '@sip/shared';
import { ApiError } from '../../api/client';
import { PERSON_PAGE_SIZE, lookupPersonByNumber, usePersonSearch } from '../../api/admin';
import { usePageTitle } from '../../components/usePageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate } from '../../components/format';
import { Field, FormProblem, text, useSchemaForm } from '../../components/form';

/** Persons by name (paged), or one by personnummer (sent in a POST body, never in the address). */
export function PersonsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('admin.persons.title'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(0, Number(params.get('page') ?? 0) || 0);
  const persons = usePersonSearch(q, page * PERSON_PAGE_SIZE);
  const pages = Math.max(1, Math.ceil((persons.data?.total ?? 0) / PERSON_PAGE_SIZE));

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('q') ?? '').trim();
    setParams(value ? { q: value } : {});
  };
  const goTo = (p: number) => setParams({ ...(q ? { q } : {}), ...(p ? { page: String(p) } : {}) });

  return (
    <section aria-labelledby="persons-h">
      <div className="page-heading">
        <h1 id="persons-h">{t('admin.persons.title')}</h1>
        <Link className="button-link button-primary" to="/admin/persons/new">
          {t('admin.persons.register')}
        </Link>
      </div>
      <p>{t('admin.persons.intro')}</p>
      <div className="search-forms">
        <form onSubmit={search} className="inline-form" role="search" aria-label={t('admin.persons.searchName')}>
          <div className="field">
            <label htmlFor="person-q">{t('admin.persons.searchName')}</label>
            <input id="person-q" name="q" type="search" defaultValue={q} key={q} autoComplete="off" />
          </div>
          <button type="submit">{t('admin.common.search')}</button>
        </form>
        <LookupForm />
      </div>
      <ProblemAlert error={persons.error} />
      {persons.isPending && <p role="status">{t('admin.common.loading')}</p>}
      {persons.data && persons.data.items.length === 0 && <p className="empty-state">{t('admin.persons.none')}</p>}
      {persons.data && persons.data.items.length > 0 && (
        <>
          <p className="hint" role="status">
            {t('admin.persons.total', { count: persons.data.total })}
          </p>
          <div className={`table-scroll${persons.isPlaceholderData ? ' stale' : ''}`} aria-busy={persons.isPlaceholderData}>
            <table className="worklist admin-table">
              <caption className="visually-hidden">{t('admin.persons.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.persons.columns.name')}</th>
                  <th scope="col">{t('admin.persons.columns.personnummer')}</th>
                  <th scope="col">{t('admin.persons.columns.born')}</th>
                  <th scope="col">{t('admin.persons.columns.relations')}</th>
                </tr>
              </thead>
              <tbody>
                {persons.data.items.map((p) => (
                  <tr key={p.id}>
                    <th scope="row" data-label={t('admin.persons.columns.name')}>
                      <Link to={`/admin/persons/${p.id}`}>{p.name}</Link>
                    </th>
                    <td data-label={t('admin.persons.columns.personnummer')}>{p.personnummerMasked}</td>
                    <td data-label={t('admin.persons.columns.born')}>{formatDate(`${p.birthDate}T12:00:00Z`, i18n.language)}</td>
                    <td data-label={t('admin.persons.columns.relations')}>
                      {p.relations.map((r) => `${r.displayName} (${t(`admin.persons.kinds.${r.kind}`)})`).join(', ') || t('admin.common.none')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 && (
            <nav className="button-row" aria-label={t('admin.persons.page', { page: page + 1, pages })}>
              <button type="button" onClick={() => goTo(page - 1)} disabled={page === 0}>
                {t('admin.persons.previous')}
              </button>
              <span>{t('admin.persons.page', { page: page + 1, pages })}</span>
              <button type="button" onClick={() => goTo(page + 1)} disabled={page + 1 >= pages}>
                {t('admin.persons.next')}
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}

function LookupForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [notFound, setNotFound] = useState(false);
  const form = useSchemaForm(
    personLookupSchema,
    (f) => ({ personnummer: text(f, 'personnummer') }),
    (value, element) => {
      setError(null);
      setNotFound(false);
      lookupPersonByNumber(value.personnummer).then(
        (person) => {
          // The number has done its work: it does not stay on screen.
          element.reset();
          navigate(`/admin/persons/${person.id}`);
        },
        (e: unknown) => (e instanceof ApiError && e.problem.status === 404 ? setNotFound(true) : setError(e)),
      );
    },
    error,
  );
  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} className="inline-form" role="search" aria-label={t('admin.persons.lookupTitle')} noValidate>
      <Field label={t('admin.persons.lookupTitle')} name="personnummer" errors={form.errors} hint={t('admin.persons.lookupHint')}>
        {(props) => <input {...props} inputMode="numeric" autoComplete="off" />}
      </Field>
      <button type="submit">{t('admin.persons.lookup')}</button>
      {notFound && (
        <p role="alert" className="alert alert-error">
          {t('admin.persons.notFound')}
        </p>
      )}
      <FormProblem error={error} />
    </form>
  );
}
