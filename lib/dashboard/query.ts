/** The dashboards' filters as a query string, so tabs, drill-downs and exports keep the same view. */
export function dashboardQuery(f: { program?: string; regency?: string; bank?: string; asOf?: string; indicator?: string; year?: number }): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') q.set(k, String(v))
  return q.toString()
}
