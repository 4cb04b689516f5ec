/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the route handlers validate with
 * (lib/api/schemas.ts, which reuse the forms' schemas). A test checks that every route file under
 * app/api/v1 is in it and that it validates.
 */
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from 'zod-openapi'
import { z } from 'zod'
import {
  claimIn, claimOut, claimQuery, cooperativePage, cooperativeQuery, disbursementBatchIn, disbursementCorrectionIn, disbursementCreatedOut, disbursementDetailOut, disbursementOut, disbursementPage, disbursementQuery, figuresQuery, figuresOut, instalmentIn, instalmentOut,
  actionPage, indicatorQuery, indicatorsOut, meetingPage, msmePage, msmeQuery, problemOut, programList, snapshotIn, snapshotOut, syncQuery,
} from '@/lib/api/schemas'
import { MAX_JSON_BYTES } from '@/lib/api/route-limits'

const problemContent = { 'application/problem+json': { schema: problemOut } }
const problemResponse = (description: string) => ({ description, content: problemContent })

/** The answers every authenticated route may give besides its own. */
const common: ZodOpenApiResponsesObject = {
  '400': problemResponse('Invalid query or body: `errors[].path` names each field.'),
  '401': problemResponse('Missing, unknown, expired or revoked token.'),
  '403': problemResponse("The client's role may not do this (the same permission table as the app's pages), or a `regency` asked for is outside the client's scope."),
  '429': {
    description: 'Rate limit of the client exceeded; wait `Retry-After` seconds.',
    headers: z.object({ 'Retry-After': z.string().meta({ description: 'Seconds until the next window.' }) }),
    content: problemContent,
  },
  '500': problemResponse('Unexpected error; nothing was saved.'),
}

const idempotencyKey = z.string().min(1).max(200).meta({ description: 'Required on writes: a retry with the same key and body returns the first answer (`Idempotent-Replayed: true`) and writes nothing.', example: 'core-2026-12-09-000123' })

const json = (schema: z.ZodType) => ({ 'application/json': { schema } })

const op = (o: ZodOpenApiOperationObject): ZodOpenApiOperationObject => ({ security: [{ bearer: [] }], ...o, responses: { ...common, ...o.responses } })

/** Every /api/v1 path (as Next names the route folder) and its operations. */
export const API_PATHS = {
  '/api/v1/koperasi': {
    get: op({
      operationId: 'listCooperatives', tags: ['Register'], summary: 'Cooperatives (incremental sync)',
      description: "Cooperatives in the client's scope (a regency client: its regency; another `regency` is 403, an unknown one 400), in (updated_at, id) order. With `cursor` or `updated_since`, deleted records come as tombstones. `status` takes `ACTIVE`/`INACTIVE` like the other filters' upper-case codes (`aktif`/`nonaktif` too).",
      requestParams: { query: cooperativeQuery },
      responses: { '200': { description: 'A page.', content: json(cooperativePage) } },
    }),
  },
  '/api/v1/umkm': {
    get: op({
      operationId: 'listMsmes', tags: ['Register'], summary: 'MSMEs (incremental sync, owner NIK masked)',
      description: "MSMEs in the client's scope (a regency client: its regency; another `regency` is 403, an unknown one 400), in (updated_at, id) order, tombstones as for cooperatives.",
      requestParams: { query: msmeQuery },
      responses: { '200': { description: 'A page.', content: json(msmePage) } },
    }),
  },
  '/api/v1/program': {
    get: op({
      operationId: 'listProgrammes', tags: ['Credit'], summary: 'Credit programmes the client may read',
      responses: { '200': { description: 'Programmes, newest year first.', content: json(programList) } },
    }),
  },
  '/api/v1/program/{id}/angka': {
    get: op({
      operationId: 'programmeFigures', tags: ['Credit'], summary: 'Programme figures: realisation, beneficiaries, absorption, by month and regency',
      description: "The credit dashboard's figures for the same request. `asOf` is read by the dashboard's rule: a day not yet come is today (`as_of_adjusted: future`), a day before the programme year the default day (`before_programme_year`); `as_of` is always the day the figures stand at. `summary.projection.final` is true only once the programme year has ended by `as_of`. A `regency` that is not one of the province is 400, another regency than a regency client's own 403.",
      requestParams: { path: z.object({ id: z.string().meta({ description: 'Programme id (see listProgrammes).' }) }), query: figuresQuery },
      responses: { '200': { description: 'Figures as of a day.', content: json(figuresOut) }, '404': problemResponse('No such programme, or not one the bank lends in.') },
    }),
  },
  '/api/v1/penyaluran': {
    get: op({
      operationId: 'listDisbursements', tags: ['Bank'], summary: 'Loans the client may read (incremental sync)',
      description: "A bank client reads its own bank's loans, a regency client its regency's, in (updated_at, id) order; the disbursement list's filters. A correction or a recomputed status moves a loan's `updated_at`. `program` takes the programme's id or code; one that names no programme the client may read is 400 (a query parameter naming nothing, where `/program/{id}/angka`, whose path names the resource, is 404). `from` after `to` is 400; another `regency` than a regency client's own 403, an unknown one 400.",
      requestParams: { query: disbursementQuery },
      responses: { '200': { description: 'A page.', content: json(disbursementPage) } },
    }),
    post: op({
      operationId: 'createDisbursements', tags: ['Bank'], summary: 'Record 1–1.000 loans (all or nothing)',
      description: `The form's checks and messages. Any refused loan refuses the whole batch (422, \`items[].index\`). Bodies up to ${MAX_JSON_BYTES / 1024 / 1024} MB.`,
      requestParams: { header: z.object({ 'Idempotency-Key': idempotencyKey }) },
      requestBody: { required: true, content: json(disbursementBatchIn) },
      responses: {
        '201': { description: 'Recorded; `data[].index` follows `items`.', content: json(disbursementCreatedOut) },
        '409': problemResponse('An account number was recorded meanwhile by another request, or the agency\'s change of the bank\'s contract rate is being recomputed (try again in a few minutes).'),
        '413': problemResponse('Body too large.'),
        '415': problemResponse('Not application/json.'),
        '422': problemResponse('Refused loans (nothing saved), or an Idempotency-Key reused for another request.'),
      },
    }),
  },
  '/api/v1/penyaluran/{id}': {
    get: op({
      operationId: 'getDisbursement', tags: ['Bank'], summary: 'One loan, with the version a correction sends back',
      requestParams: { path: z.object({ id: z.string().meta({ description: 'Loan id (`data[].id` of createDisbursements).' }) }) },
      responses: { '200': { description: 'The loan, with the months its bank had already claimed without it.', content: json(disbursementDetailOut) }, '404': problemResponse("No such loan, or another bank's.") },
    }),
    patch: op({
      operationId: 'updateDisbursement', tags: ['Bank'], summary: 'Correct a recorded loan (account, borrower, contract date, plafond, tenor, method)',
      description: "From the `version` read: the rules and messages of a new loan; the subsidy schedule is recomputed. Programme and bank cannot change. Refused while the loan is in a submitted, approved or paid claim (the agency returns the claim first).",
      requestParams: { path: z.object({ id: z.string().meta({ description: 'Loan id.' }) }), header: z.object({ 'Idempotency-Key': idempotencyKey }) },
      requestBody: { required: true, content: json(disbursementCorrectionIn) },
      responses: {
        '200': { description: 'Corrected: the loan as stored now (its new `version`).', content: json(disbursementOut) },
        '404': problemResponse("No such loan, or another bank's."),
        '409': problemResponse('The loan changed since the version sent (names who and when), is in a live claim, the account number was recorded meanwhile, or the agency\'s change of the bank\'s contract rate is being recomputed (try again in a few minutes).'),
        '413': problemResponse('Body too large.'),
        '415': problemResponse('Not application/json.'),
        '422': problemResponse('The corrected loan breaks a programme rule or names an unknown borrower (nothing saved), or an Idempotency-Key reused.'),
      },
    }),
  },
  '/api/v1/penyaluran/{id}/periode': {
    post: op({
      operationId: 'reportInstalment', tags: ['Bank'], summary: "Report a loan period: instalment paid or not, collectibility",
      description: "The page's checks and messages; the loan's subsidy schedule is recomputed. Another bank's loan is 404.",
      requestParams: { path: z.object({ id: z.string().meta({ description: 'Loan id (`data[].id` of createDisbursements).' }) }), header: z.object({ 'Idempotency-Key': idempotencyKey }) },
      requestBody: { required: true, content: json(instalmentIn) },
      responses: {
        '200': { description: 'Recorded; the period as recomputed.', content: json(instalmentOut) },
        '404': problemResponse('No such loan, or another bank\'s.'),
        '409': problemResponse('The `version` sent is stale (the loan was reported or corrected since it was read), or the report would change the subsidy of a month already in a submitted, approved or paid claim (until the agency returns that claim), or the agency\'s change of the bank\'s contract rate is being recomputed (try again in a few minutes).'),
        '413': problemResponse('Body too large.'),
        '415': problemResponse('Not application/json.'),
        '422': problemResponse('Idempotency-Key reused for another request.'),
      },
    }),
  },
  '/api/v1/program/{id}/klaim': {
    post: op({
      operationId: 'submitClaim', tags: ['Bank'], summary: "Submit the month's subsidy claim for a programme",
      description: "The claim form's and the claim-lines import's checks and service. Without `lines`: every loan due that month at the agency's amount. With `lines`: the bank's amounts, each recomputed by the agency with the reason of any difference. A returned claim is resubmitted by submitting its month again. A retry with the same Idempotency-Key answers the same claim (as it stands then) and writes nothing.",
      requestParams: { path: z.object({ id: z.string().meta({ description: 'Programme id (see listProgrammes).' }) }), header: z.object({ 'Idempotency-Key': idempotencyKey }) },
      requestBody: { required: true, content: json(claimIn) },
      responses: {
        '201': { description: 'Submitted: the claim with its first 100 lines.', content: json(claimOut) },
        '404': problemResponse('No such programme, or not one the bank lends in.'),
        '409': problemResponse('The month was submitted meanwhile by another request, or the agency\'s change of the bank\'s contract rate is being recomputed (try again in a few minutes).'),
        '413': problemResponse('Body too large.'),
        '415': problemResponse('Not application/json.'),
        '422': problemResponse('An account that is not a loan of the bank (nothing saved), or an Idempotency-Key reused.'),
      },
    }),
  },
  '/api/v1/klaim/{id}': {
    get: op({
      operationId: 'getClaim', tags: ['Bank'], summary: "A claim's verification result line by line, and its payments",
      requestParams: { path: z.object({ id: z.string().meta({ description: 'Claim id (`id` of submitClaim).' }) }), query: claimQuery },
      responses: { '200': { description: 'The claim and a page of its lines.', content: json(claimOut) }, '404': problemResponse('No such claim, or another bank\'s.') },
    }),
  },
  '/api/v1/indikator': {
    get: op({
      operationId: 'listIndicators', tags: ['Reporting'], summary: "Indicators with the year's targets and approved quarterly values",
      description: "A regency client reads its own regency (and the province targets): `regency` left out or its own; another regency is 403, a code that is no regency of the province 400.",
      requestParams: { query: indicatorQuery },
      responses: { '200': { description: 'The catalogue, targets and approved values.', content: json(indicatorsOut) } },
    }),
  },
  '/api/v1/rapat': {
    get: op({
      operationId: 'listMeetings', tags: ['Meetings'], summary: 'Meetings with their decisions (incremental sync)',
      description: "Meetings in the client's scope (as the app's meeting pages), in (updated_at, id) order; a meeting's `updated_at` moves when its details, status or outcomes change.",
      requestParams: { query: syncQuery },
      responses: { '200': { description: 'A page.', content: json(meetingPage) } },
    }),
  },
  '/api/v1/tindak-lanjut': {
    get: op({
      operationId: 'listFollowUpActions', tags: ['Meetings'], summary: 'Follow-up actions of meetings (incremental sync)',
      requestParams: { query: syncQuery },
      responses: { '200': { description: 'A page.', content: json(actionPage) } },
    }),
  },
  '/api/v1/snapshot': {
    post: op({
      operationId: 'requestSnapshot', tags: ['Register'], summary: 'Ask for a snapshot of a register (NDJSON or CSV), written in the background',
      description: 'For an admin or a province-wide read client (a regency or bank client: 403). The owner NIK is masked. Poll `status_url`; download from `download_url` once READY. Kept 7 days.',
      requestParams: { header: z.object({ 'Idempotency-Key': idempotencyKey }) },
      requestBody: { required: true, content: json(snapshotIn) },
      responses: { '202': { description: 'Queued.', content: json(snapshotOut) }, '415': problemResponse('Not application/json.'), '422': problemResponse('Idempotency-Key reused for another request.') },
    }),
  },
  '/api/v1/snapshot/{id}': {
    get: op({
      operationId: 'getSnapshot', tags: ['Register'], summary: "A snapshot's status",
      requestParams: { path: z.object({ id: z.string() }) },
      responses: { '200': { description: 'Its status.', content: json(snapshotOut) }, '404': problemResponse("No such snapshot, or another client's.") },
    }),
  },
  '/api/v1/snapshot/{id}/unduh': {
    get: op({
      operationId: 'downloadSnapshot', tags: ['Register'], summary: "A READY snapshot's file",
      description: 'NDJSON: one JSON object per line with the fields of `fields`. CSV: UTF-8 with BOM, `;` separated, CRLF, a header row of `fields`; a text cell starting with = + - @ is prefixed with an apostrophe.',
      requestParams: {
        path: z.object({ id: z.string() }),
        header: z.object({ 'If-None-Match': z.string().optional().meta({ description: 'The `ETag` of a copy you hold (the file\'s `sha256` in quotes): 304 without a body when it is still this file.' }) }),
      },
      responses: {
        '200': {
          description: 'The file, streamed; `ETag` is its `sha256` in quotes. Each download is recorded in the audit trail (EXPORT, naming the client).',
          content: { 'application/x-ndjson': { schema: z.string() }, 'text/csv': { schema: z.string() } },
        },
        '404': problemResponse("No such snapshot, or another client's."),
        '304': { description: 'Not modified: `If-None-Match` names this file; no body.' },
        '409': problemResponse('Not READY yet (or FAILED).'),
      },
    }),
  },
  '/api/v1/openapi.json': {
    get: {
      operationId: 'openapi', tags: ['Meta'], summary: 'This document', security: [],
      responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': { schema: z.object({ openapi: z.string() }).passthrough() } } } },
    },
  },
} satisfies Record<string, Record<string, ZodOpenApiOperationObject>>

let cached: ReturnType<typeof createDocument> | undefined

/** The document (built once per process: it depends only on the code). */
export function openApiDocument() {
  cached ??= createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Lumbung API',
      version: '1.0.0',
      // English like the rest of the document (the integrators' reference); the app's page words its own header
      description: 'System-to-system integration with Lumbung: the cooperative and MSME registers, credit programme figures, and loans recorded by partner banks. Error `detail` is Indonesian (for people); `title` is English (for programs).',
    },
    servers: [{ url: '/' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The token of an API client, created by an admin under Pengguna → Klien API.' } } },
    paths: API_PATHS,
  })
  return cached
}
