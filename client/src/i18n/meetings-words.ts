import { addWords } from './index';
import { meetings } from './meetings';

/**
 * The meeting pages' words, registered when a page that shows meetings loads (the plan page,
 * the preparation page, meeting mode) — imported by those pages for this effect.
 */
addWords({ sv: { meetings: meetings.sv }, en: { meetings: meetings.en } });
