// Package bench holds civicgraph's end-to-end benchmarks (bulk import and
// queries over a generated store) and, in scripts beside it, the runs of
// peer systems on the same data. See BENCHMARKS.md at the root.
package bench
