import { unknownApiPath } from '@/lib/api/route'

/**
 * Any path under /api/v1 that no route serves: a 404 problem for every method, not the app's HTML page. Next
 * matches the static and dynamic routes before a catch-all, so the real routes always win.
 */
export { unknownApiPath as GET, unknownApiPath as HEAD, unknownApiPath as POST, unknownApiPath as PUT, unknownApiPath as PATCH, unknownApiPath as DELETE, unknownApiPath as OPTIONS }
