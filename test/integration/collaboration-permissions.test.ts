import * as Y from 'yjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type SectionName, documentName, sectionFields } from '@sip/shared';
import { arrayField, contentToJSON, insertParagraphs, richTextField, yMapFrom } from '@sip/shared/yjs';
import type { ApiSession } from '../support/api-session';
import { CollabClient, waitFor } from '../support/collab-client';
import { sqlClient } from '../support/database';
import { plan } from '../support/plan-builder';
import type { DirectoryIds } from '../support/plan-fixtures';
import { useTestApp } from '../support/use-test-app';

const app = useTestApp();
const clients: CollabClient[] = [];
const sessions: Record<string, ApiSession> = {};
let planId: string;
let ids: DirectoryIds;
afterAll(() => clients.forEach((c) => c.close()));

beforeAll(async () => {
  for (const u of ['eva.lind', 'jonas.ek', 'anders.nilsson', 'birgitta.nilsson']) sessions[u] = await app.as(u);
  // Anders's plan: consent for kommun and region, Jonas taking part, Birgitta allowed.
  const built = await plan(app).for('anders').by('eva.lind').withConsent(['kommun', 'region']).withParticipant('Jonas Ek').withRelative('birgitta').build();
  ({ id: planId, ids } = built);
});

async function stored(section: SectionName) {
  const db = await sqlClient(app.t.databaseUrl);
  const { rows } = await db.query('SELECT data FROM doc_update WHERE doc_name = $1 ORDER BY id', [documentName(planId, section)]);
  await db.end();
  const doc = new Y.Doc();
  for (const r of rows) Y.applyUpdate(doc, r.data);
  return contentToJSON(doc, section);
}

/** A valid edit for the section: a paragraph into its first rich-text field, or an item into its list. */
function edit(doc: Y.Doc, section: SectionName, marker: string) {
  const [field, kind] = Object.entries(sectionFields(section))[0]!;
  if (kind === 'rich') insertParagraphs(richTextField(doc, field), marker, 'start');
  else arrayField(doc, field).push([yMapFrom(section.startsWith('actions:') ? { id: marker, what: marker, status: 'planned' } : section === 'others' ? { id: marker, actor: 'Skolan', what: marker } : { id: marker, text: marker })]);
}

// Expected per actor, in the order of SECTIONS: rw = may write, r = read only, - = may not
// open, x = the plan has no such section (Anders is an adult: no child section).
const SECTIONS = (): SectionName[] => ['person', 'child', 'shared', 'others', `actions:${ids.kommun}`, `actions:${ids.region}`];
const EXPECTED: Record<string, string> = {
  'anders.nilsson': 'rw x r r r r',
  'birgitta.nilsson': 'r x r r r r',
  'eva.lind': 'r x rw rw rw r',
  'jonas.ek': 'r x rw rw r rw',
};

it('for every role × section, a write without write access is refused and reaches neither the store nor anyone else', async () => {
  const observer = await CollabClient.connect(app.t.baseUrl, sessions['eva.lind']!);
  clients.push(observer);
  const watching = new Map<SectionName, Y.Doc>();
  for (const section of SECTIONS()) if (section !== 'child') watching.set(section, (await observer.open(planId, section)).doc);

  for (const [user, expected] of Object.entries(EXPECTED)) {
    const c = await CollabClient.connect(app.t.baseUrl, sessions[user]!);
    clients.push(c);
    const rights = expected.split(' ');
    for (const [i, section] of SECTIONS().entries()) {
      const label = `${user} × ${section.startsWith('actions:') ? (section.endsWith(ids.kommun) ? 'actions:kommun' : 'actions:region') : section}`;
      const p = await c.open(planId, section);
      if (rights[i] === '-' || rights[i] === 'x') {
        expect(p.lastError?.code, label).toBe(rights[i] === 'x' ? 'unknown_document' : 'forbidden');
        continue;
      }
      expect(p.access, label).toEqual({ read: true, write: rights[i] === 'rw' });
      const marker = `m-${user}-${i}`;
      edit(p.doc, section, marker);
      if (rights[i] === 'rw') {
        await waitFor(() => p.status === 'saved', `${label} saved`);
        expect(JSON.stringify(await stored(section)), label).toContain(marker);
      } else {
        await waitFor(() => p.lastError !== null, `${label} refused`);
        expect(p.lastError?.code, label).toBe('read_only');
        expect(JSON.stringify(await stored(section)), label).not.toContain(marker);
      }
    }
  }
  // Nothing refused ever reached another client; everything accepted did.
  await new Promise((r) => setTimeout(r, 200));
  for (const [section, doc] of watching) {
    const seen = JSON.stringify(contentToJSON(doc, section));
    expect(seen).toBe(JSON.stringify(await stored(section)));
  }
});
