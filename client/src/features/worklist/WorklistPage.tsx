import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session';
import { usePageTitle } from '../../app/usePageTitle';

export function WorklistPage() {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  usePageTitle(t('worklist.title'));
  return (
    <section aria-labelledby="worklist-heading">
      <h1 id="worklist-heading">{t('worklist.title')}</h1>
      <p>{user?.kind === 'citizen' ? t('worklist.citizenIntro') : t('worklist.staffIntro')}</p>
      <p className="empty-state" role="status">
        {t('worklist.empty')}
      </p>
    </section>
  );
}
