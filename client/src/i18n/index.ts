import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '@sip/shared';
import { en } from './en';
import { statistics } from './statistics';
import { sv } from './sv';

const STORAGE_KEY = 'sip.language';

function initialLanguage(): Language {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return LANGUAGES.includes(stored as Language) ? (stored as Language) : DEFAULT_LANGUAGE;
}

void i18n.use(initReactI18next).init({
  // Features with many words of their own keep them in a file of their own.
  resources: { sv: { translation: { ...sv, statistics: statistics.sv } }, en: { translation: { ...en, statistics: statistics.en } } },
  lng: initialLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  interpolation: { escapeValue: false },
});

// Keep <html lang> true to the language on screen, for screen readers and hyphenation.
const applyLang = (lng: string) => document.documentElement.setAttribute('lang', lng);
applyLang(i18n.language);
i18n.on('languageChanged', (lng) => {
  applyLang(lng);
  localStorage.setItem(STORAGE_KEY, lng);
});

export default i18n;
