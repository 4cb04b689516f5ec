/**
 * Is the port `npm run dev` is about to give Next free? Checked before anything starts (the embedded
 * PostgreSQL, the demo data), so a taken port is one sentence, not a "ready" message about somebody else's
 * server followed by Next's raw EADDRINUSE.
 */
import { createServer } from 'node:net'

/** null when `host:port` can be listened on now; otherwise the sentence saying what is wrong and what to do. */
export function portProblem(port: number, host: string): Promise<string | null> {
  return new Promise((resolve) => {
    const srv = createServer()
    srv.unref()
    srv.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE') resolve(`Port ${port} sudah dipakai program lain (mungkin \`npm run dev\` atau \`npm start\` yang masih berjalan): hentikan program itu, atau pilih port lain, mis. \`PORT=${port + 1} npm run dev\`.`)
      else if (e.code === 'EACCES') resolve(`Port ${port} tidak boleh dipakai pengguna ini: pilih port di atas 1023, mis. \`PORT=3000 npm run dev\`.`)
      else if (e.code === 'EADDRNOTAVAIL') resolve(`Alamat ${host} bukan alamat mesin ini: atur HOST ke alamat mesin ini (mis. \`HOST=0.0.0.0 npm run dev\`) atau hapus HOST.`)
      else resolve(`Port ${port} di ${host} tidak bisa dipakai (${e.code ?? e.message}): pilih port lain, mis. \`PORT=${port + 1} npm run dev\`.`)
    })
    srv.listen({ port, host, exclusive: true }, () => srv.close(() => resolve(null)))
  })
}

/** `PORT` as a port number, or the sentence saying it is not one. */
export function parsePort(raw: string | undefined, fallback: number): number | string {
  const v = (raw ?? '').trim()
  if (v === '') return fallback
  const n = Number(v)
  return /^\d+$/.test(v) && n >= 1 && n <= 65535 ? n : `PORT=${v} tidak valid: nomor port 1–65535, mis. \`PORT=3001 npm run dev\`.`
}
