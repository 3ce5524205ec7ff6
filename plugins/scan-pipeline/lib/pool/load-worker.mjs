// Loads a worker thread's TypeScript module so that stopping the thread can never abort the process.
//
// V8 aborts the whole process ("Check failed: (location_) != nullptr" in AsyncModuleExecutionFulfilled,
// exit 133; every Node release up to 26 at least) when a thread is terminated while a module that waited
// for another module's top-level await is being evaluated: a pool stopping a worker that has just said
// it is ready, a deadline, the process exiting. The modules with a top-level await are therefore
// evaluated first, on their own; the worker's module graph then evaluates synchronously, and a
// termination there is an ordinary stop. tests/unit/scan-pipeline/worker-entries.test.ts checks that
// this list holds every such module the workers load. No top-level await in the entries either.
export const TOP_LEVEL_AWAIT_MODULES = ['mupdf']

export const loadWorker = (url) => Promise.all(TOP_LEVEL_AWAIT_MODULES.map((name) => import(name))).then(() => import(url))
