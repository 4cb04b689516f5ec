import 'server-only'
/**
 * Every job kind the app runs, registered by importing the module that defines it (`defineJob`). The
 * worker imports this file, so a kind listed here is runnable in every app process. Add one import per
 * domain module that defines jobs.
 */
import '@/lib/imports/jobs'
import '@/lib/reminders/jobs'
import '@/lib/api/jobs'
import '@/lib/credit/rate-change'
