import type { Messages } from './sv';

export const en: Messages = {
  app: {
    name: 'SIP',
    fullName: 'Coordinated individual plan',
    skipToContent: 'Skip to content',
    loading: 'Loading…',
    language: 'Language',
    languages: { sv: 'Svenska', en: 'English' },
  },
  signIn: {
    title: 'Sign in',
    intro: 'Sign in to see and work with your SIP plans.',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    required: 'Enter your username and password.',
    expired: 'Your session has expired. Please sign in again.',
    signedOut: 'You are signed out.',
    realDeployments: 'In production, staff sign in with SITHS and citizens with BankID or Freja.',
  },
  layout: {
    mainNav: 'Main menu',
    worklist: 'Worklist',
    signOut: 'Sign out',
    signedInAs: 'Signed in as',
    noUnit: 'No unit',
    citizen: 'Citizen',
    roles: { practitioner: 'Practitioner', manager: 'Manager', admin: 'Administrator' },
  },
  worklist: {
    title: 'My worklist',
    staffIntro: 'The SIP plans you take part in, with their next step and what is overdue.',
    citizenIntro: 'Your plan, and the plans you are allowed to see.',
    empty: 'You have no SIP plans yet.',
    columns: { person: 'Person', state: 'State', nextStep: 'Next step', due: 'Due' },
  },
  notFound: { title: 'Page not found', back: 'Back to the worklist' },
  errors: { network: 'Could not reach the server. Check the connection and try again.' },
};
