// Package archtest holds the dependency-policy test: which of civicgraph's
// packages may import which. It has no code of its own.
package archtest
