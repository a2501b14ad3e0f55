import { Suspense, lazy } from 'react';
import type { PlanDetail } from '@sip/shared';
import { SectionPlaceholders, WorkspaceFrame } from './WorkspaceFrame';

// The workspace brings the rich-text editor; pages without it (worklist, sign-in) never
// download it.
// A page may ask for it early (loadPlanWorkspace) while it shows what comes before it.
export const loadPlanWorkspace = () => import('./PlanWorkspace');
const PlanWorkspace = lazy(() => loadPlanWorkspace().then((m) => ({ default: m.PlanWorkspace })));

export function LazyPlanWorkspace({ plan }: { plan: PlanDetail }) {
  return (
    <Suspense
      fallback={
        <WorkspaceFrame busy>
          <SectionPlaceholders plan={plan} />
        </WorkspaceFrame>
      }
    >
      <PlanWorkspace plan={plan} />
    </Suspense>
  );
}
