// Package graph is civicgraph's quad store on badger.
package graph
