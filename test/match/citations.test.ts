import assert from 'node:assert/strict'
import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {parse} from 'yaml'
import {CitationResolver, findDesignations, type CitableStandard} from '../../src/core/match/citations.js'

const std = (
  id: string,
  org: string,
  title: string,
  status = 'in-force',
  replacedBy?: string[],
): CitableStandard => (replacedBy ? {id, org, title, status, replacedBy} : {id, org, title, status})

/** A catalogue with the id forms of every body, as data/standards and the relaton records write them. */
const CATALOGUE: CitableStandard[] = [
  std('X.509', 'ITU-T', 'The Directory: Public-key and attribute certificate frameworks'),
  std('X.509 (2019) Cor. 1', 'ITU-T', 'Corrigendum 1 to ITU-T X.509 (2019)'),
  std('E.164', 'ITU-T', 'The international public telecommunication numbering plan'),
  std('E.164/I.331', 'ITU-T', 'Numbering plan for the ISDN era', 'withdrawn'),
  std('H.264', 'ITU-T', 'Advanced video coding for generic audiovisual services'),
  std('Y.4000', 'ITU-T', 'Overview of the Internet of things'),
  std('Y.4900/L.1600', 'ITU-T', 'Overview of key performance indicators in smart sustainable cities'),
  std('D.1140/X.1261', 'ITU-T', 'Policy framework including principles for digital identity infrastructure'),
  std('X.1520', 'ITU-T', 'Common vulnerabilities and exposures'),
  std('Y Suppl. 73', 'ITU-T', 'Concept and use cases of a digital twin in smart sustainable cities'),
  std('Q.4010.1 v.1', 'ITU-T', 'Message waiting indication – Part 1'),
  std('H.265', 'ITU-T', 'High efficiency video coding', 'withdrawn'),
  std('H.265 (V9)', 'ITU-T', 'High efficiency video coding', 'withdrawn'),
  std('H.265 (V11)', 'ITU-T', 'High efficiency video coding'),
  std('Q.731.1', 'ITU-T', 'Stage 3 description for number identification supplementary services: DDI'),
  std('Q.731.3', 'ITU-T', 'Stage 3 description for number identification supplementary services: CLIP'),
  std('ISO 17442', 'ISO', 'Financial services - Legal entity identifier (LEI)', 'withdrawn'),
  std('ISO 17442-1', 'ISO', 'Financial services - Legal entity identifier (LEI) - Part 1: Assignment'),
  std('ISO 9362', 'ISO', 'Banking - Banking telecommunication messages - Business identifier code (BIC)'),
  std('ETSI EN 301 908-1', 'ETSI', 'IMT cellular networks; Part 1: Introduction and common requirements'),
  std(
    'ETSI EN 301 908-2',
    'ETSI',
    'IMT cellular networks; Part 2: CDMA Direct Spread (UTRA FDD) User Equipment',
  ),
  std('A.13', 'ITU-T', 'Collaboration with other organizations'),
  std('B.12', 'ITU-T', 'Use of the decimal marker'),
  std('G.711', 'ITU-T', 'Pulse code modulation (PCM) of voice frequencies'),
  std('F.400', 'ITU-T', 'Message handling system and service overview'),
  std('ISO/IEC 27001', 'ISO/IEC', 'Information security management systems — Requirements'),
  std('ISO/IEC 27002', 'ISO/IEC', 'Information security controls'),
  std(
    'ISO/IEC 27001/Amd 1',
    'ISO/IEC',
    'Information security management systems — Amendment 1: Climate action changes',
  ),
  std(
    'ISO 20022-1',
    'ISO',
    'Financial services - Universal financial industry message scheme - Part 1: Metamodel',
  ),
  std(
    'ISO 20022-2',
    'ISO',
    'Financial services - Universal financial industry message scheme - Part 2: UML profile',
  ),
  std(
    'ISO 20022-10',
    'ISO',
    'Financial services - Universal financial industry message scheme - Part 10: Test',
  ),
  std(
    'ISO 19650-1',
    'ISO',
    'Organization and digitization of information about buildings - Part 1: Concepts',
  ),
  std(
    'ISO 19650-2',
    'ISO',
    'Organization and digitization of information about buildings - Part 2: Delivery phase',
  ),
  std(
    'ISO/IEC 23090-2',
    'ISO/IEC',
    'Coded representation of immersive media - Part 2: Omnidirectional media format',
  ),
  std('ISO/IEEE 11073-20601', 'ISO/IEEE', 'Health informatics - Part 20601: Optimized exchange protocol'),
  std('ISO/IEEE 11073.20601', 'IEEE', 'Health informatics - Part 20601: Optimized exchange protocol'),
  std(
    'ISO/IEC/IEEE 8802-15-4',
    'ISO/IEC/IEEE',
    'Local and metropolitan area networks - Part 15-4: Low-rate wireless networks',
  ),
  std(
    'ISO/IEC 18004',
    'ISO/IEC',
    'Automatic identification and data capture techniques - QR code bar code symbology',
  ),
  std('ISO 24165-1', 'ISO', 'Digital token identifier (DTI) - Part 1: Method for registration'),
  std('ISO/IEC 14443-4', 'ISO/IEC', 'Contactless proximity objects - Part 4: Transmission protocol'),
  std(
    'ISO 8601-1',
    'ISO',
    'Date and time - Representations for information interchange - Part 1: Basic rules',
  ),
  std('IEC 62443-3-3', 'IEC', 'Industrial communication networks - Part 3-3: System security requirements'),
  std('ISO/TS 10303-52', 'ISO', 'Industrial automation systems - Part 52: Mesh-based topology'),
  std(
    'IEEE 802.11',
    'IEEE',
    'Wireless LAN Medium Access Control (MAC) and Physical Layer (PHY) Specifications',
  ),
  std('IEEE 802.11ax', 'IEEE', 'Amendment 1: Enhancements for High-Efficiency WLAN', 'withdrawn'),
  std('IEEE 802.15.4', 'IEEE', 'IEEE Standard for Low-Rate Wireless Networks'),
  std('IEEE 1547', 'IEEE', 'Interconnection and Interoperability of Distributed Energy Resources'),
  std('ETSI EN 301 549', 'ETSI', 'Accessibility requirements for ICT products and services'),
  std(
    'ETSI EN 319 412-2',
    'ETSI',
    'Electronic Signatures and Trust Infrastructures (ESI); Certificate Profiles; Part 2',
  ),
  std(
    'ETSI TS 119 412-2',
    'ETSI',
    'Electronic Signatures and Infrastructures (ESI); Certificate Profiles; Part 2',
  ),
  std('ETSI TS 103 645', 'ETSI', 'CYBER; Cyber Security for Consumer Internet of Things'),
  std('ETSI EN 303 645', 'ETSI', 'Short Range Devices; Radio equipment in the 5 GHz band'),
  std(
    'ETSI TS 123 501',
    'ETSI',
    '5G; System architecture for the 5G System (5GS) (3GPP TS 23.501 version 19.7.0 Release 19)',
  ),
  std(
    'ETSI TS 126 118',
    'ETSI',
    '5G; Virtual Reality (VR) profiles (3GPP TS 26.118 version 18.0.0 Release 18)',
  ),
  std('ETSI GS CIM 009', 'ETSI', 'Context Information Management (CIM); NGSI-LD API'),
  std('3GPP TS 23.501', '3GPP', 'System architecture for the 5G System (5GS)'),
  std('3GPP TS 26.118', '3GPP', 'Virtual Reality (VR) profiles for streaming applications'),
  std('RFC 5280', 'IETF', 'Internet X.509 Public Key Infrastructure Certificate and CRL Profile'),
  std('RFC 2616', 'IETF', 'Hypertext Transfer Protocol -- HTTP/1.1', 'withdrawn', ['RFC 7230', 'RFC 7231']),
  std('RFC 8446', 'IETF', 'The Transport Layer Security (TLS) Protocol Version 1.3', 'withdrawn', [
    'RFC 9846',
  ]),
  std('RFC 9846', 'IETF', 'The Transport Layer Security (TLS) Protocol Version 1.3'),
  std('RFC 5246', 'IETF', 'The Transport Layer Security (TLS) Protocol Version 1.2', 'withdrawn', [
    'RFC 8446',
  ]),
  std('RFC 9189', 'IETF', 'GOST Cipher Suites for Transport Layer Security (TLS) Protocol Version 1.2'),
  std('RFC 6749', 'IETF', 'The OAuth 2.0 Authorization Framework'),
  std('RFC 6750', 'IETF', 'The OAuth 2.0 Authorization Framework: Bearer Token Usage'),
  std('RFC 7519', 'IETF', 'JSON Web Token (JWT)'),
  std(
    'ISO/IEC 19510',
    'ISO/IEC',
    'Information technology - Object Management Group Business Process Model and Notation',
  ),
  std('NIST SP 800-63b', 'NIST', 'Digital identity guidelines: authentication and lifecycle management'),
  std('NIST SP 800-53', 'NIST', 'Security and Privacy Controls for Information Systems and Organizations'),
  std('NIST FIPS 140-3', 'NIST', 'Security requirements for cryptographic modules'),
  std(
    'NBS FIPS 140',
    'NIST',
    'General security requirements for equipment using the data encryption standard',
  ),
  std('OGC 06-042', 'OGC', 'OpenGIS Web Map Service (WMS) Implementation Specification'),
  std('OGC 09-025', 'OGC', 'OGC® Web Feature Service 2.0 Interface Standard - With Corrigendum'),
  std('OGC 12-027', 'OGC', 'OGC Web Feature Service (WFS) Temporality Extension'),
  std('OGC 02-024', 'OGC', 'Web Coverage Service'),
  std('OGC 15-078', 'OGC', 'OGC SensorThings API Part 1: Sensing'),
  std('OGC 18-088', 'OGC', 'OGC SensorThings API Part 1: Sensing Version 1.1'),
  std('OGC 17-079', 'OGC', 'OGC SensorThings API Part 2 – Tasking Core'),
  std('OGC 17-089', 'OGC', 'OGC Web Coverage Service (WCS) 2.1 Interface Standard - Core'),
  std('OGC 17-069', 'OGC', 'OGC API - Features - Part 1: Core corrigendum'),
  std(
    'OGC 18-058',
    'OGC',
    'OGC API - Features - Part 2: Coordinate Reference Systems by Reference corrigendum',
  ),
  std('W3C WCAG21', 'W3C', 'Web Content Accessibility Guidelines (WCAG) 2.1'),
  std('W3C WCAG22', 'W3C', 'Web Content Accessibility Guidelines (WCAG) 2.2'),
  std('W3C wcag-3.0-requirements', 'W3C', 'Requirements for WCAG 3.0', 'under-study'),
  std('W3C webauthn-2', 'W3C', 'Web Authentication: An API for accessing Public Key Credentials - Level 2'),
  std(
    'W3C webauthn-3',
    'W3C',
    'Web Authentication: An API for accessing Public Key Credentials - Level 3',
    'under-study',
  ),
  std('W3C did-core', 'W3C', 'Decentralized Identifiers (DIDs) v1.0'),
  std('W3C did-1.1', 'W3C', 'Decentralized Identifiers (DIDs) v1.1', 'under-study'),
  std('W3C vc-data-model-1.1', 'W3C', 'Verifiable Credentials Data Model v1.1'),
  std('W3C vc-data-model-2.0', 'W3C', 'Verifiable Credentials Data Model v2.0'),
  std('OASIS mqtt-v3.1.1', 'OASIS', 'MQTT Version 3.1.1'),
  std('OASIS mqtt-v5.0', 'OASIS', 'MQTT Version 5.0'),
  std(
    'ISO/IEC 20922',
    'ISO/IEC',
    'Information technology - Message Queuing Telemetry Transport (MQTT) v3.1.1',
  ),
  std(
    'OpenID openid-connect-core-1_0',
    'OpenID Foundation',
    'OpenID Connect Core 1.0 incorporating errata set 2',
  ),
  std(
    'OpenID openid-4-verifiable-presentations-1_0',
    'OpenID Foundation',
    'OpenID for Verifiable Presentations 1.0',
  ),
  std(
    'OpenID openid-4-verifiable-credential-issuance-1_0',
    'OpenID Foundation',
    'OpenID for Verifiable Credential Issuance 1.0',
  ),
  std(
    'Y.4459',
    'ITU-T',
    'Digital entity architecture framework for Internet of things (IoT) interoperability',
  ),
]

