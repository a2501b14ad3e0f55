import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ComponentType, Suspense, lazy, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ApiError } from '../api/client';
import { planQuery } from '../api/plans';
import { sessionKey } from '../api/session';
import { LazyAdminArea } from '../features/admin/LazyAdminArea';
import { SignInPage } from '../features/sign-in/SignInPage';
import { Layout } from './Layout';
import { NotFoundPage } from '../components/NotFoundPage';
import { StartPage } from './StartPage';

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
 * without them. Opened straight on a plan, the page's code is fetched right after the first
 * paint, alongside the session, rather than once the session has come (see App).
 */
const loadPlanPage = () => import('../features/plans/PlanPage');
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
const TodoPage = lazy(() => import('../features/todo/TodoPage').then((m) => ({ default: m.TodoPage })));
const NotificationPreferencesPage = lazy(() =>
  import('../features/notifications/NotificationPreferencesPage').then((m) => ({ default: m.NotificationPreferencesPage })),
);
const PreparationPage = lazy(() => import('../features/meetings/PreparationPage').then((m) => ({ default: m.PreparationPage })));
const LiveMeetingPage = lazy(() => import('../features/meetings/LiveMeetingPage').then((m) => ({ default: m.LiveMeetingPage })));
// Charts only for the statistics page, which managers open.
const StatisticsPage = lazy(() => import('../features/statistics/StatisticsPage').then((m) => ({ default: m.StatisticsPage })));

export function App() {
  // After the first paint (the frame after this commit), so that it does not hold up the
  // first paint, which waits for what is already being fetched.
  useEffect(() => {
    const path = window.location.pathname;
    if (!path.startsWith('/plans/') || path === '/plans/new' || path.includes('/meetings/')) return;
    // The plan itself too: otherwise its request waits for the page's code to arrive and run,
    // one more round trip on a phone's network before anything of the plan can show.
    const planId = path.slice('/plans/'.length).split('/')[0]!;
    const frame = requestAnimationFrame(() =>
      setTimeout(() => {
        void loadPlanPage();
        void queryClient.prefetchQuery(planQuery(planId));
      }, 0),
    );
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <QueryClientProvider client={queryClient}>
      {/* Declarative routes: the app uses no loaders or actions, and without them the router's
          data layer stays out of the first load. */}
      <BrowserRouter>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route element={<Layout />}>
            <Route index element={<StartPage />} />
            <Route path="plans/new" element={<Loaded page={StartPlanPage} />} />
            <Route path="plans/:id" element={<Loaded page={PlanPage} />} />
            <Route path="plans/:id/meetings/:meetingId/prepare" element={<Loaded page={PreparationPage} />} />
            <Route path="plans/:id/meetings/:meetingId/live" element={<Loaded page={LiveMeetingPage} />} />
            <Route path="statistics" element={<Loaded page={StatisticsPage} />} />
            <Route path="todo" element={<Loaded page={TodoPage} />} />
            <Route path="settings/notifications" element={<Loaded page={NotificationPreferencesPage} />} />
            <Route path="admin/*" element={<LazyAdminArea />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
