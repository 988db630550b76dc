package importers

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Format names an input syntax. CSV formats may name their template:
// "csv:procurement".
type Format string

// The formats Import reads.
const (
	NTriples Format = "nt"
	NQuads   Format = "nq"
	CSV      Format = "csv"
)

// Formats lists the formats Import reads.
func Formats() []Format { return []Format{NTriples, NQuads, CSV} }

// ParseFormat checks a format name given by a user ("nt", "ntriples", "nq",
// "nquads", "csv", "csv:procurement").
func ParseFormat(name string) (Format, error) {
	lower := strings.ToLower(name)
	switch lower {
	case "nt", "ntriples", "n-triples":
		return NTriples, nil
	case "nq", "nquads", "n-quads":
		return NQuads, nil
	case "csv":
		return CSV, nil
	}
	if tmpl, ok := strings.CutPrefix(lower, "csv:"); ok && tmpl != "" {
		return Format(lower), nil
	}
	return "", fmt.Errorf("%w %q: expected one of nt, nq, csv, csv:<template>", ErrUnknownFormat, name)
}

// base returns the format without a template: csv for csv:procurement.
func (f Format) base() Format {
	b, _, _ := strings.Cut(string(f), ":")
	return Format(b)
}

// template returns the CSV template a format names, or "".
func (f Format) template() string {
	_, t, _ := strings.Cut(string(f), ":")
	return t
}

// FormatOf guesses a file's format from its extension.
func FormatOf(path string) (Format, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".nt":
		return NTriples, nil
	case ".nq":
		return NQuads, nil
	case ".csv":
		return CSV, nil
	}
	return "", fmt.Errorf("%w: cannot tell the format of %s from its extension (expected .nt, .nq or .csv); name it with --format", ErrUnknownFormat, path)
}
