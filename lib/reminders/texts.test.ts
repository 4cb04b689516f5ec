import { describe, expect, it } from 'vitest'
import { notificationText } from './texts'

describe('notificationText: an approved claim', () => {
  const base = { bank: 'BPR Jatim', month: '2026-04', program: 'Prokesra 2026', amount: '1250000.00' }

  it('says by how much an approval fell short of what was claimed', () => {
    expect(notificationText('CLAIM_APPROVED', { ...base, claimed: '1300000.50', cut: '50000.50' }, 'id').body)
      .toBe('Dinas menyetujui klaim subsidi bunga BPR Jatim untuk April 2026 (Prokesra 2026) sebesar Rp1.250.000, dipotong Rp50.000,50 dari Rp1.300.000,50 yang diajukan; pembayarannya dicatat kemudian.')
  })

  it('says nothing of a cut when the whole claim was approved, nor for a notice stored before the claimed amount was', () => {
    const whole = 'Dinas menyetujui klaim subsidi bunga BPR Jatim untuk April 2026 (Prokesra 2026) sebesar Rp1.250.000; pembayarannya dicatat kemudian.'
    expect(notificationText('CLAIM_APPROVED', { ...base, claimed: '1250000.00', cut: '0.00' }, 'id').body).toBe(whole)
    expect(notificationText('CLAIM_APPROVED', base, 'id').body).toBe(whole)
    expect(notificationText('CLAIM_APPROVED', base, 'en').body).toBe("The agency approved BPR Jatim's interest-subsidy claim for April 2026 (Prokesra 2026) at Rp1,250,000; its payment is recorded later.")
  })
})

describe('notificationText: quarterly reports', () => {
  const report = { regency: 'Kabupaten Jombang', year: 2026, quarter: 3 }

  it('names the quarter in the title of a report waiting for review (two of one regency had read alike)', () => {
    expect(notificationText('REVIEW_REPORT', report, 'id').title).toBe('Laporan Kabupaten Jombang Triwulan III 2026 menunggu pemeriksaan')
    expect(notificationText('REVIEW_REPORT', report, 'en').title).toBe("Kabupaten Jombang's Quarter III 2026 report awaits review")
  })

  it('says a return as a return, also for a notice stored before reopenings were told apart', () => {
    expect(notificationText('REPORT_RETURNED', { ...report, reason: 'Angka SHU salah.' }, 'id').title).toBe('Laporan Triwulan III 2026 dikembalikan')
    expect(notificationText('REPORT_RETURNED', { ...report, reason: 'Angka SHU salah.', reopened: 'yes' }, 'en').body)
      .toBe("The agency reopened Kabupaten Jombang's approved report for Quarter III 2026 for correction. Reason: Angka SHU salah.")
  })
})

describe('notificationText: a follow-up assigned', () => {
  const action = { title: 'Bawa data calon debitur', meeting: 'Rakor Evaluasi Prokesra', dueDate: '2026-12-31' }

  it('says when its meeting is, for one assigned ahead of the meeting', () => {
    expect(notificationText('ACTION_ASSIGNED', { ...action, meetingOn: '2026-12-15' }, 'id').body)
      .toBe('Rakor Evaluasi Prokesra menugaskan tindak lanjut “Bawa data calon debitur” kepada Anda, tenggat 31 Desember 2026. Rapatnya dijadwalkan 15 Desember 2026.')
    expect(notificationText('ACTION_ASSIGNED', { ...action, meetingOn: '2026-12-15' }, 'en').body)
      .toBe('Rakor Evaluasi Prokesra assigned you the follow-up “Bawa data calon debitur”, due 31 December 2026. The meeting is scheduled for 15 December 2026.')
  })

  it('says nothing of it once the meeting has begun, nor for a notice stored before the date was kept', () => {
    const said = 'Rakor Evaluasi Prokesra menugaskan tindak lanjut “Bawa data calon debitur” kepada Anda, tenggat 31 Desember 2026.'
    expect(notificationText('ACTION_ASSIGNED', { ...action, meetingOn: null }, 'id').body).toBe(said)
    expect(notificationText('ACTION_ASSIGNED', action, 'id').body).toBe(said)
  })
})
