import { sql as m001 } from './001-initial';
import { sql as m002 } from './002-statutory-clock';
import { sql as m003 } from './003-tribunal-hearings-service';
import { sql as m004 } from './004-claim-limitation';
import { sql as m005 } from './005-roster';
import { sql as m006 } from './006-document-register';
import { sql as m007 } from './007-mediation-award-closing';
import { sql as m008 } from './008-legal-aid-desk';
import { sql as m009 } from './009-record-integrity';
import type BetterSqlite3 from 'better-sqlite3';
import { writeGenesis } from '../audit-chain';
import { sql as m011 } from './011-logins';
import { sql as m013 } from './013-deadline-store';
import { sql as m014 } from './014-document-numbers';
import { sql as m015 } from './015-statistics-ledger';
import { sql as m016 } from './016-employers';
import { sql as m017 } from './017-collective-roster';
import { sql as m020, sqlCaseEmployers as m020CaseEmployers } from './020-name-grams';
import { sql as m023 } from './023-performance';
import { sql as m021 } from './021-case-facts';
import { sql as m019 } from './019-need-to-know';
import { sql as m022 } from './022-survey-links';
import { sql as m018 } from './018-evidence-and-review';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Runs in the same transaction after the SQL, for what SQL cannot compute (hashes). */
  after?: (db: BetterSqlite3.Database, at: string) => void;
}

/** Numbered, forward-only. Append new migrations; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: m001 },
  { version: 2, name: 'statutory-clock', sql: m002 },
  { version: 3, name: 'tribunal-hearings-service', sql: m003 },
  { version: 4, name: 'claim-limitation', sql: m004 },
  { version: 5, name: 'roster', sql: m005 },
  { version: 6, name: 'document-register', sql: m006 },
  { version: 7, name: 'mediation-award-closing', sql: m007 },
  { version: 8, name: 'legal-aid-desk', sql: m008 },
  { version: 9, name: 'record-integrity', sql: m009, after: (db, at) => writeGenesis(db, at) },
  { version: 11, name: 'logins-and-duties', sql: m011 },
  { version: 13, name: 'deadline-store', sql: m013 },
  { version: 14, name: 'document-numbers', sql: m014 },
  { version: 15, name: 'statistics-ledger', sql: m015 },
  { version: 16, name: 'employers', sql: m016 },
  { version: 17, name: 'collective-roster', sql: m017 },
  { version: 18, name: 'evidence-and-review', sql: m018 },
  { version: 19, name: 'need-to-know', sql: m019 },
  { version: 20, name: 'name-grams', sql: m020 + m020CaseEmployers },
  { version: 21, name: 'case-facts', sql: m021 },
  { version: 22, name: 'survey-links', sql: m022 },
  { version: 23, name: 'performance', sql: m023 },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
