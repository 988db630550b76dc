package importers

import "errors"

// ErrUnknownFormat is returned when a format is not supported or cannot be
// guessed from a file name.
var ErrUnknownFormat = errors.New("importers: unknown format")
