import type { DataSource, EntityManager } from 'typeorm';
import { PlanAccessService } from '../access/plan-access.service';
import { SectionAccessService } from '../access/section-access.service';
import { AuditService } from '../audit/audit.service';
import { DocumentStore } from '../collaboration/document-store';
import { ProjectionService } from '../collaboration/projection.service';
import { andersStory } from './demo-story-anders';
import { elinStory } from './demo-story-elin';
import { gunnelStory } from './demo-story-gunnel';
import { mohammedStory } from './demo-story-mohammed';
import { sofiaStory } from './demo-story-sofia';
import { DemoClock, Timeline } from './demo-timeline';
import { DemoDirectory, DemoWorld } from './demo-world';

/** One plan per demo person, each in another state (README: "Demo plans"). */
export const DEMO_STORIES = [andersStory, sofiaStory, gunnelStory, elinStory, mohammedStory];

/**
 * Writes the demo plans into the demo directory, in the caller's transaction: five plans in
 * different states, each with the history that led there — transitions, consents,
 * participants, calls and their confirmations, meetings, content as Yjs updates, projected
 * rows, versions and audit rows — at times over the past weeks before `now`. The services
 * are the product's own, built by hand: the seed runs before the application starts.
 */
export async function seedDemoPlans(dataSource: DataSource, m: EntityManager, now: Date = new Date()): Promise<void> {
  const access = new PlanAccessService(dataSource);
  const services = {
    audit: new AuditService(dataSource),
    access,
    sections: new SectionAccessService(dataSource, access),
    projection: new ProjectionService(dataSource),
    store: new DocumentStore(dataSource),
  };
  const world = new DemoWorld(m, services, await DemoDirectory.load(m), new Timeline(now), new DemoClock(now));
  await world.timeline.run(DEMO_STORIES.map((story) => () => story(world)));
}
