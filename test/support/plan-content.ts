import { type SectionName } from '@sip/shared';
import { arrayField, insertParagraphs, richTextField, yMapFrom } from '@sip/shared/yjs';
import type { SocketYjsProvider } from '../../client/src/collab/socket-yjs-provider';
import { Clock } from '../../server/src/jobs/clock';
import { type ApiSession, signedIn } from './api-session';
import { CollabClient, waitFor } from './collab-client';
import { planWithMeetingHeld } from './plan-fixtures';

type Open = (session: ApiSession, section: SectionName) => Promise<SocketYjsProvider>;

/**
 * Writes, through real co-editing clients, the content finalising needs: a need and a goal,
 * an action for the kommun (by Eva) and for the region (by Jonas), and a measure by others;
 * resolves once all of it is stored.
 */
export async function writeStatutoryContent(open: Open, eva: ApiSession, jonas: ApiSession, ids: { kommun: string; region: string }) {
  const shared = await open(eva, 'shared');
  arrayField(shared.doc, 'needs').push([yMapFrom({ id: 'need1', text: 'Stöd i boendet' })]);
  arrayField(shared.doc, 'goals').push([yMapFrom({ id: 'goal1', text: 'Egen lägenhet', term: 'long' })]);
  const kommun = await open(eva, `actions:${ids.kommun}`);
  arrayField(kommun.doc, 'actions').push([yMapFrom({ id: 'k1', what: 'Boendestöd', needId: 'need1', status: 'planned', dueDate: '2027-01-31' })]);
  const region = await open(jonas, `actions:${ids.region}`);
  arrayField(region.doc, 'actions').push([yMapFrom({ id: 'r1', what: 'Läkemedelsgenomgång', status: 'ongoing' })]);
  const others = await open(eva, 'others');
  arrayField(others.doc, 'measures').push([yMapFrom({ id: 'o1', actor: 'Försäkringskassan', what: 'Utreder aktivitetsersättning' })]);
  for (const p of [shared, kommun, region, others]) await waitFor(() => p.status === 'saved', 'saved');
  return { shared, kommun, region, others };
}

/**
 * Anders's plan with a held meeting and the statutory content written by Eva and Jonas, and a
 * current situation in the shared part: what a plan page looks like in use. The co-editing
 * clients it opens go into `clients`, for the caller to close.
 */
export async function planWithWrittenContent(
  t: { baseUrl: string; app: { get(type: typeof Clock): Clock } },
  clients: CollabClient[],
  currentSituation: string,
  timeoutMs = 5000,
): Promise<{ planId: string; eva: ApiSession }> {
  const eva = await signedIn(t.baseUrl, 'eva.lind');
  const jonas = await signedIn(t.baseUrl, 'jonas.ek');
  const { planId, ids } = await planWithMeetingHeld(eva, t.app.get(Clock));
  const open: Open = async (session, section) => {
    const c = await CollabClient.connect(t.baseUrl, session);
    clients.push(c);
    return c.open(planId, section);
  };
  const { shared } = await writeStatutoryContent(open, eva, jonas, ids);
  insertParagraphs(richTextField(shared.doc, 'currentSituation'), currentSituation);
  await waitFor(() => shared.status === 'saved', 'saved', timeoutMs);
  return { planId, eva };
}
