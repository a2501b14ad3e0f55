import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession, useSignOut } from '../api/session';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { isAdminOnly, isManager, isManagerOnly } from './roles';
import { HeaderNotifications } from '../features/notifications/NotificationCentre';

/** The signed-in frame: who you are, where you can go, and sign-out. */
export function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const hadUser = useRef(false);
  const signingOut = useRef(false);

  if (session.isPending) return <p className="loading" role="status">{t('app.loading')}</p>;
  const user = session.data?.user;
  if (!user) {
    // Signed in a moment ago and not signing out: the session ended (expired, or ended
    // elsewhere) — the sign-in page says so.
    const ended = hadUser.current && !signingOut.current;
    return <Navigate to="/sign-in" replace state={{ from: location.pathname, ...(ended ? { notice: 'expired' } : {}) }} />;
  }
  hadUser.current = true;

  // Staff are shown by their title (sjuksköterska, kurator…), not as "Handläggare".
  const role =
    user.kind === 'staff'
      ? user.title || user.systemRoles.map((r) => t(`layout.roles.${r}`)).join(', ')
      : t('layout.citizen');
  const unit = user.units.map((u) => `${u.name}, ${u.organisationName}`).join('; ');

  const onSignOut = () => {
    signingOut.current = true;
    signOut.mutate(undefined, {
      onSettled: () => navigate('/sign-in', { replace: true, state: { notice: 'signedOut' } }),
    });
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-full">{t('app.fullName')}</span>
        </div>
        <nav aria-label={t('layout.mainNav')}>
          <ul>
            {!isAdminOnly(user) && !isManagerOnly(user) && (
              <li>
                <NavLink to="/" end>
                  {t('layout.worklist')}
                </NavLink>
              </li>
            )}
            {isManager(user) && (
              <li>
                <NavLink to="/statistics">{t('statistics.nav')}</NavLink>
              </li>
            )}
            {user.systemRoles.includes('admin') && (
              <li>
                <NavLink to="/admin">{t('admin.nav.label')}</NavLink>
              </li>
            )}
            {user.systemRoles.includes('practitioner') && (
              <li>
                <NavLink to="/todo">{t('todo.nav')}</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="user-box">
          <p className="user-identity">
            <span className="visually-hidden">{t('layout.signedInAs')} </span>
            <strong data-testid="user-name">{user.displayName}</strong>
            <span data-testid="user-role">{role}</span>
            {user.kind === 'staff' && <span data-testid="user-unit">{unit || t('layout.noUnit')}</span>}
          </p>
          <HeaderNotifications accountId={user.id} />
          <LanguageSwitcher />
          <button type="button" onClick={onSignOut} disabled={signOut.isPending}>
            {t('layout.signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
