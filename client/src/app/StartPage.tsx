import { Navigate } from 'react-router';
import { useSession } from '../api/session';
import { WorklistPage } from '../features/worklist/WorklistPage';
import { isAdminOnly, isManagerOnly } from './roles';

/**
 * Where `/` leads: the worklist, except for those who work in no plan and would find it
 * empty — a manager's statistics, an administrator's admin area.
 */
export function StartPage() {
  const user = useSession().data?.user;
  if (user && isManagerOnly(user)) return <Navigate to="/statistics" replace />;
  if (user && isAdminOnly(user)) return <Navigate to="/admin" replace />;
  return <WorklistPage />;
}
