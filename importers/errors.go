package importers

import "errors"

// ErrUnknownFormat is returned when a format is not supported or cannot be
// guessed from a file name.
var ErrUnknownFormat = errors.New("importers: unknown format")

// ErrNotRegular is returned when a path to import is not a regular file
// (a FIFO, a device, a directory).
var ErrNotRegular = errors.New("importers: not a regular file")

// ErrStdin is returned when standard input ("-") cannot be read as asked.
var ErrStdin = errors.New("importers: cannot import standard input")

// ErrEmpty is returned when an input is empty, or holds only white space.
var ErrEmpty = errors.New("importers: empty input")

// ErrNoStatements is returned when a non-empty input gives no statements.
var ErrNoStatements = errors.New("importers: no statements")

// ErrFormatMismatch is returned when an input's content is plainly not in
// the format it is read as (BibTeX read as RIS, CSV read as JSON).
var ErrFormatMismatch = errors.New("importers: content does not match the format")

// ErrGraphClash is returned when two inputs from different origins would
// go to the same source graph (see SourceGraph).
var ErrGraphClash = errors.New("importers: two sources for one graph")

// ErrRestore is returned when a restore (Options.Restore) is asked of
// inputs or options it cannot take: a domain format, a target graph, a
// mapping file.
var ErrRestore = errors.New("importers: cannot restore")
