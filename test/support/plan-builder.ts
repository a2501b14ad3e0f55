import { type ClosingReason, type PlanChange, type PlanDetail, type PlanRole, type PlanState, type Preparation, type Requester, stockholmDate } from '@sip/shared';
import { insertParagraphs, richTextField } from '@sip/shared/yjs';
import { Clock } from '../../server/src/jobs/clock';
import { DEMO_PERSONS, DEMO_STAFF } from '../../server/src/seed/demo-data';
import type { RecordConsentInput, SendCallInput } from './api-routes';
import { type ApiSession, type SessionSource, ok, sessionCache } from './api-session';
import { CollabClient, waitFor, writeRichText } from './collab-client';
import { writeStatutoryContent } from './plan-content';
import { type DirectoryIds, PNR, at, directoryIds, inDays, personId, staffId, today } from './plan-fixtures';
import type { TestAppContext } from './use-test-app';

export type PersonKey = keyof typeof PNR;
export type OrganisationKey = 'kommun' | 'region' | 'fk';
export type UnitKey = 'vuxenenheten' | 'barnOchUnga' | 'vuxenpsykiatri' | 'bup' | 'fkUnit';

const UNIT_ORGANISATION: Record<UnitKey, OrganisationKey> = {
  vuxenenheten: 'kommun',
  barnOchUnga: 'kommun',
  vuxenpsykiatri: 'region',
  bup: 'region',
  fkUnit: 'fk',
};
/** The demo data's unit keys (demo-data.ts) as `directoryIds()` names them. */
const DEMO_UNIT: Record<string, UnitKey> = {
  vuxenenheten: 'vuxenenheten',
  'barn-och-unga': 'barnOchUnga',
  vuxenpsykiatri: 'vuxenpsykiatri',
  bup: 'bup',
  'fk-uppsala': 'fkUnit',
};

/** What a step of the builder works with. */
interface Built {
  source: SessionSource;
  planId: string;
  ids: DirectoryIds;
  starter: string;
  person: PersonKey;
  state: PlanState;
}
type Step = (plan: Built) => Promise<PlanChange | void>;

interface Recipe {
  person: PersonKey;
  starter: string;
  unit?: UnitKey;
  trigger: 'ordinary' | 'discharge' | 'request';
  reason: string;
  requestedBy?: Requester;
  dischargeReadyAt?: string;
  steps: Step[];
}

/** A plan built by `plan(…)…build()`: its id, and ways to look at it as anyone. */
export interface BuiltPlan {
  id: string;
  /** The demo directory's ids (organisations and units). */
  ids: DirectoryIds;
  /** Its state after the last step. */
  state: PlanState;
  /** The practitioner who started it, signed in. */
  starter: ApiSession;
  /** A demo user's signed-in session, shared with the test file (see `useTestApp().as`). */
  as(username: string): Promise<ApiSession>;
  /** The plan as a user reads it now (`GET /api/plans/:id`); the starter by default. */
  detail(reader?: string | ApiSession): Promise<PlanDetail>;
}

/**
 * A plan brought into the state a test needs, through the API only (and co-editing clients
 * for its content) — the product's own way there, never SQL. Steps run in the order they are
 * written, each as the practitioner who started the plan unless said otherwise; a refused step
 * fails the build with the server's answer. The builder is immutable: a partly written chain
 * can be kept and built more than once, each `build()` making a new plan.
 *
 *     const p = await plan(app).for('anders').by('eva.lind').withConsent(['kommun', 'region'])
 *       .withParticipant('Jonas Ek').withRelative('birgitta').preparing()
 *       .called({ unit: 'vuxenpsykiatri' }).meetingHeld().withContent().finalised().build();
 *
 * `on` is a `useTestApp()` context (whose shared sessions it uses) or a server's base URL.
 */
export function plan(on: SessionSource | string): PlanBuilder {
  return new PlanBuilder(typeof on === 'string' ? sessionCache(on) : on, {
    person: 'anders',
    starter: 'eva.lind',
    trigger: 'ordinary',
    reason: 'Samordning',
    steps: [],
  });
}

export class PlanBuilder {
  constructor(
    private readonly source: SessionSource,
    private readonly recipe: Recipe,
  ) {}

  private with(change: Partial<Recipe>): PlanBuilder {
    return new PlanBuilder(this.source, { ...this.recipe, ...change });
  }

  private then(step: Step): PlanBuilder {
    return this.with({ steps: [...this.recipe.steps, step] });
  }

  /** Whose plan it is (a demo person; Anders by default). */
  for(person: PersonKey): PlanBuilder {
    return this.with({ person });
  }

