import { z } from 'zod';
import { text } from './text';

/** A file name suggested to the save dialog: a bare name, no folder. */
export const dialogSaveFileSchema = z.object({
  defaultName: text()
    .min(1)
    .max(120)
    .regex(/^[\w.-]+$/, 'A bare file name: letters, digits, dot, dash and underscore only'),
});
export const dialogOpenFileSchema = z.strictObject({}).default({});
/** path null: the user cancelled, or this runtime has no file picker (`native` false: type a path instead). */
export const dialogResultSchema = z.object({ path: z.string().nullable(), native: z.boolean() });
