/** Files of a catalogue folder that are not catalogue entries, by name (at its top level). */

export const GLOSSARY_FILE = 'glossary.yaml'
/** French -> English word lexicon (`words`, `keep_whole`) for matching French text by stem. */
export const LEXICON_FILE = 'lexicon.yaml'
export const DECISIONS_FILE = 'decisions.yaml'
export const CONFIG_FILE = 'gapscan.config.yaml'

/** Not read as entries by the catalogue loader: each has its own reader. */
export const RESERVED_FILES: readonly string[] = [GLOSSARY_FILE, LEXICON_FILE, DECISIONS_FILE, CONFIG_FILE]