const resolver = new CitationResolver(CATALOGUE)
/** Every citation of a text as "written -> ids". */
const cites = (text: string) =>
  resolver.resolve(text).map((c) => `${c.designation.text} -> ${c.ids.join(', ')}`)

/** Cases as [text, expected citations]: a class of inputs per table, each case a different form. */
function resolvesAll(cases: readonly (readonly [string, readonly string[]])[]) {
  for (const [text, expected] of cases) assert.deepEqual(cites(text), expected, text)
}

describe('citations: ITU-T', () => {
  it('resolves every way a Recommendation is written, with and without its prefix', () => {
    resolvesAll([
      ['Certificates follow ITU-T X.509 profiles.', ['ITU-T X.509 -> X.509']],
      ['as per Recommendation ITU-T Y.4000.', ['Recommendation ITU-T Y.4000 -> Y.4000']],
      ['coded with Rec. ITU-T H.264 at 8 Mbit/s', ['Rec. ITU-T H.264 -> H.264']],
      ['described in ITU-T Rec. X.1520 in every advisory', ['ITU-T Rec. X.1520 -> X.1520']],
      ['ITU-T Recommendation E.164 numbers', ['ITU-T Recommendation E.164 -> E.164']],
      ['numbers in E.164 format', ['E.164 -> E.164']],
      ['X.509v3 certificates and X.509-based PKI', ['X.509 -> X.509']],
      ['see Y Suppl. 73 on digital twins', ['Y Suppl. 73 -> Y Suppl. 73']],
      ['these denote X.509 certificates', ['X.509 -> X.509']],
      ['la Recommandation UIT\u2011T Y.4000 relative', ['Recommandation UIT\u2011T Y.4000 -> Y.4000']],
      ['la Recommandation UIT T Y.4900 relative', ['Recommandation UIT T Y.4900 -> Y.4900/L.1600']],
      ['selon la recommandation UIT-T Y.4000', ['recommandation UIT-T Y.4000 -> Y.4000']],
    ])
  })

  it('resolves either half of a joint number to the joint Recommendation, and the joint number itself', () => {
    resolvesAll([
      ['KPIs of ITU-T Y.4900 are reported', ['ITU-T Y.4900 -> Y.4900/L.1600']],
      ['KPIs of ITU-T L.1600 are reported', ['ITU-T L.1600 -> Y.4900/L.1600']],
      ['KPIs of ITU-T Y.4900/L.1600 are reported', ['ITU-T Y.4900/L.1600 -> Y.4900/L.1600']],
      ['principles of ITU-T D.1140', ['ITU-T D.1140 -> D.1140/X.1261']],
    ])
    assert.equal(resolver.resolve('ITU-T X.1261')[0].note, 'joint number D.1140/X.1261')
  })

  it('expands a list after one prefix into one citation each', () => {
    resolvesAll([
      [
        'ITU-T Y.4000, Y.4900 and X.1520 apply',
        ['ITU-T Y.4000 -> Y.4000', 'Y.4900 -> Y.4900/L.1600', 'X.1520 -> X.1520'],
      ],
      [
        'Recommandations UIT-T Y.4000 et X.1520',
        ['Recommandations UIT-T Y.4000 -> Y.4000', 'X.1520 -> X.1520'],
      ],
    ])
  })

  it('resolves an edition, amendment or corrigendum to the base Recommendation first', () => {
    resolvesAll([
      ['X.509 (2019) Cor. 1 fixes it', ['X.509 (2019) Cor. 1 -> X.509, X.509 (2019) Cor. 1']],
      ['ITU-T X.509 (10/2019)', ['ITU-T X.509 (10/2019) -> X.509']],
      ['ITU-T Q.4010.1 is used', ['ITU-T Q.4010.1 -> Q.4010.1 v.1']],
      ['ITU-T Q.731 services', ['ITU-T Q.731 -> Q.731.1, Q.731.3']],
      ['ITU-T H.265 streams', ['ITU-T H.265 -> H.265 (V11), H.265']],
    ])
    assert.equal(
      resolver.resolve('ITU-T X.509 (2016)')[0].note,
      'edition 2016 cited; catalogue holds the latest',
    )
  })

  it('does not take a document’s own tables, annexes, figures or clauses for Recommendations', () => {
    for (const text of [
      'as shown in Table A.13',
      'see Annex B.12 and Annex A.13',
      'Tables A.13 and B.12 list them',
      'Figure G.711 shows the flow',
      'Appendix F.400 gives examples',
      'section F.400 and clause G.711',
      'voir le tableau A.13 et l’annexe B.12',
      'release 17 of version 5.2 in 2023',
      'Question ITU-T Q.6/17 studies it',
      'the ITU-T Y.4000-series and ITU-T Y.4000 series texts',
      'ITU-R F.400 and ITU-R Recommendation G.711',
    ])
      assert.deepEqual(cites(text), [], text)
  })

  it('keeps a bare number only when the catalogue holds it, and a prefixed one always', () => {
    assert.deepEqual(cites('in Q.9999 and Z.123 form'), [])
    assert.deepEqual(cites('ITU-T Z.999 is cited'), ['ITU-T Z.999 -> '])
  })
})

