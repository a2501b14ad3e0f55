import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '@sip/shared';

// The workspace brings the rich-text editor; pages without it (worklist, sign-in) never
// download it.
const PlanWorkspace = lazy(() => import('./PlanWorkspace').then((m) => ({ default: m.PlanWorkspace })));

export function LazyPlanWorkspace({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p className="hint" role="status">{t('collab.loading')}</p>}>
      <PlanWorkspace plan={plan} />
    </Suspense>
  );
}
