import * as admin from './admin';
import { addWords } from './index';

/** The admin area's words, registered when its code loads — imported by the area for this effect. */
addWords({ sv: { admin: admin.sv }, en: { admin: admin.en } });
