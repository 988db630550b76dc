//go:build !linux

package graph

// ReleaseMappedPages does nothing on systems without /proc/self/maps
// (see the Linux version). It returns the bytes advised: 0.
func (s *Store) ReleaseMappedPages() int64 { return 0 }
