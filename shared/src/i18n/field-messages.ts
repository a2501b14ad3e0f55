import { ANSWER_MAX_LENGTH } from '../motescirkeln/circles';
import { EVALUATION_COMMENT_MAX_LENGTH, MEETING_NOTES_MAX_LENGTH } from '../motescirkeln/meeting-mode';
import type { Language } from './problem-messages';

/**
 * Field errors in both languages, by the error's code (`FieldError.code`). The server writes
 * the message in the request's language and the client re-renders it in the language on
 * screen; codes without an entry keep the message they came with.
 */
export const FIELD_ERROR_MESSAGES: Record<string, Record<Language, string>> = {
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

export function fieldErrorMessage(code: string, language: Language): string | undefined {
  return FIELD_ERROR_MESSAGES[code]?.[language];
}
