/**
 * The upload sizes, in one place, read by next.config.ts (the server actions' body limit and the proxy's),
 * proxy.ts (its 413 before a body is read), the import's own check (lib/imports/file.ts) and the upload form.
 * The body limit follows the largest file a form takes (an import, `IMPORT_MAX_FILE_MB`, default 25 MB; a
 * meeting document, 10 MB) plus room for the form's other fields, so a file under its own limit always
 * reaches the code that explains a refusal, never the framework's generic 413. No `server-only`: next.config.ts
 * imports it.
 */
import { numberSetting } from './env'

const MB = 1024 * 1024

/** A meeting document (lib/meetings/files.ts). */
export const MAX_DOCUMENT_BYTES = 10 * MB

/** An import's spreadsheet: `IMPORT_MAX_FILE_MB` (default 25; a malformed value is refused, lib/env.ts). */
export const IMPORT_MAX_FILE_BYTES = Math.round(numberSetting('IMPORT_MAX_FILE_MB') * MB)

/** The form's other fields beside its file. */
const FORM_ROOM = 1 * MB

/** Above this a request body is refused before it is read (proxy.ts), and a server action's body too (next.config.ts). */
export const MAX_BODY_BYTES = Math.ceil((Math.max(MAX_DOCUMENT_BYTES, IMPORT_MAX_FILE_BYTES) + FORM_ROOM) / MB) * MB

/** The same limit as Next's config reads it (`26mb`). */
export const MAX_BODY_SIZE_TEXT = `${MAX_BODY_BYTES / MB}mb` as const
