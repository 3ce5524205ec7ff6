// Jest's node environment runs every test file, and the whole app an integration test boots, inside a vm
// context whose global object is contextified (V8 interceptors, here over Jest's global proxy): each global
// name a hot loop reads (Math.round, Uint8Array…) costs about 60× more than outside (3.0 s against 0.05 s for
// 3·10⁷ reads of Math.round, Node 22). The image and OCR pipelines are such loops: the copier mock bac took
// 298 s under Jest and 45 s under tsx. Node 22's DONT_CONTEXTIFY gives the context an ordinary global object;
// the environment is otherwise Jest's own.
const fs = require('node:fs')
const path = require('node:path')
const vm = require('node:vm')
const { TestEnvironment } = require('jest-environment-node')

/** CPU seconds of this process and of its exited children (/proc/self/stat utime+stime, cutime+cstime). */
const cpuSeconds = () => {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ')
    const tick = 100 // USER_HZ on Linux
    return { self: (Number(fields[11]) + Number(fields[12])) / tick, children: (Number(fields[13]) + Number(fields[14])) / tick }
  } catch {
    return { self: 0, children: 0 }
  }
}

class FastGlobalsEnvironment extends TestEnvironment {
  constructor(config, context) {
    // older Node, or KORRIGO_FAST_VM=0 to compare: Jest's own context
    const fast = Boolean(vm.constants?.DONT_CONTEXTIFY) && process.env.KORRIGO_FAST_VM !== '0'
    const createContext = vm.createContext
    if (fast) vm.createContext = () => createContext(vm.constants.DONT_CONTEXTIFY)
    try {
      super(config, context)
    } finally {
      vm.createContext = createContext
    }
    this.testFile = context.testPath
  }

  // KORRIGO_CPU_LOG=<file>: one line per test file with the CPU it cost (this worker and the processes it
  // started and waited for: builds, app servers), to see where a suite's time goes when both cores are busy.
  async setup() {
    if (process.env.KORRIGO_CPU_LOG) this.cpuStart = { ...cpuSeconds(), wall: Date.now() }
    await super.setup()
  }

  async teardown() {
    await super.teardown()
    const log = process.env.KORRIGO_CPU_LOG
    if (!log || !this.cpuStart) return
    const now = cpuSeconds()
    const line = {
      file: path.relative(process.cwd(), this.testFile ?? '?'),
      self: +(now.self - this.cpuStart.self).toFixed(1),
      children: +(now.children - this.cpuStart.children).toFixed(1),
      wall: +((Date.now() - this.cpuStart.wall) / 1000).toFixed(1),
    }
    fs.appendFileSync(log, `${JSON.stringify(line)}\n`)
  }
}

module.exports = FastGlobalsEnvironment
