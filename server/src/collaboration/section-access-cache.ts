import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { NO_ACCESS, type SectionAccess, sectionAccess } from '@sip/shared';
import { type PlaceInPlan, SectionAccessService } from '../access/section-access.service';
import type { Actor } from '../auth/actor';
import { type CollabSocket, type SectionRef, perSocket } from './collab-socket';

/**
 * How long a socket's answer from the policy is used for its edits and for what it is sent.
 * Every change of rights made through the application drops the plan's answers at once, on
 * every instance (Revocation); this bound covers what changes with no write at all.
 */
export const ACCESS_TTL_MS = 5_000;
/** How long one answer about an account's place in a plan is shared between its sockets. */
const PLACE_TTL_MS = 1_000;

export interface AccessEntry extends SectionAccess {
  at: number;
  planId: string;
  /** The actor reaches the plan (false: the section is out of reach, or the plan is). */
  reach: boolean;
  renewing?: boolean;
  /** Who last used the answer (an edit checked, a message sent, a join), and when. */
  use?: { socket: CollabSocket; section: SectionRef; at: number };
}

/**
 * An answer used within this long is also renewed between uses, in the background: someone
 * who pauses for a few seconds and types again (or a reader between messages) finds a current
 * answer rather than waiting for the policy's queries at their next keystroke.
 */
const KEEP_WARM_MS = 30_000;
const KEEP_WARM_SWEEP_MS = 500;

/**
 * The policy's answers per socket and section. Asked at `join`; reused for at most
 * ACCESS_TTL_MS and renewed in the background past half of that, so a steady typist or
 * reader never waits for the policy's queries. A per-plan generation keeps an answer asked
 * for before a change of rights from being cached after it.
 */
@Injectable()
export class SectionAccessCache implements OnModuleDestroy {
  private readonly entries = new Map<string, Map<string, AccessEntry>>();
  private readonly generation = new Map<string, number>();
  /**
   * The actor's place in a plan (the policy's two queries), shared by all of one account's
   * sockets and sections for a moment: a room of people typing renews once per person and
   * plan, not once per socket and section.
   */
  private readonly places = new Map<string, { at: number; generation: number; place: Promise<PlaceInPlan | null> }>();

  private readonly keepWarm: NodeJS.Timeout;

  constructor(private readonly sections: SectionAccessService) {
    this.keepWarm = setInterval(() => this.renewRecentlyUsed(), KEEP_WARM_SWEEP_MS);
    this.keepWarm.unref();
  }

  onModuleDestroy() {
    clearInterval(this.keepWarm);
  }

  /** The answer for this socket and section: cached, or asked for now (`fresh`: always asked). */
  async get(socket: CollabSocket, section: SectionRef, fresh = false): Promise<AccessEntry> {
    const bySocket = this.answersOf(socket);
    const hit = fresh ? undefined : bySocket.get(section.name);
    const age = hit ? Date.now() - hit.at : Infinity;
    if (hit && age < ACCESS_TTL_MS) {
      this.renew(socket, section);
      return hit;
    }
    return this.ask(socket, section);
  }

  /** The cached answer if it is still current; undefined when it must be asked for. */
  current(socketId: string, docName: string): AccessEntry | undefined {
    const hit = this.entries.get(socketId)?.get(docName);
    return hit && Date.now() - hit.at < ACCESS_TTL_MS ? hit : undefined;
  }

  /** Notes a use of the answer; starts a background renewal (once at a time) if it is getting old. */
  renew(socket: CollabSocket, section: SectionRef) {
    const hit = this.entries.get(socket.id)?.get(section.name);
    if (!hit) return;
    const now = Date.now();
    if (hit.use) hit.use.at = now;
    else hit.use = { socket, section: refOf(section), at: now };
    if (hit.renewing || now - hit.at < ACCESS_TTL_MS / 2) return;
    this.startRenewal(hit, socket, section);
  }

  private startRenewal(hit: AccessEntry, socket: CollabSocket, section: SectionRef) {
    hit.renewing = true;
    void this.ask(socket, section, false).catch(() => (hit.renewing = false));
  }

  /** Renews, between uses, the answers getting old that were used within KEEP_WARM_MS. */
  private renewRecentlyUsed() {
    const now = Date.now();
    for (const bySocket of this.entries.values()) {
      for (const hit of bySocket.values()) {
        if (hit.use && !hit.renewing && now - hit.use.at < KEEP_WARM_MS && now - hit.at >= ACCESS_TTL_MS / 2) {
          this.startRenewal(hit, hit.use.socket, hit.use.section);
        }
      }
    }
  }