describe('citations: ISO and IEC', () => {
  it('resolves bodies, parts, editions and amendments', () => {
    resolvesAll([
      ['certified to ISO/IEC 27001:2022', ['ISO/IEC 27001:2022 -> ISO/IEC 27001']],
      ['ISO 27001 certified', ['ISO 27001 -> ISO/IEC 27001']],
      [
        'ISO/IEC 27001:2022/Amd 1:2024',
        ['ISO/IEC 27001:2022/Amd 1:2024 -> ISO/IEC 27001, ISO/IEC 27001/Amd 1'],
      ],
      ['following ISO 19650-2:2018 during delivery', ['ISO 19650-2:2018 -> ISO 19650-2']],
      ['the ISO/IEC 23090-2 format', ['ISO/IEC 23090-2 -> ISO/IEC 23090-2']],
      [
        'ISO/IEEE 11073-20601 exchange',
        ['ISO/IEEE 11073-20601 -> ISO/IEEE 11073-20601, ISO/IEEE 11073.20601'],
      ],
      ['IEC 62443-3-3 controls', ['IEC 62443-3-3 -> IEC 62443-3-3']],
      ['an ISO/TS 10303-52 mesh', ['ISO/TS 10303-52 -> ISO/TS 10303-52']],
      ['NF EN ISO 19650-1', ['NF EN ISO 19650-1 -> ISO 19650-1']],
      ['ISO/CEI 14443-4', ['ISO/CEI 14443-4 -> ISO/IEC 14443-4']],
      ['ISO 9362-2014 codes', ['ISO 9362-2014 -> ISO 9362']],
    ])
  })

  it('expands a list of numbers after one body', () => {
    resolvesAll([
      ['ISO/IEC 27001 and 27002 controls', ['ISO/IEC 27001 -> ISO/IEC 27001', '27002 -> ISO/IEC 27002']],
      ['ISO/IEC 27001/27002', ['ISO/IEC 27001 -> ISO/IEC 27001', '27002 -> ISO/IEC 27002']],
      [
        'ISO 19650-1, 19650-2 et 24165-1',
        ['ISO 19650-1 -> ISO 19650-1', '19650-2 -> ISO 19650-2', '24165-1 -> ISO 24165-1'],
      ],
      ['ISO 8601-1, 2015 edition, and 100 users', ['ISO 8601-1 -> ISO 8601-1']],
    ])
  })

  it('resolves a series number that has only parts to its parts, first part first, with a note', () => {
    const [c] = resolver.resolve('payment messages in ISO 20022 format')
    assert.deepEqual(c.ids, ['ISO 20022-1', 'ISO 20022-2', 'ISO 20022-10'])
    assert.equal(c.note, 'series: 3 parts')
    resolvesAll([
      ['IEC 62443-3 system security', ['IEC 62443-3 -> IEC 62443-3-3']],
      ['an ISO 17442 identifier', ['ISO 17442 -> ISO 17442-1, ISO 17442']],
      ['an ISO 17442-1:2020 identifier', ['ISO 17442-1:2020 -> ISO 17442-1']],
      ['the IEC 62443 family', ['IEC 62443 -> IEC 62443-3-3']],
      ['ETSI EN 301 908 IMT', ['ETSI EN 301 908 -> ETSI EN 301 908-1, ETSI EN 301 908-2']],
    ])
  })

  it('does not cross ISO and IEC numbering, and reports numbers the catalogue lacks', () => {
    resolvesAll([
      ['IEC 27001', ['IEC 27001 -> ISO/IEC 27001']],
      ['ISO 62443-3-3', ['ISO 62443-3-3 -> ']],
      ['ISO 99999 applies', ['ISO 99999 -> ']],
    ])
  })

  it('finds no ISO designation in ISO-like words and committee names', () => {
    for (const text of [
      'ISOLATED nodes',
      'an ISO-like scheme',
      'isometric views',
      'the ISO committee',
      'ISO/TC 211 work',
      'IECs',
      'the ISO 2015 audit',
      'at the IEEE 2020 conference',
    ])
      assert.deepEqual(cites(text), [], text)
  })
})

