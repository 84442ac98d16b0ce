// Times one variant of the Node client over every workload; run.py starts one process per
// variant, alternating with the Python ones.
//
//   node benchmarks/node/bench.mjs VARIANT SETTINGS_JSON
//
// Variants: shared (one client for every call), new (a client per call, as DPS
// applications make one per user request), async (one client, 50 calls in flight),
// parse (JSON.parse plus the client's date parsing of the 200-item list).
// Prints {workload: {value, calls}}: seconds per call, or requests per second for async.
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'

import pkg from '@ministryofjustice/hmpps-non-associations-api'

const { NonAssociationsApi, parseDates } = pkg
const TOKEN = 'bench-system-token'
const IN_FLIGHT = 50

// Discards everything, as the Python side logs nothing below warning.
const logger = { debug() {}, info() {}, warn() {}, error() {} }

function expect(got, wanted, what) {
  if (got !== wanted) throw new Error(`${what}: got ${got} records, expected ${wanted}`)
}

async function timed(call, wanted, settings) {
  expect(await call(), wanted, 'first call')
  const warmUntil = performance.now() + settings.warmup * 1000
  while (performance.now() < warmUntil) await call()
  let calls = 0
  const started = performance.now()
  const stopAt = started + settings.duration * 1000
  let now
  for (;;) {
    await call()
    calls += 1
    now = performance.now()
    if (now >= stopAt) break
  }
  return { value: (now - started) / 1000 / calls, calls }
}

async function inFlight(call, wanted, settings) {
  expect(await call(), wanted, 'first call')
  let calls = 0
  const worker = async stopAt => {
    while (performance.now() < stopAt) {
      await call()
      calls += 1
    }
  }
  const warmUntil = performance.now() + settings.warmup * 1000
  await Promise.all(Array.from({ length: IN_FLIGHT }, () => worker(warmUntil)))
  calls = 0
  const started = performance.now()
  const stopAt = started + settings.duration * 1000
  await Promise.all(Array.from({ length: IN_FLIGHT }, () => worker(stopAt)))
  return { value: calls / ((performance.now() - started) / 1000), calls }
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

function workloads(make, perCall, s) {
  const shared = make()
  const use = action => (perCall ? () => action(make()) : () => action(shared))
  return {
    get_one: [use(async api => (await api.getNonAssociation(s.id)).id), s.id],
    prisoner_list: [
      use(async api => (await api.listNonAssociations(s.prisoner)).nonAssociations.length),
      s.listSize,
    ],
    between: [use(async api => (await api.listNonAssociationsBetween(s.between)).length), 1],
    page: [
      use(async api => (await api.pagedNonAssociations({ page: 0, size: s.pageSize })).content.length),
      s.pageSize,
    ],
    walk: [use(api => walk(api, s.pageSize)), s.walkRecords],
  }
}

async function main() {
  const [variant, raw] = process.argv.slice(2)
  const settings = JSON.parse(raw)
  const config = {
    url: settings.url,
    timeout: { response: 10000, deadline: 30000 },
    agent: { timeout: 10000 },
  }
  const make = () => new NonAssociationsApi(TOKEN, config, logger)
  const result = {}
  if (variant === 'shared' || variant === 'new') {
    const perCall = variant === 'new'
    for (const [name, [call, wanted]] of Object.entries(workloads(make, perCall, settings))) {
      result[name] = await timed(call, wanted, settings)
    }
    if (perCall) result.construct = await timed(async () => (make() ? 1 : 0), 1, settings)
  } else if (variant === 'async') {
    const api = make()
    result.get_one = await inFlight(async () => (await api.getNonAssociation(settings.id)).id, settings.id, settings)
    result.prisoner_list = await inFlight(
      async () => (await api.listNonAssociations(settings.prisoner)).nonAssociations.length,
      settings.listSize,
      settings,
    )
  } else if (variant === 'parse') {
    const body = readFileSync(settings.prisonerListFile, 'utf8')
    result.json_parse = await timed(async () => JSON.parse(body).nonAssociations.length, settings.listSize, settings)
    result.parse_dates = await timed(
      async () => {
        const list = JSON.parse(body)
        list.nonAssociations.forEach(parseDates)
        return list.nonAssociations.length
      },
      settings.listSize,
      settings,
    )
  } else {
    throw new Error(`unknown variant ${variant}`)
  }
  process.stdout.write(`${JSON.stringify(result)}\n`)
  // Clients made per call keep their idle sockets open for a while: do not wait for them.
  process.exit(0)
}

await main()
