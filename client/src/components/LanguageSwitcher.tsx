import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '@sip/shared';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t('app.language')}</label>
      <select id={id} value={i18n.language} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {t(`app.languages.${lng}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
