/**
 * The vocabulary of the synthetic corpus: real technical words of the kind standards use, plus
 * compound and coded forms ("geolocation", "telemetry", "ipv6", "h264") to reach a few thousand
 * distinct words, as in a real catalogue. The list order is the frequency rank: real words and codes
 * first (shuffled by the corpus seed), compounds after them, in the tail.
 */
import {shuffle, type Rng} from './prng.js'

const ROOTS = `
access accounting accuracy acknowledgement acoustic activation adapter adaptive addressing adjacency
admission aggregation agent aggregator agreement alarm algorithm alignment allocation amplifier amplitude
analogue analysis analytics anchor antenna anonymisation application architecture archive arrangement
array assessment asset assurance asymmetric asynchronous attack attenuation attestation attribute audio
audit augmented authentication authorisation automation autonomous availability avatar backbone backhaul
backup balancing bandwidth barrier baseband battery beacon beamforming behaviour benchmark bidirectional
billing binary binding biometric bitrate blockchain bluetooth boundary bridge broadband broadcast buffer
building bundle bus cable cache calibration call camera capability capacity carrier catalogue category
cell certificate certification channel charging checksum chip cipher circuit citizen city classification
client climate clock cloud cluster coaxial code codec coding coexistence cognitive coherent collaboration
collection collision colour command commerce commissioning communication community compatibility
compliance component compression computation computing concentrator conditioning confidentiality
configuration conformance congestion connectivity consent consistency constellation consumption contactless
container content context continuity contract control controller convergence conversion cooling
coordination copper core correlation corrosion coverage credential critical crosstalk cryptography
customer cybersecurity cycle damping dashboard data database datagram decoder decoding dedicated
default delay delegation delivery demand demodulation density dependability deployment depth descriptor
detection detector device diagnostics dielectric differential diffraction digital dimension directory
disaster discovery dispersion display distortion distribution diversity domain downlink downstream driver
drone duplex durability dynamic earth earthing ecosystem edge efficiency electrical electromagnetic
electronic element emergency emission emulation encapsulation encoder encoding encryption endpoint energy
engine enhancement enrolment enterprise entity environment equaliser equipment error escrow estimation
ethernet evaluation event evolution exchange exposure extension fabric facility fading failover fault
federation feedback fibre fidelity field filter firewall firmware flow forecasting format forwarding
fragmentation frame framework frequency fronthaul function gain gateway generator geographic geometry
gigabit governance gradient graph grid ground guideline handover haptic hardware harmonic hashing header
health heating hierarchy holographic home hop horizon host hybrid hydrogen identifier identity image
immersive impairment impedance implementation incident indicator indoor industrial infrastructure ingress
inspection installation instrument insulation integration integrity intelligence interaction interconnection
interface interference interleaving internet interoperability interworking intrusion inventory isolation
jitter journey kernel key label laboratory lamp language laser latency layer learning ledger lens licence
lifecycle lighting link liquid load localisation location logging loop loss machine magnetic maintenance
management manifest manufacturing map mapping marking market measurement media mediation memory mesh
message metadata meter metering method metric metro microwave middleware migration mission mobile
mobility model modem modulation module monitoring motion multicast multimedia multiplexing navigation
negotiation network node noise notification object observation occupancy offload onboarding ontology
operation operator optical optimisation orchestration outage overlay packet panel parameter parking
partition passive password path payload payment peer performance perimeter permission persistence
phase photonic physical pipeline pixel placement plane platform plug policy polarisation port portability
positioning power precision prediction preservation pressure pricing primitive privacy probe procedure
process processor profile programming propagation property protection protocol provenance provider
provisioning proximity proxy pseudonym public pulse quality quantum query queue radiation radio random
ranging rate reachability receiver reception recovery redundancy reference reflection registration
registry regulation relay reliability remote rendering repair replication reporting repository request
reservation residential resilience resolution resource response restoration retention revocation ring
risk roaming robot robustness routing safety sampling satellite scalability scanning scheduling schema
scrambling screen search security segment segmentation semantic sensor sensing sequence server service
session shielding signal signalling signature simulation sink slice smart socket software solar spatial
spectrum speech speed splitter stability stack station storage stream streaming structure subscriber
subscription substation supervision supply surveillance survivability sustainability switch switching
symbol synchronisation syntax system tag telecommunication telemetry telephony television temperature
tenant terminal terrestrial test testing thermal threat threshold throughput ticket timing token topology
traceability tracking traffic transaction transceiver transcoding transfer transformation transition
transmission transmitter transparency transponder transport trust tunnel twin ubiquitous unicast uplink
upstream urban usability user utility validation value vehicle verification vibration video virtual
virtualisation visibility voice voltage vulnerability wallet water waveform wavelength wearable web
wideband wireless wiring workflow workload zone accessibility ageing agriculture airborne ammonia
anomaly aperture appliance arbitration assembly attestation autoscaling backscatter barcode bearer
bitstream bonding bootstrap brightness broker bus calorimetry canonical captioning cartography
cascade chassis chromatic ciphertext coating cohort combiner commodity compute conduit connector
cooperative coupler cryogenic curation cutover decommissioning decryption deduplication degradation
demarcation demultiplexer deterministic diagram dimming dispatch dossier duct elasticity electrode
embedding enclosure entropy equity escalation ethics exploit extraction fairness feeder fingerprint
fleet footprint fusion geofence governance greenhouse handset handshake heuristic histogram hologram
humidity hydrology illumination inclusion inference ingestion inheritance instantiation irrigation
jurisdiction keystore lattice leakage legacy lexicon lightpath liveness luminance maritime microgrid
milestone mitigation moderation multipath nanosatellite neural notarisation nuance occlusion odometry
orbit outsourcing ownership patching pedestrian photovoltaic pilot plurality polling portal postcode
prefetch preamble procurement projection prosumer provenance pseudonymisation quarantine queueing
radar rainfall readiness realm rebate reconciliation rectifier refractive rehearsal remittance renewable
reproducibility reputation retrofit revenue rollback rollout sandbox sanitisation scheduler seismic
sensitivity serialisation sharding skeleton smartphone sovereignty spoofing stakeholder steganography
stewardship storyboard substrate succession superframe surge tariff taxonomy telehealth teleport tendering
terahertz tethering thermostat tokenisation tolerance torque tourism traction trajectory transcript
triage turbine underwater unmanned uptime vaccination ventilation vocabulary watermark waveguide
weather whitelist wind windowing yield zoning`

