import { useTranslation } from 'react-i18next';
import { SYSTEM_ROLES } from '@sip/shared';
import { useOrganisationList, useUnitList } from '../../api/admin';
import { CheckboxGroup, Field, type FieldErrors, textOrNull, text } from '../../components/form';

/** Name, title, roles and units: the same fields when an account is made and when it is changed. */
export function StaffFields({ errors, defaults }: { errors: FieldErrors; defaults?: { displayName: string; title: string | null; systemRoles: string[]; unitIds: string[] } }) {
  const { t } = useTranslation();
  const unitOptions = useUnitOptions();
  return (
    <>
      <div className="field-row">
        <Field label={t('admin.staff.displayName')} name="displayName" errors={errors} className="grow">
          {(props) => <input {...props} defaultValue={defaults?.displayName} autoComplete="off" />}
        </Field>
        <Field label={`${t('admin.staff.jobTitle')} ${t('admin.common.optional')}`} name="title" errors={errors} className="grow">
          {(props) => <input {...props} defaultValue={defaults?.title ?? ''} autoComplete="off" />}
        </Field>
      </div>
      <CheckboxGroup
        legend={t('admin.staff.roles')}
        hint={t('admin.staff.rolesHint')}
        name="systemRoles"
        errors={errors}
        options={SYSTEM_ROLES.map((r) => ({ value: r, label: t(`layout.roles.${r}`) }))}
        defaultChecked={defaults?.systemRoles ?? ['practitioner']}
      />
      <CheckboxGroup
        legend={t('admin.staff.units')}
        hint={t('admin.staff.unitsHint')}
        name="unitIds"
        errors={errors}
        options={unitOptions}
        defaultChecked={defaults?.unitIds}
      />
    </>
  );
}

/** Every unit, grouped under its principal. */
export function useUnitOptions() {
  const organisations = useOrganisationList().data ?? [];
  const units = useUnitList().data ?? [];
  const name = new Map(organisations.map((o) => [o.id, o.name]));
  return units
    .map((u) => ({ value: u.id, label: u.name, group: name.get(u.organisationId) ?? '' }))
    .sort((a, b) => a.group.localeCompare(b.group, 'sv') || a.label.localeCompare(b.label, 'sv'));
}

export const readStaffFields = (f: FormData) => ({
  displayName: text(f, 'displayName'),
  title: textOrNull(f, 'title'),
  systemRoles: f.getAll('systemRoles').map(String),
  unitIds: f.getAll('unitIds').map(String),
});
