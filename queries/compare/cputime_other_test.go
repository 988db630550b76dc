//go:build !unix

package compare_test

import "time"

// cpuTime returns 0: the benchmark reports no CPU time here.
func cpuTime() time.Duration { return 0 }
