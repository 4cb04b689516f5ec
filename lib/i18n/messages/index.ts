/**
 * UI texts by locale, one JSON file per area (common, users, registers, …), merged into one
 * next-intl message tree. Add an area: one file per locale and one line per locale here.
 */
import idCommon from './id/common.json'
import idUsers from './id/users.json'
import idReporting from './id/reporting.json'
import idCredit from './id/credit.json'
import idRegisters from './id/registers.json'
import enCommon from './en/common.json'
import enUsers from './en/users.json'
import enReporting from './en/reporting.json'
import enCredit from './en/credit.json'
import enRegisters from './en/registers.json'
import idDashboard from './id/dashboard.json'
import enDashboard from './en/dashboard.json'
import idMeetings from './id/meetings.json'
import enMeetings from './en/meetings.json'
import idAuditLog from './id/auditlog.json'
import enAuditLog from './en/auditlog.json'
import idImports from './id/imports.json'
import enImports from './en/imports.json'
import idConfig from './id/config.json'
import enConfig from './en/config.json'
import idNotifications from './id/notifications.json'
import enNotifications from './en/notifications.json'
import idActivities from './id/activities.json'
import enActivities from './en/activities.json'
import idHealth from './id/health.json'
import enHealth from './en/health.json'

export const MESSAGES = {
  id: { ...idCommon, ...idUsers, ...idRegisters, ...idReporting, ...idCredit, ...idDashboard, ...idMeetings, ...idAuditLog, ...idImports, ...idConfig, ...idNotifications, ...idActivities, ...idHealth },
  en: { ...enCommon, ...enUsers, ...enRegisters, ...enReporting, ...enCredit, ...enDashboard, ...enMeetings, ...enAuditLog, ...enImports, ...enConfig, ...enNotifications, ...enActivities, ...enHealth },
}