describe('citations: IEEE', () => {
  it('resolves amendments to their own id, else the base standard, and 802 to its ISO adoption', () => {
    resolvesAll([
      ['IEEE 802.11ax (Wi-Fi 6)', ['IEEE 802.11ax -> IEEE 802.11ax']],
      ['IEEE 802.11be', ['IEEE 802.11be -> IEEE 802.11']],
      ['IEEE Std 802.15.4-2020 PHY', ['IEEE Std 802.15.4-2020 -> IEEE 802.15.4, ISO/IEC/IEEE 8802-15-4']],
      ['Wi-Fi (802.11) only', ['802.11 -> IEEE 802.11']],
      ['IEEE 1547-2018 inverters', ['IEEE 1547-2018 -> IEEE 1547']],
      ['the IEEE P1547 revision', ['IEEE P1547 -> IEEE 1547']],
      ['IEEE 9999 is cited', ['IEEE 9999 -> ']],
    ])
    assert.equal(
      resolver.resolve('IEEE 802.11be')[0].note,
      'amendment 802.11be not in catalogue; base standard',
    )
  })
})

describe('citations: ETSI and 3GPP', () => {
  it('resolves ETSI numbers, their EN/TS twins when the titles agree, and GS numbers', () => {
    resolvesAll([
      ['accessible per ETSI EN 301 549 V3.2.1', ['ETSI EN 301 549 V3.2.1 -> ETSI EN 301 549']],
      ['EN 301 549 applies', ['EN 301 549 -> ETSI EN 301 549']],
      ['ETSI EN 319 412-2 profile', ['ETSI EN 319 412-2 -> ETSI EN 319 412-2, ETSI TS 119 412-2']],
      ['ETSI TS 119 412-2 profile', ['ETSI TS 119 412-2 -> ETSI TS 119 412-2, ETSI EN 319 412-2']],
      ['ETSI TS 103 645 baseline', ['ETSI TS 103 645 -> ETSI TS 103 645']],
      ['the API of ETSI GS CIM 009', ['ETSI GS CIM 009 -> ETSI GS CIM 009']],
    ])
  })

  it('returns a 3GPP specification and its ETSI transposition, the cited body first', () => {
    resolvesAll([
      ['3GPP TS 23.501 architecture', ['3GPP TS 23.501 -> 3GPP TS 23.501, ETSI TS 123 501']],
      ['ETSI TS 123 501 architecture', ['ETSI TS 123 501 -> ETSI TS 123 501, 3GPP TS 23.501']],
      ['TS 26.118 profiles', ['TS 26.118 -> 3GPP TS 26.118, ETSI TS 126 118']],
      ['3GPP TS 99.999', ['3GPP TS 99.999 -> ']],
    ])
  })

  it('finds nothing in ETSI-like words and 3GPP releases', () => {
    for (const text of [
      '3GPP Release 17',
      'TS and TR documents',
      'EN 16931 invoices',
      'TS 99.999 and EN 399 999',
    ])
      assert.deepEqual(cites(text), [], text)
  })
})