  /** Stores an answer obtained elsewhere (a re-check after a change of rights). */
  set(socket: CollabSocket, section: SectionRef, access: SectionAccess & { reach: boolean }) {
    const at = Date.now();
    this.answersOf(socket).set(section.name, { ...access, at, planId: section.planId, use: { socket, section: refOf(section), at } });
  }

  /** What the sockets of a plan were last told, then forgets every answer about the plan. */
  forgetPlan(planId: string): Map<string, Map<string, AccessEntry>> {
    this.generation.set(planId, this.generationOf(planId) + 1);
    const before = new Map<string, Map<string, AccessEntry>>();
    for (const [socketId, bySocket] of this.entries) {
      for (const [doc, entry] of bySocket) {
        if (entry.planId !== planId) continue;
        let mine = before.get(socketId);
        if (!mine) before.set(socketId, (mine = new Map()));
        mine.set(doc, entry);
        bySocket.delete(doc);
      }
    }
    return before;
  }

  forgetSocket(socketId: string) {
    this.entries.get(socketId)?.clear();
  }

  /** Forgets the shared places of an account (its units or roles changed). */
  forgetAccount(accountId: string) {
    for (const key of this.places.keys()) if (key.startsWith(`${accountId}|`)) this.places.delete(key);
  }

  /** The shared answer and when its queries started (what its age is counted from). */
  private placeOf(actor: Actor, planId: string, generation: number): { at: number; place: Promise<PlaceInPlan | null> } {
    // The account's units and roles are part of the key: a socket with a refreshed view of the
    // account never reuses an answer computed from the old one.
    const key = `${actor.accountId}|${planId}|${actor.systemRoles.join(',')}|${actor.unitIds.join(',')}`;
    const now = Date.now();
    const hit = this.places.get(key);
    if (hit && hit.generation === generation && now - hit.at < PLACE_TTL_MS) return hit;
    const place = this.sections.placeInPlan(actor, planId);
    this.places.set(key, { at: now, generation, place });
    place.catch(() => this.places.delete(key));
    if (this.places.size > 5000) {
      for (const [k, v] of this.places) if (now - v.at >= PLACE_TTL_MS) this.places.delete(k);
    }
    return { at: now, place };
  }

  generationOf(planId: string): number {
    return this.generation.get(planId) ?? 0;
  }

  /** Asks the policy; `used`: for a use now (otherwise a renewal, which is no use). */
  private async ask(socket: CollabSocket, section: SectionRef, used = true): Promise<AccessEntry> {
    const bySocket = this.answersOf(socket);
    const actor = socket.data.actor;
    // A change of rights while the queries run makes their answer stale: it is then used
    // for this one decision at most, never cached.
    const generation = this.generationOf(section.planId);
    // An answer shared with another socket counts its age from when its queries started.
    const shared = this.placeOf(actor, section.planId, generation);
    const at = shared.at;
    const place = await shared.place;
    const access = place ? { ...sectionAccess(place.sectionActor, section.section), reach: true } : { ...NO_ACCESS, reach: false };
    // A renewal keeps the time of the last use: answers nobody uses stop being renewed.
    const lastUse = used ? Date.now() : (bySocket.get(section.name)?.use?.at ?? 0);
    const entry: AccessEntry = { at, planId: section.planId, ...access, use: { socket, section: refOf(section), at: lastUse } };
    // Not cached when the account was read again meanwhile (its units or roles changed: this
    // answer came from the old ones), the plan's rights changed, or the socket has gone.
    if (this.generationOf(section.planId) === generation && socket.data.actor === actor && !socket.disconnected) bySocket.set(section.name, entry);
    return entry;
  }

  /**
   * The socket's answers. A socket already gone (an update of it still in the queue) gets a
   * map of its own that is not kept: one kept would outlive the socket, whose disconnect —
   * which removes its map — has already come.
   */
  private answersOf(socket: CollabSocket): Map<string, AccessEntry> {
    return socket.disconnected ? (this.entries.get(socket.id) ?? new Map()) : perSocket(this.entries, socket);
  }
}

/** The section's names only: an entry keeps no loaded document (and its Y.Doc) alive. */
const refOf = (section: SectionRef): SectionRef => ({ name: section.name, planId: section.planId, section: section.section });
