package generate

import (
	"bytes"
	"encoding/csv"
	"io"
	"strconv"
)

// csvColumns are the columns of the procurement rows: the template's
// (`civicgraph template procurement`) that the generator has values for,
// text columns once per language. The template has no date column, so a
// procurement's dcterms:date, and its second rdf:type (epo:Procedure, which
// the class implies), are not in the rows.
var csvColumns = [...]string{"id", "title@en", "title@es", "title@ca", "buyer", "purpose@en", "purpose@es",
	"purpose@ca", "aiSystem@en", "riskClass", "status", "stageReached", "value", "currency", "procedureType",
	"supplier", "ocid", "servesMission", "isDigitalPublicInfrastructure"}

// csvWriter writes procurements as rows of the procurement template. Links
// (buyer, supplier, mission) are absolute IRIs, concepts are codes, several
// values are separated by "|" (which no generated text holds), and id is the last segment of the
// procurement's IRI, which import resolves against its base.
type csvWriter struct {
	sink
	g   *gen
	cw  *csv.Writer
	row bytes.Buffer
	rec []string
}

func newCSVWriter(w io.Writer, g *gen) *csvWriter {
	c := &csvWriter{sink: newSink(w), g: g, rec: make([]string, len(csvColumns))}
	c.cw = csv.NewWriter(&c.row)
	c.cw.Write(csvColumns[:])
	c.cw.Flush()
	c.row.WriteString("# civicgraph illustrative data: synthetic, made up by civicgraph's generator (seed ")
	c.row.WriteString(strconv.FormatInt(g.opts.Seed, 10))
	c.row.WriteString("); rows of the procurement template (civicgraph template procurement); names, values and dates are not real\n")
	c.buf = append(c.buf, c.row.Bytes()...)
	c.row.Reset()
	return c
}

func (c *csvWriter) record(e *entity, _ map[string]*entity) error {
	clear(c.rec)
	c.rec[0] = localName(unbracket(e.iri))
	set := func(col int, v string) {
		if c.rec[col] != "" {
			v = c.rec[col] + "|" + v
		}
		c.rec[col] = v
	}
	lang := func(base int, o string) int {
		switch langOf(o) {
		case "es":
			return base + 1
		case "ca":
			return base + 2
		}
		return base
	}
	for _, p := range e.props {
		switch p.p {
		case tTitle:
			set(lang(1, p.o), text(p.o))
		case tBuyer:
			set(4, unbracket(p.o))
		case tPurpose:
			set(lang(5, p.o), text(p.o))
		case tAISystem:
			set(8, text(p.o))
		case tRiskClass:
			set(9, localName(unbracket(p.o)))
		case tStatus:
			set(10, localName(unbracket(p.o)))
		case tStageReached:
			set(11, localName(unbracket(p.o)))
		case tValue:
			set(12, text(p.o))
		case tCurrency:
			set(13, text(p.o))
		case tProcedureType:
			set(14, localName(unbracket(p.o)))
		case tSupplier:
			set(15, unbracket(p.o))
		case tOCID:
			set(16, text(p.o))
		case tServesMission:
			set(17, unbracket(p.o))
		case tIsDPI:
			set(18, text(p.o))
		}
	}
	c.cw.Write(c.rec)
	c.cw.Flush()
	if err := c.cw.Error(); err != nil {
		return err
	}
	c.buf = append(c.buf, c.row.Bytes()...)
	c.row.Reset()
	return c.maybeFlush()
}

func (c *csvWriter) close() error { return c.flush() }
