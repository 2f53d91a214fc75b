/**
 * Words that carry no topic. English and French function words (folded, as tokens come out of
 * `tokenise`), plus a domain list of words every ITU text uses ("Recommendation", "shall", …).
 */
export const ENGLISH_STOP_WORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each either etc few for from further had has
have having he her here hers how however i if in into is it its itself just may me might more most must my
no nor not of off on once only or other our ours out over own per same she should so some such than that
the their theirs them then there these they this those through thus to too under until up upon us very via
was we were what when where whether which while who whom why will with within without would you your yours
e g ie eg i e`.split(/\s+/),
)

export const FRENCH_STOP_WORDS = new Set(
  `a afin ai ainsi alors au aucun aussi autre autres aux avec avoir c ce ceci cela celle celles celui ces cet
cette ceux chaque comme comment d dans de des doit doivent donc dont du elle elles en encore entre est et
etre eux ete fait faire il ils j l la le les leur leurs lors lui m ma mais me meme mes moins n ne ni non
nos notre nous on ont ou par parmi pas peu peut peuvent plus pour pourrait qu quand que quel quelle quelles
quels qui s sa sans se selon ses si son sont sous sur ta te tel telle tels telles tes toi ton tous tout
toute toutes tres tu un une vers via vos votre vous y ceux-ci celles-ci laquelle lesquels lesquelles auquel
auxquels duquel desquels sera seront soit etant ete avait avaient`.split(/\s+/),
)

/** Words that appear in nearly every standards text and so say nothing about its subject. */
export const DOMAIN_STOP_WORDS = new Set(
  `itu t itut uit recommendation recommendations recommandation recommandations shall should must may
required recommended optional mandatory annex appendix clause supplement suppl amendment amd corrigendum
cor document documents specification specifies specified describes describe provides provide defines
define present presente presentes standard standards norme normes part partie series serie edition version
new nouvelle nouveau general generale generales aspect aspects related relatives relatif relative concernant
including include includes based using used use`.split(/\s+/),
)

const ALL_STOP_WORDS = new Set([...ENGLISH_STOP_WORDS, ...FRENCH_STOP_WORDS, ...DOMAIN_STOP_WORDS])

export function isStopWord(token: string): boolean {
  const length = token.length
  return (
    length === 1 ||
    ALL_STOP_WORDS.has(token) ||
    // Short bare numbers ("Part 1", "v2") say nothing; longer ones are standard numbers (20022).
    (length === 2 && isDigit(token.charCodeAt(0)) && isDigit(token.charCodeAt(1)))
  )
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}