describe('citations: IETF, NIST, OGC', () => {
  it('resolves RFCs however written, an obsoleted one to itself with its successors', () => {
    resolvesAll([
      ['profile of RFC 5280', ['RFC 5280 -> RFC 5280']],
      ['profile of RFC5280', ['RFC5280 -> RFC 5280']],
      ['IETF RFC 8446 only', ['IETF RFC 8446 -> RFC 8446']],
      ['la RFC 5280', ['RFC 5280 -> RFC 5280']],
      ['cites RFC 9999', ['RFC 9999 -> ']],
      ['RFCs 5280 and 6749', ['RFCs 5280 -> RFC 5280', '6749 -> RFC 6749']],
      ['RFC 2616, RFC 9999 and 2019 drafts', ['RFC 2616 -> RFC 2616', 'RFC 9999 -> ']],
      ['RFC 5280 and 7777 profiles', ['RFC 5280 -> RFC 5280']],
    ])
    assert.equal(resolver.resolve('RFC 2616')[0].note, 'obsoleted by RFC 7230, RFC 7231')
  })

  it('resolves NIST publications, revisions to the publication', () => {
    resolvesAll([
      ['NIST SP 800-63B AAL2', ['NIST SP 800-63B -> NIST SP 800-63b']],
      ['SP 800-53 Rev. 5 controls', ['SP 800-53 Rev. 5 -> NIST SP 800-53']],
      ['FIPS 140-3 level 3', ['FIPS 140-3 -> NIST FIPS 140-3']],
      ['NIST 800-53 or CIS', ['NIST 800-53 -> NIST SP 800-53']],
      ['FIPS 140', ['FIPS 140 -> NBS FIPS 140']],
    ])
  })

  it('resolves OGC numbers, acronyms and names after "OGC", and an OGC API series to its parts', () => {
    resolvesAll([
      ['OGC 06-042', ['OGC 06-042 -> OGC 06-042']],
      ['served as OGC WMS layers', ['OGC WMS -> OGC 06-042']],
      ['the OGC Web Feature Service interface', ['OGC Web Feature Service -> OGC 09-025']],
      ['the OGC Web Coverage Service', ['OGC Web Coverage Service -> OGC 17-089']],
      ['OGC SensorThings API feeds', ['OGC SensorThings API -> OGC 18-088, OGC 15-078, OGC 17-079']],
      ['OGC API - Features endpoints', ['OGC API - Features -> OGC 17-069, OGC 18-058']],
    ])
  })
})

