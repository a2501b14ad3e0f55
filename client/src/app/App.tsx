import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError } from '../api/client';
import { sessionKey } from '../api/session';
import { SignInPage } from '../features/sign-in/SignInPage';
import { WorklistPage } from '../features/worklist/WorklistPage';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';

const queryClient: QueryClient = new QueryClient({
  defaultOptions: { queries: { retry: (count, error) => !(error instanceof ApiError) && count < 2 } },
  queryCache: new QueryCache({
    // A 401 anywhere means the session is gone: re-read it, and the layout sends the user
    // to the sign-in page.
    onError: (error) => {
      if (error instanceof ApiError && error.problem.status === 401) {
        void queryClient.invalidateQueries({ queryKey: sessionKey });
      }
    },
  }),
});

/**
 * The plan pages are half of the client's own code; the sign-in page and the worklist load
 * without them. Opened straight on a plan, the page's code is fetched at once, alongside the
 * session, rather than after it.
 */
const loadPlanPage = () => import('../features/plans/PlanPage');
if (window.location.pathname.startsWith('/plans/') && window.location.pathname !== '/plans/new') void loadPlanPage();
const PlanPage = lazy(() => loadPlanPage().then((m) => ({ default: m.PlanPage })));
const StartPlanPage = lazy(() => import('../features/plans/StartPlanPage').then((m) => ({ default: m.StartPlanPage })));

/** A page whose code may still be on its way: the same loading line the pages show for their data. */
function Loaded({ page: Page }: { page: ComponentType }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
      <Page />
    </Suspense>
  );
}

const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    element: <Layout />,
    children: [
      { index: true, element: <WorklistPage /> },
      { path: 'plans/new', element: <Loaded page={StartPlanPage} /> },
      { path: 'plans/:id', element: <Loaded page={PlanPage} /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
