import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CountySettings,
  DEFAULT_DISCHARGE_CALL_DAYS,
  DISCHARGE_CALL_DAYS_LIMITS,
  REMINDER_OFFSET_LIMITS,
  REMINDER_RULE_IDS,
  REMINDER_RULES,
  type ReminderRule,
  type UpdateCountySettings,
  reminderOffset,
} from '@sip/shared';
import { Field, type FieldErrors, numberOrUndefined } from '../../components/form';

/**
 * The county settings form, one group per concern. A group shows its fields from the stored
 * settings and reads them back into its part of the PUT body (updateCountySettingsSchema).
 * A new concern — the time shares of the meeting's parts — is one more entry here, beside
 * its property in the shared schemas.
 */
export interface CountySettingGroup {
  id: string;
  Fields: (props: { settings: CountySettings; errors: FieldErrors }) => ReactNode;
  read: (form: FormData) => Partial<Record<keyof UpdateCountySettings, unknown>>;
}

export const COUNTY_SETTING_GROUPS: CountySettingGroup[] = [
  {
    id: 'discharge',
    Fields: DischargeFields,
    // Empty is NaN, which the schema refuses: the deadline always has a value.
    read: (f) => ({ dischargeCallDays: numberOrUndefined(f, 'dischargeCallDays') ?? Number.NaN }),
  },
  {
    id: 'reminders',
    Fields: ReminderFields,
    read: (f) => ({
      reminderDays: Object.fromEntries(
        REMINDER_RULE_IDS.map((rule) => [rule, numberOrUndefined(f, `reminderDays.${rule}`)]).filter(([, value]) => value !== undefined),
      ),
    }),
  },
];

function DischargeFields({ settings, errors }: { settings: CountySettings; errors: FieldErrors }) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('admin.settings.discharge.legend')}</legend>
      <Field
        label={t('admin.settings.discharge.days')}
        name="dischargeCallDays"
        errors={errors}
        hint={t('admin.settings.discharge.hint', { ...DISCHARGE_CALL_DAYS_LIMITS, standard: DEFAULT_DISCHARGE_CALL_DAYS })}
      >
        {(props) => <input {...props} type="number" inputMode="numeric" step={1} min={DISCHARGE_CALL_DAYS_LIMITS.min} max={DISCHARGE_CALL_DAYS_LIMITS.max} defaultValue={settings.dischargeCallDays} className="number-input" />}
      </Field>
    </fieldset>
  );
}

/** "days before", "working days after", …: the unit and direction the rule counts in. */
function unitOf(rule: ReminderRule): string {
  const fires = REMINDER_RULES[rule].fires as { before?: string; after?: string; days?: number; workingDays?: number; hours?: number };
  const unit = fires.workingDays !== undefined ? 'workingDays' : fires.hours !== undefined ? 'hours' : 'days';
  return `${unit}_${fires.before !== undefined ? 'before' : 'after'}`;
}

function ReminderFields({ settings, errors }: { settings: CountySettings; errors: FieldErrors }) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('admin.settings.reminders.legend')}</legend>
      <p className="hint">{t('admin.settings.reminders.intro')}</p>
      <div className="reminder-grid">
        {REMINDER_RULE_IDS.map((rule) => (
          <Field
            key={rule}
            label={`${t(`admin.settings.reminders.rules.${rule}`)} (${t(`admin.settings.reminders.units.${unitOf(rule)}`)})`}
            name={`reminderDays.${rule}`}
            errors={errors}
            hint={t('admin.settings.reminders.standard', { value: reminderOffset(rule), ...REMINDER_OFFSET_LIMITS[rule] })}
          >
            {(props) => (
              <input
                {...props}
                type="number"
                inputMode="numeric"
                step={1}
                min={REMINDER_OFFSET_LIMITS[rule].min}
                max={REMINDER_OFFSET_LIMITS[rule].max}
                defaultValue={settings.reminderDays[rule] ?? ''}
                placeholder={String(reminderOffset(rule))}
                className="number-input"
              />
            )}
          </Field>
        ))}
      </div>
    </fieldset>
  );
}
