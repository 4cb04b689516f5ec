/**
 * UI texts by locale, one JSON file per area (common, users, registers, …), merged into one
 * next-intl message tree. Add an area: one file per locale and one line per locale here.
 */
import idCommon from './id/common.json'
import idUsers from './id/users.json'
import idReporting from './id/reporting.json'
import enCommon from './en/common.json'
import enUsers from './en/users.json'
import idCredit from './id/credit.json'
import enCredit from './en/credit.json'
import enReporting from './en/reporting.json'

export const MESSAGES = {
  id: { ...idCommon, ...idUsers, ...idReporting, ...idCredit },
  en: { ...enCommon, ...enUsers, ...enReporting, ...enCredit },
}
