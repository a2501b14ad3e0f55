import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../i18n/problem-messages';
import { PLAN_CAPABILITIES, PLAN_SECTIONS, PLAN_VIEWERS, type PlanPermissions, type PlanViewer, VIEWER_RULES } from '../policy/plan-policy';
import { type MeetingRights, meetingRights, personAnswersHidden } from './meeting-rights';
import { CIRCLE_AGE_BANDS, CIRCLE_RELATIONS, type CircleAgeBand, type CircleRelation, circleAgeBand, circleFor } from './circle-for';
import { CIRCLES, circleQuestion } from './circles';
import { agendaKey, meetingEndFailures } from './meeting-mode';
import { DEFAULT_PART_SHARES, MEETING_PARTS, PART_INFO, effectiveShares, planParts, sharesProblem } from './parts';
import { CIRCLE_VERSIONS } from './versions';

/** LIX, the Swedish readability index: words per sentence + per cent of words over six letters. */
function lix(text: string): number {
  const words = text.split(/[\s–]+/).map((w) => w.replace(/[^\p{L}\d-]/gu, '')).filter(Boolean);
  const sentences = Math.max(1, (text.match(/[.!?]+(\s|$)/g) ?? []).length);
  const long = words.filter((w) => w.length > 6).length;
  return words.length / sentences + (100 * long) / words.length;
}

describe('the circles', () => {
  it('has eight versions, each with the same five parts in the same order — so everyone follows the same meeting', () => {
    expect(Object.keys(CIRCLES)).toEqual([...CIRCLE_VERSIONS]);
    for (const version of CIRCLE_VERSIONS) {
      expect(CIRCLES[version].version).toBe(version);
      expect(Object.keys(CIRCLES[version].parts), version).toEqual([...MEETING_PARTS]);
    }
  });

  it('says everything in Swedish and English, with questions to prepare in every part and unique keys', () => {
    for (const version of CIRCLE_VERSIONS) {
      const circle = CIRCLES[version];
      for (const lang of LANGUAGES) {
        expect(circle.title[lang], `${version} title ${lang}`).toMatch(/\S/);
        expect(circle.audience[lang]).toMatch(/\S/);
      }
      for (const part of MEETING_PARTS) {
        const p = circle.parts[part];
        expect(p.questions.length, `${version}/${part}`).toBeGreaterThan(0);
        expect(new Set(p.questions.map((q) => q.key)).size, `${version}/${part} keys`).toBe(p.questions.length);
        for (const lang of LANGUAGES) {
          expect(p.purpose[lang], `${version}/${part} purpose ${lang}`).toMatch(/\S/);
          expect(p.during[lang], `${version}/${part} during ${lang}`).toMatch(/\S/);
          for (const q of p.questions) {
            expect(q.text[lang], `${version}/${part}/${q.key} ${lang}`).toMatch(/\S/);
            expect(q.key).toMatch(/^[a-z_]{2,40}$/);
          }
        }
        expect(circleQuestion(version, part, p.questions[0]!.key)).toBe(p.questions[0]);
      }
    }
    for (const part of MEETING_PARTS) for (const lang of LANGUAGES) expect(PART_INFO[part].name[lang]).toMatch(/\S/);
  });

  it('writes the person’s, young people’s, parents’, older people’s and relatives’ versions in plain language', () => {
    const plain = CIRCLE_VERSIONS.filter((v) => CIRCLES[v].plainLanguage);
    expect(plain).toEqual(expect.arrayContaining(['vuxna', 'ungdomar', 'foraldrar', 'aldre', 'narstaende']));
    for (const version of plain) {
      const texts = MEETING_PARTS.flatMap((part) => {
        const p = CIRCLES[version].parts[part];
        return [p.purpose.sv, p.during.sv, ...p.questions.map((q) => q.text.sv)];
      });
      // Easy Swedish reads below 30; ordinary public information around 40.
      expect(lix(texts.join(' ')), version).toBeLessThan(30);
      for (const text of texts) {
        const longest = Math.max(...text.split(/[.?!]/).map((s) => s.trim().split(/\s+/).filter(Boolean).length));
        expect(longest, `${version}: “${text}”`).toBeLessThanOrEqual(14);
      }
    }
  });
});

