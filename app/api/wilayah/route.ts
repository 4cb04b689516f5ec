import { z } from 'zod'
import { cooperativeChoices } from '@/lib/data/cooperatives'
import { districtsOf, villagesOf } from '@/lib/data/regions'
import { authRoute } from '@/lib/safe-action'
import { inRegencyScope } from '@/lib/scope'
import { REGENCY_CODE } from '@/lib/parse'

const query = z.object({
  regency: z.string().regex(REGENCY_CODE).optional(),
  district: z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/).optional(),
  /** `1`: also the cooperatives of the regency (the MSME form's membership choice) */
  koperasi: z.enum(['1']).optional(),
  /** the MSME's own cooperative (its edit form), offered even when inactive (lib/data/cooperatives.ts cooperativeChoices) */
  tetap: z.string().regex(/^[a-z0-9]{1,40}$/i).optional(),
})

/**
 * Choices for the registers' dependent selects: the districts (and, on request, cooperatives) of a
 * regency, or the villages of a district. Region names are public; the cooperatives are scoped.
 */
export const GET = authRoute('cooperatives.read', async (req, user) => {
  const parsed = query.safeParse(Object.fromEntries(new URL(req.url).searchParams))
  if (!parsed.success) return Response.json({ error: 'Kode wilayah tidak valid.' }, { status: 400 })
  const { regency, district, koperasi, tetap } = parsed.data
  if (district) return Response.json({ villages: await villagesOf(district) })
  if (!regency) return Response.json({ error: 'Sebutkan kabupaten/kota atau kecamatan.' }, { status: 400 })
  const [districts, cooperatives] = await Promise.all([
    districtsOf(regency),
    koperasi && inRegencyScope(user, regency) ? cooperativeChoices({ user, regencyCode: regency, keep: tetap }) : [],
  ])
  return Response.json({ districts, cooperatives })
})
