// The long-lived Node worker: started once per run by benchmarks/run.py and kept for the
// whole run, so V8 has optimised the client's code long before it is timed, as in a
// long-lived application.
//
//   node benchmarks/node/worker.mjs SETTINGS_JSON
//
// Speaks the Python worker's protocol (benchmarks/worker.py): one JSON command a line on
// stdin, one JSON answer a line on stdout; the first line written lists the measurements.
//   {"op": "warm", "variant", "workload", "seconds", "requests"} -> {calls, elapsed}
//   {"op": "time", "variant", "workload", "seconds", "lead_in"}  -> {value, calls, elapsed}
//   {"op": "quit"}
// Variants: shared (one client for every call), new (a client per call, as DPS
// applications make one per user request; and `construct`, making one), async (one
// client, 50 calls in flight: requests/s), parse (JSON.parse, and with the client's
// parseDates on each item of the 200-item list). Values are seconds per call, or
// requests per second for async.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createInterface } from 'node:readline'

import pkg from '@ministryofjustice/hmpps-non-associations-api'

const { NonAssociationsApi, parseDates } = pkg
const TOKEN = 'bench-system-token'
const IN_FLIGHT = 50

// Discards everything, as the Python side logs nothing below warning.
const logger = { debug() {}, info() {}, warn() {}, error() {} }

function expect(got, wanted, what) {
  if (got !== wanted) throw new Error(`${what}: got ${got} records, expected ${wanted}`)
}

// Sequential calls for `seconds`, and at least `minRequests` requests (a warm-up's
// minimum; never past ten times `seconds` plus a minute): seconds per call.
async function runFor(m, seconds, minRequests = 0) {
  let calls = 0
  const started = performance.now()
  const stopAt = started + seconds * 1000
  const giveUp = started + seconds * 10000 + 60000
  let now
  for (;;) {
    await m.call()
    calls += 1
    now = performance.now()
    if (now >= stopAt && (calls * m.requests >= minRequests || now >= giveUp)) break
  }
  const elapsed = (now - started) / 1000
  return { value: elapsed / calls, calls, elapsed }
}

// IN_FLIGHT chains of calls for `seconds`: requests per second.
async function runInFlight(m, seconds, minRequests = 0) {
  let calls = 0
  const started = performance.now()
  const stopAt = started + seconds * 1000
  const giveUp = started + seconds * 10000 + 60000
  const chain = async () => {
    for (;;) {
      const now = performance.now()
      if (now >= stopAt && (calls * m.requests >= minRequests || now >= giveUp)) return
      await m.call()
      calls += 1
    }
  }
  await Promise.all(Array.from({ length: IN_FLIGHT }, chain))
  const elapsed = (performance.now() - started) / 1000
  return { value: calls / elapsed, calls, elapsed }
}

async function walk(api, pageSize) {
  // The Node client has no walker: page after page until the last, as an application would.
  let count = 0
  for (let page = 0; ; page += 1) {
    const found = await api.pagedNonAssociations({ page, size: pageSize })
    count += found.content.length
    if (found.last || page + 1 >= found.totalPages) return count
  }
}

function measurements(s) {
  const config = {
    url: s.url,
    timeout: { response: 10000, deadline: 30000 },
    agent: { timeout: 10000 },
  }
  const make = () => new NonAssociationsApi(TOKEN, config, logger)
  const actions = {
    get_one: [async api => (await api.getNonAssociation(s.id)).id, s.id, 1],
    prisoner_list: [async api => (await api.listNonAssociations(s.prisoner)).nonAssociations.length, s.listSize, 1],
    between: [async api => (await api.listNonAssociationsBetween(s.between)).length, 1, 1],
    page: [async api => (await api.pagedNonAssociations({ page: 0, size: s.pageSize })).content.length, s.pageSize, 1],
    walk: [api => walk(api, s.pageSize), s.walkRecords, s.walkRecords / s.pageSize],
  }
  const found = []
  const add = (variant, workload, kind, call, wanted, requests = 1) =>
    found.push({ variant, workload, kind, call, wanted, requests })
  const shared = make()
  for (const [workload, [action, wanted, requests]] of Object.entries(actions)) {
    add('shared', workload, 'sync', () => action(shared), wanted, requests)
    add('new', workload, 'sync', () => action(make()), wanted, requests)
  }
  add('new', 'construct', 'sync', async () => (make() ? 1 : 0), 1)
  const inFlight = make()
  add('async', 'get_one', 'async', async () => (await inFlight.getNonAssociation(s.id)).id, s.id)
  add(
    'async',
    'prisoner_list',
    'async',
    async () => (await inFlight.listNonAssociations(s.prisoner)).nonAssociations.length,
    s.listSize,
  )
  add('async', 'walk', 'async', () => walk(inFlight, s.pageSize), s.walkRecords, s.walkRecords / s.pageSize)
  const body = readFileSync(join(s.bodiesDir, 'prisoner.json'), 'utf8')
  add('parse', 'json_parse', 'sync', async () => JSON.parse(body).nonAssociations.length, s.listSize)
  add(
    'parse',
    'parse_dates',
    'sync',
    async () => {
      const list = JSON.parse(body)
      list.nonAssociations.forEach(parseDates)
      return list.nonAssociations.length
    },
    s.listSize,
  )
  return found
}

function answer(message) {
  process.stdout.write(`${JSON.stringify(message)}\n`)
}

async function handle(byName, command) {
  const m = byName.get(`${command.variant} ${command.workload}`)
  if (m === undefined) throw new Error(`no measurement ${command.variant} ${command.workload}`)
  const run = m.kind === 'async' ? runInFlight : runFor
  if (command.op === 'warm') {
    expect(await m.call(), m.wanted, `${m.variant} ${m.workload}`)
    const warmed = await run(m, command.seconds, command.requests ?? 0)
    return { calls: warmed.calls, elapsed: warmed.elapsed }
  }
  if (command.op === 'time') {
    if (command.lead_in) await run(m, command.lead_in)
    return run(m, command.seconds)
  }
  throw new Error(`unknown op ${command.op}`)
}

async function main() {
  const settings = JSON.parse(process.argv[2])
  const found = measurements(settings)
  const byName = new Map(found.map(m => [`${m.variant} ${m.workload}`, m]))
  answer({
    ready: true,
    measurements: found.map(m => [m.variant, m.workload, m.kind === 'async' ? 'requests/s' : 's/call']),
    pid: process.pid,
  })
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity })
  for await (const line of lines) {
    if (!line.trim()) continue
    const command = JSON.parse(line)
    if (command.op === 'quit') break
    try {
      answer(await handle(byName, command))
    } catch (error) {
      answer({ error: String(error?.stack ?? error) })
      process.exit(1)
    }
  }
  // Clients made per call keep their idle sockets open for a while: do not wait for them.
  process.exit(0)
}

await main()
