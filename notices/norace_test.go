//go:build !race

package notices

const raceEnabled = false
