import '../../i18n/admin-words';
import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes } from 'react-router';
import { useSession } from '../../api/session';
import { NotFoundPage } from '../../components/NotFoundPage';
import { usePageTitle } from '../../components/usePageTitle';
import { AdminHome } from './AdminHome';
import { AuditLogPage } from './AuditLogPage';
import { CountySettingsPage } from './CountySettingsPage';
import { OrganisationsPage } from './OrganisationsPage';
import { PersonCreatePage } from './PersonCreatePage';
import { PersonPage } from './PersonPage';
import { PersonsPage } from './PersonsPage';
import { StaffCreatePage } from './StaffCreatePage';
import { StaffEditPage } from './StaffEditPage';
import { StaffListPage } from './StaffListPage';
import { ADMIN_SECTIONS } from './sections';
import './admin.css';

/**
 * The administrator's area, loaded on its own (others never download it). The server
 * refuses every call here to anyone else; the page says so rather than showing empty lists.
 */
export default function AdminArea() {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  if (!user?.systemRoles.includes('admin')) return <NotAllowed />;
  return (
    <div className="admin-area">
      <nav className="admin-nav" aria-label={t('admin.nav.section')}>
        <ul>
          <li>
            <NavLink to="/admin" end>
              {t('admin.nav.home')}
            </NavLink>
          </li>
          {ADMIN_SECTIONS.map((section) => (
            <li key={section}>
              <NavLink to={`/admin/${section}`}>{t(`admin.nav.${section}`)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        <Route index element={<AdminHome />} />
        <Route path="organisations" element={<OrganisationsPage />} />
        <Route path="staff" element={<StaffListPage />} />
        <Route path="staff/new" element={<StaffCreatePage />} />
        <Route path="staff/:id" element={<StaffEditPage />} />
        <Route path="persons" element={<PersonsPage />} />
        <Route path="persons/new" element={<PersonCreatePage />} />
        <Route path="persons/:id" element={<PersonPage />} />
        <Route path="settings" element={<CountySettingsPage />} />
        <Route path="audit" element={<AuditLogPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}

function NotAllowed() {
  const { t } = useTranslation();
  usePageTitle(t('admin.nav.label'));
  return (
    <section>
      <h1>{t('admin.nav.label')}</h1>
      <p role="alert" className="alert alert-error">
        {t('admin.notAllowed')}
      </p>
    </section>
  );
}
