/**
 * Physical backups of the embedded PostgreSQL with PostgreSQL's own mechanism: a non-exclusive base
 * backup (`pg_backup_start` … copy the data directory … `pg_backup_stop`) plus the WAL written
 * meanwhile, so the copy is consistent although the server kept running and writing. Restoring puts the
 * copy in place of a (stopped) data directory with the `backup_label` PostgreSQL returned; on its next
 * start PostgreSQL replays the WAL up to the end of the backup.
 *
 * Only for a cluster on this machine (the embedded default): the files are copied from its data
 * directory. For a managed PostgreSQL use its snapshots, or `pg_dump`/`pg_restore` of the server's own
 * major version (see the README).
 */
import { chownSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'

/** Files and folders of a data directory a base backup leaves out (PostgreSQL's documented list). */
const EXCLUDED = new Set(['postmaster.pid', 'postmaster.opts', 'pg_wal', 'pg_replslot', 'pg_stat_tmp', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_subtrans', 'backup_label', 'tablespace_map'])
/** Left out but recreated empty: PostgreSQL expects them. */
const EMPTY_DIRS = ['pg_wal', 'pg_replslot', 'pg_stat_tmp', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_subtrans']

export type BackupInfo = { startedAt: string; finishedAt: string; serverVersion: string; startLsn: string; stopLsn: string; dataDirectory: string }

/** Copy files skipping what a base backup skips; a file removed meanwhile (a dropped table) is fine. */
function copyData(from: string, to: string) {
  mkdirSync(to, { recursive: true, mode: 0o700 })
  for (const name of readdirSync(from)) {
    if (EXCLUDED.has(name) || name.startsWith('pgsql_tmp')) continue
    const src = path.join(from, name)
    try {
      cpSync(src, path.join(to, name), { recursive: true, force: true, errorOnExist: false, filter: (f) => !path.basename(f).startsWith('pgsql_tmp') })
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
    }
  }
  for (const d of EMPTY_DIRS) mkdirSync(path.join(to, d), { recursive: true, mode: 0o700 })
}

/**
 * Take a base backup of the cluster `serverUrl` points at (a superuser connection to a server on this
 * machine) into `target` (which must not exist): `target/data` is a data directory ready to start.
 */
export async function baseBackup(serverUrl: string, target: string): Promise<BackupInfo> {
  if (existsSync(target)) throw new Error(`Folder cadangan ${target} sudah ada.`)
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    const startedAt = new Date().toISOString()
    const { rows: [setting] } = await client.query<{ data_directory: string; server_version: string }>(
      `SELECT current_setting('data_directory') AS data_directory, current_setting('server_version') AS server_version`,
    )
    // the same session starts and stops the backup (non-exclusive); fast: checkpoint now
    const { rows: [start] } = await client.query<{ lsn: string }>(`SELECT pg_backup_start('lumbung', true)::text AS lsn`)
    const data = path.join(target, 'data')
    copyData(setting.data_directory, data)
    const { rows: [stop] } = await client.query<{ lsn: string; labelfile: string; spcmapfile: string }>(
      `SELECT lsn::text, labelfile, spcmapfile FROM pg_backup_stop(false)`,
    )
    // the WAL from the backup's start to its stop: copied after the stop, so it is all there
    await client.query('SELECT pg_switch_wal()')
    cpSync(path.join(setting.data_directory, 'pg_wal'), path.join(data, 'pg_wal'), { recursive: true })
    writeFileSync(path.join(data, 'backup_label'), stop.labelfile)
    if (stop.spcmapfile) writeFileSync(path.join(data, 'tablespace_map'), stop.spcmapfile)
    const info: BackupInfo = { startedAt, finishedAt: new Date().toISOString(), serverVersion: setting.server_version, startLsn: start.lsn, stopLsn: stop.lsn, dataDirectory: setting.data_directory }
    writeFileSync(path.join(target, 'backup.json'), JSON.stringify(info, null, 2) + '\n')
    return info
  } finally {
    await client.end()
  }
}

/**
 * Put a backup in place as `dataDir` (which must not exist or be empty; the caller moves the old one
 * aside), owned by `ids` when PostgreSQL runs as another user. The next start recovers from it.
 */
export function restoreBaseBackup(backup: string, dataDir: string, ids?: { uid: number; gid: number }) {
  const source = path.join(backup, 'data')
  if (!existsSync(path.join(source, 'PG_VERSION')) || !existsSync(path.join(source, 'backup_label'))) {
    throw new Error(`${backup} bukan cadangan Lumbung (tidak ada data/PG_VERSION dan data/backup_label).`)
  }
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) throw new Error(`Folder data ${dataDir} tidak kosong.`)
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  cpSync(source, dataDir, { recursive: true })
  if (ids) chownTree(dataDir, ids)
  return JSON.parse(readFileSync(path.join(backup, 'backup.json'), 'utf8')) as BackupInfo
}

function chownTree(dir: string, ids: { uid: number; gid: number }) {
  chownSync(dir, ids.uid, ids.gid)
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    if (entry.isDirectory()) chownTree(p, ids)
    else chownSync(p, ids.uid, ids.gid)
  }
}

/** Per table of the public schema: its row count and an md5 of all its rows in a fixed order. */
export async function tableChecksums(url: string): Promise<Record<string, { rows: number; md5: string }>> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows: tables } = await client.query<{ t: string }>(`SELECT tablename::text AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)
    const out: Record<string, { rows: number; md5: string }> = {}
    for (const { t } of tables) {
      const { rows: [r] } = await client.query<{ n: number; h: string }>(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS h FROM "${t}" x`,
      )
      out[t] = { rows: r.n, md5: r.h }
    }
    return out
  } finally {
    await client.end()
  }
}
