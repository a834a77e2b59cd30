package main

import (
	"os"
	"runtime/debug"
	"sync"
)

// How often the garbage collector runs. A lint run over many notices
// allocates a little per notice and keeps little: collecting four times as
// rarely as Go's default costs about a tenth less CPU over the corpus. But
// a collector that lets the heap grow to five times what is live makes a
// huge notice cost five times its live memory, so while a notice larger
// than gcKnee is in memory the collector runs more often, by
// gcPercentFor.
//
// The setting is a continuous function of the size, not a step: under a
// step at size S, a notice just over S collects eight times as often as
// one just under it, so doubling a notice across S more than doubled its
// lint time. Halving the percentage per doubling of size costs at most
// twice the collector's share of a run per doubling, which is a few
// percent. It follows the largest notice being linted now, so one large
// notice in a folder does not slow the ordinary ones linted after it.
// GOGC in the environment always wins.

const (
	ordinaryGCPercent = 400
	// hugeGCPercent is the floor, reached at 8*gcKnee (1.5 MiB): a heap that
	// peaks at one and a half times what is live keeps a huge notice within
	// 30 times its size in memory (docs/internals.md, "Hostile input").
	hugeGCPercent = 50
	// gcKnee is the size from which the collector runs more often: above
	// nearly every real notice (a handful in the corpus of thousands are
	// larger; its largest is 0.7 MiB).
	gcKnee = 192 << 10
)

// gcPercentFor is the collector's setting while a notice of size bytes is
// the largest in memory: ordinaryGCPercent up to gcKnee, then inversely
// proportional to the size, down to hugeGCPercent.
func gcPercentFor(size int) int {
	if size <= gcKnee {
		return ordinaryGCPercent
	}
	return max(hugeGCPercent, int(int64(ordinaryGCPercent)*gcKnee/int64(size)))
}

// collector sets the garbage collector from the sizes of the notices in
// memory now.
type collector struct {
	mu      sync.Mutex
	env     bool        // GOGC is set in the environment: never touch it
	held    map[int]int // size -> notices of that size in memory
	percent int         // the setting made last
}

var gc = &collector{env: os.Getenv("GOGC") != "", held: map[int]int{}}

// tuneGC sets the collector for a run of notices of ordinary size.
func tuneGC() {
	gc.mu.Lock()
	defer gc.mu.Unlock()
	gc.held = map[int]int{}
	gc.set(ordinaryGCPercent)
}

// hold is told the size of a notice read into memory; the function it
// returns is called when the notice is done with.
func (c *collector) hold(size int) (release func()) {
	if size <= gcKnee || c.env {
		return func() {}
	}
	c.mu.Lock()
	c.held[size]++
	c.update()
	c.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			c.mu.Lock()
			if c.held[size]--; c.held[size] == 0 {
				delete(c.held, size)
			}
			c.update()
			c.mu.Unlock()
		})
	}
}

// update sets the collector for the largest notice held. The caller holds
// c.mu.
func (c *collector) update() {
	largest := 0
	for size := range c.held {
		largest = max(largest, size)
	}
	c.set(gcPercentFor(largest))
}

// set changes the collector's setting when it differs from the last one
// made. The caller holds c.mu.
func (c *collector) set(percent int) {
	if c.env || percent == c.percent {
		return
	}
	c.percent = percent
	debug.SetGCPercent(percent)
}

// heldFor wraps read for a command that reads one or two notices and keeps
// them until it ends, so that the collector follows the size of what it
// read for the rest of the run.
func heldFor(read func() ([]byte, error)) func() ([]byte, error) {
	return func() ([]byte, error) {
		src, err := read()
		gc.hold(len(src)) // released never: the notice lives until the command ends
		return src, err
	}
}
