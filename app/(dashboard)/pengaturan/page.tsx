import { redirect } from 'next/navigation'

/** The settings open on the indicator catalogue. */
export default function SettingsPage() {
  redirect('/pengaturan/indikator')
}
