package main

import (
	"os"
	"runtime/debug"
)

// How often the garbage collector runs. A lint run over many notices
// allocates a little per notice and keeps little: collecting four times as
// rarely as Go's default costs about a tenth less CPU over the corpus. But
// a collector that lets the heap grow to five times what is live makes a
// huge notice cost five times its live memory: a notice over hugeNotice
// (beyond any real one; the corpus's largest is 0.7 MiB) has the collector
// run when the heap grows by half, not four times, for the rest of the
// run. Its model is tens of MB live, and the collector's headroom over
// that is most of what peak memory is beyond it: this keeps peak memory
// within 30 times the input (docs/internals.md, "Hostile input") for a few
// percent more CPU on such a notice. GOGC in the environment always wins.

// hugeNotice is the size from which a notice turns on hugeGCPercent.
const hugeNotice = 1 << 20

// hugeGCPercent is the collector's setting once a huge notice is read.
const hugeGCPercent = 50

// tuneGC sets the collector for a run of notices of ordinary size.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}

// holding is told the size of each notice the program reads. (Huge
// notices are rare enough that setting the collector again for each costs
// nothing.)
func holding(size int) {
	if size > hugeNotice && os.Getenv("GOGC") == "" {
		debug.SetGCPercent(hugeGCPercent)
	}
}

// sized is read that tells holding the size of what it read.
func sized(read func() ([]byte, error)) func() ([]byte, error) {
	return func() ([]byte, error) {
		src, err := read()
		holding(len(src))
		return src, err
	}
}
