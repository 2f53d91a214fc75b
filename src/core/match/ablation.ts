/**
 * Ablation: the evaluation run again with one stage of the matching pipeline switched off at a
 * time, so that each stage's place is earned by a measured figure (README, "Quality").
 */
import type {Catalogue} from '../catalogue/types.js'
import type {GapscanConfig} from '../config.js'
import {compileGlossary, type Glossary} from '../text/glossary.js'
import {evaluateQueries, type EvalQuery, type QueryEvaluation} from './evaluate.js'
import {Matcher} from './matcher.js'

/** What a variant changes: the settings and the glossary the matcher is built with. */
export interface PipelineSetup {
  config: GapscanConfig
  glossary?: Glossary
}

export interface Ablation {
  /** The variant's name, given the setup it changes (a stage that is off by default is switched on). */
  name(setup: PipelineSetup): string
  apply(setup: PipelineSetup): PipelineSetup
}

const withConfig = (setup: PipelineSetup, change: Partial<GapscanConfig>): PipelineSetup => ({
  ...setup,
  config: {...setup.config, ...change},
})

export const ABLATIONS: readonly Ablation[] = [
  {
    name: (s) => (s.config.citations ? 'no cited standards' : 'with cited standards'),
    apply: (s) => withConfig(s, {citations: !s.config.citations}),
  },
  {
    name: () => 'no glossary concepts',
    apply: (s) => ({
      ...s,
      glossary: s.glossary && compileGlossary([], s.glossary.words, [...s.glossary.keepWhole]),
    }),
  },
  {
    name: () => 'no French word translations',
    apply: (s) => ({
      ...s,
      glossary: s.glossary && compileGlossary(s.glossary.concepts, [], [...s.glossary.keepWhole]),
    }),
  },
  {
    name: () => 'no keep-whole words',
    apply: (s) => ({
      ...s,
      glossary: s.glossary && compileGlossary(s.glossary.concepts, s.glossary.words, []),
    }),
  },
  {
    name: (s) => (s.config.weights.terms > 0 ? 'no derived terms' : 'with derived terms (weight 1)'),
    apply: (s) => withConfig(s, {weights: {...s.config.weights, terms: s.config.weights.terms > 0 ? 0 : 1}}),
  },
  {
    name: (s) => (s.config.bigrams ? 'no bigrams' : 'with bigrams'),
    apply: (s) => withConfig(s, {bigrams: !s.config.bigrams}),
  },
  {
    name: (s) => (s.config.titleBoost > 0 ? 'no title-coverage bonus' : 'with title-coverage bonus (2)'),
    apply: (s) => withConfig(s, {titleBoost: s.config.titleBoost > 0 ? 0 : 2}),
  },
  {
    name: () => 'equal field weights (all 1)',
    apply: (s) => withConfig(s, {weights: {title: 1, keywords: 1, body: 1, terms: 1}}),
  },
  {
    name: (s) => (s.config.scoring.model === 'bm25' ? 'TF-IDF instead of BM25' : 'BM25 instead of TF-IDF'),
    apply: (s) =>
      withConfig(s, {
        scoring: {...s.config.scoring, model: s.config.scoring.model === 'bm25' ? 'tfidf' : 'bm25'},
      }),
  },
]

export interface AblationRow {
  variant: string
  evaluation: QueryEvaluation
}

/**
 * The evaluation with the full pipeline, then with each ablation in turn. `onVariant` is told
 * each variant's name before it runs (building a matcher takes a second or two).
 */
export async function ablate(
  catalogue: Catalogue,
  setup: PipelineSetup,
  queries: EvalQuery[],
  onVariant?: (name: string) => void,
): Promise<AblationRow[]> {
  const variants: Ablation[] = [{name: () => 'full pipeline', apply: (s) => s}, ...ABLATIONS]
  const rows: AblationRow[] = []
  for (const variant of variants) {
    const name = variant.name(setup)
    onVariant?.(name)
    const {config, glossary} = variant.apply(setup)
    const evaluation = await evaluateQueries(new Matcher(catalogue, config, glossary), queries)
    rows.push({variant: name, evaluation})
  }
  return rows
}
