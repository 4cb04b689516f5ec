import type { Metadata } from 'next'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { buttonClass } from '@/components/ui/button'
import { PageHeader } from '@/components/ui/page-header'
import { Fields, Text, typeOf, type Schema } from '@/components/api/openapi-reference'
import { openApiDocument } from '@/lib/api/openapi'
import { requirePermission } from '@/lib/session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('apiClients'))('referenceTitle') }
}

/**
 * The API reference, rendered on the server from the same OpenAPI document as /api/v1/openapi.json (no
 * script, so it fits the nonce-based Content-Security-Policy and works offline).
 */
export default async function ApiReferencePage() {
  await requirePermission('users.manage')
  const [t, locale] = await Promise.all([getTranslations('apiClients'), getLocale()])
  const doc = JSON.parse(JSON.stringify(openApiDocument())) as {
    info: { description?: string; version: string }
    paths: Record<string, Record<string, { summary?: string; description?: string; parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: Schema }[]; requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, { description: string }> }>>
    components: { schemas: Record<string, Schema> }
  }
  return (
    <>
      <PageHeader
        title={t('referenceTitle')}
        description={t('referenceDescription', { version: doc.info.version })}
        actions={<><a href="/api/v1/openapi.json" className={buttonClass('secondary')}>openapi.json</a><Link href="/pengguna/klien-api" className={buttonClass('ghost')}>{t('title')}</Link></>}
      />
      <div className="space-y-6">
        {/* the OpenAPI document is the integrators' English reference; the Indonesian UI says so once */}
        {locale !== 'en' && <p className="rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm text-sky-900" lang="id">{t('referenceLanguageNote')}</p>}
        {Object.entries(doc.paths).flatMap(([path, item]) =>
          Object.entries(item).map(([method, o]) => (
            <section key={`${method} ${path}`} aria-labelledby={`op-${method}-${path}`} className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 id={`op-${method}-${path}`} className="flex flex-wrap items-baseline gap-2 text-base font-semibold">
                <span className="rounded bg-slate-800 px-2 py-0.5 font-mono text-xs uppercase text-white">{method}</span>
                <code className="break-all font-mono text-sm">{path}</code>
                <span className="text-sm font-normal text-slate-700" lang="en">{o.summary}</span>
              </h2>
              {o.description && <p className="mt-2 text-sm text-slate-700" lang="en"><Text>{o.description}</Text></p>}
              {!!o.parameters?.length && (
                <>
                  <h3 className="mt-3 text-sm font-semibold">{t('parameters')}</h3>
                  <ul className="mt-1 space-y-1 text-sm">
                    {o.parameters.map((p) => (
                      <li key={`${p.in}-${p.name}`}><code className="font-mono">{p.name}</code> <span className="text-slate-500">({p.in}{p.required ? `, ${t('required')}` : ''}; {typeOf(p.schema)})</span>{p.description ? <> – <Text>{p.description}</Text></> : ''}</li>
                    ))}
                  </ul>
                </>
              )}
              {o.requestBody && (
                <>
                  <h3 className="mt-3 text-sm font-semibold">{t('body')}</h3>
                  <p className="text-sm"><code className="font-mono">{Object.values(o.requestBody.content).map((c) => typeOf(c.schema)).join(', ')}</code></p>
                </>
              )}
              <h3 className="mt-3 text-sm font-semibold">{t('responses')}</h3>
              <ul className="mt-1 space-y-1 text-sm">
                {Object.entries(o.responses).map(([status, r]) => <li key={status}><code className="font-mono">{status}</code> – <Text>{r.description}</Text></li>)}
              </ul>
            </section>
          )),
        )}
        <section aria-labelledby="schemas" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="schemas" className="text-base font-semibold">{t('schemas')}</h2>
          {Object.entries(doc.components.schemas).map(([name, s]) => (
            <div key={name} className="mt-3">
              <h3 className="font-mono text-sm font-semibold">{name}</h3>
              {s.description && <p className="text-sm text-slate-700" lang="en"><Text>{s.description}</Text></p>}
              {s.properties && <Fields schema={s} />}
            </div>
          ))}
        </section>
      </div>
    </>
  )
}
