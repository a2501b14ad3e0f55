import { Navigate } from 'react-router';
import { useSession } from '../api/session';
import { WorklistPage } from '../features/worklist/WorklistPage';
import { isManagerOnly } from './roles';

/** The start page: the worklist, except for managers who work in no plans — their statistics. */
export function HomePage() {
  const user = useSession().data?.user;
  if (user && isManagerOnly(user)) return <Navigate to="/statistics" replace />;
  return <WorklistPage />;
}
