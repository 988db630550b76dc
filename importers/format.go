package importers

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Format names an input syntax.
type Format string

// The formats Import reads.
const (
	NTriples Format = "nt"
	NQuads   Format = "nq"
)

// Formats lists the formats Import reads.
func Formats() []Format { return []Format{NTriples, NQuads} }

// ParseFormat checks a format name given by a user ("nt", "ntriples",
// "nq", "nquads").
func ParseFormat(name string) (Format, error) {
	switch strings.ToLower(name) {
	case "nt", "ntriples", "n-triples":
		return NTriples, nil
	case "nq", "nquads", "n-quads":
		return NQuads, nil
	}
	return "", fmt.Errorf("%w %q: expected one of nt, nq", ErrUnknownFormat, name)
}

// FormatOf guesses a file's format from its extension (.nt, .nq, also
// under .gz is not supported).
func FormatOf(path string) (Format, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".nt":
		return NTriples, nil
	case ".nq":
		return NQuads, nil
	}
	return "", fmt.Errorf("%w: cannot tell the format of %s from its extension (expected .nt or .nq); name it with --format", ErrUnknownFormat, path)
}
