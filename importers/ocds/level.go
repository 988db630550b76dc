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

// governmentLevel returns the level of government of a buyer: from a
// buyer legal type code when the party has one that says the level, else
// fallback (which may be ""). Words in the buyer's name are not evidence
// ("Region" ends the names of firms too; "National Theatre" is no
// ministry), so they are not read.
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
	return fallback
}
