/** Typography rules of the report languages. */

/**
 * French typography for label text: a narrow no-break space before `: ; ! ?` and inside « »,
 * straight double quotes turned into « ». Placeholders `{…}` are left alone.
 */
export function frenchTypography(text: string): string {
  return text
    .replace(/"([^"]*)"/g, '«\u202f$1\u202f»')
    .replace(/[ \u00a0\u202f]?([:;!?])(?=\s|$)/g, '\u202f$1')
}