  /** Who starts it (a demo practitioner; Eva by default), from which of their units (their first by default). */
  by(username: string, unit?: UnitKey): PlanBuilder {
    return this.with({ starter: username, unit });
  }

  /** Why it is started (the `reason` field). */
  because(reason: string): PlanBuilder {
    return this.with({ reason });
  }

  /** A SIP someone asked for. */
  requestedBy(requestedBy: Requester): PlanBuilder {
    return this.with({ trigger: 'request', requestedBy });
  }

  /** A discharge SIP: the patient was declared utskrivningsklar at `readyAt`. */
  discharge(readyAt: string): PlanBuilder {
    return this.with({ trigger: 'discharge', dischargeReadyAt: readyAt });
  }

  /**
   * Consent for the given organisations, documented by the starter: given by the person, or
   * for a child by every guardian with custody. Anything in `body` replaces the defaults.
   */
  withConsent(organisations: OrganisationKey[] = ['kommun', 'region'], body: Partial<RecordConsentInput> = {}): PlanBuilder {
    return this.then(async (p) => {
      const starter = await p.source.as(p.starter);
      const child = DEMO_PERSONS.find((d) => d.personnummer === PNR[p.person])!.relations.some((r) => r.kind === 'guardian');
      const guardians = child ? (await detailOf(starter, p.planId)).participants!.filter((x) => x.role === 'vardnadshavare').map((x) => x.accountId!) : [];
      return ok(
        await starter.post(`/api/plans/${p.planId}/consents`, {
          givenBy: child ? 'guardians' : 'person',
          ...(child ? { guardianAccountIds: guardians } : {}),
          form: 'written',
          scopeOrganisationIds: organisations.map((o) => p.ids[o]),
          informationKinds: ['psychiatry'],
          validFrom: today(),
          ...body,
        }),
      );
    });
  }

  /** A practitioner (by name, as the staff directory shows it) added by the starter, called by default. */
  withParticipant(name: string, role: Exclude<PlanRole, 'huvudperson' | 'narstaende' | 'vardnadshavare'> = 'kallad_personal'): PlanBuilder {
    return this.then(async (p) => {
      const starter = await p.source.as(p.starter);
      return ok(await starter.post(`/api/plans/${p.planId}/participants`, { role, accountId: await staffId(starter, name) }));
    });
  }

  /** A relative (by name or first name, e.g. 'birgitta') allowed in by the person. */
  withRelative(name: string): PlanBuilder {
    return this.then(async (p) => {
      const username = DEMO_PERSONS.find((d) => d.personnummer === PNR[p.person])?.username;
      if (!username) throw new Error(`${p.person} has no account to allow a relative with`);
      const person = await p.source.as(username);
      const candidates = (await detailOf(person, p.planId)).relativeCandidates ?? [];
      const candidate = candidates.find((c) => c.name.toLowerCase().startsWith(name.toLowerCase()));
      if (!candidate) throw new Error(`No relative candidate "${name}" (candidates: ${candidates.map((c) => c.name).join(', ')})`);
      return ok(await person.post(`/api/plans/${p.planId}/relatives`, { accountId: candidate.accountId }));
    });
  }

  /** Preparation started (`start_preparation`). */
  preparing(): PlanBuilder {
    return this.transition({ action: 'start_preparation' });
  }

  /**
   * The person's long-term goal, written by the person in their own part of the plan (its one
   * place), and waited for until the plan shows it.
   */
  withLongTermGoal(goal: string): PlanBuilder {
    return this.then(async (p) => {
      const username = DEMO_PERSONS.find((d) => d.personnummer === PNR[p.person])?.username;
      if (!username) throw new Error(`${p.person} has no account to write their part with`);
      await writeRichText(p.source.baseUrl, await p.source.as(username), p.planId, 'person', 'longTermGoal', goal);
      const starter = await p.source.as(p.starter);
      // The projection writes it shortly after the edit is stored.
      for (let i = 0; (await detailOf(starter, p.planId)).longTermGoal !== goal; i++) {
        if (i === 200) throw new Error('The long-term goal never reached the plan');
        await new Promise((r) => setTimeout(r, 25));
      }
    });
  }

  /** The preparation form: questions, lead principal, follow-up date. */
  withPreparation(preparation: Omit<Preparation, 'leadOrganisationId'> & { lead?: OrganisationKey }): PlanBuilder {
    const { lead, ...rest } = preparation;
    return this.then(async (p) => {
      const starter = await p.source.as(p.starter);
      return ok(await starter.patch(`/api/plans/${p.planId}/preparation`, { ...rest, ...(lead ? { leadOrganisationId: p.ids[lead] } : {}) }));
    });
  }

