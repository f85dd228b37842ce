// A tiny benchmark harness: runs a function in rounds, reports the median time per call and ratios.
// Medians resist the noise of a shared 2-core machine; nothing here asserts a time.

export type Measurement = { name: string; medianMs: number; rounds: number; perRound: number }

export function measure(name: string, fn: () => unknown, perRound = 20, rounds = 15): Measurement {
  for (let i = 0; i < perRound; i++) fn() // warm-up
  const times: number[] = []
  for (let r = 0; r < rounds; r++) {
    const start = performance.now()
    for (let i = 0; i < perRound; i++) fn()
    times.push((performance.now() - start) / perRound)
  }
  times.sort((a, b) => a - b)
  return { name, medianMs: times[Math.floor(times.length / 2)]!, rounds, perRound }
}

export function report(title: string, rows: Measurement[], baseline = rows[0]): void {
  console.log('\n' + title)
  for (const r of rows) {
    const ratio = baseline ? r.medianMs / baseline.medianMs : 1
    const time = r.medianMs >= 1 ? r.medianMs.toFixed(2) + ' ms' : (r.medianMs * 1000).toFixed(1) + ' µs'
    console.log('  ' + r.name.padEnd(52) + time.padStart(12) + '  ×' + ratio.toFixed(2))
  }
}

/** One request per round; the median of the rounds. */
export async function measureAsync(name: string, fn: () => Promise<unknown>, rounds = 15): Promise<Measurement> {
  await fn() // warm-up
  const times: number[] = []
  for (let r = 0; r < rounds; r++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return { name, medianMs: times[Math.floor(times.length / 2)]!, rounds, perRound: 1 }
}
