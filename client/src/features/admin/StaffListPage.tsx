import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useStaffList } from '../../api/admin';
import { usePageTitle } from '../../components/usePageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useUnitOptions } from './StaffFields';

export function StaffListPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.staff.title'));
  const staff = useStaffList();
  const units = new Map(useUnitOptions().map((u) => [u.value, `${u.label}, ${u.group}`]));
  const [filter, setFilter] = useState('');
  const [showDisabled, setShowDisabled] = useState(true);
  const needle = filter.trim().toLowerCase();
  const shown = (staff.data ?? []).filter(
    (s) => (showDisabled || !s.disabled) && (!needle || s.displayName.toLowerCase().includes(needle) || s.username.includes(needle)),
  );

  return (
    <section aria-labelledby="staff-h">
      <div className="page-heading">
        <h1 id="staff-h">{t('admin.staff.title')}</h1>
        <Link className="button-link button-primary" to="/admin/staff/new">
          {t('admin.staff.new')}
        </Link>
      </div>
      <p>{t('admin.staff.intro')}</p>
      <div className="inline-form" role="search">
        <div className="field">
          <label htmlFor="staff-filter">{t('admin.staff.filter')}</label>
          <input id="staff-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={showDisabled} onChange={(e) => setShowDisabled(e.target.checked)} />
          {t('admin.staff.showDisabled')}
        </label>
      </div>
      <ProblemAlert error={staff.error} />
      {staff.isPending && <p role="status">{t('admin.common.loading')}</p>}
      {staff.data && shown.length === 0 && <p className="empty-state">{t('admin.staff.none')}</p>}
      {shown.length > 0 && (
        <div className="table-scroll">
          <table className="worklist admin-table">
            <caption className="visually-hidden">{t('admin.staff.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.staff.columns.name')}</th>
                <th scope="col">{t('admin.staff.columns.username')}</th>
                <th scope="col">{t('admin.staff.columns.roles')}</th>
                <th scope="col">{t('admin.staff.columns.units')}</th>
                <th scope="col">{t('admin.staff.columns.status')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((s) => (
                <tr key={s.id} className={s.disabled ? 'disabled-row' : undefined}>
                  <th scope="row" data-label={t('admin.staff.columns.name')}>
                    <Link to={`/admin/staff/${s.id}`}>{s.displayName}</Link>
                    {s.title && <span className="hint"> · {s.title}</span>}
                  </th>
                  <td data-label={t('admin.staff.columns.username')}>{s.username}</td>
                  <td data-label={t('admin.staff.columns.roles')}>{s.systemRoles.map((r) => t(`layout.roles.${r}`)).join(', ')}</td>
                  <td data-label={t('admin.staff.columns.units')}>{s.unitIds.map((id) => units.get(id) ?? id).join('; ') || t('admin.common.none')}</td>
                  <td data-label={t('admin.staff.columns.status')}>
                    {s.disabled ? <span className="badge badge-danger">{t('admin.staff.disabled')}</span> : t('admin.staff.active')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
