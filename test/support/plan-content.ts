import { type SectionName } from '@sip/shared';
import { arrayField, yMapFrom } from '@sip/shared/yjs';
import type { SocketYjsProvider } from '../../client/src/collab/socket-yjs-provider';
import type { ApiSession } from './api-session';
import { waitFor } from './collab-client';

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
