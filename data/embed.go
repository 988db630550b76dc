// Package data holds the seed knowledge that ships with civicgraph: the
// references, organisations, mechanisms and statements taken from the
// source texts, in the formats the importers read (plain citations, CSV,
// Turtle). README.md in this folder says which file holds what and where
// each fact came from; package importers/seed turns the files into quads.
//
// The package has no logic: it only embeds the files.
package data

import (
	"embed"
	"io/fs"
)

// files are the seed files, embedded at build time.
//
//go:embed README.md *.csv references statements
var files embed.FS

// FS returns the seed files as a read-only file system, with paths such as
// "actors.csv" and "references/playbook/works.txt".
func FS() fs.FS { return files }