const PREFIXES = [
  'auto',
  'bio',
  'cyber',
  'geo',
  'hyper',
  'inter',
  'micro',
  'multi',
  'nano',
  'opto',
  'photo',
  'tele',
  'cross',
  'meta',
  'sub',
  'eco',
]

/** About `size` distinct lower-case words in frequency-rank order, shuffled by `rng` within head and tail. */
export function buildVocabulary(rng: Rng, size = 4000): string[] {
  const roots = [...new Set(ROOTS.split(/\s+/).filter((w) => w !== ''))]
  const words = new Set(roots)
  // Codes of the kind standards titles carry: protocol versions, codec and series names.
  for (const stem of [
    'ipv',
    'h',
    'g',
    'x',
    'y',
    'p',
    'l',
    'q',
    'v',
    'e',
    'k',
    'mpeg',
    'dvb',
    'lte',
    'wifi',
    'tls',
  ]) {
    for (let n = 1; n <= 12; n++) words.add(`${stem}${n * (stem.length === 1 ? 7 : 1)}`)
  }
  for (const acronym of 'iot ai ml xr vr ar api qos qoe sdn nfv ran mec pon gnss rfid nfc uav ict dlt pki oss bss'.split(
    ' ',
  )) {
    words.add(acronym)
  }
  // Real words and codes take the frequent ranks; compounds fill the long tail.
  const ranked = shuffle(rng, [...words])
  const candidates: string[] = []
  for (const prefix of PREFIXES)
    for (const root of roots) if (root.length >= 4) candidates.push(prefix + root)
  shuffle(rng, candidates)
  for (const word of candidates) {
    if (words.size >= size) break
    if (words.has(word)) continue
    words.add(word)
    ranked.push(word)
  }
  return ranked
}

/** Function words that make the text read like prose; the analyser drops them. */
export const FUNCTION_WORDS =
  'the of and for in to on with by a an is are be this that from as which or shall should may using based'.split(
    ' ',
  )
