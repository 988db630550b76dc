package graph_test

import "os"

// tempDir makes a directory for examples, which have no testing.T.
func tempDir() (string, error) { return os.MkdirTemp("", "civicgraph-example-") }
