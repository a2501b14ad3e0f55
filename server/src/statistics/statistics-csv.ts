import { stringify } from 'csv-stringify/sync';
import {
  BREAKDOWN_NAMES,
  CLOSING_REASON_NAMES,
  type ClosingReason,
  INDICATORS,
  type IndicatorDefinition,
  type StatisticsCell,
  type StatisticsResult,
  SUPPRESSION_MARKS,
  UNIT_NAMES,
  groupLabel,
  smallMark,
} from '@sip/shared';

type Lang = 'sv' | 'en';

const HEADERS: Record<Lang, string[]> = {
  sv: ['Indikator', 'Indikator-id', 'Mått', 'Från', 'Till', 'Månad', 'Grupp 1', 'Grupp 2', 'Kategori', 'Värde', 'Antal fall', 'Anmärkning'],
  en: ['Indicator', 'Indicator id', 'Measure', 'From', 'To', 'Month', 'Group 1', 'Group 2', 'Category', 'Value', 'Cases', 'Note'],
};
const NOTES: Record<Lang, Record<StatisticsCell['status'] | 'not_yet_available', string>> = {
  sv: { shown: '', small: 'Färre än tröskeln – döljs', hidden: 'Dold så att ett litet tal inte kan räknas fram', none: 'Inga fall', not_yet_available: 'Ännu inte tillgänglig' },
  en: { shown: '', small: 'Fewer than the threshold – hidden', hidden: 'Hidden so that a small number cannot be worked out', none: 'No cases', not_yet_available: 'Not yet available' },
};

/**
 * A cell that a spreadsheet would read as a formula (=, +, -, @, tab, carriage return) is
 * prefixed with an apostrophe: names come from the directory, which people type.
 */
export function escapeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Swedish Excel: numbers with a decimal comma. */
const decimal = (v: number, lang: Lang, digits: number) => (lang === 'sv' ? v.toFixed(digits).replace('.', ',') : v.toFixed(digits));

function measure(def: IndicatorDefinition, lang: Lang): string {
  if (def.kind === 'share') return `${lang === 'sv' ? 'Andel' : 'Share'} (%) ${lang === 'sv' ? 'av' : 'of'} ${UNIT_NAMES[def.unit][lang]}`;
  if (def.kind === 'median') return `${lang === 'sv' ? 'Median' : 'Median'} (${UNIT_NAMES.days[lang]})`;
  return `${lang === 'sv' ? 'Antal' : 'Number of'} ${UNIT_NAMES[def.unit][lang]}`;
}

function value(def: IndicatorDefinition, cell: StatisticsCell, threshold: number, lang: Lang): [string, string] {
  if (cell.status === 'small') return [def.kind === 'count' ? smallMark(threshold) : SUPPRESSION_MARKS.hidden, smallMark(threshold)];
  if (cell.status === 'hidden') return [SUPPRESSION_MARKS.hidden, SUPPRESSION_MARKS.hidden];
  if (cell.status === 'none') return [SUPPRESSION_MARKS.none, '0'];
  const v = cell.value!;
  const shown = def.kind === 'share' ? decimal(v * 100, lang, 1) : def.kind === 'median' ? decimal(v, lang, Number.isInteger(v) ? 0 : 1) : String(v);
  return [shown, String(cell.n)];
}

/**
 * The dashboard's figures as CSV that Swedish Excel opens as it is: semicolons, UTF-8 with a
 * byte-order mark, decimal commas, the same cells suppressed with the same markers.
 */
export function statisticsCsv(result: StatisticsResult, lang: Lang): string {
  const [b1, b2] = result.breakdown;
  const group = (b: typeof b1, g: { key: string; label: string | null } | undefined) => (b && g ? `${BREAKDOWN_NAMES[b][lang]}: ${groupLabel(b, g.key, lang, g.label)}` : '');
  const records: string[][] = [];
  for (const r of result.indicators) {
    const def = INDICATORS.find((d) => d.id === r.id)!;
    const base = [def.text[lang].name, def.id, measure(def, lang), result.from, result.to];
    const line = (month: string, g1: string, g2: string, category: string, cell: StatisticsCell) => {
      const [v, n] = value(def, cell, result.threshold, lang);
      records.push([...base, month, g1, g2, category, v, n, NOTES[lang][cell.status]]);
    };
    if (r.status !== 'available' || !r.total) {
      records.push([...base, '', '', '', '', '', '', NOTES[lang].not_yet_available]);
      continue;
    }
    line('', '', '', '', r.total);
    r.rows.forEach((row, i) => {
      line('', group(b1, result.rowGroups[i]), '', '', row.total);
      row.cells.forEach((cell, j) => line('', group(b1, result.rowGroups[i]), group(b2, result.columnGroups[j]), '', cell));
    });
    r.columns.forEach((cell, j) => line('', '', group(b2, result.columnGroups[j]), '', cell));
    for (const c of r.categories) line('', '', '', c.label ?? CLOSING_REASON_NAMES[c.key as ClosingReason]?.[lang] ?? c.key, c.cell);
    for (const t of r.trend) line(t.month, '', '', '', t.cell);
  }
  const preamble = [
    [lang === 'sv' ? 'Urval' : 'View', result.view.name],
    [lang === 'sv' ? 'Period' : 'Period', `${result.from} – ${result.to}`],
    [lang === 'sv' ? 'Tröskel' : 'Threshold', `${smallMark(result.threshold)}: ${NOTES[lang].small}; ${SUPPRESSION_MARKS.hidden}: ${NOTES[lang].hidden}`],
    [lang === 'sv' ? 'Uppdaterad' : 'Updated', result.refreshedAt ?? ''],
    [],
  ];
  return stringify([...preamble, HEADERS[lang], ...records], {
    delimiter: ';',
    bom: true,
    record_delimiter: '\r\n',
    cast: { string: (s) => escapeFormula(s) },
  });
}
