/** Numbers, percentages, study groups and punctuation in the report's language, for every format. */
import {labels, type Labels, type Lang} from './labels.js'

export class Formatter {
  readonly L: Labels
  constructor(readonly lang: Lang) {
    this.L = labels(lang)
  }

  /** A score with 4 decimals: `0.3173` / `0,3173`. */
  score(value: number): string {
    return value.toFixed(4).replace('.', this.L.decimalSeparator)
  }

  /** A score with 2 decimals, for thresholds and heatmap cells. */
  short(value: number): string {
    return value.toFixed(2).replace('.', this.L.decimalSeparator)
  }

  percent(value: number): string {
    const n = Math.round(value * 100)
    return this.lang === 'fr' ? `${n}\u202f%` : `${n}%`
  }

  sg(n: number): string {
    return `${this.L.sg}${n}`
  }

  sgs(numbers: readonly number[]): string {
    return numbers.map((n) => this.sg(n)).join(', ')
  }

  /** `label: ` with French typography (narrow no-break space before the colon). */
  colon(label: string): string {
    return this.lang === 'fr' ? `${label}\u202f: ` : `${label}: `
  }

  /** The separator between list items that contain commas: `; ` (French: narrow space before). */
  get semicolon(): string {
    return this.lang === 'fr' ? '\u202f; ' : '; '
  }

  /** Replaces `{name}` placeholders of a label template. */
  fill(template: string, values: Record<string, string | number>): string {
    return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
      key in values ? String(values[key]) : whole,
    )
  }
}
