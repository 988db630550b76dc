package importers_test

import (
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
	"civicgraph/importers"
	"civicgraph/internal/realdata"
	"civicgraph/schema"
)

// realFileWant is what importing one file of the real data with the default
// settings must give: the number of procurements, administrations and
// classification concepts (distinct dcterms:subject concepts of its
// procurements) in the file's graph; or the error it must fail with; or
// why it is not imported here.
type realFileWant struct {
	procurements, administrations, classifications int
	actors, mechanisms, concepts                   int    // actors and mechanisms typed in its graph; SKOS concepts it defines
	skipped                                        int64  // register entries left out (Result.Skipped)
	wantErr                                        string // a part of the error, when the import must fail
	skip                                           string // why the file is not imported by this test
}

// realFiles lists every file under the real data folder but the W3C
// syntax suites, with what its import gives. The counts were checked
// against the files themselves: the Algoritmeregister has 1,530
// algorithms of 336 organisations; the JRC export 686 cases, of which 570
// have a public organisation responsible (459 distinct), filed under 59
// COFOG functions and 19 benefits; the T6-X services 3 and 5 rows, each
// with its own organisation, with 5 distinct sectors each; the TED notice
// 1 procedure and 6 lots of one buyer, with 44 distinct CPV codes; the
// OCDS files one buyer per process and the item classifications shown;
// the OCDS codelists one concept per code (method.csv: open, selective,
// limited, direct). Participedia's organisations and the T6-X catalogues
// come in through the mappings that ship (importers/mapping/examples).
// Four files hold no records to import and are refused with what they are:
// the JSON Schemas, the JRC export's column definitions and code table
// (a CSV whose columns are the JRC's classification dimensions, one value
// list per column), the data standard's attribute list and Participedia's
// label table; the refusal names the mapping route.
var realFiles = map[string]realFileWant{
	"nl-algoritmeregister/algoritmes.json":                                    {procurements: 1530, administrations: 336},
	"jrc-ai-watch-public-sector-cases/Export-JRC-Data-Catalogue.csv":          {procurements: 570, administrations: 459, classifications: 78, skipped: 116, concepts: 78},
	"jrc-ai-watch-t6x-registers/11-services-amsterdam-algorithm-register.csv": {procurements: 3, administrations: 3, classifications: 5, concepts: 5},
	"jrc-ai-watch-t6x-registers/12-services-helsinki-ai-register.csv":         {procurements: 5, administrations: 5, classifications: 5, concepts: 5},
	"ted-epo-rdf-notices/2024-OJS072-00215550.ttl":                            {procurements: 7, administrations: 1, classifications: 44, actors: 1, concepts: 44},
	"ocds-ocdskit-realdata/record-package-1-2.json":                           {procurements: 2, administrations: 2, actors: 4},
	"ocds-ocdskit-realdata/release-package-1.json":                            {procurements: 1, administrations: 1, actors: 3},
	// The Paraguayan release names no buyer (cg:notStated cg:buyer) and
	// spells its classification scheme "schema".
	"ocds-ocdskit-realdata/release-package_1.1-2.json": {procurements: 1, classifications: 4, actors: 1, concepts: 4},
	// JSON must be UTF-8 (RFC 8259); this file is the encoding-error sample.
	"ocds-ocdskit-realdata/release-package_encoding-iso-8859-1.json":                                                      {wantErr: "expected UTF-8 text"},
	"ocds-sample-data-fictional/ocds-213czf-000-00001.json":                                                               {procurements: 1, administrations: 1, classifications: 2, actors: 3, concepts: 2},
	"ocds-sample-data-uk-contracts-finder/ocds-b5fd17-2c330cf9-adc8-11e6-9901-0019b9f3037b-59429-metofc-9mgh-ghl8ty.json": {procurements: 1, administrations: 1, classifications: 1, actors: 1, concepts: 1},
	"ocds-sample-data-uk-contracts-finder/ocds-b5fd17-2c3698c7-adc8-11e6-9901-0019b9f3037b-59430-gcc-qtle-9hdehl.json":    {procurements: 1, administrations: 1, classifications: 1, actors: 1, concepts: 1},
	"ocds-sample-data-uk-contracts-finder/ocds-b5fd17-2c3698c7-adc8-11e6-9901-0019b9f3037b.json":                          {procurements: 1, administrations: 1, classifications: 1, actors: 1, concepts: 1},
	"bibliography-commonmeta/citeproc.json":                                                                               {actors: 1},
	"bibliography-commonmeta/crossref.bib":                                                                                {actors: 1},
	"bibliography-commonmeta/csl-list.json":                                                                               {actors: 1},
	"bibliography-commonmeta/pure.bib":                                                                                    {actors: 1},
	"bibliography-rispy/example_full.ris":                                                                                 {actors: 2},
	"bibliography-rispy/example_utf_chars.ris":                                                                            {},
	"epo-ontology-4.2.0/ePO_core.ttl":                                                                                     {},
	"epo-ontology-4.2.0/ePO_core_restrictions.ttl":                                                                        {},

	"jrc-ai-watch-t6x-registers/11-catalog-amsterdam-algorithm-register.csv":     {administrations: 1, actors: 1, mechanisms: 1},
	"jrc-ai-watch-t6x-registers/12-catalog-helsinki-ai-register.csv":             {administrations: 1, actors: 1, mechanisms: 1},
	"jrc-ai-watch-t6x-registers/catalogs.csv":                                    {administrations: 6, actors: 7, mechanisms: 9},
	"jrc-ai-watch-public-sector-cases/Export-JRC-Data-Catalogue_definitions.csv": {wantErr: "expected a header that fits one template"},
	"jrc-ai-watch-public-sector-cases/Export-JRC-Data-Catalogue_metadata.csv":    {wantErr: "expected a header that fits one template"},
	"participedia-export/organisations.csv":                                      {administrations: 57, actors: 847},
	"participedia-vocabularies/participedia-vocabularies.en.json":                {wantErr: "neither OCDS (ocid), an AI register"},
	"algoritmeregister-standard/Algorithmic_transparency_data_standard.csv":      {wantErr: "expected a header that fits one template"},
	"nl-algoritmeregister-publicatiestandaard/schema.json":                       {wantErr: "is a JSON Schema"},
	"ocds-schema-1.1.5/release-schema.json":                                      {wantErr: "is a JSON Schema"},
	"ocds-schema-1.1.5/release-package-schema.json":                              {wantErr: "is a JSON Schema"},
	"ocds-schema-1.1.5/record-package-schema.json":                               {wantErr: "is a JSON Schema"},
	"ocds-schema-1.1.5/awardStatus.csv":                                          {concepts: 4},
	"ocds-schema-1.1.5/contractStatus.csv":                                       {concepts: 4},
	"ocds-schema-1.1.5/method.csv":                                               {concepts: 4},
	"ocds-schema-1.1.5/partyRole.csv":                                            {concepts: 10},
	"ocds-schema-1.1.5/procurementCategory.csv":                                  {concepts: 3},
	"ocds-schema-1.1.5/releaseTag.csv":                                           {concepts: 16},
	"ocds-schema-1.1.5/tenderStatus.csv":                                         {concepts: 7},
}

