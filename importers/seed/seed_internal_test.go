package seed

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"civicgraph/data"
	"civicgraph/importers/citation"
	"civicgraph/schema"
)

// seedFS returns a copy of the seed files that a test may change.
func seedFS(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(data.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(data.FS(), p)
		if err != nil {
			return err
		}
		m[p] = &fstest.MapFile{Data: b}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// edit replaces old by new in file p of m, which must contain old.
func edit(t testing.TB, m fstest.MapFS, p, old, new string) {
	t.Helper()
	s := string(m[p].Data)
	if !strings.Contains(s, old) {
		t.Fatalf("%s does not contain %q", p, old)
	}
	m[p] = &fstest.MapFile{Data: []byte(strings.Replace(s, old, new, 1))}
}

func TestLoad_Errors(t *testing.T) {
	tests := []struct {
		name   string
		change func(t testing.TB, m fstest.MapFS)
		check  func(t testing.TB, err error)
	}{
		{
			name: "UnknownColumn",
			change: func(t testing.TB, m fstest.MapFS) {
				edit(t, m, "actors.csv", "id,name,", "id,colour,")
			},
			check: wantCSV("actors.csv", 1, "colour"),
		},
		{
			name: "UnknownConceptCode",
			change: func(t testing.TB, m fstest.MapFS) {
				edit(t, m, "mechanisms.csv", "transparency|participation|collaboration", "transparency|openness")
			},
			check: wantCSVColumn("mechanisms.csv", "tiers"),
		},
		{
			name: "AdministrationWithoutLevel",
			change: func(t testing.TB, m fstest.MapFS) {
				edit(t, m, "actors.csv", "true,public-administration,local,", "true,public-administration,,")
			},
			check: wantCSVColumn("actors.csv", "level"),
		},
		{
			name: "FactWithUnknownPassage",
			change: func(t testing.TB, m fstest.MapFS) {
				edit(t, m, "facts.csv", ",playbook-goal,", ",playbook-nowhere,")
			},
			check: wantCSVColumn("facts.csv", "passage"),
		},
		{
			name: "FactWithoutPassage",
			change: func(t testing.TB, m fstest.MapFS) {
				edit(t, m, "facts.csv", ",playbook-goal,", ",,")
			},
			check: wantCSVColumn("facts.csv", "passage"),
		},
		{
			name: "FactWithBadCount",
			change: func(t testing.TB, m fstest.MapFS) {
				edit(t, m, "facts.csv", ",en,10,", ",en,ten,")
			},
			check: wantCSVColumn("facts.csv", "count"),
		},
		{
			name: "FactWithUnknownSector",
			change: func(t testing.TB, m fstest.MapFS) {
				edit(t, m, "facts.csv", "|industry|", "|private-sector|")
			},
			check: wantCSVColumn("facts.csv", "sectors"),
		},
		{
			name: "FactWithDatatypeAndLanguage",
			change: func(t testing.TB, m fstest.MapFS) {
				edit(t, m, "facts.csv", ",2025,xsd:gYear,,", ",2025,xsd:gYear,en,")
			},
			check: wantCSVColumn("facts.csv", "datatype"),
		},
		{
			name: "FactGivenTwice",
			change: func(t testing.TB, m fstest.MapFS) {
				edit(t, m, "facts.csv", "playbook-author,", "playbook-commissioned-by,")
			},
			check: wantCSVColumn("facts.csv", "id"),
		},
		{
			name: "PassageInUnknownSource",
			change: func(t testing.TB, m fstest.MapFS) {
				edit(t, m, "passages.csv", "playbook-goal,playbook,", "playbook-goal,playbooks,")
			},
			check: wantCSVColumn("passages.csv", "source"),
		},
		{
			name: "PassageNamedLikeASource",
			change: func(t testing.TB, m fstest.MapFS) {
				edit(t, m, "passages.csv", "playbook-goal,playbook,", "draft-opinion,playbook,")
			},
			check: wantCSVColumn("passages.csv", "id"),
		},
		{
			name: "ActorDerivedFromAPost",
			change: func(t testing.TB, m fstest.MapFS) {
				edit(t, m, "actors.csv", "source/working-bibliography-ajuntament", "source/working-bibliography")
			},
			check: wantCSVColumn("actors.csv", "derived_from"),
		},
		{
			name: "UnknownSource",
			change: func(t testing.TB, m fstest.MapFS) {
				edit(t, m, "documents.csv", ",working-bibliography,", ",working-bibliographies,")
			},
			check: wantCSVColumn("documents.csv", "graph"),
		},
		{
			name: "DanglingLink",
			change: func(t testing.TB, m fstest.MapFS) {
				edit(t, m, "relations.csv", "mechanism/actor-maps,", "mechanism/actor-map,")
			},
			check: wantIs(ErrData, "mechanism/actor-map"),
		},
		{
			name: "BadTurtle",
			change: func(t testing.TB, m fstest.MapFS) {
				edit(t, m, "statements/playbook.ttl", "schema:position 1 ;", "schema:position 1 ;;; <")
			},
			check: wantIs(ErrTurtle, "statements/playbook.ttl"),
		},
		{
			name: "UnknownConceptInTurtle",
			change: func(t testing.TB, m fstest.MapFS) {
				edit(t, m, "statements/playbook.ttl", "cg:about lever:governance ;", "cg:about lever:governence ;")
			},
			check: wantIs(ErrData, "governence"),
		},
		{
			name: "BadCitation",
			change: func(t testing.TB, m fstest.MapFS) {
				edit(t, m, "references/working-bibliography/bibliography.txt", "Agencia Tributaria (2024).", "Agencia Tributaria 2024.")
			},
			check: func(t testing.TB, err error) {
				var pe *citation.ParseError
				if !errors.As(err, &pe) || pe.File != "references/working-bibliography/bibliography.txt" || pe.Line != 3 {
					t.Fatalf("error = %v, want a citation.ParseError at references/working-bibliography/bibliography.txt:3", err)
				}
			},
		},
		{
			name: "UnknownOrganisation",
			change: func(t testing.TB, m fstest.MapFS) {
				edit(t, m, "references/working-bibliography/bibliography.txt", "Madrid: Agencia Tributaria.", "Madrid: Hacienda.")
			},
			check: wantIs(ErrData, `"Hacienda"`),
		},
		{
			name: "DuplicateReference",
			change: func(t testing.TB, m fstest.MapFS) {
				p := "references/working-bibliography/bibliography.txt"
				first, _, _ := strings.Cut(string(m[p].Data), "\n")
				m[p] = &fstest.MapFile{Data: append(m[p].Data, []byte(first+"\n")...)}
			},
			check: wantIs(ErrData, "both make reference"),
		},
		{
			name: "CorrectionWithoutCitation",
			change: func(t testing.TB, m fstest.MapFS) {
				edit(t, m, "references/corrections.csv", "playbook/works.txt,1,", "playbook/works.txt,7,")
			},
			check: wantCSVColumn("references/corrections.csv", "line"),
		},
		{
			name: "StrayFile",
			change: func(t testing.TB, m fstest.MapFS) {
				m["references/playbook/notes.txt"] = &fstest.MapFile{Data: []byte("x")}
			},
			check: wantIs(ErrData, "notes.txt"),
		},
		{
			name: "BadCSVQuoting",
			change: func(t testing.TB, m fstest.MapFS) {
				edit(t, m, "sources.csv", "playbook,REPORT.", `playbook,"REPORT.`)
			},
			check: wantCSV("sources.csv", 2, ""),
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := seedFS(t)
			if _, err := load(m, schema.DefaultBase); err != nil {
				t.Fatalf("load of the unchanged seed: %v", err)
			}
			tc.change(t, m)
			_, err := load(m, schema.DefaultBase)
			if err == nil {
				t.Fatal("load succeeded, want an error")
			}
			t.Log(err)
			tc.check(t, err)
		})
	}
}

// wantCSV checks for a CSVError at file, line and column.
func wantCSV(file string, line int, column string) func(testing.TB, error) {
	return func(t testing.TB, err error) {
		t.Helper()
		var ce *CSVError
		if !errors.As(err, &ce) || ce.File != file || ce.Line != line || ce.Column != column {
			t.Fatalf("error = %v, want a CSVError at %s:%d column %q", err, file, line, column)
		}
		if !errors.Is(err, ErrData) {
			t.Errorf("error %v does not wrap ErrData", err)
		}
	}
}

// wantCSVColumn checks for a CSVError in file and column, on any line.
func wantCSVColumn(file, column string) func(testing.TB, error) {
	return func(t testing.TB, err error) {
		t.Helper()
		var ce *CSVError
		if !errors.As(err, &ce) || ce.File != file || ce.Column != column || ce.Line < 2 {
			t.Fatalf("error = %v, want a CSVError in %s column %q", err, file, column)
		}
		if !strings.HasPrefix(err.Error(), "seed: "+file+":") {
			t.Errorf("Error() = %q, want it to start with the file and line", err.Error())
		}
	}
}

// wantIs checks that the error wraps target and mentions text.
func wantIs(target error, text string) func(testing.TB, error) {
	return func(t testing.TB, err error) {
		t.Helper()
		if !errors.Is(err, target) || !strings.Contains(err.Error(), text) {
			t.Fatalf("error = %v, want one wrapping %v and naming %s", err, target, text)
		}
	}
}

func TestLoad_EmptyBase(t *testing.T) {
	if _, err := load(seedFS(t), ""); err == nil {
		t.Error("load with an empty base succeeded")
	}
}

// FuzzReadTable checks that the CSV mapper never panics and that its
// errors name the file.
func FuzzReadTable(f *testing.F) {
	b, err := fs.ReadFile(data.FS(), "actors.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte("id,name\n\"x"))
	f.Add([]byte("id,name,id\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		m := fstest.MapFS{"t.csv": &fstest.MapFile{Data: in}}
		tab, err := readTable(m, "t.csv", []string{"id", "name"}, []string{"graph"})
		if err != nil {
			if !strings.Contains(err.Error(), "t.csv") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		for _, r := range tab.rows {
			_ = r.get("id") + r.get("graph") + strings.Join(r.list("name"), "")
		}
	})
}
