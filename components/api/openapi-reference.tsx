/**
 * Pieces of the API reference page (app/(dashboard)/pengguna/klien-api/referensi): the OpenAPI document's
 * schemas as field lists and its Markdown `code` as code. Server-rendered, no script.
 */

export type Schema = { type?: string | string[]; $ref?: string; description?: string; enum?: unknown[]; items?: Schema; properties?: Record<string, Schema>; required?: string[]; anyOf?: Schema[] }

export const typeOf = (s: Schema | undefined): string => {
  if (!s) return ''
  if (s.$ref) return s.$ref.split('/').pop() ?? ''
  if (s.enum) return s.enum.map(String).join(' | ')
  if (s.anyOf) return s.anyOf.map(typeOf).join(' | ')
  if (s.type === 'array') return `${typeOf(s.items)}[]`
  return Array.isArray(s.type) ? s.type.join(' | ') : (s.type ?? 'object')
}

/** The object a property holds, if any (directly, as an array's items, or as one branch of a nullable union). */
const nestedOf = (s: Schema | undefined): Schema | undefined => {
  if (!s) return undefined
  if (s.properties) return s
  if (s.type === 'array') return nestedOf(s.items)
  return s.anyOf?.map(nestedOf).find(Boolean)
}

/** The document's text with its `backticks` as code, as in the OpenAPI document's Markdown. */
export function Text({ children }: { children?: string }) {
  if (!children) return null
  return <>{children.split(/`([^`]+)`/).map((part, i) => (i % 2 ? <code key={i} className="rounded bg-slate-100 px-1 font-mono text-[0.85em] text-slate-800">{part}</code> : part))}</>
}

/** A schema's fields; an object field's own fields one level down, indented (deeper ones by type only). */
export function Fields({ schema, nested = false }: { schema: Schema; nested?: boolean }) {
  return (
    <ul className={nested ? 'ml-5 mt-0.5 space-y-0.5 border-l border-slate-200 pl-3' : 'mt-1 grid gap-x-6 gap-y-0.5 text-sm sm:grid-cols-2'}>
      {Object.entries(schema.properties ?? {}).map(([field, fs]) => {
        const inner = nested ? undefined : nestedOf(fs)
        return (
          <li key={field} className={inner ? 'break-words sm:col-span-2' : 'break-words'}>
            <code className="font-mono">{field}</code>{schema.required?.includes(field) ? '' : '?'}: <span className="text-slate-600">{typeOf(fs)}</span>
            {fs.description && <span className="text-xs text-slate-500"> – <Text>{fs.description}</Text></span>}
            {inner && <Fields schema={inner} nested />}
          </li>
        )
      })}
    </ul>
  )
}
