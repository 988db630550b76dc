// Command civicgraph is the civicgraph knowledge-graph server and its tools:
// run "civicgraph help" for the subcommands.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
)

// defaultMemoryLimit is the Go runtime's soft memory limit unless GOMEMLIMIT
// sets one. A bulk load's live heap is large (the quads and dictionary of
// the load); without a limit the collector lets the heap grow to twice
// that before it runs.
const defaultMemoryLimit = 900 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	if err != nil && !errors.Is(err, errUsage) {
		fmt.Fprintln(os.Stderr, "civicgraph:", err)
	}
	os.Exit(exitCode(err))
}