describe('citations: named specifications', () => {
  it('resolves a name with its version from the titles, the most general title first', () => {
    resolvesAll([
      ['WCAG 2.2 Level AA', ['WCAG 2.2 -> W3C WCAG22']],
      ['les critères WCAG 2.1 niveau AA', ['WCAG 2.1 -> W3C WCAG21']],
      ['MQTT 5.0 (OASIS Standard)', ['MQTT 5.0 -> OASIS mqtt-v5.0']],
      ['MQTT v3.1.1 brokers', ['MQTT v3.1.1 -> OASIS mqtt-v3.1.1']],
      [
        'Verifiable Credentials Data Model 2.0',
        ['Verifiable Credentials Data Model 2.0 -> W3C vc-data-model-2.0'],
      ],
      ['TLS 1.3 only', ['TLS 1.3 -> RFC 9846, RFC 8446']],
      [
        'Web Content Accessibility Guidelines 2.1',
        ['Web Content Accessibility Guidelines 2.1 -> W3C WCAG21'],
      ],
      ['Decentralized Identifiers v1.1', ['Decentralized Identifiers v1.1 -> W3C did-1.1']],
      ['TLS 1.2 or later', ['TLS 1.2 -> RFC 5246']],
    ])
  })

  it('resolves a name after its body, a version picking that version and none the newest', () => {
    resolvesAll([
      ['W3C WebAuthn Level 2', ['W3C WebAuthn Level 2 -> W3C webauthn-2']],
      ['W3C WebAuthn passkeys', ['W3C WebAuthn -> W3C webauthn-3']],
      ['W3C DID Core v1.0 documents', ['W3C DID Core v1.0 -> W3C did-core']],
      ['W3C VC Data Model v1.1', ['W3C VC Data Model v1.1 -> W3C vc-data-model-1.1']],
      ['OASIS MQTT brokers', ['OASIS MQTT -> OASIS mqtt-v5.0']],
    ])
  })

  it('resolves the few well-known names no title yields', () => {
    resolvesAll([
      ['OAuth 2.0 code grant', ['OAuth 2.0 -> RFC 6749']],
      ['an OAuth2 token', ['OAuth2 -> RFC 6749']],
      ['keywords: openid connect, sso', ['openid connect -> OpenID openid-connect-core-1_0']],
      ['login with OpenID Connect', ['OpenID Connect -> OpenID openid-connect-core-1_0']],
      ['presentations over OpenID4VP', ['OpenID4VP -> OpenID openid-4-verifiable-presentations-1_0']],
      ['keywords: openid4vci', ['openid4vci -> OpenID openid-4-verifiable-credential-issuance-1_0']],
      ['scan the QR code', ['QR code -> ISO/IEC 18004']],
      ['passkeys (WebAuthn) login', ['WebAuthn -> W3C webauthn-3']],
      ['DID Core documents', ['DID Core -> W3C did-core']],
      ['HEVC streams', ['HEVC -> H.265 (V11), H.265']],
      ['context data over NGSI-LD', ['NGSI-LD -> ETSI GS CIM 009']],
      ['each call carries a JWT', ['JWT -> RFC 7519']],
      ['signed JSON Web Tokens', ['JSON Web Tokens -> RFC 7519']],
      ['processes modelled in BPMN 2.0.2', ['BPMN 2.0.2 -> ISO/IEC 19510']],
      ['a BPMN engine', ['BPMN -> ISO/IEC 19510']],
    ])
  })

  it('resolves a full name of three or more words written as its title writes it, newest version', () => {
    resolvesAll([
      [
        'as in OpenID for Verifiable Credential Issuance',
        ['OpenID for Verifiable Credential Issuance -> OpenID openid-4-verifiable-credential-issuance-1_0'],
      ],
      [
        'a Verifiable Credentials Data Model document',
        ['Verifiable Credentials Data Model -> W3C vc-data-model-2.0'],
      ],
      ['the Web Content Accessibility Guidelines', ['Web Content Accessibility Guidelines -> W3C WCAG22']],
    ])
  })

  it('cites one standard once however often and in whatever form the text names it', () => {
    assert.deepEqual(
      cites('OpenID for Verifiable Credential Issuance (OpenID4VCI); openid4vci; RFC 5280 and RFC5280'),
      [
        'OpenID for Verifiable Credential Issuance -> OpenID openid-4-verifiable-credential-issuance-1_0',
        'RFC 5280 -> RFC 5280',
      ],
    )
  })

  it('finds no name in prose: a product name alone, a title’s generic words, an acronym’s words', () => {
    for (const text of [
      'an MQTT broker with TLS encryption',
      'WCAG compliance is expected',
      'the Internet of things (IoT) platform',
      'OAuth flows and OpenID providers',
      'verifiable credentials data model',
      'W3C Recommendation track and OASIS Standard',
      'Requirements for the Web',
      'version 2.2 of the app, 1.3 million users',
    ])
      assert.deepEqual(cites(text), [], text)
  })
})

