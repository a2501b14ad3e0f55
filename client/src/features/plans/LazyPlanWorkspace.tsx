import { Suspense, lazy } from 'react';
import type { PlanDetail } from '@sip/shared';
import { SectionPlaceholders, WorkspaceFrame } from './WorkspaceFrame';

// The workspace brings the rich-text editor; pages without it (worklist, sign-in) never
// download it.
const PlanWorkspace = lazy(() => import('./PlanWorkspace').then((m) => ({ default: m.PlanWorkspace })));

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
