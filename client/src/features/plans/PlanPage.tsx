import '../../i18n/meetings-words';
import { Suspense, lazy, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePlan } from '../../api/plans';
import { useSession } from '../../api/session';
import { usePageTitle } from '../../components/usePageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useAnchorFocus } from './use-anchor-focus';

/**
 * The person's side and the staff's side of a plan are chunks of their own: a phone on a
 * slow network loads neither the staff's forms nor the schema library they validate with.
 * Which one is known from the session (a citizen's account or a staff account) before the
 * plan arrives, so its code is fetched alongside the plan's request, not after it.
 */
const loadCitizenView = () => import('./CitizenPlanView');
const loadStaffView = () => import('./StaffPlanView');
const CitizenPlanView = lazy(() => loadCitizenView().then((m) => ({ default: m.CitizenPlanView })));
const StaffPlanView = lazy(() => loadStaffView().then((m) => ({ default: m.StaffPlanView })));

export function PlanPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const plan = usePlan(id);
  const accountKind = useSession().data?.user?.kind;
  useEffect(() => {
    if (accountKind) void (accountKind === 'citizen' ? loadCitizenView() : loadStaffView());
  }, [accountKind]);
  usePageTitle(plan.data ? plan.data.person.name : t('app.loading'));
  useAnchorFocus(plan.isSuccess);
  const loading = <p role="status">{t('app.loading')}</p>;
  if (plan.isPending) return loading;
  if (plan.error || !plan.data) {
    return (
      <section>
        <ProblemAlert error={plan.error} />
        <Link to="/">{t('plan.back')}</Link>
      </section>
    );
  }
  const as = plan.data.permissions.as;
  const citizen = as === 'person' || as === 'guardian' || as === 'representative' || as === 'relative';
  return <Suspense fallback={loading}>{citizen ? <CitizenPlanView plan={plan.data} /> : <StaffPlanView plan={plan.data} />}</Suspense>;
}
