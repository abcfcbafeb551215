import { defineBuild } from '../../tsup.base'

// The worker thread of `replayLog` is its own entry, loaded beside index and bin;
// the shims give the CommonJS build an `import.meta.url` to find it with.
export default defineBuild({
  entry: {
    index: 'src/index.ts',
    bin: 'src/bin.ts',
    'replay-worker': 'src/internal/replay-worker.ts',
  },
  shims: true,
})
