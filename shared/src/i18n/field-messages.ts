import { ANSWER_MAX_LENGTH, EVALUATION_COMMENT_MAX_LENGTH, MEETING_NOTES_MAX_LENGTH } from '../motescirkeln/meeting-mode';
import type { Language } from './problem-messages';

/**
 * What is wrong with one field, in the user's language. The client says it beside the
 * field, both when its own check (the shared schema) refuses the input and when the
 * server's problem document lists a field error: both carry the same codes — zod's issue
 * codes, or the `reason` a schema or service gives (personnummer_checksum, not_found, …).
 */
export interface FieldIssue {
  code: string;
  /** Present on zod's own issues: what kind of value (string, number, array) and its bound. */
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  /** The field's name, for a format whose wording depends on the field (username, phone). */
  field?: string;
}

type Text = Record<Language, string | ((n: number) => string)>;

const REASONS: Record<string, Text> = {
  personnummer_format: { sv: 'Skriv som ÅÅÅÅMMDD-NNNN.', en: 'Write it as YYYYMMDD-NNNN.' },
  personnummer_date: { sv: 'Datumdelen är inte ett riktigt födelsedatum.', en: 'The date part is not a real date of birth.' },
  personnummer_checksum: { sv: 'Kontrollsiffran stämmer inte.', en: 'The check digit is wrong.' },
  not_found: { sv: 'Finns inte.', en: 'Does not exist.' },
  required: { sv: 'Fyll i.', en: 'Required.' },
  place_or_video: { sv: 'Ange en plats eller en videolänk.', en: 'Give a place or a video link.' },
  account_or_external: { sv: 'Välj en personal eller skriv en extern kontakts namn.', en: 'Choose a staff member or give an external contact’s name.' },
  not_after_held: { sv: 'Nästa uppföljning ska komma efter det här mötet.', en: 'The next follow-up must come after this meeting.' },
  self_relation: { sv: 'En person kan inte vara sin egen anhörig.', en: 'A person cannot be their own relative.' },
  county_required: { sv: 'En kommun eller region måste ange sitt län.', en: 'A kommun or region must name its county.' },
  account_or_new_account: { sv: 'Välj ett befintligt konto eller skapa ett nytt.', en: 'Choose an existing account or create a new one.' },
  range_reversed: { sv: 'Slutet måste komma efter början.', en: 'The end must be after the start.' },
  not_your_unit: { sv: 'Du kan bara välja en enhet du tillhör.', en: 'You can only choose a unit you belong to.' },
  taken: { sv: 'Upptaget – välj ett annat.', en: 'Already taken – choose another.' },
  personnummer_registered: { sv: 'En person med det numret finns redan registrerad.', en: 'A person with this number is already registered.' },
  already_linked: { sv: 'Kontot är redan kopplat till personen.', en: 'The account is already linked to the person.' },
  year_out_of_range: { sv: 'Året måste vara mellan 1900 och 2199.', en: 'The year must be between 1900 and 2199.' },
  not_after_meeting: { sv: 'Nästa uppföljning ska ligga efter mötet.', en: 'The next follow-up must come after the meeting.' },
  control_character: { sv: 'Texten innehåller otillåtna tecken.', en: 'The text contains characters that are not allowed.' },
  // Meeting preparation and meeting mode.
  answer_too_long: { sv: `Svaret får vara högst ${ANSWER_MAX_LENGTH} tecken.`, en: `The answer may be at most ${ANSWER_MAX_LENGTH} characters.` },
  notes_too_long: { sv: `Anteckningarna får vara högst ${MEETING_NOTES_MAX_LENGTH} tecken.`, en: `The notes may be at most ${MEETING_NOTES_MAX_LENGTH} characters.` },
  comment_too_long: { sv: `Kommentaren får vara högst ${EVALUATION_COMMENT_MAX_LENGTH} tecken.`, en: `The comment may be at most ${EVALUATION_COMMENT_MAX_LENGTH} characters.` },
  text_too_long: { sv: 'Texten är för lång.', en: 'The text is too long.' },
  unknown_version: { sv: 'Det finns ingen sådan version av mötescirkeln.', en: 'There is no such version of the meeting circle.' },
  unknown_part: { sv: 'Det finns ingen sådan del av mötet.', en: 'There is no such part of the meeting.' },
  unknown_question: { sv: 'Frågan finns inte i den delen av cirkeln.', en: 'That question is not in that part of the circle.' },
  unknown_checklist_item: { sv: 'Det finns ingen sådan punkt i ordförandens checklista.', en: 'There is no such item on the chair’s checklist.' },
  unknown_agenda_item: { sv: 'Frågeställningen finns inte på dagordningen.', en: 'That question is not on the agenda.' },
  not_a_participant: { sv: 'Personen deltar inte i planen.', en: 'That person does not take part in the plan.' },
  cannot_chair: {
    sv: 'Ordföranden ska vara personal som deltar i planen, eller personen själv.',
    en: 'The chair must be staff taking part in the plan, or the person themselves.',
  },
  person_chairs_only_self: { sv: 'Du kan bara välja dig själv som ordförande.', en: 'You can only choose yourself as the chair.' },
  not_a_principal: { sv: 'Huvudansvarig huvudman ska vara en kommun eller en region.', en: 'The lead principal must be a kommun or a region.' },
  not_a_staff_participant: { sv: 'Samordningsansvarig ska vara personal som deltar i planen.', en: 'The coordinator must be staff taking part in the plan.' },
  not_called_principal: { sv: 'Mandat gäller den som deltar för en kallad huvudman.', en: 'A mandate applies to someone taking part for a called principal.' },
  no_digital_access: { sv: 'Personen har inget konto och kan inte få planen digitalt.', en: 'The person has no account and cannot get the plan digitally.' },
  how_required: { sv: 'Skriv hur personen får kopian.', en: 'Say how the person gets the copy.' },
  not_after_today: { sv: 'Datumet ska vara efter i dag.', en: 'The date must be after today.' },
  in_the_past: { sv: 'Mötet måste ligga i framtiden.', en: 'The meeting must be in the future.' },
  shares_must_sum_to_100: { sv: 'Delarnas andelar ska tillsammans bli 100 %.', en: 'The parts’ shares must add up to 100%.' },
  share_out_of_range: { sv: 'Varje del ska ha mellan 5 och 80 % av tiden.', en: 'Each part must have between 5 and 80% of the time.' },
  needs_must_be_largest: { sv: 'Behovsdelen ska ha störst andel av tiden.', en: 'The needs part must have the largest share of the time.' },
};