// TestImport_RealDataAll imports every file of the real data, one at a
// time, with the default settings (validated against the shapes, into a
// real store holding the seed) and checks the counts of procurements,
// administrations and classifications in its graph. Every file of the
// folder must be listed, so that a new one cannot go untested.
func TestImport_RealDataAll(t *testing.T) {
	dir := realdata.Dir(t)
	seen := map[string]bool{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel == "w3c-rdf-tests" {
				return filepath.SkipDir
			}
			return nil
		}
		if rel == "SOURCES.md" {
			return nil
		}
		seen[rel] = true
		if _, ok := realFiles[rel]; !ok {
			t.Errorf("%s is not listed in realFiles: add what its import gives", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) == 0 {
		t.Fatalf("no files under %s", dir)
	}
	for name, want := range realFiles {
		t.Run(name, func(t *testing.T) {
			if !seen[name] {
				t.Fatalf("%s is listed but not in %s", name, dir)
			}
			if want.skip != "" {
				t.Skip(want.skip)
			}
			s := graphtest.NewStore(t)
			if _, err := importers.Seed(t.Context(), s, schema.DefaultBase); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, filepath.FromSlash(name))
			res, err := importers.ImportFiles(t.Context(), s, []string{path}, importers.Options{})
			if want.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), want.wantErr) {
					t.Fatalf("import error %v, want one containing %q", err, want.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("import with the default settings: %v", err)
			}
			g := importers.SourceGraph(path)
			procs := subjectsOfType(t, s, schema.ClassProcurement, g)
			concepts := map[graph.Term]bool{}
			for _, p := range procs {
				for q, err := range s.Match(t.Context(), graph.Pattern{S: p, P: graph.IRI(schema.DCTermsSubject), G: g}) {
					if err != nil {
						t.Fatal(err)
					}
					if isA(t, s, q.O, schema.SKOSConcept) {
						concepts[q.O] = true
					}
				}
			}
			got := realFileWant{procurements: len(procs), administrations: len(subjectsOfType(t, s, schema.ClassAdministration, g)),
				classifications: len(concepts), skipped: res.Skipped,
				actors: len(subjectsOfType(t, s, schema.ClassActor, g)), mechanisms: len(subjectsOfType(t, s, schema.ClassMechanism, g)),
				concepts: len(subjectsOfType(t, s, schema.SKOSConcept, g))}
			if got != want {
				t.Errorf("procurements, administrations, classifications, skipped, actors, mechanisms, concepts = %d, %d, %d, %d, %d, %d, %d; want %d, %d, %d, %d, %d, %d, %d",
					got.procurements, got.administrations, got.classifications, got.skipped, got.actors, got.mechanisms, got.concepts,
					want.procurements, want.administrations, want.classifications, want.skipped, want.actors, want.mechanisms, want.concepts)
			}
			t.Logf("%s: %d procurements, %d administrations, %d classifications, %d actors, %d mechanisms, %d concepts", name,
				got.procurements, got.administrations, got.classifications, got.actors, got.mechanisms, got.concepts)
		})
	}
}

// subjectsOfType returns the subjects typed class in graph g.
func subjectsOfType(t *testing.T, s *graph.Store, class string, g graph.Term) []graph.Term {
	t.Helper()
	var out []graph.Term
	for q, err := range s.Match(t.Context(), graph.Pattern{P: graph.IRI(schema.RDFType), O: graph.IRI(class), G: g}) {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, q.S)
	}
	return out
}

// isA reports whether the store types x with class, in any graph.
func isA(t *testing.T, s *graph.Store, x graph.Term, class string) bool {
	t.Helper()
	for _, err := range s.Match(t.Context(), graph.Pattern{S: x, P: graph.IRI(schema.RDFType), O: graph.IRI(class)}) {
		if err != nil {
			t.Fatal(err)
		}
		return true
	}
	return false
}
