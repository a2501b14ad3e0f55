/**
 * Swedish personal identity numbers (personnummer) and coordination numbers
 * (samordningsnummer, where 60 is added to the day of birth).
 *
 * Accepted input forms: YYYYMMDD-NNNC, YYYYMMDDNNNC, YYMMDD-NNNC, YYMMDDNNNC and
 * YYMMDD+NNNC ("+" marks a person aged 100 or more). The canonical form is 12 digits.
 */

export type PersonnummerError = 'format' | 'date' | 'checksum';

export interface ParsedPersonnummer {
  /** Canonical 12-digit form, YYYYMMDDNNNC. */
  canonical: string;
  /** Birth date as YYYY-MM-DD (for a samordningsnummer, the day with 60 subtracted). */
  birthDate: string;
  isSamordningsnummer: boolean;
  /** The second-to-last digit is odd for men and even for women. */
  legalSex: 'female' | 'male';
}

export type PersonnummerResult =
  | { ok: true; value: ParsedPersonnummer }
  | { ok: false; error: PersonnummerError };

const PATTERN = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{3})(\d)$/;

/** Luhn check over the 10-digit form YYMMDDNNNC. */
export function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < tenDigits.length; i++) {
    let digit = Number(tenDigits[i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The check digit that makes YYMMDDNNN a valid number. */
export function luhnCheckDigit(nineDigits: string): number {
  for (let c = 0; c <= 9; c++) if (luhnValid(nineDigits + c)) return c;
  /* c8 ignore next */
  throw new Error('unreachable: some digit always satisfies the Luhn check');
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export function parsePersonnummer(input: string, today: Date = new Date()): PersonnummerResult {
  const match = PATTERN.exec(input.trim().replace(/\s+/g, ''));
  if (!match) return { ok: false, error: 'format' };
  const [, century, yy, mm, ddRaw, separator, serial, check] = match as unknown as string[];
  if (century && separator === '+') return { ok: false, error: 'format' };

  const month = Number(mm);
  let day = Number(ddRaw);
  const isSamordningsnummer = day > 60;
  if (isSamordningsnummer) day -= 60;

  let year: number;
  if (century) {
    year = Number(century + yy);
  } else {
    // Short form: the most recent century that puts the birth date in the past, one
    // century earlier still with "+".
    const currentYear = today.getUTCFullYear();
    year = Math.floor(currentYear / 100) * 100 + Number(yy);
    if (year > currentYear) year -= 100;
    if (separator === '+') year -= 100;
  }
  if (!isRealDate(year, month, day)) return { ok: false, error: 'date' };
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (birth.getTime() > today.getTime()) return { ok: false, error: 'date' };

  const ten = `${yy}${mm}${ddRaw}${serial}${check}`;
  if (!luhnValid(ten)) return { ok: false, error: 'checksum' };

  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    ok: true,
    value: {
      canonical: `${year}${mm}${ddRaw}${serial}${check}`,
      birthDate: `${year}-${pad(month)}-${pad(day)}`,
      isSamordningsnummer,
      legalSex: Number(serial![2]) % 2 === 1 ? 'male' : 'female',
    },
  };
}

/** Shows only the birth date part: 19850312-****. Safe for lists and screens. */
export function maskPersonnummer(canonical: string): string {
  return `${canonical.slice(0, 8)}-****`;
}

/** Human form with a dash: 19850312-1234. */
export function formatPersonnummer(canonical: string): string {
  return `${canonical.slice(0, 8)}-${canonical.slice(8)}`;
}