describe('which circle is mine', () => {
  const ages: Record<CircleAgeBand, number> = { under_13: 10, '13_17': 15, '18_64': 41, '65_plus': 82 };
  // Every relation × every age band of the person, as the method assigns them.
  const expected: Record<CircleRelation, Record<CircleAgeBand, string>> = {
    chair: { under_13: 'ordforande', '13_17': 'ordforande', '18_64': 'ordforande', '65_plus': 'ordforande' },
    staff: { under_13: 'personal', '13_17': 'personal', '18_64': 'personal', '65_plus': 'personal' },
    person: { under_13: 'foraldrar', '13_17': 'ungdomar', '18_64': 'vuxna', '65_plus': 'aldre' },
    guardian: { under_13: 'foraldrar', '13_17': 'foraldrar', '18_64': 'foraldrar', '65_plus': 'foraldrar' },
    relative: { under_13: 'ovriga', '13_17': 'ovriga', '18_64': 'ovriga', '65_plus': 'narstaende' },
    representative: { under_13: 'ovriga', '13_17': 'ovriga', '18_64': 'ovriga', '65_plus': 'ovriga' },
    other: { under_13: 'ovriga', '13_17': 'ovriga', '18_64': 'ovriga', '65_plus': 'ovriga' },
  };
  for (const relation of CIRCLE_RELATIONS) {
    for (const band of CIRCLE_AGE_BANDS) {
      it(`${relation}, person ${band} → ${expected[relation][band]}`, () => {
        expect(circleFor({ relation, personAge: ages[band] })).toBe(expected[relation][band]);
      });
    }
  }

  it('draws the age bands at 13, 18 and 65', () => {
    expect([12, 13, 17, 18, 64, 65].map(circleAgeBand)).toEqual(['under_13', '13_17', '13_17', '18_64', '18_64', '65_plus']);
  });

  it('lets staff judge that a young person prepares with the guardians', () => {
    expect(circleFor({ relation: 'person', personAge: 15, childPreparesWithGuardians: true })).toBe('foraldrar');
    expect(circleFor({ relation: 'person', personAge: 41, childPreparesWithGuardians: true })).toBe('vuxna');
  });
});

describe('time shares', () => {
  it('gives behov the largest share by default, and the shares add up to 100', () => {
    expect(sharesProblem(DEFAULT_PART_SHARES)).toBeNull();
    expect(Math.max(...Object.values(DEFAULT_PART_SHARES))).toBe(DEFAULT_PART_SHARES.behov);
  });

  it('refuses shares that do not add up, are out of range or put another part above behov', () => {
    expect(sharesProblem({ ...DEFAULT_PART_SHARES, behov: 45 })).toBe('shares_must_sum_to_100');
    expect(sharesProblem({ inledning: 2, aktuell_situation: 28, behov: 40, sammanfattning: 20, avslutning: 10 })).toBe('share_out_of_range');
    expect(sharesProblem({ inledning: 10, aktuell_situation: 35, behov: 30, sammanfattning: 15, avslutning: 10 })).toBe('needs_must_be_largest');
  });

  it('uses a county’s valid shares and falls back to the defaults otherwise', () => {
    const county = { inledning: 5, aktuell_situation: 15, behov: 50, sammanfattning: 20, avslutning: 10 };
    expect(effectiveShares(county)).toEqual(county);
    expect(effectiveShares({ behov: 90 })).toEqual(DEFAULT_PART_SHARES);
    expect(effectiveShares(null)).toEqual(DEFAULT_PART_SHARES);
  });

  it('plans each part in whole seconds that add up to the meeting, in order', () => {
    for (const minutes of [5, 7, 60, 90, 95, 600]) {
      const plan = planParts(minutes);
      expect(plan.map((p) => p.part)).toEqual([...MEETING_PARTS]);
      expect(plan.reduce((a, p) => a + p.seconds, 0)).toBe(minutes * 60);
      plan.forEach((p, i) => expect(p.offsetSeconds).toBe(plan.slice(0, i).reduce((a, x) => a + x.seconds, 0)));
    }
    expect(planParts(90).find((p) => p.part === 'behov')!.seconds).toBe(36 * 60);
  });
});