  /**
   * A kallelse to a unit (Vuxenpsykiatrin by default) for a meeting a week ahead: the plan is
   * then `kallad`. `meeting` and `purpose` replace the defaults.
   */
  called(call: { unit?: UnitKey; meeting?: Partial<SendCallInput['meeting']>; purpose?: string } = {}): PlanBuilder {
    const unit = call.unit ?? 'vuxenpsykiatri';
    return this.then(async (p) => {
      const starter = await p.source.as(p.starter);
      return ok(
        await starter.post(`/api/plans/${p.planId}/calls`, {
          meeting: { startsAt: inDays(7), location: 'Rum 1', ...call.meeting },
          purpose: call.purpose ?? 'SIP-möte',
          recipients: [{ kind: 'kallelse', organisationId: p.ids[UNIT_ORGANISATION[unit]], unitId: p.ids[unit] }],
        }),
      );
    });
  }

  /** The last unanswered kallelse confirmed by a practitioner of the called unit, who then takes part. */
  acknowledgedBy(username: string): PlanBuilder {
    return this.then(async (p) => {
      const confirmer = await p.source.as(username);
      const call = (await detailOf(confirmer, p.planId)).calls?.findLast((c) => c.acknowledgedAt === null);
      if (!call) throw new Error(`${username} sees no unanswered call to confirm`);
      return ok(await confirmer.post(`/api/plans/${p.planId}/calls/${call.id}/acknowledge`));
    });
  }

  /**
   * The planned meeting recorded as held on its own date, the starter in the chair: the first
   * version is frozen. A meeting is recorded as held only once its time has come, so the
   * server's clock is moved to an hour after its start for the request (a `useTestApp()`
   * context only: a server in another process keeps its own clock).
   */
  meetingHeld(options: { personTookPart?: boolean; relativesTookPart?: boolean } = {}): PlanBuilder {
    return this.then(async (p) => {
      const starter = await p.source.as(p.starter);
      const detail = await detailOf(starter, p.planId);
      const meeting = detail.meetings!.find((m) => m.status === 'planned');
      if (!meeting) throw new Error('No planned meeting to record as held: call one first (.called())');
      const chair = detail.participants!.find((x) => x.name === displayName(p.starter))!;
      const clock = 't' in p.source ? (p.source as TestAppContext).t.app.get(Clock) : null;
      if (!clock) throw new Error('meetingHeld() needs a useTestApp() context: the server clock is moved to the meeting');
      return at(clock, new Date(new Date(meeting.startsAt).getTime() + 3600_000), async () =>
        ok(
          await starter.post(`/api/plans/${p.planId}/meetings/${meeting.id}/held`, {
            heldOn: stockholmDate(meeting.startsAt),
            chairParticipantId: chair.id,
            attendance: [],
            personTookPart: options.personTookPart ?? true,
            relativesTookPart: options.relativesTookPart ?? false,
          }),
        ),
      );
    });
  }

  /**
   * The content finalising needs, written through real co-editing clients and stored (see
   * `writeStatutoryContent`): a need, a goal, an action for the kommun and for the region
   * (each by a practitioner of its own taking part) and a measure by others. The plan must
   * have the kommun and the region taking part. `currentSituation` adds a text to Nuläge.
   */
  withContent(content: { currentSituation?: string } = {}): PlanBuilder {
    return this.then(async (p) => {
      const starter = await p.source.as(p.starter);
      const participants = (await detailOf(starter, p.planId)).participants!;
      const writer = async (organisation: OrganisationKey) => {
        const names = participants.filter((x) => x.organisationId === p.ids[organisation] && x.accountId).map((x) => x.name);
        const name = names.includes(displayName(p.starter)) ? displayName(p.starter) : names[0];
        const username = DEMO_STAFF.find((s) => s.displayName === name)?.username;
        if (!username) throw new Error(`Nobody of the ${organisation} takes part to write its actions: add one first (.withParticipant())`);
        return p.source.as(username);
      };
      const clients: CollabClient[] = [];
      const open: Parameters<typeof writeStatutoryContent>[0] = async (session, section) => {
        const client = await CollabClient.connect(p.source.baseUrl, session);
        clients.push(client);
        return client.open(p.planId, section);
      };
      try {
        const { shared } = await writeStatutoryContent(open, await writer('kommun'), await writer('region'), p.ids);
        if (content.currentSituation) {
          insertParagraphs(richTextField(shared.doc, 'currentSituation'), content.currentSituation);
          await waitFor(() => shared.status === 'saved', 'Nuläge saved');
        }
      } finally {
        for (const client of clients) client.close();
      }
    });
  }

