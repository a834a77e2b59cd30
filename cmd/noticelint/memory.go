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
// (beyond any real one; the corpus's largest is 0.7 MiB) turns the default
// back on for the rest of the run, which keeps peak memory within 30 times
// the input (docs/internals.md, "Hostile input"). GOGC in the environment
// always wins.

// hugeNotice is the size from which a notice brings back Go's default.
const hugeNotice = 1 << 20

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
		debug.SetGCPercent(100)
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
