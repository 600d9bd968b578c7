import { complianceRecord } from '../compliance-record.js';
import type { Formatter } from './types.js';

/**
 * `--format compliance`: per plan, every rule with its outcome (passed, failed, waived,
 * not-applicable) and evidence ranges, the packs with versions and SHA-256, plan-lint's version
 * and the plan's SHA-256. Validated by schemas/compliance.schema.json.
 */
export const formatCompliance: Formatter = (files, context) => `${JSON.stringify(complianceRecord(files, context), null, 2)}\n`;
