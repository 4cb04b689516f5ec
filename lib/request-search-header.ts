/** The request header carrying the query string from proxy.ts to the layouts (lib/request-search.ts). */
export const SEARCH_HEADER = 'x-lumbung-search'
