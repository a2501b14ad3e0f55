import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CountySettings,
  DEFAULT_DISCHARGE_CALL_DAYS,
  DEFAULT_PART_SHARES,
  DISCHARGE_CALL_DAYS_LIMITS,
  type Language,
  MEETING_PARTS,
  PART_INFO,
  PART_SHARE_LIMITS,
  REMINDER_OFFSET_LIMITS,
  REMINDER_RULE_IDS,
  REMINDER_RULES,
  type ReminderRule,
  type UpdateCountySettings,
  reminderOffset,
} from '@sip/shared';
import { Field, type FieldErrors, numberOrUndefined, useFieldMessage } from '../../components/form';

/**
 * The county settings form, one group per concern. A group shows its fields from the stored
 * settings and reads them back into its part of the PUT body (updateCountySettingsSchema).
 * A new concern is one more entry here, beside its property in the shared schemas.
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
  {
    id: 'meetingPartShares',
    Fields: MeetingShareFields,
    // Unticked: the defaults (null). Ticked: all five, an empty one NaN for the schema to refuse.
    read: (f) => ({
      meetingPartShares: f.get('meetingPartShares.custom')
        ? Object.fromEntries(MEETING_PARTS.map((part) => [part, numberOrUndefined(f, `meetingPartShares.${part}`) ?? Number.NaN]))
        : null,
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

/**
 * Each part's share of the meeting's time. The shares' rules as a whole (100 in all, behov
 * the largest) are said under the group, and the first share takes focus.
 */
function MeetingShareFields({ settings, errors }: { settings: CountySettings; errors: FieldErrors }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const lang = (i18n.language === 'en' ? 'en' : 'sv') as Language;
  const groupMessage = useFieldMessage()(errors, 'meetingPartShares');
  const standard = MEETING_PARTS.map((part) => `${PART_INFO[part].name[lang].toLowerCase()} ${DEFAULT_PART_SHARES[part]} %`).join(', ');
  return (
    <fieldset aria-describedby={groupMessage ? `${id}-error` : undefined}>
      <legend>{t('admin.settings.shares.legend')}</legend>
      <p className="hint">{t('admin.settings.shares.intro', { standard })}</p>
      <label className="checkbox">
        <input type="checkbox" name="meetingPartShares.custom" defaultChecked={settings.meetingPartSharesCustom} />
        {t('admin.settings.shares.custom')}
      </label>
      <div className="reminder-grid">
        {MEETING_PARTS.map((part, i) => (
          <Field
            key={part}
            label={t('admin.settings.shares.share', { part: PART_INFO[part].name[lang] })}
            name={`meetingPartShares.${part}`}
            errors={errors}
            hint={t('admin.settings.shares.limits', PART_SHARE_LIMITS)}
          >
            {(props) => (
              <input
                {...props}
                aria-invalid={props['aria-invalid'] || (Boolean(groupMessage) && i === 0)}
                type="number"
                inputMode="numeric"
                step={1}
                min={PART_SHARE_LIMITS.min}
                max={PART_SHARE_LIMITS.max}
                defaultValue={settings.meetingPartShares[part]}
                className="number-input"
              />
            )}
          </Field>
        ))}
      </div>
      {groupMessage && (
        <p id={`${id}-error`} className="field-error">
          {groupMessage}
        </p>
      )}
    </fieldset>
  );
}
