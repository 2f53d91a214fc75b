// Mocha's spec reporter plus one plain closing line, "N passed, N failed, N skipped",
// taken from mocha's own counters, so CI can tell a run that tested nothing.
const Mocha = require('mocha')

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options)
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const s = runner.stats
      process.stdout.write(`${s.passes} passed, ${s.failures} failed, ${s.pending} skipped\n`)
    })
  }
}

module.exports = SummaryReporter
