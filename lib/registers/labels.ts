/**
 * Indonesian names of the registers' codes, for exports (always Indonesian, like the agency's
 * spreadsheets). Screens use the translated messages in lib/i18n/messages/{id,en}/registers.json.
 */
export const TYPE_LABEL = { KONSUMEN: 'Konsumen', PRODUSEN: 'Produsen', SIMPAN_PINJAM: 'Simpan Pinjam', PEMASARAN: 'Pemasaran', JASA: 'Jasa' } as const
export const FORM_LABEL = { PRIMER: 'Primer', SEKUNDER: 'Sekunder' } as const
export const PATTERN_LABEL = { KONVENSIONAL: 'Konvensional', SYARIAH: 'Syariah' } as const
export const OUTCOME_LABEL = { SEHAT: 'Sehat', CUKUP_SEHAT: 'Cukup Sehat', DALAM_PENGAWASAN: 'Dalam Pengawasan', DALAM_PENGAWASAN_KHUSUS: 'Dalam Pengawasan Khusus' } as const
export const SCALE_LABEL = { MIKRO: 'Mikro', KECIL: 'Kecil', MENENGAH: 'Menengah', BESAR: 'Besar' } as const
export const GENDER_LABEL = { L: 'Laki-laki', P: 'Perempuan' } as const
