//go:build race

package notices

// raceEnabled says the race detector is on: it makes sync.Pool drop a share
// of what is put back, so allocation counts are not steady.
const raceEnabled = true
