import type { Language } from '@sip/shared';

/** Words of the staff plan page's forms and buttons (registered under `staffPlan`). */
export const staffPlan: Record<Language, Record<string, string>> = {
  sv: {
    saved: 'Sparat',
    callForUnit: 'Kallelsen bekräftas av någon på {{unit}}.',
    callForParticipant: 'Inbjudan bekräftas av den inbjudna.',
    sendBlocked: 'Kallelser kan inte skickas nu',
  },
  en: {
    saved: 'Saved',
    callForUnit: 'The call is confirmed by someone at {{unit}}.',
    callForParticipant: 'The invitation is confirmed by the person invited.',
    sendBlocked: 'Calls cannot be sent now',
  },
};
