/**
 * The person's view of their plan (and a relative's): plain words for what is read, not
 * edited, and for who has read the plan. A file of its own, registered in index.ts under
 * the key `person`.
 */
const sv = {
  emptyText: 'Inget skrivet ännu.',
  emptyList: 'Inget ännu.',
  notChosen: 'Inte valt',
  action: 'Insats {{n}}',
  writeHere: 'Skriv i den här delen',
  readers: {
    intro: 'Varje gång någon öppnar din plan sparas det. Här ser du vem och vilken dag.',
    // "Eva Lind, 3 gånger den 24 november"
    times_one: 'en gång den {{date}}',
    times_other: '{{count}} gånger den {{date}}',
  },
};

const en: typeof sv = {
  emptyText: 'Nothing written yet.',
  emptyList: 'Nothing yet.',
  notChosen: 'Not chosen',
  action: 'Effort {{n}}',
  writeHere: 'Write in this part',
  readers: {
    intro: 'Every time someone opens your plan it is recorded. Here you see who, and on which day.',
    times_one: 'once on {{date}}',
    times_other: '{{count}} times on {{date}}',
  },
};

export const person = { sv, en };
