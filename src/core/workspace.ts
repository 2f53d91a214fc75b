/** Everything a job needs from a catalogue folder: the catalogue, its config and its glossary. */
import {existsSync} from 'node:fs'
import {join} from 'node:path'
import {GLOSSARY_FILE, LEXICON_FILE} from './catalogue/files.js'
import {loadValidCatalogue} from './catalogue/index.js'
import type {Problem} from './catalogue/problems.js'
import type {Catalogue} from './catalogue/types.js'
import {loadConfig, type GapscanConfig} from './config.js'
import {InputError} from './errors.js'
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
