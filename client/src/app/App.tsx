import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError } from '../api/client';
import { sessionKey } from '../api/session';
import { SignInPage } from '../features/sign-in/SignInPage';
import { PlanPage } from '../features/plans/PlanPage';
import { StartPlanPage } from '../features/plans/StartPlanPage';
import { HomePage } from './HomePage';
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

const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      // Loaded on its own: the charts are only fetched by managers.
      { path: 'statistics', lazy: async () => ({ Component: (await import('../features/statistics/StatisticsPage')).StatisticsPage }) },
      { path: 'plans/new', element: <StartPlanPage /> },
      { path: 'plans/:id', element: <PlanPage /> },
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