const FORMATS: Record<string, Text> = {
  email: { sv: 'Skriv en giltig e-postadress.', en: 'Enter a valid e-mail address.' },
  uuid: { sv: 'Inte ett giltigt id.', en: 'Not a valid id.' },
  datetime: { sv: 'Inte en giltig tidpunkt.', en: 'Not a valid date and time.' },
  date: { sv: 'Inte ett giltigt datum.', en: 'Not a valid date.' },
  url: { sv: 'Skriv en fullständig länk som börjar med https://.', en: 'Enter a full link starting with https://.' },
};

const FIELD_FORMATS: Record<string, Text> = {
  username: { sv: 'Endast a–z, 0–9, punkt, bindestreck och understreck.', en: 'Only a–z, 0–9, dot, dash and underscore.' },
  phone: { sv: 'Endast siffror, mellanslag, +, ( ) och -.', en: 'Digits, spaces, +, ( ) and - only.' },
};

const TOO_SMALL: Record<string, Text> = {
  string: { sv: (n) => (n <= 1 ? 'Fyll i.' : `Minst ${n} tecken.`), en: (n) => (n <= 1 ? 'Required.' : `At least ${n} characters.`) },
  array: { sv: (n) => (n <= 1 ? 'Välj minst ett alternativ.' : `Välj minst ${n}.`), en: (n) => (n <= 1 ? 'Choose at least one.' : `Choose at least ${n}.`) },
  number: { sv: (n) => `Minst ${n}.`, en: (n) => `At least ${n}.` },
};

const TOO_BIG: Record<string, Text> = {
  string: { sv: (n) => `Högst ${n} tecken.`, en: (n) => `At most ${n} characters.` },
  array: { sv: (n) => `Högst ${n} val.`, en: (n) => `At most ${n} choices.` },
  number: { sv: (n) => `Högst ${n}.`, en: (n) => `At most ${n}.` },
};

const CODES: Record<string, Text> = {
  invalid_type: { sv: 'Fyll i ett giltigt värde.', en: 'Enter a valid value.' },
  invalid_value: { sv: 'Välj ett av alternativen.', en: 'Choose one of the options.' },
  invalid_format: { sv: 'Fel format.', en: 'Wrong format.' },
  unrecognized_keys: { sv: 'Okänt fält.', en: 'Unknown field.' },
  not_multiple_of: { sv: 'Ange ett heltal.', en: 'Enter a whole number.' },
};

const GENERIC: Text = { sv: 'Värdet är inte giltigt.', en: 'The value is not valid.' };

const say = (text: Text, language: Language, n = 0) => {
  const message = text[language];
  return typeof message === 'function' ? message(n) : message;
};

export function fieldMessage(issue: FieldIssue, language: Language): string {
  const { code } = issue;
  if (REASONS[code]) return say(REASONS[code], language);
  const origin = issue.origin === 'int' || issue.origin === 'bigint' ? 'number' : (issue.origin ?? 'string');
  if (code === 'too_small' && issue.minimum !== undefined) return say(TOO_SMALL[origin] ?? GENERIC, language, Number(issue.minimum));
  if (code === 'too_big' && issue.maximum !== undefined) return say(TOO_BIG[origin] ?? GENERIC, language, Number(issue.maximum));
  if (code === 'too_small') return say(TOO_SMALL.string!, language, 1);
  if (code === 'invalid_format') {
    const byField = issue.field && FIELD_FORMATS[issue.field];
    if (issue.format === 'regex' && byField) return say(byField, language);
    if (issue.format && FORMATS[issue.format]) return say(FORMATS[issue.format]!, language);
  }
  return say(CODES[code] ?? GENERIC, language);
}

/**
 * A field error's own reason (a schema's or service's `reason`, e.g. personnummer_checksum),
 * in the given language; undefined for codes that need the issue's details (zod's own).
 */
export function fieldErrorMessage(code: string, language: Language): string | undefined {
  const text = REASONS[code];
  return text ? say(text, language) : undefined;
}
