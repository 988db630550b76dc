package ocds

import (
	"encoding/json"
	"testing"

	"civicgraph/schema"
)

func TestDecimal(t *testing.T) {
	tests := []struct {
		in     string
		want   string
		wantOK bool
	}{
		{"0", "0", true},
		{"-0", "0", true},
		{"-0.0", "0", true},
		{"12", "12", true},
		{"1311264.0", "1311264", true},
		{"250000.50", "250000.5", true},
		{"0.001", "0.001", true},
		{"-12.340", "-12.34", true},
		{"1e3", "1000", true},
		{"1.2E+5", "120000", true},
		{"8.5e5", "850000", true},
		{"12.5e-3", "0.0125", true},
		{"1e-2", "0.01", true},
		{"123e-1", "12.3", true},
		{"1e1000", "1" + zeros(1000), true},
		{"1e1001", "", false},
		{"1e-1001", "", false},
		{"", "", false},
		{"-", "", false},
		{"01", "", false},
		{"1.", "", false},
		{".5", "", false},
		{"1e", "", false},
		{"1,000", "", false},
		{"abc", "", false},
		{"NaN", "", false},
	}
	for _, tc := range tests {
		got, ok := decimal(tc.in)
		if got != tc.want || ok != tc.wantOK {
			t.Errorf("decimal(%q) = %.40q, %v, want %.40q, %v", tc.in, got, ok, tc.want, tc.wantOK)
		}
	}
}

func zeros(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = '0'
	}
	return string(b)
}

func TestParseAmount(t *testing.T) {
	tests := []struct {
		raw     string
		want    string
		wantErr bool
	}{
		{`1500`, "1500", false},
		{`"1500.00"`, "1500", false},
		{`" 7 "`, "7", false},
		{`null`, "", false},
		{`""`, "", false},
		{``, "", false},
		{`"about 5000"`, "", true},
		{`true`, "", true},
		{`{}`, "", true},
		{`[1]`, "", true},
	}
	for _, tc := range tests {
		got, fe := parseAmount("x.amount", json.RawMessage(tc.raw))
		if got != tc.want || (fe != nil) != tc.wantErr {
			t.Errorf("parseAmount(%s) = %q, %v, want %q, error %v", tc.raw, got, fe, tc.want, tc.wantErr)
		}
		if fe != nil && fe.path != "x.amount" {
			t.Errorf("parseAmount(%s) error path %q, want x.amount", tc.raw, fe.path)
		}
	}
}

func TestParseWhen(t *testing.T) {
	tests := []struct {
		in      string
		lex, dt string
		wantErr bool
	}{
		{"2024-05-01T09:30:00Z", "2024-05-01T09:30:00Z", schema.XSDDateTime, false},
		{" 2015-12-22T00:00:00-06:00 ", "2015-12-22T00:00:00-06:00", schema.XSDDateTime, false},
		{"2024-05-01T09:30:00.250+02:00", "2024-05-01T09:30:00.25+02:00", schema.XSDDateTime, false},
		{"2024-05-01T09:30:00+00:00", "2024-05-01T09:30:00Z", schema.XSDDateTime, false},
		{"2024-05-01T09:30:00+15:00", "2024-04-30T18:30:00Z", schema.XSDDateTime, false},
		{"2024-05-01", "2024-05-01", schema.XSDDate, false},
		{"", "", "", false},
		{"2024-02-30", "", "", true},
		{"2024-13-01T00:00:00Z", "", "", true},
		{"2024-05-01T09:30:00", "", "", true},
		{"01/05/2024", "", "", true},
		{"2024", "", "", true},
	}
	for _, tc := range tests {
		got, fe := parseWhen("d", tc.in)
		if got.lex != tc.lex || got.dt != tc.dt || (fe != nil) != tc.wantErr {
			t.Errorf("parseWhen(%q) = %q %q %v, want %q %q error %v", tc.in, got.lex, got.dt, fe, tc.lex, tc.dt, tc.wantErr)
		}
	}
}

func TestWebIRI(t *testing.T) {
	tests := []struct {
		in     string
		want   string
		wantOK bool
	}{
		{"https://example.org/a.pdf", "https://example.org/a.pdf", true},
		{" http://example.org/a b.pdf ", "http://example.org/a%20b.pdf", true},
		{"HTTP://example.org/<x>", "HTTP://example.org/%3Cx%3E", true},
		{"ftp://files.example/x", "ftp://files.example/x", true},
		{"https://example.org/ñ", "https://example.org/ñ", true},
		{"/relative/a.pdf", "", false},
		{"mailto:a@example.org", "", false},
		{"javascript://x", "", false},
		{"https://", "", false},
		{"", "", false},
	}
	for _, tc := range tests {
		got, ok := webIRI(tc.in)
		if got != tc.want || ok != tc.wantOK {
			t.Errorf("webIRI(%q) = %q, %v, want %q, %v", tc.in, got, ok, tc.want, tc.wantOK)
		}
	}
}

