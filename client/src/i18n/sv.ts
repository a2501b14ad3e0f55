/** Swedish is the default language. Keys are shared with en.ts (typed against this file). */
export const sv = {
  app: {
    name: 'SIP',
    fullName: 'Samordnad individuell plan',
    skipToContent: 'Hoppa till innehållet',
    loading: 'Laddar…',
    language: 'Språk',
    languages: { sv: 'Svenska', en: 'English' },
  },
  signIn: {
    title: 'Logga in',
    intro: 'Logga in för att se och arbeta med dina SIP-planer.',
    username: 'Användarnamn',
    password: 'Lösenord',
    submit: 'Logga in',
    submitting: 'Loggar in…',
    required: 'Fyll i användarnamn och lösenord.',
    expired: 'Din session har gått ut. Logga in igen.',
    signedOut: 'Du är utloggad.',
    realDeployments: 'I drift loggar personal in med SITHS och invånare med BankID eller Freja.',
  },
  layout: {
    mainNav: 'Huvudmeny',
    worklist: 'Arbetslista',
    signOut: 'Logga ut',
    signedInAs: 'Inloggad som',
    noUnit: 'Ingen enhet',
    citizen: 'Invånare',
    roles: { practitioner: 'Handläggare', manager: 'Chef', admin: 'Administratör' },
  },
  worklist: {
    title: 'Min arbetslista',
    staffIntro: 'Här samlas de SIP-planer du deltar i, med nästa steg och det som är försenat.',
    citizenIntro: 'Här ser du din plan och de planer du har rätt att ta del av.',
    empty: 'Du har inga SIP-planer ännu.',
    columns: { person: 'Person', state: 'Läge', nextStep: 'Nästa steg', due: 'Senast' },
  },
  notFound: { title: 'Sidan finns inte', back: 'Till arbetslistan' },
  errors: { network: 'Kunde inte nå servern. Kontrollera anslutningen och försök igen.' },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof sv>;
