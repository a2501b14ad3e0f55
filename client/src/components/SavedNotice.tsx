import { useTranslation } from 'react-i18next';

/**
 * "Sparat" after a form was saved, said by screen readers too: the live region is always on
 * the page (a region that appears with its text is often not read out), and its text is
 * there from a successful save until the next edit.
 */
export function SavedNotice({ saved }: { saved: boolean }) {
  const { t } = useTranslation();
  return (
    <p role="status" className="saved-notice">
      {saved ? t('staffPlan.saved') : ''}
    </p>
  );
}
