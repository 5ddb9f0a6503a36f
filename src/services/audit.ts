import type { ChainHeadView, ChainVerifyView } from '../api';
import { chainHead, verifyChain } from '../db/audit-chain';
import type { Db } from '../db/open';

/** The chain head shown on the settings page and printed on the daily sheet. */
export const auditHead = (db: Db): ChainHeadView => chainHead(db);

/** Walks the chain (desk audit verify, settings page). */
export const auditVerify = (db: Db): ChainVerifyView => verifyChain(db);
