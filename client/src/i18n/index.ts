import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '@sip/shared';
import * as admin from './admin';
import { en } from './en';
import { followUpMessages } from './follow-up';
import { meetings } from './meetings';
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
    sv: { translation: { ...sv, ...followUpMessages.sv, meetings: meetings.sv, statistics: statistics.sv, person: person.sv } },
    en: { translation: { ...en, ...followUpMessages.en, meetings: meetings.en, statistics: statistics.en, person: person.en } },
  },
  lng: initialLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  interpolation: { escapeValue: false },
});

// Feature translations live in files of their own, each under its own key.
for (const lng of LANGUAGES) i18n.addResourceBundle(lng, 'translation', { admin: admin[lng], staffPlan: staffPlan[lng] }, true, false);

// Keep <html lang> true to the language on screen, for screen readers and hyphenation.
const applyLang = (lng: string) => document.documentElement.setAttribute('lang', lng);
applyLang(i18n.language);
i18n.on('languageChanged', (lng) => {
  applyLang(lng);
  localStorage.setItem(STORAGE_KEY, lng);
});

export default i18n;
