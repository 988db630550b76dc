// Package mapping reads CSV and JSON registers whose layout no importer
// knows, through a small declarative mapping file (TOML), into the
// project's ontology: no code.
//
// # Mapping files
//
// A mapping file says which column (CSV) or JSON path (JSON, JSON Lines)
// becomes which property of which class, how values are recoded, which
// entities one record yields and how their IRIs are minted:
//
//	name = "ai-use-cases"
//	format = "csv"                  # csv, json (records = "path.to.array") or jsonl
//	encoding = "auto"               # utf-8 (default), windows-1252, latin1, auto
//	lang = "en"                     # language tag of text values
//	match = ["agency", "use_case"]  # shipped mappings: chosen by header
//
//	[[entity]]
//	id = "agency"
//	class = "Administration"        # a class of package schema (Actor, Procurement, ...)
//	iri = ["agency"]                # columns naming it: schema.EntityIRI(base, kind, schema.Slug(iri_prefix + values))
//	  [[entity.property]]
//	  property = "label"            # a property of the class's shape, or a prefixed name (foaf:page)
//	  column = "agency"
//	  [[entity.property]]
//	  property = "governmentLevel"
//	  column = "level"
//	  recode = "level"              # a [recode.level] table
//
//	[[entity]]
//	id = "system"
//	class = "Procurement"
//	iri = ["agency", "use_case"]
//	iri_prefix = "ai-use-case-"
//	required = true                 # a record without a value to name it is an error
//	  [[entity.property]]
//	  property = "buyer"
//	  entity = "agency"             # a link to another entity of the same record
//
//	[[entity]]
//	id = "consultation"
//	class = "Engagement"
//	iri = ["use_case"]
//	when = [{ column = "public_consulted", in = ["yes", "true"] }]
//
//	[recode.level]
//	scheme = "government-level"     # codes of a concept scheme of package schema
//	default = "national"            # optional; "" leaves unknown values out
//	[recode.level.values]
//	"Federal" = "national"
//
// A property's values come from exactly one of column, template ("{a}: {b}"),
// value (a constant literal), concept ("scheme/code") or entity. A property
// may also set lang, lang_column, datatype ("xsd:gYear", or "iri"), split
// (a separator giving several values) and required.
//
// # Reading
//
// [Parse] (or [Load]) checks the file against the ontology and the concept
// schemes and compiles it into a [Mapping]; every problem is a [*FileError]
// naming the mapping file's line. [NewReader] streams the records and
// returns their quads one at a time; importers.Import runs it like any
// other format, so shapes validation, provenance, one named graph per
// source and atomicity all apply. An entity met in several records (an
// administration) is written again only when a record says something
// different of it.
//
// Problems in the data are [*Error]s naming the row (or JSON path), the
// column and the mapping line; the reader goes on at the next record and
// returns them all at the end. A value a recode without a default does not
// know fails the import, listed with its count; the columns (or JSON keys)
// no rule reads, values recoded by default or to nothing, and entities left
// out by their conditions are listed by [Reader.Report]. Nothing is dropped
// without a word.
//
// [WriteStarter] writes a starting mapping for a file (civicgraph mapping
// init). [Shipped] returns the mappings shipped in examples/ for registers
// with no importer of their own, and [Detect] picks one by a CSV header, so
// that a plain import of those files works.
//
// # Caveats
//
//   - CSV headers are compared without case and extra white space; JSON
//     paths are dot-separated keys, and arrays on the way give one value
//     each.
//   - A JSON document is read with encoding/json one record at a time after
//     the decoder reaches the records array; JSON errors name the record's
//     path, not a line.
//   - The reader keeps one hash per distinct entity, so memory grows with
//     the number of entities, not with their statements.
package mapping