  /**
   * Finalised (`faststalld`, a new version): first what finalising needs besides the content,
   * where missing — the initiating organisation as lead principal, a follow-up date, the
   * starter as coordinator.
   */
  finalised(): PlanBuilder {
    return this.then(async (p) => {
      const starter = await p.source.as(p.starter);
      const detail = await detailOf(starter, p.planId);
      if (!detail.leadOrganisation || !detail.followUpDate) {
        ok(
          await starter.patch(`/api/plans/${p.planId}/preparation`, {
            leadOrganisationId: detail.leadOrganisation?.id ?? detail.initiatingUnit.organisationId,
            followUpDate: detail.followUpDate ?? '2027-03-15',
          }),
        );
      }
      if (!detail.participants!.some((x) => x.role === 'samordningsansvarig')) {
        ok(await starter.post(`/api/plans/${p.planId}/participants`, { role: 'samordningsansvarig', accountId: await staffId(starter, displayName(p.starter)) }));
      }
      return ok(await starter.post(`/api/plans/${p.planId}/transitions`, { action: 'finalise' }));
    });
  }

  /** Follow-up started (`uppfoljning`) on a finalised plan. */
  followingUp(): PlanBuilder {
    return this.transition({ action: 'start_follow_up' });
  }

  /** The consent in force withdrawn by the person (for a child, by a guardian): the plan closes. */
  consentWithdrawn(note?: string): PlanBuilder {
    return this.then(async (p) => {
      const person = DEMO_PERSONS.find((d) => d.personnummer === PNR[p.person])!;
      const username = person.relations.find((r) => r.kind === 'guardian')?.username ?? person.username;
      if (!username) throw new Error(`Nobody of ${p.person}'s can sign in to withdraw the consent`);
      const withdrawer = await p.source.as(username);
      const consent = (await detailOf(withdrawer, p.planId)).consents?.find((c) => c.state === 'active');
      if (!consent) throw new Error('No consent in force to withdraw');
      return ok(await withdrawer.post(`/api/plans/${p.planId}/consents/${consent.id}/withdraw`, note ? { note } : {}));
    });
  }

  /** Closed by the starter (`avslutad`). */
  closed(closingReason: ClosingReason = 'goals_reached', note?: string): PlanBuilder {
    return this.transition({ action: 'close', closingReason, ...(note ? { note } : {}) });
  }

  private transition(body: { action: 'start_preparation' | 'start_follow_up' | 'close'; closingReason?: ClosingReason; note?: string }): PlanBuilder {
    return this.then(async (p) => ok(await (await p.source.as(p.starter)).post(`/api/plans/${p.planId}/transitions`, body)));
  }

  /** Starts the plan and runs the steps, in order. */
  async build(): Promise<BuiltPlan> {
    const { source, recipe } = this;
    const starter = await source.as(recipe.starter);
    const ids = await directoryIds(starter);
    const unit = recipe.unit ?? DEMO_UNIT[DEMO_STAFF.find((s) => s.username === recipe.starter)?.units[0] ?? ''];
    if (!unit) throw new Error(`${recipe.starter} is not a demo practitioner with a unit: say which unit (.by(username, unit))`);
    const started = ok(
      await starter.post('/api/plans', {
        personId: await personId(starter, PNR[recipe.person]),
        trigger: recipe.trigger,
        reason: recipe.reason,
        initiatingUnitId: ids[unit],
        ...(recipe.requestedBy ? { requestedBy: recipe.requestedBy } : {}),
        ...(recipe.dischargeReadyAt ? { dischargeReadyAt: recipe.dischargeReadyAt } : {}),
      }),
    );
    const built: Built = { source, planId: started.planId, ids, starter: recipe.starter, person: recipe.person, state: started.state };
    for (const step of recipe.steps) {
      const change = await step(built);
      if (change) built.state = change.state;
    }
    return {
      id: built.planId,
      ids,
      state: built.state,
      starter,
      as: (username) => source.as(username),
      detail: async (reader = starter) => detailOf(typeof reader === 'string' ? await source.as(reader) : reader, built.planId),
    };
  }
}

async function detailOf(session: ApiSession, planId: string): Promise<PlanDetail> {
  return ok(await session.get(`/api/plans/${planId}`));
}

function displayName(username: string): string {
  const staff = DEMO_STAFF.find((s) => s.username === username);
  if (!staff) throw new Error(`${username} is not a demo practitioner`);
  return staff.displayName;
}
