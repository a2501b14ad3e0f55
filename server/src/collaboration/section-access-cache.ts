import { Injectable } from '@nestjs/common';
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
}

/**
 * The policy's answers per socket and section. Asked at `join`; reused for at most
 * ACCESS_TTL_MS and renewed in the background past half of that, so a steady typist or
 * reader never waits for the policy's queries. A per-plan generation keeps an answer asked
 * for before a change of rights from being cached after it.
 */
@Injectable()
export class SectionAccessCache {
  private readonly entries = new Map<string, Map<string, AccessEntry>>();
  private readonly generation = new Map<string, number>();
  /**
   * The actor's place in a plan (the policy's two queries), shared by all of one account's
   * sockets and sections for a moment: a room of people typing renews once per person and
   * plan, not once per socket and section.
   */
  private readonly places = new Map<string, { at: number; generation: number; place: Promise<PlaceInPlan | null> }>();

  constructor(private readonly sections: SectionAccessService) {}

  /** The answer for this socket and section: cached, or asked for now (`fresh`: always asked). */
  async get(socket: CollabSocket, section: SectionRef, fresh = false): Promise<AccessEntry> {
    const bySocket = perSocket(this.entries, socket);
    const hit = fresh ? undefined : bySocket.get(section.name);
    const age = hit ? Date.now() - hit.at : Infinity;
    if (hit && age < ACCESS_TTL_MS) {
      if (age > ACCESS_TTL_MS / 2) this.renew(socket, section);
      return hit;
    }
    return this.ask(bySocket, socket.data.actor, section);
  }

  /** The cached answer if it is still current; undefined when it must be asked for. */
  current(socketId: string, docName: string): AccessEntry | undefined {
    const hit = this.entries.get(socketId)?.get(docName);
    return hit && Date.now() - hit.at < ACCESS_TTL_MS ? hit : undefined;
  }

  /** Starts a background renewal (once at a time) if the answer is getting old. */
  renew(socket: CollabSocket, section: SectionRef) {
    const hit = this.entries.get(socket.id)?.get(section.name);
    if (!hit || hit.renewing || Date.now() - hit.at < ACCESS_TTL_MS / 2) return;
    hit.renewing = true;
    void this.ask(perSocket(this.entries, socket), socket.data.actor, section).catch(() => (hit.renewing = false));
  }

  /** Stores an answer obtained elsewhere (a re-check after a change of rights). */
  set(socket: CollabSocket, section: SectionRef, access: SectionAccess & { reach: boolean }) {
    perSocket(this.entries, socket).set(section.name, { ...access, at: Date.now(), planId: section.planId });
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

  private async ask(bySocket: Map<string, AccessEntry>, actor: Actor, section: SectionRef): Promise<AccessEntry> {
    // A change of rights while the queries run makes their answer stale: it is then used
    // for this one decision at most, never cached.
    const generation = this.generationOf(section.planId);
    // An answer shared with another socket counts its age from when its queries started.
    const shared = this.placeOf(actor, section.planId, generation);
    const at = shared.at;
    const place = await shared.place;
    const access = place ? { ...sectionAccess(place.sectionActor, section.section), reach: true } : { ...NO_ACCESS, reach: false };
    const entry: AccessEntry = { at, planId: section.planId, ...access };
    if (this.generationOf(section.planId) === generation) bySocket.set(section.name, entry);
    return entry;
  }
}
