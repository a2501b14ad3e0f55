import { describe, expect, it } from 'vitest';
import { luhnCheckDigit, maskPersonnummer, parsePersonnummer } from './personnummer';

const today = new Date('2026-11-22T12:00:00Z');
const parse = (s: string) => parsePersonnummer(s, today);

describe('parsePersonnummer', () => {
  it('accepts a valid personnummer in long form, with and without dash', () => {
    // 811218-9876 is the classic Skatteverket example; its check digit is 6.
    for (const input of ['19811218-9876', '198112189876']) {
      const r = parse(input);
      expect(r).toEqual({
        ok: true,
        value: { canonical: '198112189876', birthDate: '1981-12-18', isSamordningsnummer: false, legalSex: 'male' },
      });
    }
  });

  it('accepts the short form and places it in the right century', () => {
    expect(parse('811218-9876')).toMatchObject({ ok: true, value: { canonical: '198112189876' } });
    // 2011: a child, not someone born in 1911.
    const child = `110314246${luhnCheckDigit('110314246')}`;
    expect(parse(child)).toMatchObject({ ok: true, value: { birthDate: '2011-03-14', legalSex: 'female' } });
  });

  it('reads "+" as a person aged 100 or more', () => {
    const n = `240105-123${luhnCheckDigit('240105123')}`.replace('-', '+');
    expect(parse(n)).toMatchObject({ ok: true, value: { birthDate: '1924-01-05' } });
  });

  it('refuses a wrong check digit', () => {
    expect(parse('19811218-9875')).toEqual({ ok: false, error: 'checksum' });
  });

  it('accepts a samordningsnummer (day + 60) and recovers the birth date', () => {
    const nine = '920781355';
    const r = parse(`19${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`);
    expect(r).toMatchObject({ ok: true, value: { isSamordningsnummer: true, birthDate: '1992-07-21' } });
  });

  it('refuses impossible dates and malformed input', () => {
    expect(parse(`19810230-123${luhnCheckDigit('810230123')}`)).toEqual({ ok: false, error: 'date' });
    expect(parse(`20991231-123${luhnCheckDigit('991231123')}`)).toEqual({ ok: false, error: 'date' });
    for (const bad of ['', 'abc', '1981-12-18-9876', '19811218-987', '19811218+9876', '12345678901234']) {
      expect(parse(bad)).toEqual({ ok: false, error: 'format' });
    }
  });

  it('masks all but the birth date', () => {
    expect(maskPersonnummer('198112189876')).toBe('19811218-****');
  });
});
