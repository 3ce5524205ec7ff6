// Jest's node environment runs every test file, and the whole app an integration test boots, inside a vm
// context whose global object is contextified (V8 interceptors, here over Jest's global proxy): each global
// name a hot loop reads (Math.round, Uint8Array…) costs about 60× more than outside (3.0 s against 0.05 s for
// 3·10⁷ reads of Math.round, Node 22). The image and OCR pipelines are such loops: the copier mock bac took
// 298 s under Jest and 45 s under tsx. Node 22's DONT_CONTEXTIFY gives the context an ordinary global object;
// the environment is otherwise Jest's own.
const vm = require('node:vm')
const { TestEnvironment } = require('jest-environment-node')

class FastGlobalsEnvironment extends TestEnvironment {
  constructor(config, context) {
    // older Node, or KORRIGO_FAST_VM=0 to compare: Jest's own context
    if (!vm.constants?.DONT_CONTEXTIFY || process.env.KORRIGO_FAST_VM === '0') {
      super(config, context)
      return
    }
    const createContext = vm.createContext
    vm.createContext = () => createContext(vm.constants.DONT_CONTEXTIFY)
    try {
      super(config, context)
    } finally {
      vm.createContext = createContext
    }
  }
}

module.exports = FastGlobalsEnvironment
