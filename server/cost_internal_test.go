package server

import (
	"strings"
	"testing"

	"civicgraph/graph/graphtest"
	"civicgraph/queries"
	"civicgraph/schema"
)

func TestCostModel_Cost(t *testing.T) {
	sc, err := schema.New()
	if err != nil {
		t.Fatal(err)
	}
	gs, err := NewSchema(queries.New(graphtest.NewStore(t), sc, queries.Options{}), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	noCounts := costModel{schema: gs.AST()}
	big := costModel{schema: gs.AST(), maxNodes: 10000, counts: &counts{
		rows: map[string]int64{"procurements": 50000, "actors": 1600}, quads: 1000000}}
	// indexed: the list index of procurements is built by year, not by
	// label, and answers concept and year filters, not text.
	indexed := big
	indexed.indexed = func(class, order string, filters []string) bool {
		if class != schema.ClassProcurement || order == "LABEL" {
			return false
		}
		for _, f := range filters {
			if f == "text" {
				return false
			}
		}
		return true
	}
	for _, tc := range []struct {
		name  string
		model costModel
		query string
		vars  map[string]any
		want  int
	}{
		{"Scalar", noCounts, `{ stats { quads } }`, nil, 2},
		{"DefaultPage", noCounts, `{ actors { totalCount } }`, nil, 40},
		{"Page", noCounts, `{ actors(first: 100) { nodes { id label } } }`, nil, 400},
		{"Variable", noCounts, `query($n: Int) { actors(first: $n) { nodes { id } } }`, map[string]any{"n": 5.0}, 15},
		{"VariableDefault", noCounts, `query($n: Int = 7) { actors(first: $n) { nodes { id } } }`, nil, 21},
		{"VariableSuppliedOverDefault", noCounts, `query($n: Int = 7) { actors(first: $n) { nodes { id } } }`, map[string]any{"n": 2.0}, 6},
		{"VariableNeither", noCounts, `query($n: Int) { actors(first: $n) { nodes { id } } }`, nil, 20 * 3},
		{"VariableNested", noCounts, `query($n: Int = 1000) { actors(first: $n) { nodes { backlinks(first: $n) { predicate } } } }`, nil, 1000 + 1000 + 1000*1000 + 1000*1000},
		{"RelationList", noCounts, `{ node(id: "x") { ... on Actor { engagements { nodes { id } } } } }`, nil, 61},
		{"Fragment", noCounts, `{ actors(first: 2) { ...F } } fragment F on ActorConnection { edges { node { sectors { id } } } }`, nil, 2 + 2 + 2 + 40 + 40},
		{"Introspection", noCounts, `{ __schema { types { name fields { name } } } }`, nil, 1},
		{"NonASCIIAlias", noCounts, `{ é: actors(first: 100) { nodes { id } } }`, nil, 300},
		{"Comments", noCounts, "{ # a comment { with braces\n actors(first: 3) { totalCount } }", nil, 6},
		{"BlockString", noCounts, `{ search(text: """a } b { "c" """, first: 4) { score } }`, nil, 8},
		{"IDWalk", big, `{ procurements(first: 1) { totalCount } }`, nil, 1 + 1 + 50000/16},
		{"Filtered", big, `{ procurements(first: 1, filter: { yearFrom: 2020 }) { totalCount } }`, nil, 1 + 1 + 50000},
		{"Ordered", big, `{ procurements(first: 1, orderBy: YEAR) { totalCount } }`, nil, 1 + 1 + 50000},
		{"OrderedByVariable", big, `query($o: Order = LABEL) { procurements(first: 1, orderBy: $o) { totalCount } }`, nil, 1 + 1 + 50000},
		{"EmptyFilter", big, `{ procurements(first: 1, filter: {}) { totalCount } }`, nil, 1 + 1 + 50000/16},
		{"Aliases", big, `{ a: actors(orderBy: LABEL) { totalCount } b: actors(orderBy: LABEL) { totalCount } }`, nil, 2 * (20 + 20 + 1600)},
		{"IndexedOrderedFiltered", indexed, `query($y: Int) { procurements(first: 1, orderBy: YEAR, filter: { yearFrom: $y }) { totalCount } }`, map[string]any{"y": 2020.0}, 1 + 1 + 50000/16},
		{"IndexedButText", indexed, `{ procurements(first: 1, filter: { text: "x", yearFrom: 2020 }) { totalCount } }`, nil, 1 + 1 + 50000},
		{"IndexedButNotByLabel", indexed, `{ procurements(first: 1, orderBy: LABEL) { totalCount } }`, nil, 1 + 1 + 50000},
		{"IndexedNullFilterIgnored", indexed, `{ procurements(first: 1, filter: { text: null, yearTo: 2024 }) { totalCount } }`, nil, 1 + 1 + 50000/16},
		{"IndexedOtherClass", indexed, `{ actors(first: 1, orderBy: YEAR) { totalCount } }`, nil, 1 + 1 + 1600},
		{"DistinctSubjects", big, `{ stats { distinctSubjects } }`, nil, 1 + 1 + 1000000/16},
		{"Paths", big, `{ paths(from: "a", to: "b") { length } }`, nil, 10 + 10000 + 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := parseDocument(tc.query)
			if err != nil {
				t.Fatalf("parseDocument(%q): %v", tc.query, err)
			}
			op, err := doc.operation("")
			if err != nil {
				t.Fatal(err)
			}
			if got := tc.model.cost(doc, op, tc.vars); got != tc.want {
				t.Errorf("cost(%q) = %d, want %d", tc.query, got, tc.want)
			}
		})
	}
}

func TestParseDocument(t *testing.T) {
	for _, tc := range []struct {
		name  string
		query string
		ok    bool
	}{
		{"Shorthand", `{ a }`, true},
		{"Named", `query Q($a: [Int!]! = [1, 2], $b: In = {x: -1.5e3, y: null}) @d(x: 1) { a(x: $a) @skip(if: false) }`, true},
		{"Fragments", `query { ...F ... on T { b } ... @include(if: true) { c } } fragment F on T { a }`, true},
		{"Description", `"d" query { a } """block""" fragment F on T { a }`, true},
		{"UnicodeName", `{ ünïcödé: a }`, true},
		{"UnicodeEscape", `{ a(s: "\u{1F600} \uD83D\uDE00") }`, true},
		{"Open", `{`, false},
		{"Close", `}`, false},
		{"Unterminated", `{ a(x: "unterminated) }`, false},
		{"Garbage", `query { a } garbage`, false},
		{"NoArgName", `{ a(: 1) }`, false},
		{"Nul", "\x00", false},
		{"Empty", ``, false},
		{"EmptySelection", `{ }`, false},
		{"DuplicateArgument", `{ a(first: 1, first: 1000) }`, false},
		{"VariableInDefault", `query($a: Int = $b) { a }`, false},
		{"DescriptionOnShorthand", `"d" { a }`, false},
		{"TooDeep", strings.Repeat("{ a ", 1001) + strings.Repeat("}", 1001), false},
		{"BadUTF8", "{ a\xff }", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseDocument(tc.query)
			if (err == nil) != tc.ok {
				t.Errorf("parseDocument(%q) error %v, want ok %v", tc.query, err, tc.ok)
			}
		})
	}
}
