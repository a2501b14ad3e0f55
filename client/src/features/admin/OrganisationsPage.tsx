import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTY_CODES, type CountyCode, type Organisation, type Unit, updateUnitSchema, updateOrganisationSchema } from '@sip/shared';
import { ApiError } from '../../api/client';
import { useDeleteOrganisation, useDeleteUnit, useOrganisationList, useUnitList, useUpdateOrganisation, useUpdateUnit } from '../../api/admin';
import { usePageTitle } from '../../components/usePageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { NewOrganisationForm } from './NewOrganisationForm';
import { AddUnitForm, NameForm } from './OrganisationForms';
import { ConfirmButton, SavedStatus } from './parts';

/** Every principal with its units: add, rename and remove (what is still in use is refused). */
export function OrganisationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.organisations.title'));
  const organisations = useOrganisationList();
  const units = useUnitList();
  const [saved, setSaved] = useState<string | null>(null);

  return (
    <section aria-labelledby="orgs-h">
      <h1 id="orgs-h">{t('admin.organisations.title')}</h1>
      <p>{t('admin.organisations.intro')}</p>
      <SavedStatus message={saved} />
      <ProblemAlert error={organisations.error ?? units.error} />
      {(organisations.isPending || units.isPending) && <p role="status">{t('admin.common.loading')}</p>}
      {organisations.data?.map((o) => (
        <OrganisationCard key={o.id} organisation={o} units={(units.data ?? []).filter((u) => u.organisationId === o.id)} onSaved={setSaved} />
      ))}
      <NewOrganisationForm onSaved={setSaved} />
    </section>
  );
}

const countyName = (code: string | null) => (code ? (COUNTY_CODES[code as CountyCode] ?? code) : null);

function OrganisationCard({ organisation: o, units, onSaved }: { organisation: Organisation; units: Unit[]; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const rename = useUpdateOrganisation();
  const remove = useDeleteOrganisation();
  const [renaming, setRenaming] = useState(false);
  const headingId = `org-${o.id}`;
  return (
    <article className="card organisation" aria-labelledby={headingId}>
      <div className="card-heading">
        <h2 id={headingId}>{o.name}</h2>
        <p className="hint">
          {t(`admin.organisations.kinds.${o.kind}`)}
          {o.countyCode ? `, ${countyName(o.countyCode)}` : ''}
        </p>
        <div className="button-row">
          <button type="button" className="button-small" onClick={() => setRenaming((r) => !r)} aria-expanded={renaming}>
            {t('admin.common.rename')}
          </button>
          <ConfirmButton
            label={t('admin.common.remove')}
            question={t('admin.common.reallyRemove', { name: o.name })}
            confirmLabel={t('admin.common.confirmRemove', { name: o.name })}
            onConfirm={() => remove.mutate(o.id, { onSuccess: () => onSaved(t('admin.common.saved')) })}
          />
        </div>
      </div>
      {renaming && (
        <NameForm
          label={t('admin.organisations.newName', { name: o.name })}
          initial={o.name}
          schema={updateOrganisationSchema}
          error={rename.error}
          pending={rename.isPending}
          submit={(name) => rename.mutate({ id: o.id, name }, { onSuccess: () => (setRenaming(false), onSaved(t('admin.common.saved'))) })}
          onCancel={() => setRenaming(false)}
        />
      )}
      <InUseAlert error={remove.error} message={t('admin.organisations.inUseOrganisation')} />
      <h3>{t('admin.organisations.units')}</h3>
      {units.length === 0 ? (
        <p className="hint">{t('admin.organisations.noUnits')}</p>
      ) : (
        <ul className="plain-list unit-list">
          {units.map((u) => (
            <UnitRow key={u.id} unit={u} onSaved={onSaved} />
          ))}
        </ul>
      )}
      <AddUnitForm organisation={o} onSaved={onSaved} />
    </article>
  );
}

function UnitRow({ unit, onSaved }: { unit: Unit; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const rename = useUpdateUnit();
  const remove = useDeleteUnit();
  const [renaming, setRenaming] = useState(false);
  return (
    <li>
      <div className="unit-row">
        <span>{unit.name}</span>
        <span className="button-row">
          <button type="button" className="button-small" onClick={() => setRenaming((r) => !r)} aria-expanded={renaming}>
            {t('admin.common.rename')}
            <span className="visually-hidden"> {unit.name}</span>
          </button>
          <ConfirmButton
            label={t('admin.common.remove')}
            question={t('admin.common.reallyRemove', { name: unit.name })}
            confirmLabel={t('admin.common.confirmRemove', { name: unit.name })}
            onConfirm={() => remove.mutate(unit.id, { onSuccess: () => onSaved(t('admin.common.saved')) })}
          />
        </span>
      </div>
      {renaming && (
        <NameForm
          label={t('admin.organisations.newName', { name: unit.name })}
          initial={unit.name}
          schema={updateUnitSchema}
          error={rename.error}
          pending={rename.isPending}
          submit={(name) => rename.mutate({ id: unit.id, name }, { onSuccess: () => (setRenaming(false), onSaved(t('admin.common.saved'))) })}
          onCancel={() => setRenaming(false)}
        />
      )}
      <InUseAlert error={remove.error} message={t('admin.organisations.inUseUnit')} />
    </li>
  );
}

/** "In use" is said in words that say what to do; anything else as the server's problem. */
function InUseAlert({ error, message }: { error: unknown; message: string }) {
  if (!error) return null;
  if (error instanceof ApiError && error.problem.code === 'in_use') {
    return (
      <p role="alert" className="alert alert-error">
        {message}
      </p>
    );
  }
  return <ProblemAlert error={error} />;
}
