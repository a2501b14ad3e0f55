import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';

// The admin area is a chunk of its own: only administrators download it.
const AdminArea = lazy(() => import('./AdminArea'));

export function LazyAdminArea() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p className="loading" role="status">{t('app.loading')}</p>}>
      <AdminArea />
    </Suspense>
  );
}
