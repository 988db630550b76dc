package registers

import (
	"testing"

	"civicgraph/schema"
)

// TestDutchLevel checks the documented rule, one kind of body at a time,
// and that bodies whose name does not say their kind get no level.
func TestDutchLevel(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Gemeente Amsterdam", schema.LevelLocal},
		{"Provincie Zeeland", schema.LevelRegional},
		{"Waterschap Aa en Maas", schema.LevelRegional},
		{"Hoogheemraadschap van Delfland", schema.LevelRegional},
		{"Wetterskip Fryslân", schema.LevelRegional},
		{"Veiligheidsregio Utrecht", schema.LevelRegional},
		{"Omgevingsdienst Noordzeekanaalgebied", schema.LevelRegional},
		{"RUD Zeeland", schema.LevelRegional},
		{"GGD IJsselland", schema.LevelRegional},
		{"Ministerie van Financiën", schema.LevelNational},
		{"Rijkswaterstaat", schema.LevelNational},
		{"Inspectie Gezondheidszorg en Jeugd", schema.LevelNational},
		{"Belastingdienst", ""},
		{"Gemeenschappelijke regeling Regionale ICT-dienst Utrecht", ""},
		{"Stichting Halt", ""},
		{"OVER-gemeenten", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := dutchLevel(tt.name); got != tt.want {
				t.Errorf("dutchLevel(%q) = %q, want %q", tt.name, got, tt.want)
			}
		})
	}
}

// TestMapper_Finish checks that an organisation's level comes from any of
// its entries, and that entries that disagree leave it not stated.
func TestMapper_Finish(t *testing.T) {
	tests := []struct {
		name   string
		levels []string
		want   string // the level written, or "" for cg:notStated
	}{
		{"FirstGivesNone", []string{"", schema.LevelLocal}, schema.LevelLocal},
		{"AllAgree", []string{schema.LevelLocal, schema.LevelLocal}, schema.LevelLocal},
		{"Disagree", []string{schema.LevelLocal, schema.LevelNational}, ""},
		{"NoneGiven", []string{""}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := &mapper{base: "https://example.org/id/", orgs: map[string]*orgFacts{}, concepts: map[string]bool{}}
			var iri string
			for _, l := range tt.levels {
				iri = m.administration("Some Body", l, "NL")
			}
			m.finish()
			var level string
			var notStated bool
			for _, q := range m.out {
				if q.S.Value != iri {
					continue
				}
				switch {
				case q.P.Value == schema.PropGovernmentLevel:
					level = q.O.Value
				case q.P.Value == schema.PropNotStated && q.O.Value == schema.PropGovernmentLevel:
					notStated = true
				}
			}
			if level != tt.want || notStated != (tt.want == "") {
				t.Errorf("level %q, notStated %v; want level %q", level, notStated, tt.want)
			}
		})
	}
}
