/**
 * UI texts by locale, one JSON file per area (common, users, registers, …), merged into one
 * next-intl message tree. Add an area: one file per locale and one line per locale here.
 */
import idCommon from './id/common.json'
import idUsers from './id/users.json'
import idRegisters from './id/registers.json'
import enCommon from './en/common.json'
import enUsers from './en/users.json'
import enRegisters from './en/registers.json'

export const MESSAGES = {
  id: { ...idCommon, ...idUsers, ...idRegisters },
  en: { ...enCommon, ...enUsers, ...enRegisters },
}
