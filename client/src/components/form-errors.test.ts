import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, type Language, auditListQuerySchema, createPersonSchema, createRelationSchema, createStaffSchema, fieldMessage, recordConsentSchema, sendCallSchema, updateCountySettingsSchema } from '@sip/shared';
import { auditActionLabels } from '../i18n/admin';
import { type FieldErrors, errorsFromFieldErrors, errorsFromIssues } from './form-errors';

const check = (schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: unknown[] } } }, input: unknown) => {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  return errorsFromIssues(result.error!.issues as never);
};
const say = (errors: FieldErrors, language: Language) =>
  Object.fromEntries(Object.entries(errors).map(([field, issue]) => [field, fieldMessage({ ...issue, field: field.split('.').pop() }, language)]));

describe('the admin forms’ errors, as the user reads them beside each field', () => {
  it('says what an empty staff form lacks, with the schema’s bounds', () => {
    const errors = check(createStaffSchema, { username: '', displayName: '', title: null, systemRoles: [], unitIds: [], password: 'short' });
    expect(say(errors, 'sv')).toEqual({ username: 'Minst 3 tecken.', displayName: 'Fyll i.', systemRoles: 'Välj minst ett alternativ.', password: 'Minst 10 tecken.' });
    expect(say(errors, 'en')).toEqual({ username: 'At least 3 characters.', displayName: 'Required.', systemRoles: 'Choose at least one.', password: 'At least 10 characters.' });
    expect(say(check(createStaffSchema, { username: 'Nora Nyberg', displayName: 'N', systemRoles: ['practitioner'], password: 'long-enough-pass' }), 'sv')).toEqual({
      username: 'Endast a–z, 0–9, punkt, bindestreck och understreck.',
    });
  });

  it('names the personnummer’s fault and the nested account fields by their path', () => {
    const errors = check(createPersonSchema, { name: 'Vera', personnummer: '19700101-1234', phone: 'abc', email: 'x', address: null, account: { username: 'v', password: 'x' } });
    expect(say(errors, 'sv')).toEqual({
      personnummer: 'Kontrollsiffran stämmer inte.',
      phone: 'Endast siffror, mellanslag, +, ( ) och -.',
      email: 'Skriv en giltig e-postadress.',
      'account.username': 'Minst 3 tecken.',
      'account.password': 'Minst 10 tecken.',
    });
    expect(say(check(createRelationSchema, { kind: 'relative', hasCustody: false }), 'en')).toEqual({ accountId: 'Choose an existing account or create a new one.' });
  });

  it('says the bounds of a county’s settings and a reversed time range', () => {
    const errors = check(updateCountySettingsSchema, { dischargeCallDays: Number.NaN, reminderDays: { action_due_soon: 61, meeting_tomorrow: 0.5 } });
    expect(say(errors, 'sv')).toEqual({ dischargeCallDays: 'Fyll i ett giltigt värde.', 'reminderDays.action_due_soon': 'Högst 60.', 'reminderDays.meeting_tomorrow': 'Fyll i ett giltigt värde.' });
    const range = check(auditListQuerySchema, { from: '2026-02-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z', planId: 'x' });
    expect(say(range, 'en')).toEqual({ to: 'The end must be after the start.', planId: 'Not a valid id.' });
  });

  it('places the server’s field errors where the form’s own go', () => {
    const errors = errorsFromFieldErrors([
      { path: 'body.newAccount.username', code: 'taken', message: 'The username is taken' },
      { path: 'body.systemRoles.0', code: 'invalid_value', message: 'Invalid option' },
      { path: 'query.to', code: 'range_reversed', message: '…' },
    ]);
    expect(say(errors, 'sv')).toEqual({ 'newAccount.username': 'Upptaget – välj ett annat.', systemRoles: 'Välj ett av alternativen.', to: 'Slutet måste komma efter början.' });
  });

  it('names every audit action in both languages', () => {
    for (const language of ['sv', 'en'] as const) {
      expect(AUDIT_ACTIONS.filter((a) => !auditActionLabels[language][a])).toEqual([]);
    }
  });
});

describe('the plan forms’ errors', () => {
  it('an empty call: each field says what it lacks, in both languages, with no zod English', () => {
    const errors = check(sendCallSchema, { meeting: { startsAt: undefined, durationMinutes: 90 }, purpose: '', recipients: [] });
    expect(say(errors, 'sv')).toEqual({
      'meeting.startsAt': 'Fyll i.',
      'meeting.location': 'Ange en plats eller en videolänk.',
      purpose: 'Fyll i.',
      recipients: 'Välj minst ett alternativ.',
    });
    expect(say(errors, 'en')).toEqual({
      'meeting.startsAt': 'Required.',
      'meeting.location': 'Give a place or a video link.',
      purpose: 'Required.',
      recipients: 'Choose at least one.',
    });
  });

  it('a consent ending before it starts, and one without kinds of information', () => {
    const base = { givenBy: 'person', form: 'written', scopeOrganisationIds: ['8b0f4a8e-8d1c-4a57-9b2a-1f1d2c3b4a5d'], informationKinds: ['social_services'], validFrom: '2026-05-02' };
    expect(say(check(recordConsentSchema, { ...base, validTo: '2026-05-01' }), 'sv')).toEqual({ validTo: 'Slutet måste komma efter början.' });
    expect(say(check(recordConsentSchema, { ...base, informationKinds: [] }), 'sv')).toEqual({ informationKinds: 'Välj minst ett alternativ.' });
  });
});
