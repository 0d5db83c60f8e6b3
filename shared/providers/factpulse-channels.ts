import { z } from 'zod';
import {
  clientRefSchema,
  pdpConfigSchema,
  pdpUpdateSchema,
  webhookDeleteSchema,
  webhookGenerateSchema,
  webhookGeneratedSchema,
  webhookStatusSchema,
} from '../schemas/clients';
import {
  jobDetailSchema,
  jobProgressSchema,
  jobSummarySchema,
  journalRowSchema,
  keyInventoryPageSchema,
  keysBulkPreviewResultSchema,
  keysBulkPreviewSchema,
  keysBulkStartSchema,
  keysCopyResultSchema,
  keysCopySchema,
  keysDisableDoubleResultSchema,
  keysDisableDoubleSchema,
  keysEnableDoubleResultSchema,
  keysEnableDoubleSchema,
  keysExportBackupResultSchema,
  keysExportBackupSchema,
  keysImportBackupResultSchema,
  keysImportBackupSchema,
  keysImportResultSchema,
  keysImportSchema,
  keysInspectBackupResultSchema,
  keysInspectBackupSchema,
  keysInventorySchema,
  keysJobRefSchema,
  keysJobsSchema,
  keysJournalSchema,
  keysRecoverSchema,
  keysRevealResultSchema,
  keysRevealSchema,
  keysRotateSchema,
  pdpModesProgressSchema,
  recoveryOutcomeSchema,
  rotationOutcomeSchema,
  webhookVerifyResultSchema,
  webhookVerifySchema,
} from '../schemas/keys';

/**
 * FactPulse's own channels (docs/architecture.md §2, §3 Extensions): PDP configurations, double-mode keys,
 * backups and webhook secrets. shared/ipc.ts spreads them into the one contract, so they are typed and
 * validated like every other channel; their handlers live in main/core/providers/factpulse/handlers/.
 */
export const factpulseChannels = {
  'factpulse.pdp.get': { input: clientRefSchema, output: pdpConfigSchema },
  'factpulse.pdp.update': { input: pdpUpdateSchema, output: pdpConfigSchema },
  /** How far the learning of PDP encryption modes is, per connection (factpulse.pdp.modesProgress keeps it current). */
  'factpulse.pdp.modes': { input: z.undefined(), output: z.array(pdpModesProgressSchema) },

  'factpulse.webhook.status': { input: clientRefSchema, output: webhookStatusSchema },
  'factpulse.webhook.generate': { input: webhookGenerateSchema, output: webhookGeneratedSchema },
  'factpulse.webhook.delete': { input: webhookDeleteSchema, output: z.object({ message: z.string() }) },
  'factpulse.webhook.verify': { input: webhookVerifySchema, output: webhookVerifyResultSchema },

  'factpulse.keys.inventory': { input: keysInventorySchema, output: keyInventoryPageSchema },
  'factpulse.keys.enableDouble': { input: keysEnableDoubleSchema, output: keysEnableDoubleResultSchema },
  'factpulse.keys.disableDouble': { input: keysDisableDoubleSchema, output: keysDisableDoubleResultSchema },
  'factpulse.keys.rotate': { input: keysRotateSchema, output: rotationOutcomeSchema },
  'factpulse.keys.recover': { input: keysRecoverSchema, output: z.array(recoveryOutcomeSchema) },
  'factpulse.keys.import': { input: keysImportSchema, output: keysImportResultSchema },
  'factpulse.keys.reveal': { input: keysRevealSchema, output: keysRevealResultSchema },
  'factpulse.keys.copy': { input: keysCopySchema, output: keysCopyResultSchema },
  'factpulse.keys.bulkPreview': { input: keysBulkPreviewSchema, output: keysBulkPreviewResultSchema },
  'factpulse.keys.bulkStart': { input: keysBulkStartSchema, output: jobSummarySchema },
  'factpulse.keys.bulkCancel': { input: keysJobRefSchema, output: jobSummarySchema },
  'factpulse.keys.bulkResume': { input: keysJobRefSchema, output: jobSummarySchema },
  'factpulse.keys.jobs': { input: keysJobsSchema, output: z.array(jobSummarySchema) },
  'factpulse.keys.job': { input: keysJobRefSchema, output: jobDetailSchema },
  'factpulse.keys.exportBackup': { input: keysExportBackupSchema, output: keysExportBackupResultSchema },
  'factpulse.keys.inspectBackup': { input: keysInspectBackupSchema, output: keysInspectBackupResultSchema },
  'factpulse.keys.importBackup': { input: keysImportBackupSchema, output: keysImportBackupResultSchema },
  'factpulse.keys.journal': { input: keysJournalSchema, output: z.array(journalRowSchema) },
} as const;

/** FactPulse's main → renderer pushes. */
export const factpulseEvents = {
  'factpulse.keys.jobProgress': jobProgressSchema,
  'factpulse.pdp.modesProgress': pdpModesProgressSchema,
} as const;
