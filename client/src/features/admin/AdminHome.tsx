import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../components/usePageTitle';
import { ADMIN_SECTIONS } from './sections';

/** The administrator's start page: what can be done, and where. */
export function AdminHome() {
  const { t } = useTranslation();
  usePageTitle(t('admin.home.title'));
  return (
    <section aria-labelledby="admin-home-h">
      <h1 id="admin-home-h">{t('admin.home.title')}</h1>
      <p>{t('admin.home.intro')}</p>
      <ul className="admin-cards">
        {ADMIN_SECTIONS.map((section) => (
          <li key={section} className="card">
            <h2>
              <Link to={`/admin/${section}`}>{t(`admin.nav.${section}`)}</Link>
            </h2>
            <p>{t(`admin.home.${section}`)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
