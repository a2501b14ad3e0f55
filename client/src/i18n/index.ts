import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '@sip/shared';
import { en } from './en';
import { followUpMessages } from './follow-up';
import { person } from './person';
import { staffPlan } from './staff-plan';
import { statistics } from './statistics';
import { sv } from './sv';

const STORAGE_KEY = 'sip.language';

function initialLanguage(): Language {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return LANGUAGES.includes(stored as Language) ? (stored as Language) : DEFAULT_LANGUAGE;
}

void i18n.use(initReactI18next).init({
  // Feature files add top-level keys of their own beside the main files, or bring their words
  // under their own key.
  resources: {
    sv: { translation: { ...sv, ...followUpMessages.sv, statistics: statistics.sv, person: person.sv } },
    en: { translation: { ...en, ...followUpMessages.en, statistics: statistics.en, person: person.en } },
  },
  lng: initialLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  interpolation: { escapeValue: false },
});

// Feature translations live in files of their own, each under its own key. The admin area's
// and the meeting pages' words come with those pages' code (addWords), not in the first load
// every page waits for; the menu's word for the admin area is here.
for (const lng of LANGUAGES) i18n.addResourceBundle(lng, 'translation', { admin: { nav: { label: 'Administration' } }, staffPlan: staffPlan[lng] }, true, false);

/** Adds a feature's words, for every language, when its code loads. */
export function addWords(words: Record<Language, object>): void {
  for (const lng of LANGUAGES) i18n.addResourceBundle(lng, 'translation', words[lng], true, true);
}

// Keep <html lang> true to the language on screen, for screen readers and hyphenation.
const applyLang = (lng: string) => document.documentElement.setAttribute('lang', lng);
applyLang(i18n.language);
i18n.on('languageChanged', (lng) => {
  applyLang(lng);
  localStorage.setItem(STORAGE_KEY, lng);
});

export default i18n;
