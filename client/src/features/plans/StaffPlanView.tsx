import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlanDetail } from '@sip/shared';
import { FollowUpSummary } from '../follow-up/FollowUpSummary';
import { CallsSection } from './CallsSection';
import { ChildViewSection } from './ChildViewSection';
import { ConsentSection } from './ConsentSection';
import { LazyPlanWorkspace } from './LazyPlanWorkspace';
import { LifecycleActions } from './LifecycleActions';
import { MeetingsSection } from './MeetingsSection';
import { ParticipantsSection } from './ParticipantsSection';
import { PlanHeader } from './PlanHeader';
import { PlanHistory } from './PlanHistory';
import { PlanVersions } from './PlanVersions';
import { PreparationSection } from './PreparationSection';

/** The plan page for staff: each part in a file of its own, shown as far as the policy lets this reader. */
export function StaffPlanView({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const can = plan.permissions.can;
  return (
    <article className="plan" aria-labelledby="plan-heading">
      <Link to="/">{t('plan.back')}</Link>
      <PlanHeader plan={plan} />
      {can.manage_lifecycle && <LifecycleActions plan={plan} />}
      <FollowUpSummary plan={plan} />
      <LazyPlanWorkspace plan={plan} />
      <PlanVersions plan={plan} />
      {plan.consents && <ConsentSection plan={plan} />}
      {plan.participants && <ParticipantsSection plan={plan} />}
      {(can.prepare || plan.questions.length > 0) && <PreparationSection plan={plan} />}
      {plan.calls && <CallsSection plan={plan} />}
      {plan.meetings && <MeetingsSection plan={plan} />}
      {plan.person.isChild && plan.permissions.read.child_view && <ChildViewSection plan={plan} />}
      {plan.history && <PlanHistory history={plan.history} />}
    </article>
  );
}