// TestClassificationIRI checks the concepts OCDS item classifications
// map to: CPV codes keep the EU's IRIs, and every other scheme (UNSPSC,
// or a CPV code that is not eight digits) is kept too, not dropped.
func TestClassificationIRI(t *testing.T) {
	const cpv = schema.CPVScheme + "/"
	tests := []struct {
		scheme, id string
		want       string
	}{
		{"CPV", "72000000", cpv + "72000000"},
		{"cpv", " 72212000-4 ", cpv + "72212000"},
		{"CPV", "7200000", schema.ClassificationBase + "cpv/7200000"},
		{"CPVS", "72000000", schema.ClassificationBase + "cpvs/72000000"},
		{"UNSPSC", "43232000", schema.ClassificationBase + "unspsc/43232000"},
		{"", "43232000", schema.ClassificationUnstated + "43232000"},
		{"CPV", "", ""},
	}
	for _, tc := range tests {
		c := classification{Scheme: tc.scheme, ID: flexString(tc.id)}
		if got := schema.ClassificationIRI(text(c.Scheme), text(string(c.ID))); got != tc.want {
			t.Errorf("ClassificationIRI(%s %q) = %q, want %q", tc.scheme, tc.id, got, tc.want)
		}
	}
}

func TestCountryCode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"MX", "MX"},
		{"mx", "MX"},
		{"MEX", "MX"},
		{"MÉXICO", "MX"},
		{" United Kingdom", "GB"},
		{"UK", "GB"},
		{"España", "ES"},
		{"Côte d'Ivoire", "CI"},
		{"Korea, Republic of", "KR"},
		{"Bolivia", "BO"},
		{"Atlantis", ""},
		{"", ""},
		{"XX", ""},
	}
	for _, tc := range tests {
		if got := countryCode(tc.in); got != tc.want {
			t.Errorf("countryCode(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for k, v := range countryCodes {
		if schema.Slug(k) != k {
			t.Errorf("countryCodes key %q is not a slug", k)
		}
		if len(v) != 2 || v[0] < 'A' || v[0] > 'Z' || v[1] < 'A' || v[1] > 'Z' {
			t.Errorf("countryCodes[%q] = %q, want an alpha-2 code", k, v)
		}
	}
}

func TestLangTag(t *testing.T) {
	tests := []struct{ in, want string }{
		{"en", "en"},
		{"en-GB", "en-GB"},
		{"es-419", "es-419"},
		{" ca ", "ca"},
		{"", ""},
		{"en_GB", ""},
		{"1en", ""},
		{"en-", ""},
		{"toolongtag", ""},
	}
	for _, tc := range tests {
		if got := langTag(tc.in); got != tc.want {
			t.Errorf("langTag(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestGovernmentLevel(t *testing.T) {
	classified := func(scheme, id string) org {
		var o org
		o.Name = "Some Body"
		o.Details.v.Classifications = []classification{{Scheme: scheme, ID: flexString(id)}}
		return o
	}
	tests := []struct {
		name     string
		o        org
		fallback string
		want     string
	}{
		{"EFormsLocal", classified("eu-buyer-legal-type", "la"), "", schema.LevelLocal},
		{"EFormsBodyRegional", classified("eu-buyer-legal-type", "body-pl-ra"), "", schema.LevelRegional},
		{"EFormsCentral", classified("eu-buyer-legal-type", "cga"), "", schema.LevelNational},
		{"EFormsEU", classified("eu-buyer-legal-type", "eu-ins-bod-ag"), "", schema.LevelSupranational},
		{"EFormsInternational", classified("eu-buyer-legal-type", "int-org"), "", schema.LevelInternational},
		{"EFormsUnclear", classified("eu-buyer-legal-type", "body-pl"), "", ""},
		{"TEDMinistry", classified("TED_CA_TYPE", "MINISTRY"), "", schema.LevelNational},
		{"TEDNationalAgency", classified("TED_CA_TYPE", "NATIONAL_AGENCY"), "", schema.LevelNational},
		{"TEDRegionalOrLocal", classified("TED_CA_TYPE", "REGIONAL_AUTHORITY"), schema.LevelLocal, schema.LevelLocal},
		{"OtherScheme", classified("XX", "la"), "", ""},
		{"NameMunicipalityIsNotEvidence", org{Name: "Municipality of Athens"}, "", ""},
		{"NameAjuntamentIsNotEvidence", org{Name: "Ajuntament de Girona"}, "", ""},
		{"NameBoroughIsNotEvidence", org{Name: "London Borough of Barnet"}, "", ""},
		{"NameMinistryIsNotEvidence", org{Name: "Ministry of Regional Development"}, "", ""},
		{"NameRegionIsNotEvidence", org{Name: "Acme Region"}, "", ""},
		{"NameNacionalIsNotEvidence", org{Name: "Instituto Nacional de Antropología e Historia"}, "", ""},
		{"NameInternationalIsNotNational", org{Name: "International Airport Authority"}, "", ""},
		{"NameCommissionIsNotEvidence", org{Name: "European Commission, DG CNECT"}, "", ""},
		{"LegalNameIsNotEvidence", org{Name: "BCN", Identifier: &identifier{LegalName: "Ajuntament de Barcelona"}}, "", ""},
		{"Fallback", org{Name: "Met Office"}, schema.LevelNational, schema.LevelNational},
		{"CodeBeforeFallback", classified("eu-buyer-legal-type", "la"), schema.LevelNational, schema.LevelLocal},
		{"Nothing", org{Name: "Met Office"}, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := governmentLevel(&tc.o, tc.fallback); got != tc.want {
				t.Errorf("governmentLevel(%q) = %q, want %q", tc.o.Name, got, tc.want)
			}
		})
	}
}

func TestActorKey(t *testing.T) {
	tests := []struct {
		name string
		o    org
		want string
	}{
		{"PartyID", org{ID: "GB-COH-123", Name: "X Ltd"}, "gb-coh-123"},
		{"LocalPartyID", org{ID: "2", Name: "X Ltd", Identifier: &identifier{Scheme: "GB-COH", ID: "123"}}, "gb-coh-123"},
		{"LocalPartyIDName", org{ID: "17", Name: "X Ltd"}, "x-ltd"},
		{"LongNumericID", org{ID: "1234567", Name: "X Ltd"}, "1234567"},
		{"Identifier", org{Name: "X Ltd", Identifier: &identifier{Scheme: "GB-COH", ID: "123"}}, "gb-coh-123"},
		{"IdentifierNoScheme", org{Name: "X Ltd", Identifier: &identifier{ID: "RFC123"}}, "rfc123"},
		{"Name", org{Name: "Met Office"}, "met-office"},
		{"LegalName", org{Identifier: &identifier{LegalName: "Met Office"}}, "met-office"},
		{"Nothing", org{ID: "--"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := actorKey(&tc.o); got != tc.want {
				t.Errorf("actorKey() = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestMergeReleases(t *testing.T) {
	raws := []string{
		`{"ocid": "o", "date": "2024-02-01T00:00:00Z", "tender": {"title": "B", "status": "active"},
		  "awards": [{"id": "1", "status": "pending", "title": "first"}], "parties": [{"id": "p", "name": "P"}]}`,
		`{"ocid": "o", "date": "2024-01-01T00:00:00Z", "tender": {"title": "A", "description": "D", "status": "planned"}}`,
		`{"ocid": "o", "date": "2024-03-01T00:00:00Z", "tender": {"description": null},
		  "awards": [{"id": "1", "status": "active"}, {"id": "2", "status": "active"}], "parties": [{"name": "no id"}]}`,
	}
	var rels []*release
	var bs [][]byte
	for _, s := range raws {
		r := new(release)
		if err := json.Unmarshal([]byte(s), r); err != nil {
			t.Fatal(err)
		}
		if fe := r.check(); fe != nil {
			t.Fatal(fe)
		}
		rels = append(rels, r)
		bs = append(bs, []byte(s))
	}
	got, fe := mergeReleases(rels, bs)
	if fe != nil {
		t.Fatal(fe)
	}
	if got.Tender.Title != "B" || got.Tender.Status != "active" || got.Tender.Description != "" {
		t.Errorf("merged tender = %+v, want title B, status active, no description", got.Tender)
	}
	if len(got.Awards) != 2 || got.Awards[0].Status != "active" || got.Awards[0].Title != "first" {
		t.Errorf("merged awards = %+v, want award 1 active with its title, and award 2", got.Awards)
	}
	if len(got.Parties) != 1 || got.Parties[0].Name != "no id" {
		t.Errorf("merged parties = %+v, want the last list whole", got.Parties)
	}
	if got.date.lex != "2024-03-01T00:00:00Z" {
		t.Errorf("merged date = %q, want the latest", got.date.lex)
	}
}
