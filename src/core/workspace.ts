/** Everything a job needs from a catalogue folder: the catalogue, its config and its glossary. */
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {loadDecisions} from './analysis/decisions.js'
import {CONFIG_FILE, DECISIONS_FILE, GLOSSARY_FILE, LEXICON_FILE} from './catalogue/files.js'
import {loadValidCatalogue} from './catalogue/index.js'
import type {Problem} from './catalogue/problems.js'
import type {Catalogue} from './catalogue/types.js'
import {loadConfig, type GapscanConfig} from './config.js'
import {GapscanError, InputError} from './errors.js'
import {loadGlossary, type Glossary} from './text/glossary.js'

export interface Workspace {
  catalogue: Catalogue
  config: GapscanConfig
  glossary?: Glossary
  /** Warnings about the catalogue's entry files (`validate` lists them). */
  warnings: Problem[]
}

/**
 * Loads a catalogue folder to match against: a catalogue without standards is an input error.
 * Warnings about the config and glossary files (e.g. a legacy encoding) go to `fileWarnings`.
 */
export function loadWorkspace(
  catalogueDir: string,
  options: {configPath?: string},
  fileWarnings: Problem[],
): Workspace {
  const config = loadConfig(catalogueDir, options.configPath, fileWarnings)
  const {catalogue, warnings} = loadValidCatalogue(catalogueDir)
  if (catalogue.standards.length === 0)
    throw new InputError(`${catalogueDir}: the catalogue has no standards to match against`)
  const glossaryPath = join(catalogueDir, GLOSSARY_FILE)
  const lexiconPath = join(catalogueDir, LEXICON_FILE)
  const glossary = existsSync(glossaryPath)
    ? loadGlossary(glossaryPath, fileWarnings, existsSync(lexiconPath) ? lexiconPath : undefined)
    : undefined
  return {catalogue, config, glossary, warnings}
}

/**
 * Problems in the files beside the entries that other commands read (config, glossary,
 * decisions, the last checked against the catalogue's ids): the first problem of each, for
 * `validate`, so a catalogue it calls valid is one `report` can run on.
 */
export function checkCatalogueSideFiles(catalogueDir: string, catalogue: Catalogue): Problem[] {
  const problems: Problem[] = []
  const check = (file: string, load: (warnings: Problem[]) => unknown) => {
    const path = join(catalogueDir, file)
    if (!existsSync(path)) return
    try {
      load(problems)
    } catch (e) {
      if (!(e instanceof GapscanError)) throw e
      problems.push(problemOfMessage(path, e.message))
    }
  }
  check(CONFIG_FILE, (warnings) => loadConfig(catalogueDir, undefined, warnings))
  // The glossary with its lexicon, read once as matching reads them.
  const lexicon = join(catalogueDir, LEXICON_FILE)
  check(GLOSSARY_FILE, (warnings) =>
    loadGlossary(join(catalogueDir, GLOSSARY_FILE), warnings, existsSync(lexicon) ? lexicon : undefined),
  )
  check(DECISIONS_FILE, (warnings) =>
    loadDecisions(join(catalogueDir, DECISIONS_FILE), catalogue, false, warnings),
  )
  return problems
}

/** An input error's `file:line: rest` message as a problem (line 0 when it names none). */
function problemOfMessage(file: string, message: string): Problem {
  const rest = message.startsWith(`${file}:`) ? message.slice(file.length + 1) : message
  const line = /^(\d+): /.exec(rest)
  return line
    ? {severity: 'error', file, line: Number(line[1]), message: rest.slice(line[0].length)}
    : {severity: 'error', file, line: 0, message: rest.trimStart()}
}
