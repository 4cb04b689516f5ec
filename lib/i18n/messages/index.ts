/**
 * UI texts by locale, one JSON file per area (common, users, registers, …), merged into one
 * next-intl message tree. Add an area: one file per locale and one line per locale here.
 */
import idCommon from './id/common.json'
import idUsers from './id/users.json'
import enCommon from './en/common.json'
import enUsers from './en/users.json'
import idCredit from './id/credit.json'
import enCredit from './en/credit.json'

export const MESSAGES = {
  id: { ...idCommon, ...idUsers, ...idCredit },
  en: { ...enCommon, ...enUsers, ...enCredit },
}
