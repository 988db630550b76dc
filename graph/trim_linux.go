package graph

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
)

// madvPageout is MADV_PAGEOUT (Linux 5.4), which the syscall package lacks.
const madvPageout = 21

// ReleaseMappedPages asks the kernel to reclaim the pages of the store's files
// that badger has mapped (its tables, memtables and value log), taking them
// out of this process's resident set. A bulk load writes every table
// through such a mapping and never reads it back, so without this the
// whole store stays counted in the loader's RSS: pages the kernel could
// reclaim, but which limits on RSS see. A load calls it as it writes; a
// server calls it when idle (a later read faults the pages in again, from
// the disk if they have left the page cache meanwhile). An in-memory store
// has no such pages.
//
// MADV_PAGEOUT is a hint that never loses data: dirty pages are written
// back first or skipped, and a later read faults the page in again. That
// matters because a mapping found in /proc/self/maps may be unmapped, and
// its addresses reused by other memory, before the advice lands; on memory
// that is not the store's, pageout at worst moves pages to swap, where
// MADV_DONTNEED would have zeroed them. Kernels without MADV_PAGEOUT
// refuse it, and then this does nothing. It returns the bytes advised.
func (s *Store) ReleaseMappedPages() int64 {
	if s.opts.InMemory {
		return 0
	}
	dir, err := filepath.Abs(s.dir)
	if err != nil {
		return 0
	}
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return 0
	}
	defer f.Close()
	var total int64
	prefix := []byte(dir + string(filepath.Separator))
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// start-end perms offset dev inode path
		line := sc.Bytes()
		i := bytes.Index(line, prefix)
		if i < 0 {
			continue
		}
		path := line[i:]
		if !bytes.HasSuffix(path, []byte(".sst")) && !bytes.HasSuffix(path, []byte(".mem")) && !bytes.HasSuffix(path, []byte(".vlog")) {
			continue
		}
		dash := bytes.IndexByte(line, '-')
		sp := bytes.IndexByte(line, ' ')
		if dash < 0 || sp < dash {
			continue
		}
		start, err1 := strconv.ParseUint(string(line[:dash]), 16, 64)
		end, err2 := strconv.ParseUint(string(line[dash+1:sp]), 16, 64)
		if err1 != nil || err2 != nil || end <= start {
			continue
		}
		_, _, errno := syscall.Syscall(syscall.SYS_MADVISE, uintptr(start), uintptr(end-start), madvPageout)
		if errno == 0 {
			total += int64(end - start)
		}
	}
	return total
}