describe('citations: numbers in prose are not designations', () => {
  it('finds no designation in years, versions, phone numbers, amounts or dates', () => {
    for (const text of [
      'between 2019 and 2023, 45.6 % of users',
      'call +41 22 730 5111 or 0800 123 456',
      'app version 3.2.1 (build 802.11)',
      'section 5.2, clause 7.3.1 and step 4',
      'costs 1.509 million; 20022 payments',
      'on 12.03.2024 at 10.30',
    ])
      assert.deepEqual(
        findDesignations(text).filter((d) => d.explicit),
        [],
        text,
      )
  })
})

describe('citations: findDesignations', () => {
  it('reads body, number, part, year, type and amendment, with spans that point at the text', () => {
    const text =
      'ISO/IEC 27001:2022/Amd 1, ISO 19650-2:2018, IEEE Std 802.15.4-2020, ETSI TS 119 412-2, 3GPP TS 23.501, ITU-T X.509 (2019) Cor. 1, NIST SP 800-53 Rev. 5'
    const found = findDesignations(text)
    for (const d of found) assert.equal(text.slice(d.start, d.end), d.text)
    assert.deepEqual(
      found.map(({body, number, part, year, type, amendment, version}) =>
        JSON.parse(JSON.stringify({body, number, part, year, type, amendment, version})),
      ),
      [
        {body: 'ISO/IEC', number: '27001', year: '2022', amendment: 'Amd 1'},
        {body: 'ISO', number: '19650', part: '2', year: '2018'},
        {body: 'IEEE', number: '802.15.4', year: '2020'},
        {body: 'ETSI', number: '119 412', part: '2', type: 'TS'},
        {body: '3GPP', number: '23.501', type: 'TS'},
        {body: 'ITU-T', number: 'X.509', year: '2019', amendment: 'Cor 1'},
        {body: 'NIST', number: '800-53', type: 'SP', version: '5'},
      ],
    )
  })

  it('reads French citations', () => {
    const text =
      "selon l'ISO 24165-1, la norme ISO/IEC 14443-4, conforme à l'ETSI EN 319 412-2, la spécification 3GPP TS 26.118 et la Recommandation UIT-T X.1261"
    assert.deepEqual(cites(text), [
      'ISO 24165-1 -> ISO 24165-1',
      'ISO/IEC 14443-4 -> ISO/IEC 14443-4',
      'ETSI EN 319 412-2 -> ETSI EN 319 412-2, ETSI TS 119 412-2',
      '3GPP TS 26.118 -> 3GPP TS 26.118, ETSI TS 126 118',
      'Recommandation UIT-T X.1261 -> D.1140/X.1261',
    ])
  })
})

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

