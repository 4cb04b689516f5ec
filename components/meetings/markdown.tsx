import { Fragment } from 'react'
import { Lexer, type Token, type Tokens } from 'marked'

/**
 * The minutes' tokens, for the screen and the exports alike. `breaks`: a single line break typed in the minutes is a
 * line break (a `br` token), as the .docx and PDF have always printed it; the screen had run the two lines together.
 */
const lex = (text: string) => new Lexer({ gfm: true, breaks: true }).lex(text)

/**
 * Minutes (notulen) in Markdown, rendered as React elements from marked's tokens, never as HTML:
 * raw HTML in the text is shown as text, images as their alt text, and links keep only http(s),
 * mailto and same-site paths (a `javascript:` link becomes plain text) with rel="noopener noreferrer".
 */
export function Markdown({ text, className }: { text: string; className?: string }) {
  const tokens = lex(text)
  // stored text, in the language it was written: marked so language checks skip it
  return <div data-user-content className={className ?? 'space-y-2 text-sm leading-relaxed text-slate-800'}>{blocks(tokens)}</div>
}

/** The link target if it is safe to follow, else null. */
export function safeHref(href: string): string | null {
  const h = href.trim()
  if (/[\u0000-\u001f]/.test(h)) return null
  if (/^(https?:|mailto:)/i.test(h)) return h
  if (h.startsWith('/') && !h.startsWith('//') && !h.startsWith('/\\')) return h
  return null
}

function blocks(tokens: Token[]): React.ReactNode {
  return tokens.map((t, i) => <Fragment key={i}>{block(t)}</Fragment>)
}

function block(t: Token): React.ReactNode {
  switch (t.type) {
    case 'heading': {
      const H = (['h3', 'h3', 'h4', 'h5', 'h6', 'h6'] as const)[Math.min(5, (t as Tokens.Heading).depth - 1)]
      return <H className="font-semibold text-slate-900">{inline((t as Tokens.Heading).tokens)}</H>
    }
    case 'paragraph':
      return <p>{inline((t as Tokens.Paragraph).tokens)}</p>
    case 'list': {
      const list = t as Tokens.List
      const items = list.items.map((item, i) => <li key={i}>{item.tokens.map((c, j) => <Fragment key={j}>{c.type === 'text' ? inline((c as Tokens.Text).tokens ?? [c]) : block(c)}</Fragment>)}</li>)
      return list.ordered ? <ol className="list-decimal space-y-1 pl-5">{items}</ol> : <ul className="list-disc space-y-1 pl-5">{items}</ul>
    }
    case 'blockquote':
      return <blockquote className="border-l-4 border-slate-200 pl-3 text-slate-600">{blocks((t as Tokens.Blockquote).tokens)}</blockquote>
    case 'code':
      return <pre className="overflow-x-auto rounded bg-slate-100 p-2 text-xs"><code>{(t as Tokens.Code).text}</code></pre>
    case 'hr':
      return <hr className="border-slate-200" />
    case 'table': {
      const table = t as Tokens.Table
      return (
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <thead><tr>{table.header.map((c, i) => <th key={i} className="border-b px-2 py-1 text-left font-semibold">{inline(c.tokens)}</th>)}</tr></thead>
            <tbody>{table.rows.map((r, i) => <tr key={i}>{r.map((c, j) => <td key={j} className="border-b border-slate-100 px-2 py-1">{inline(c.tokens)}</td>)}</tr>)}</tbody>
          </table>
        </div>
      )
    }
    case 'html':
      // raw HTML is shown as the text it is, never interpreted
      return <p className="whitespace-pre-wrap">{(t as Tokens.HTML).raw}</p>
    case 'space':
      return null
    case 'text':
      return <p>{inline((t as Tokens.Text).tokens ?? [t])}</p>
    default:
      return 'raw' in t ? <p className="whitespace-pre-wrap">{String(t.raw)}</p> : null
  }
}

function inline(tokens: Token[] | undefined): React.ReactNode {
  return (tokens ?? []).map((t, i) => <Fragment key={i}>{inlineToken(t)}</Fragment>)
}

function inlineToken(t: Token): React.ReactNode {
  switch (t.type) {
    case 'text':
      return (t as Tokens.Text).tokens ? inline((t as Tokens.Text).tokens) : (t as Tokens.Text).text
    case 'escape':
      return (t as Tokens.Escape).text
    case 'strong':
      return <strong>{inline((t as Tokens.Strong).tokens)}</strong>
    case 'em':
      return <em>{inline((t as Tokens.Em).tokens)}</em>
    case 'del':
      return <del>{inline((t as Tokens.Del).tokens)}</del>
    case 'codespan':
      return <code className="rounded bg-slate-100 px-1 text-xs">{(t as Tokens.Codespan).text}</code>
    case 'br':
      return <br />
    case 'link': {
      const link = t as Tokens.Link
      const href = safeHref(link.href)
      if (!href) return <span>{inline(link.tokens)}</span>
      return <a href={href} rel="noopener noreferrer nofollow" target={href.startsWith('/') ? undefined : '_blank'} className="font-medium text-brand-700 underline">{inline(link.tokens)}</a>
    }
    case 'image':
      return (t as Tokens.Image).text
    case 'html':
      return (t as Tokens.HTML).raw
    default:
      return 'raw' in t ? String(t.raw) : null
  }
}

/**
 * Minutes as plain text lines (for .docx and PDF exports): Markdown marks dropped, an outside link as "text (url)";
 * a link inside the app (`/tindak-lanjut/…`) as its text only, since a path means nothing on paper.
 */
export function markdownToPlainLines(text: string): string[] {
  const tokens = lex(text)
  const lines: string[] = []
  const flat = (ts: Token[] | undefined): string =>
    (ts ?? [])
      .map((t) => {
        if (t.type === 'link') {
          const href = safeHref((t as Tokens.Link).href)
          const label = flat((t as Tokens.Link).tokens)
          return href && !href.startsWith('/') && href !== label ? `${label} (${href})` : label
        }
        if ('tokens' in t && Array.isArray(t.tokens) && t.type !== 'text') return flat(t.tokens as Token[])
        if (t.type === 'text' && (t as Tokens.Text).tokens) return flat((t as Tokens.Text).tokens)
        if (t.type === 'br') return '\n'
        return 'text' in t ? String((t as { text: string }).text) : ''
      })
      .join('')
  const walk = (ts: Token[], prefix = '') => {
    for (const t of ts) {
      if (t.type === 'list') (t as Tokens.List).items.forEach((item, i) => lines.push(`${prefix}${(t as Tokens.List).ordered ? `${i + 1}.` : '•'} ${flat(item.tokens)}`))
      else if (t.type === 'space' || t.type === 'hr') continue
      else if (t.type === 'blockquote') walk((t as Tokens.Blockquote).tokens, '  ')
      else if (t.type === 'html' || t.type === 'code') lines.push(prefix + (t as { text: string }).text)
      else lines.push(prefix + flat('tokens' in t ? (t.tokens as Token[]) : [t]))
    }
  }
  walk(tokens)
  return lines.filter((l) => l.trim() !== '')
}
