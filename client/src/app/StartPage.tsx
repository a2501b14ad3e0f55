import { Navigate } from 'react-router';
import type { CurrentUser } from '@sip/shared';
import { useSession } from '../api/session';
import { WorklistPage } from '../features/worklist/WorklistPage';

/**
 * Where `/` leads. An administrator who works in no plan would find an empty worklist there;
 * their work is the admin area.
 */
export function StartPage() {
  const user = useSession().data?.user;
  if (user && isAdminOnly(user)) return <Navigate to="/admin" replace />;
  return <WorklistPage />;
}

export const isAdminOnly = (user: CurrentUser) => user.systemRoles.includes('admin') && !user.systemRoles.includes('practitioner');
