/** The largest JSON body an /api/v1 request may carry: a batch of 1.000 loans is about 300 kB. */
export const MAX_JSON_BYTES = 2 * 1024 * 1024