describe('meeting mode', () => {
  it('lists everything part 5 misses before a SIP meeting may end; a förmöte decides nothing', () => {
    const none = { followUpDate: false, followUpMeetingBooked: false, leadPrincipal: false, planDelivery: false };
    expect(meetingEndFailures({ kind: 'sip', ...none })).toEqual(['follow_up_date_missing', 'lead_principal_missing', 'plan_delivery_missing']);
    expect(meetingEndFailures({ kind: 'sip', ...none, followUpMeetingBooked: true, leadPrincipal: true, planDelivery: true })).toEqual([]);
    expect(meetingEndFailures({ kind: 'formote', ...none })).toEqual([]);
  });

  it('keys agenda items by their text, the same in every runtime, without carrying the words', () => {
    expect(agendaKey('Boende')).toMatch(/^[0-9a-f]{8}$/);
    expect(agendaKey(' Boende ')).toBe(agendaKey('Boende'));
    expect(agendaKey('Boende')).not.toBe(agendaKey('Behandling'));
    // FNV-1a of "a" is 0xe40c292c.
    expect(agendaKey('a')).toBe('e40c292c');
  });
});

describe('meeting rights, from the plan policy', () => {
  const permissions = (as: PlanViewer, closed = false): PlanPermissions => ({
    reach: true,
    as,
    read: Object.fromEntries(PLAN_SECTIONS.map((s) => [s, VIEWER_RULES[as].read.includes(s)])) as PlanPermissions['read'],
    can: Object.fromEntries(PLAN_CAPABILITIES.map((c) => [c, !closed && VIEWER_RULES[as].can.includes(c)])) as PlanPermissions['can'],
  });
  const row = (r: MeetingRights) => (Object.keys(r) as (keyof MeetingRights)[]).filter((k) => r[k]).join(' ');

  it('lets the meeting’s participants prepare and read the agenda; a called unit prepares but reads no words; staff see who prepared', () => {
    const table = Object.fromEntries(PLAN_VIEWERS.map((as) => [as, row(meetingRights(permissions(as), 'active', 'kallad'))]));
    expect(table).toEqual({
      person: 'follow prepare readAgenda start evaluate',
      guardian: 'follow prepare readAgenda evaluate',
      representative: 'follow prepare readAgenda evaluate',
      relative: 'follow prepare readAgenda evaluate',
      staff_participant: 'follow prepare readAgenda seeWhoPrepared start evaluate',
      staff_initiating_unit: 'follow',
      staff_called_unit: 'follow prepare',
      staff_own_records: 'follow',
    });
  });

  it('stops preparation and starting once the plan is closed or consent is gone', () => {
    expect(row(meetingRights(permissions('person', true), 'active', 'avslutad'))).toBe('follow readAgenda evaluate');
    expect(row(meetingRights(permissions('staff_participant'), 'withdrawn', 'kallad'))).toBe('follow seeWhoPrepared evaluate');
  });

  it('keeps a child’s answers from whoever may not read the child’s own view: relatives, a representative, guardians under recorded secrecy', () => {
    const hidden = (as: PlanViewer, isChild: boolean, secrecy = false) => {
      const p = permissions(as);
      if (as === 'guardian') p.read.child_view = !secrecy;
      return personAnswersHidden({ permissions: p, organisationIds: [], isChairOrCoordinator: false, plan: { isChild, principalOrganisationIds: [], closed: false } });
    };
    expect(hidden('guardian', true)).toBe(false);
    expect(hidden('guardian', true, true)).toBe(true);
    expect(hidden('relative', true)).toBe(true);
    expect(hidden('representative', true)).toBe(true);
    expect(hidden('relative', false)).toBe(false);
    expect(hidden('staff_participant', true)).toBe(false);
    expect(hidden('person', true)).toBe(false);
  });
});
