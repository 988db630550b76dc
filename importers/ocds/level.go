package ocds

import (
	"strings"

	"civicgraph/schema"
)

// buyerLegalTypes maps the codes of the buyer legal type codelists to
// levels of government. OCDS for eForms puts the eForms code (BT-11) in
// parties[].details.classifications with scheme "eu-buyer-legal-type";
// OCDS for TED 2.0 puts the CA_TYPE code there with scheme "TED_CA_TYPE".
// Codes that do not say the level (body-pl, def-cont, TED's
// REGIONAL_AUTHORITY, which is "regional or local authority") are left out.
// It is a read-only table.
var buyerLegalTypes = map[string]string{
	"cga": schema.LevelNational, "body-pl-cga": schema.LevelNational,
	"org-sub-cga": schema.LevelNational, "pub-undert-cga": schema.LevelNational,
	"ra": schema.LevelRegional, "body-pl-ra": schema.LevelRegional,
	"org-sub-ra": schema.LevelRegional, "pub-undert-ra": schema.LevelRegional,
	"la": schema.LevelLocal, "body-pl-la": schema.LevelLocal,
	"org-sub-la": schema.LevelLocal, "pub-undert-la": schema.LevelLocal,
	"eu-ins-bod-ag": schema.LevelSupranational,
	"int-org":       schema.LevelInternational,
	"ministry":      schema.LevelNational, "national-agency": schema.LevelNational,
	"eu-institution": schema.LevelSupranational,
}

// levelWords lists, in the order they are tried, the words and phrases
// (as slugs, matched on whole words) that give a buyer's level of
// government from its name. Only words that leave little doubt are listed;
// "council" or "department", which name bodies at every level, are not.
// It is a read-only table.
var levelWords = []struct {
	level string
	words []string
}{
	{schema.LevelSupranational, []string{"european-commission", "european-union", "european-parliament",
		"european-investment-bank", "european-central-bank"}},
	{schema.LevelInternational, []string{"united-nations", "world-bank", "world-health-organization",
		"oecd", "unicef", "undp"}},
	{schema.LevelLocal, []string{"municipality", "municipal", "municipio", "municipalidad", "ayuntamiento",
		"ajuntament", "concello", "alcaldia", "mairie", "commune", "comune", "gemeente", "kommune", "kommun",
		"gmina", "prefeitura", "borough", "city-council", "city-of", "town-council", "county-council",
		"district-council", "parish-council", "city-hall"}},
	{schema.LevelNational, []string{"ministry", "ministerio", "ministere", "ministerie", "ministero",
		"ministerium", "ministerstvo"}},
	{schema.LevelRegional, []string{"region", "regional", "province", "provincial", "provincia",
		"diputacion", "generalitat", "xunta", "comunidad-autonoma", "state-government", "gobierno-del-estado",
		"landesregierung", "regione"}},
	{schema.LevelNational, []string{"national", "nacional", "nationale", "nazionale", "federal"}},
}

// governmentLevel returns the level of government of a buyer: from a
// buyer legal type code when the party has one, else from words in its
// name, else fallback (which may be "").
func governmentLevel(o *org, fallback string) string {
	for _, c := range o.Details.v.Classifications {
		switch strings.ToLower(text(c.Scheme)) {
		case "eu-buyer-legal-type", "buyer-legal-type", "ted_ca_type":
			code := strings.ToLower(strings.ReplaceAll(text(string(c.ID)), "_", "-"))
			if l, ok := buyerLegalTypes[code]; ok {
				return l
			}
		}
	}
	names := []string{o.Name}
	if o.Identifier != nil {
		names = append(names, o.Identifier.LegalName)
	}
	for _, lw := range levelWords {
		for _, n := range names {
			s := "-" + schema.Slug(n) + "-"
			for _, w := range lw.words {
				if strings.Contains(s, "-"+w+"-") {
					return lw.level
				}
			}
		}
	}
	return fallback
}
