// Copies the report page's stylesheet and script next to the compiled module (dist/), which reads
// and inlines them when it writes a page. Run by `npm run build` after tsc.
import {cpSync} from 'node:fs'

cpSync('src/core/report/assets', 'dist/core/report/assets', {recursive: true})
