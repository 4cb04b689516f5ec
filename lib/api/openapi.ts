/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the route handlers validate with
 * (lib/api/schemas.ts, which reuse the forms' schemas). A test checks that every route file under
 * app/api/v1 is in it and that it validates.
 */
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from 'zod-openapi'
import { z } from 'zod'
import {
  cooperativePage, cooperativeQuery, disbursementBatchIn, disbursementCreatedOut, figuresQuery, figuresOut, msmePage, msmeQuery, problemOut, programList,
} from '@/lib/api/schemas'
import { MAX_JSON_BYTES } from '@/lib/api/route-limits'

const problemContent = { 'application/problem+json': { schema: problemOut } }
const problemResponse = (description: string) => ({ description, content: problemContent })

/** The answers every authenticated route may give besides its own. */
const common: ZodOpenApiResponsesObject = {
  '400': problemResponse('Invalid query or body: `errors[].path` names each field.'),
  '401': problemResponse('Missing, unknown, expired or revoked token.'),
  '403': problemResponse("The client's role may not do this (the same permission table as the app's pages)."),
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
      description: "Cooperatives in the client's scope (a regency client: its regency), in (updated_at, id) order. With `cursor` or `updated_since`, deleted records come as tombstones.",
      requestParams: { query: cooperativeQuery },
      responses: { '200': { description: 'A page.', content: json(cooperativePage) } },
    }),
  },
  '/api/v1/umkm': {
    get: op({
      operationId: 'listMsmes', tags: ['Register'], summary: 'MSMEs (incremental sync, owner NIK masked)',
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
      requestParams: { path: z.object({ id: z.string().meta({ description: 'Programme id (see listProgrammes).' }) }), query: figuresQuery },
      responses: { '200': { description: 'Figures as of a day.', content: json(figuresOut) }, '404': problemResponse('No such programme, or not one the bank lends in.') },
    }),
  },
  '/api/v1/penyaluran': {
    post: op({
      operationId: 'createDisbursements', tags: ['Bank'], summary: 'Record 1–1.000 loans (all or nothing)',
      description: `The form's checks and messages. Any refused loan refuses the whole batch (422, \`items[].index\`). Bodies up to ${MAX_JSON_BYTES / 1024 / 1024} MB.`,
      requestParams: { header: z.object({ 'Idempotency-Key': idempotencyKey }) },
      requestBody: { required: true, content: json(disbursementBatchIn) },
      responses: {
        '201': { description: 'Recorded; `data[].index` follows `items`.', content: json(disbursementCreatedOut) },
        '409': problemResponse('An account number was recorded meanwhile by another request.'),
        '413': problemResponse('Body too large.'),
        '415': problemResponse('Not application/json.'),
        '422': problemResponse('Refused loans (nothing saved), or an Idempotency-Key reused for another request.'),
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
      description: 'Integrasi sistem-ke-sistem Lumbung: register koperasi dan UMKM, angka program kredit, dan penyaluran oleh bank mitra. Pesan galat (`detail`) berbahasa Indonesia; `title` berbahasa Inggris.',
    },
    servers: [{ url: '/' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The token of an API client, created by an admin under Pengguna → Klien API.' } } },
    paths: API_PATHS,
  })
  return cached
}
