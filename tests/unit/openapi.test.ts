/**
 * The OpenAPI document of /api/v1 (lib/api/openapi.ts): it validates against the OpenAPI 3.1 schema, and
 * every route file under app/api/v1 (each exported HTTP method) is in it, so a new route without its
 * documentation fails here.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { Validator } from '@seriousme/openapi-schema-validator'
import { describe, expect, it } from 'vitest'
import { openApiDocument } from '@/lib/api/openapi'

const ROOT = path.resolve(__dirname, '../..')
const V1 = path.join(ROOT, 'app/api/v1')
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const

/** `METHOD /api/v1/...` for every exported handler, the path in OpenAPI form (`[id]` → `{id}`). */
function routeOperations(): string[] {
  const files = (readdirSync(V1, { recursive: true }) as string[]).filter((f) => path.basename(f) === 'route.ts')
  return files.flatMap((f) => {
    const source = readFileSync(path.join(V1, f), 'utf8')
    const urlPath = `/api/v1/${path.posix.dirname(f.split(path.sep).join('/'))}`.replace(/\[([^\]]+)\]/g, '{$1}')
    return METHODS.filter((m) => new RegExp(`export (const|async function|function) ${m}\\b`).test(source)).map((m) => `${m} ${urlPath}`)
  }).sort()
}

describe('the OpenAPI document of /api/v1', () => {
  const doc = openApiDocument()

  it('is valid OpenAPI 3.1', async () => {
    expect(doc.openapi).toBe('3.1.0')
    const result = await new Validator().validate(JSON.parse(JSON.stringify(doc)))
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 2)?.slice(0, 2000)).toEqual([])
    expect(result.valid).toBe(true)
  })

  it('documents every route under app/api/v1, and nothing that does not exist', () => {
    const routes = routeOperations()
    expect(routes.length).toBeGreaterThan(4)
    const documented = Object.entries(doc.paths ?? {}).flatMap(([p, item]) => METHODS.filter((m) => item && m.toLowerCase() in item).map((m) => `${m} ${p}`)).sort()
    expect(routes.filter((r) => !documented.includes(r)), 'routes missing from lib/api/openapi.ts').toEqual([])
    expect(documented.filter((d) => !routes.includes(d)), 'documented operations without a route').toEqual([])
  })

  it('describes the errors as problem details and the writes with an Idempotency-Key', () => {
    const post = doc.paths?.['/api/v1/penyaluran']?.post
    expect(JSON.stringify(post?.parameters)).toContain('Idempotency-Key')
    expect(Object.keys(post?.responses ?? {})).toEqual(expect.arrayContaining(['201', '400', '401', '403', '413', '422', '429']))
    expect(JSON.stringify(doc.components?.schemas?.Problem)).toContain('detail')
  })
})
