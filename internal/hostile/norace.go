//go:build !race

package hostile

// RaceEnabled is true when the tests run with the race detector, whose
// instrumentation changes what the compiler keeps on the stack, so that
// allocation is not the program's own (ten times more for json-gold).
const RaceEnabled = false
