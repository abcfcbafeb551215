import { runTour } from './tour'

const { accepted, rejected, timeline, redactedOpening } = runTour('zh-CN')

console.log(
  `servicekit quick tour: ${accepted.length} events accepted, ${rejected.length} rejected\n`,
)
console.log('Timeline (labels in zh-CN):')
for (const line of timeline) console.log(`  ${line}`)
console.log('\nRejected lines (codes are the contract, pointers say where):')
for (const r of rejected) {
  for (const issue of r.issues)
    console.log(`  line ${r.index + 1}: ${r.code} ${issue.pointer} — ${issue.message}`)
}
console.log('\nThe opening event, redacted for the log:')
console.log(JSON.stringify(redactedOpening, null, 2))
