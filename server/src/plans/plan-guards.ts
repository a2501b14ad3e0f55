import { type GuardFailure, type Language, type PlanAction, refusalMessage } from '@sip/shared';
import { ProblemException } from '../common/problem.exception';

/** A refused transition: 409 with every reason, e.g. "Kallelsen kan inte skickas: samtycke saknas." */
export function transitionRefused(action: PlanAction, failures: GuardFailure[]): ProblemException {
  return new ProblemException(409, 'transition_refused', {
    reasons: failures,
    detail: (language: Language) => refusalMessage(action, failures, language),
  });
}

export function assertGuards(action: PlanAction, failures: GuardFailure[]): void {
  if (failures.length) throw transitionRefused(action, failures);
}
