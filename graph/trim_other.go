//go:build !linux

package graph

// dropMappedPages does nothing on systems without /proc/self/maps.
func (s *Store) dropMappedPages() int64 { return 0 }
