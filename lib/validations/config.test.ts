import { describe, expect, it } from 'vitest'
import { targetCellName, targetCellProblem, targetDecimalsErrors, targetGridSchema, targetRowSchema, thresholdsSchema } from './config'
import { ENGLISH_GROUPING, NOT_A_NUMBER, NOT_A_WHOLE_NUMBER, NOT_WHOLE } from './reporting'

const grid = (cells: Record<string, string>) => targetGridSchema.safeParse({ indicatorCode: 'KOP_TERDAFTAR', year: '2028', version: '0', ...cells })
const errorsOf = (r: ReturnType<typeof grid>) => (r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message])))

describe('target grid cells: the report form’s refusals, never rounded', () => {
  it('refuses English grouping, words and negatives, each cell with its own message, and saves nothing', () => {
    const r = grid({ 't.35.17.0': '1,234', 't.35.17.1': '12,5', 't.35.16.0': 'abc', 't.35.16.1': '-3', 't.PROV.0': '43.950' })
    expect(r.success).toBe(false)
    expect(errorsOf(r)).toEqual({
      't.35.17.0': ENGLISH_GROUPING,
      't.35.16.0': NOT_A_NUMBER,
      't.35.16.1': 'Isi angka tidak negatif, mis. 43.950 atau 85,30.',
    })
  })

  it('gives a count\'s grid (wholeNumbers) a whole-number example, not 85,30, which the count then refuses', () => {
    const r = grid({ wholeNumbers: '1', 't.35.16.0': 'abc', 't.35.16.1': '-3', 't.35.17.0': '1.012' })
    expect(errorsOf(r)).toEqual({ 't.35.16.0': NOT_A_WHOLE_NUMBER, 't.35.16.1': 'Isi angka bulat tidak negatif, mis. 43.950.' })
    expect(NOT_A_WHOLE_NUMBER).toBe('Isi angka bulat, misalnya 43.950.')
    expect(targetCellProblem('abc', 0)).toBe(NOT_A_WHOLE_NUMBER)
    expect(targetCellProblem('abc', 2)).toBe(NOT_A_NUMBER)
  })

  it('keeps a third decimal out (the column stores two) instead of rounding it', () => {
    expect(errorsOf(grid({ 't.35.17.0': '85,305' }))).toEqual({ 't.35.17.0': ENGLISH_GROUPING })
    expect(targetCellProblem('85,305', 2)).toBe('Paling banyak 2 angka desimal; ribuan ditulis dengan titik (5.120).')
    expect(errorsOf(grid({ 't.35.17.0': '85,3051' }))).toEqual({ 't.35.17.0': 'Paling banyak 2 angka desimal.' })
  })

  it('reads Indonesian figures exactly and skips empty cells', () => {
    const r = grid({ 't.35.17.0': '1.234', 't.35.17.1': '12,5', 't.35.17.2': '', 't.PROV.0': 'Rp 700.000.000.000' })
    expect(r.success).toBe(true)
    expect(r.success && r.data.cells).toEqual([
      { regencyCode: '35.17', quarter: 0, value: 1234 },
      { regencyCode: '35.17', quarter: 1, value: 12.5 },
      { regencyCode: null, quarter: 0, value: 700_000_000_000 },
    ])
  })

  it('refuses a fraction for a count indicator (0 decimals), per cell, as the report form does', () => {
    const cells = [
      { regencyCode: '35.17', quarter: 0, value: 1234 },
      { regencyCode: '35.17', quarter: 1, value: 12.5 },
      { regencyCode: null, quarter: 2, value: 0.25 },
    ]
    expect(targetDecimalsErrors(cells, 0)).toEqual({ 't.35.17.1': [NOT_WHOLE], [targetCellName(null, 2)]: [NOT_WHOLE] })
    expect(targetDecimalsErrors(cells, 1)).toEqual({ 't.PROV.2': ['Paling banyak 1 angka desimal.'] })
    expect(targetDecimalsErrors(cells, 2)).toEqual({})
    expect(targetCellProblem('12,5', 0)).toBe(NOT_WHOLE)
    expect(targetCellProblem('12', 0)).toBeNull()
  })

  it('a spreadsheet row follows the same rules', () => {
    const row = (value: string) => targetRowSchema.safeParse({ indicatorCode: 'KOP_TERDAFTAR', year: '2028', quarter: '', regencyCode: '35.17', value })
    expect(row('1,234').success).toBe(false)
    expect(row('1,234').error?.issues[0].message).toBe(ENGLISH_GROUPING)
    expect(row('').success).toBe(false)
    expect(row('85,30').data?.value).toBe(85.3)
  })
})

describe('status thresholds', () => {
  it('names in each refusal an example the form accepts: the watch limit’s is below the on-track default', () => {
    const r = thresholdsSchema.safeParse({ version: '0', onTrack: '95,5', watch: 'abc' })
    expect(r.success).toBe(false)
    const message = r.success ? '' : r.error.issues.find((i) => i.path[0] === 'watch')!.message
    expect(message).toBe('Batas "perlu perhatian" harus angka persen di atas 0 sampai 200, mis. 80.')
    // the example, typed in, is saved beside the on-track limit the user had (the old example, 95, was refused)
    const example = /mis\. (\d+)\./.exec(message)![1]
    expect(thresholdsSchema.safeParse({ version: '0', onTrack: '95,5', watch: example }).success).toBe(true)
    const onTrack = thresholdsSchema.safeParse({ version: '0', onTrack: 'x', watch: '80' })
    expect(onTrack.success ? '' : onTrack.error.issues[0].message).toBe('Batas "sesuai target" harus angka persen di atas 0 sampai 200, mis. 95.')
  })
})
