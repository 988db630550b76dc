// Package csvtab imports entities from CSV files, one template per class.
//
// A template is derived from the class's shape in package schema, so the
// CSV columns are always the ontology's properties: `civicgraph template
// procurement` prints one. The first column, id, names the entity (a slug or
// an absolute IRI; empty means a slug of its name or title); every other
// column is a property, named by its local name (label, sector, buyer).
// Cells of properties that take several values hold them separated by "|".
// A text column may carry a language in its header (label@ca).
//
// Values become terms by the property's shape: text as literals; typed
// values with the shape's datatype; concepts from a concept scheme by their
// code, their label in any language or their IRI; links to other entities
// by absolute IRI, or by the label (rdfs:label, foaf:name or dcterms:title)
// of an entity of the right class in the same file or in the store.
//
// Input is UTF-8, with or without a byte order mark; another encoding is
// refused with a message naming the first bad byte, unless the caller names
// it (latin1 or windows-1252). Lines starting with "#" are comments.
// Errors name the file, the row and the column, what was found and what was
// expected. Every row must have as many cells as the header has columns: a
// row with fewer (a file cut in the middle, a lost separator) or more is an
// error, never a row read with its cells in the wrong columns or missing.
//
// # Caveats
//
// Links to entities defined later in the same file are resolved at the end
// of the file, so their quads wait in memory until then.
package csvtab
