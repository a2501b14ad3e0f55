import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '@sip/shared';
import { en } from './en';
import { meetings } from './meetings';
import { sv } from './sv';

const STORAGE_KEY = 'sip.language';

function initialLanguage(): Language {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return LANGUAGES.includes(stored as Language) ? (stored as Language) : DEFAULT_LANGUAGE;
}

void i18n.use(initReactI18next).init({
  // Feature files bring their own words under their own key.
  resources: { sv: { translation: { ...sv, meetings: meetings.sv } }, en: { translation: { ...en, meetings: meetings.en } } },
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
