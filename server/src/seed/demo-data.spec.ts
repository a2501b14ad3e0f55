import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePersonnummer } from '@sip/shared';
import { DEMO_PERSONS } from './demo-data';

describe('the demo persons', () => {
  it('have valid personnummer, and the README lists each with its number', () => {
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    for (const person of DEMO_PERSONS) {
      expect(parsePersonnummer(person.personnummer).ok, person.name).toBe(true);
      const written = `${person.personnummer.slice(0, 8)}-${person.personnummer.slice(8)}`;
      expect(readme, person.name).toMatch(new RegExp(`\\| ${person.name} \\(\\d+\\) \\| \`${written}\``));
    }
  });
});
