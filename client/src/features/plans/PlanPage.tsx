import '../../i18n/meetings-words';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePlan } from '../../api/plans';
import { usePageTitle } from '../../components/usePageTitle';
import { ProblemAlert } from '../../components/ProblemAlert';
import { CitizenPlanView } from './CitizenPlanView';
import { StaffPlanView } from './StaffPlanView';
import { useAnchorFocus } from './use-anchor-focus';

export function PlanPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const plan = usePlan(id);
  usePageTitle(plan.data ? plan.data.person.name : t('app.loading'));
  useAnchorFocus(plan.isSuccess);
  if (plan.isPending) return <p role="status">{t('app.loading')}</p>;
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
  return citizen ? <CitizenPlanView plan={plan.data} /> : <StaffPlanView plan={plan.data} />;
}