function bundledStandards(): CitableStandard[] {
  const dir = `${ROOT}data/standards`
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) =>
      readFileSync(`${dir}/${f}`, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const r = JSON.parse(line) as CitableStandard
          return std(r.id, r.org, r.title, r.status)
        }),
    )
}

function requirementTexts(): Map<string, string> {
  const texts = new Map<string, string>()
  for (const dir of ['requirements', 'deliverables'])
    for (const f of readdirSync(`${ROOT}data/${dir}`).filter((n) => n.endsWith('.yaml')))
      for (const e of (
        parse(readFileSync(`${ROOT}data/${dir}/${f}`, 'utf8')) as {entries: Record<string, unknown>[]}
      ).entries)
        texts.set(
          String(e.id),
          [e.title, e.text, e.summary, ((e.keywords as string[] | undefined) ?? []).join(', ')]
            .filter(Boolean)
            .join('\n'),
        )
  return texts
}

describe('citations: the bundled catalogue', function () {
  this.timeout(120000)
  let bundled: CitationResolver
  let texts: Map<string, string>
  before(() => {
    bundled = new CitationResolver(bundledStandards())
    texts = requirementTexts()
  })

  it('links the requirements that name a bundled standard to it', () => {
    const first = (id: string, written: string) =>
      bundled.resolve(texts.get(id)!).find((c) => c.designation.text === written)?.ids
    assert.deepEqual(first('DPI-SEC-06', 'X.509'), ['X.509'])
    assert.deepEqual(first('DPI-CMS-11', 'WCAG 2.2'), ['W3C WCAG22'])
    assert.equal(first('DPI-PAY-13', 'ISO 20022')?.[0], 'ISO 20022-1')
    assert.deepEqual(first('DPI-REGN-19', 'ISO/IEC 18004'), ['ISO/IEC 18004'])
    // ISO 8601 (2004) is withdrawn; its parts 1 and 2 (2019) are in force.
    assert.deepEqual(first('DPI-ARCH-17', 'ISO 8601'), ['ISO 8601-1', 'ISO 8601-2', 'ISO 8601'])
  })

  it('finds in the requirements only designations that are citations', () => {
    const written = [...texts.values()].flatMap((t) => bundled.resolve(t).map((c) => c.designation.text))
    const unexpected = written.filter(
      (w) =>
        !/^(?:X\.509|ISO [\d-]+|ISO\/IEC \d+|WCAG 2\.2|QR codes?|RFC \d+|FIPS 140-2|NIST SP 800-\d+(?: Rev\. \d)?|TLS 1\.3|OAuth 2\.0|OpenID Connect|WebAuthn|W3C Verifiable Credentials|openid4v(?:ci|p)|OpenID for Verifiable Credential Issuance|OGC Web (?:Feature|Coverage|Processing) Service|JWT|BPMN(?: 2\.0(?:\.2)?)?)$/.test(
          w,
        ),
    )
    assert.deepEqual(unexpected, [])
    assert.ok(written.length >= 30, `${written.length} designations`)
  })
})

describe('citations: the dev queries of kind "cited" (../shared)', function () {
  this.timeout(120000)
  const shared = `${ROOT}../shared/`

  it('puts an expected standard first for at least 95 % of them', function () {
    if (!existsSync(`${shared}eval/queries-dev.jsonl`)) this.skip()
    const standards = bundledStandards()
    for (const body of ['ietf', 'ogc', 'nist', 'openid']) {
      const file = `${shared}data/relaton/${body}-latest.jsonl`
      if (!existsSync(file)) this.skip()
      for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
        const r = JSON.parse(line) as {number: string; org: string; title: string; obsoleted_by?: string[]}
        standards.push(
          std(r.number, r.org, r.title, r.obsoleted_by?.length ? 'withdrawn' : 'in-force', r.obsoleted_by),
        )
      }
    }
    const all = new CitationResolver(standards)
    const queries = readFileSync(`${shared}eval/queries-dev.jsonl`, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as {kind: string; expect: string[]; text: string})
    const cited = queries.filter((q) => q.kind === 'cited')
    const hits = cited.filter((q) =>
      q.expect.includes(all.resolve(q.text).find((c) => c.ids.length)?.ids[0] ?? ''),
    )
    assert.ok(cited.length >= 20)
    assert.ok(hits.length / cited.length >= 0.95, `${hits.length}/${cited.length}`)
    // Queries that name no standard get no citation either.
    const others = queries.filter((q) => q.kind !== 'cited' && all.resolve(q.text).length)
    assert.ok(others.length <= queries.length * 0.02, `${others.length} non-cited queries with a citation`)
  })
})
