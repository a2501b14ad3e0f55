import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTY_CODE_LIST, COUNTY_CODES, type CountyCode, type CountySettings, updateCountySettingsSchema } from '@sip/shared';
import { useCountySettings, useOrganisationList, usePutCountySettings } from '../../api/admin';
import { usePageTitle } from '../../components/usePageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { COUNTY_SETTING_GROUPS } from './county-setting-groups';
import { FormProblem, useSchemaForm } from '../../components/form';
import { SavedStatus } from './parts';

/**
 * A county's settings as one form of field groups (county-setting-groups.tsx): each group
 * renders its fields and reads them back into its part of the PUT body.
 */
export function CountySettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.settings.title'));
  const organisations = useOrganisationList();
  const inUse = [...new Set((organisations.data ?? []).map((o) => o.countyCode).filter((c): c is CountyCode => c !== null))].sort();
  const [chosen, setChosen] = useState<CountyCode | null>(null);
  const county = chosen ?? inUse[0] ?? (organisations.data ? COUNTY_CODE_LIST[0] : undefined);
  const settings = useCountySettings(county);
  // Kept here: saving re-keys the form below, which starts afresh with what was stored.
  const [saved, setSaved] = useState<string | null>(null);

  return (
    <section aria-labelledby="settings-h">
      <h1 id="settings-h">{t('admin.settings.title')}</h1>
      <p>{t('admin.settings.intro')}</p>
      <ProblemAlert error={organisations.error ?? settings.error} />
      {county && (
        <div className="field county-picker">
          <label htmlFor="county">{t('admin.settings.county')}</label>
          <select
            id="county"
            value={county}
            onChange={(e) => {
              setSaved(null);
              setChosen(e.target.value as CountyCode);
            }}
          >
            <optgroup label={t('admin.settings.countiesInUse')}>
              {inUse.map((code) => (
                <option key={code} value={code}>
                  {COUNTY_CODES[code]}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('admin.settings.otherCounties')}>
              {COUNTY_CODE_LIST.filter((c) => !inUse.includes(c)).map((code) => (
                <option key={code} value={code}>
                  {COUNTY_CODES[code]}
                </option>
              ))}
            </optgroup>
          </select>
        </div>
      )}
      {settings.isPending && county && <p role="status">{t('admin.common.loading')}</p>}
      {/* A form per county; after a save its fields already hold what was stored. */}
      {settings.data && <SettingsForm key={county} settings={settings.data} onSaved={setSaved} />}
      <SavedStatus message={saved} />
    </section>
  );
}

function SettingsForm({ settings, onSaved }: { settings: CountySettings; onSaved: (message: string | null) => void }) {
  const { t } = useTranslation();
  const put = usePutCountySettings(settings.countyCode);
  const name = COUNTY_CODES[settings.countyCode];
  const form = useSchemaForm(
    updateCountySettingsSchema,
    (f) => Object.assign({}, ...COUNTY_SETTING_GROUPS.map((g) => g.read(f))),
    (value) => {
      onSaved(null);
      put.mutate(value, { onSuccess: () => onSaved(t('admin.settings.saved', { county: name })) });
    },
    put.error,
  );
  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} className="card settings-form" aria-label={name} noValidate>
      {COUNTY_SETTING_GROUPS.map(({ id, Fields }) => (
        <Fields key={id} settings={settings} errors={form.errors} />
      ))}
      <FormProblem error={put.error} />
      <button type="submit" className="button-primary" disabled={put.isPending}>
        {put.isPending ? t('admin.common.saving') : t('admin.settings.save', { county: name })}
      </button>
    </form>
  );
}
