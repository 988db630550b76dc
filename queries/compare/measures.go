package compare

import (
	"math"
	"math/bits"
	"slices"
	"strings"
)

// Measure describes a column of the matrix.
type Measure struct {
	// ID names the measure in requests, CSV headers and JSON.
	ID    string `json:"id"`
	Label string `json:"label"`
	// Family is volume, coverage, diversity, depth, institutionalisation,
	// transparency or index.
	Family string `json:"family"`
	// Unit is count, ratio, share, index or level.
	Unit string `json:"unit"`
	// Basis is procurements, engagements or both.
	Basis       string `json:"basis"`
	Description string `json:"description"`
}

// Index parts: the names of the composite index's parts and the measure
// each takes its value from.
var indexParts = []struct{ part, measure string }{
	{"coverage", "coverage"},
	{"diversity", "diversity"},
	{"depth", "involveShare"},
	{"institutionalisation", "institutionalised"},
	{"transparency", "transparency"},
}

// IndexParts returns the names of the parts of the composite index, in
// order.
func IndexParts() []string {
	out := make([]string, len(indexParts))
	for i, p := range indexParts {
		out[i] = p.part
	}
	return out
}

const (
	basisProcs = "procurements"
	basisEngs  = "engagements"
	basisBoth  = "procurements and engagements"
)

// Measures returns every measure the summary can compute, in the default
// order; the coverage of each lifecycle stage (coverage.STAGE) is
// available but not among the defaults (see DefaultMeasures).
func (s *Summary) Measures() []Measure {
	ms := []Measure{
		{"procurements", "Procurements", "volume", "count", basisProcs, "Procurements (AI systems) the administrations buy, within the window."},
		{"engagements", "Engagements", "volume", "count", basisEngs, "Engagements in their procurements or missions that pass the filter, within the window."},
		{"actors", "Actors engaged", "volume", "count", basisEngs, "Distinct actors taking part in those engagements."},
		{"engagementsPerProcurement", "Engagements per procurement", "volume", "ratio", basisProcs, "Engagements in the procurements counted, divided by the procurements whose source records engagements (missing: those whose source records none)."},
		{"coverage", "Procurements with engagement", "coverage", "share", basisProcs, "Share of the procurements with at least one engagement (that passes the filter), among those whose source records engagements: some engagement in the store points at a procurement of the same named graph. The others are missing."},
	}
	for i, c := range s.lifecycle.concepts {
		ms = append(ms, Measure{"coverage." + c.code, "Coverage: " + c.label, "coverage", "share", basisProcs,
			"Share of the procurements with at least one engagement at " + c.label + phaseNote(s.isPhase[i]) + "."})
	}
	ms = append(ms,
		Measure{"sectors", "Sectors engaged", "diversity", "count", basisEngs, "Distinct stakeholder sectors of the actors engaged."},
		Measure{"diversity", "Sector diversity", "diversity", "index", basisEngs, "Shannon index over the sectors of the actors engaged (each engagement counts once for each sector of its actor), divided by ln K, K the sectors of the scheme: 0 all in one sector, 1 spread evenly over all."},
		Measure{"influenceMax", "Highest influence", "depth", "level", basisEngs, "Highest IAP2 level of influence reached (1 inform, 2 consult, 3 involve, 4 collaborate, 5 empower)."},
		Measure{"influenceMedian", "Median influence", "depth", "level", basisEngs, "Median IAP2 level of influence of the engagements (the lower median)."},
		Measure{"involveShare", "Involve or above", "depth", "share", basisEngs, "Share of the engagements at involve or a higher level of influence."},
		Measure{"mechanisms", "Mechanisms used", "institutionalisation", "count", basisEngs, "Distinct mechanisms the engagements went through."},
		Measure{"institutionalised", "Institutionalised", "institutionalisation", "share", basisEngs, "Share of the engagements through a standing or statutory mechanism."},
	)
	for _, c := range s.degrees.concepts {
		ms = append(ms, Measure{"institutionalisation." + c.code, "Degree: " + c.label, "institutionalisation", "share", basisEngs,
			"Share of the engagements through a mechanism of degree " + c.label + "."})
	}
	for _, c := range s.functions.concepts {
		ms = append(ms, Measure{"function." + c.code, "Function: " + c.label, "institutionalisation", "share", basisEngs,
			"Share of the engagements through a mechanism whose democratic function is " + c.label + "."})
	}
	ms = append(ms,
		Measure{"registerEntry", "Public register entry", "transparency", "share", basisProcs, "Share of the procurements with a page in a public register (cg:registerEntry)."},
		Measure{"impactAssessment", "Impact assessment", "transparency", "share", basisProcs, "Share of the procurements whose source says an impact assessment was made (cg:impactAssessment true)."},
		Measure{"legalBasis", "Legal basis stated", "transparency", "share", basisProcs, "Share of the procurements with a stated legal basis (cg:legalBasis)."},
		Measure{"publicConsultation", "Public consultation", "transparency", "share", basisProcs, "Share of the procurements whose source says the public took part (cg:publicParticipation true)."},
		Measure{"documents", "Published documents", "transparency", "share", basisProcs, "Share of the procurements with published documents (dcterms:references)."},
		Measure{"transparency", "Transparency", "transparency", "share", basisProcs, "Mean of the five transparency shares above that are not missing."},
		Measure{"index", "Meaningful engagement index", "index", "index", basisBoth, "Weighted mean of its parts (coverage, diversity, depth = involveShare, institutionalisation = institutionalised, transparency); missing when a part with a weight is missing."},
	)
	return ms
}

func phaseNote(phase bool) string {
	if phase {
		return " (any stage of the phase, or the phase itself)"
	}
	return ""
}

// DefaultMeasures returns the ids of the measures a request without
// measures gets: all but the coverage of single stages.
func (s *Summary) DefaultMeasures() []string {
	var out []string
	for _, m := range s.Measures() {
		if code, ok := strings.CutPrefix(m.ID, "coverage."); ok {
			if i := s.lifecycleIndex(code); i >= 0 && !s.isPhase[i] {
				continue
			}
		}
		out = append(out, m.ID)
	}
	return out
}

func (s *Summary) lifecycleIndex(code string) int {
	for i, c := range s.lifecycle.concepts {
		if c.code == code {
			return i
		}
	}
	return -1
}

// acc holds what one pass over a group's records found.
type acc struct {
	procs, engs, engsOnProcs int
	actors, actorMissing     int
	sectorCnt                []int
	sectorKnown, sectorsSeen int
	infl                     []int
	inflKnown                int
	mechs, mechMissing       int
	deg                      []int
	degKnown, institutional  int
	fn                       []int
	fnKnown                  int
	covered, covKnown        int
	coveredBy                []int
	sigYes, sigKnown         [nSignals]int
	anySigKnown, anySigYes   int
}

// bucket is the records of one group (or one year of a profile).
type bucket struct {
	procs, engs []int32
}

// work is the scratch state of one request.
type work struct {
	s          *Summary
	seq        int32
	procStamp  []int32
	procMask   []uint32
	actorStamp []int32
	mechStamp  []int32
	instMask   uint32 // degrees that count as institutionalised
	// tot, when not nil, gathers every run's records too (the total row
	// of a matrix whose groups partition the administrations), with
	// totActor, totMech and totSectors for its distinct counts.
	tot               *acc
	totActor, totMech []bool
	totSectors        uint32
}

const anyEngagement = uint32(1) << 31

// getWork returns a work from the summary's pool (its stamps need no
// clearing: each run takes a new sequence number).
func (s *Summary) getWork() *work {
	if w, ok := s.works.Get().(*work); ok {
		w.tot, w.totActor, w.totMech, w.totSectors = nil, nil, nil, 0
		return w
	}
	return newWork(s)
}

// putWork hands w back to the pool.
func (s *Summary) putWork(w *work) { s.works.Put(w) }

func newWork(s *Summary) *work {
	w := &work{s: s, procStamp: make([]int32, len(s.procIDs)), procMask: make([]uint32, len(s.procIDs)),
		actorStamp: make([]int32, len(s.actorIDs)), mechStamp: make([]int32, len(s.mechIDs))}
	for i, c := range s.degrees.concepts {
		if c.code == "standing" || c.code == "statutory" {
			w.instMask |= 1 << i
		}
	}
	return w
}

// lcBits returns the lifecycle bits an engagement at stage k sets: the
// stage and its phase.
func (s *Summary) lcBits(k int8) uint32 {
	if k < 0 || k >= 31 {
		return 0
	}
	b := uint32(1) << k
	if ph := s.phaseOf[k]; ph >= 0 && ph < 31 {
		b |= 1 << ph
	}
	return b
}

// run makes one pass over b and returns what it found. It leaves procMask
// set for b's procurements until the next run.
func (w *work) run(b *bucket) *acc {
	s := w.s
	w.seq++
	seq := w.seq
	a := s.newAcc()
	a.procs, a.engs = len(b.procs), len(b.engs)
	for _, p := range b.procs {
		w.procStamp[p], w.procMask[p] = seq, 0
	}
	sectorSeen := uint32(0)
	for _, e := range b.engs {
		if pr := s.engProc[e]; pr >= 0 && w.procStamp[pr] == seq {
			a.engsOnProcs++
			w.procMask[pr] |= anyEngagement | s.lcBits(s.engStage[e])
		}
		if ac := s.engActor[e]; ac < 0 {
			a.actorMissing++
		} else {
			if firstIn(w.actorStamp, ac, seq) {
				a.actors++
			}
			if m := s.actorSect[ac]; m != 0 {
				a.sectorKnown++
				sectorSeen |= m
				for m != 0 {
					k := trailing(m)
					a.sectorCnt[k]++
					m &^= 1 << k
				}
			}
		}
		if k := s.engInfl[e]; k >= 0 {
			a.infl[k]++
			a.inflKnown++
		}
		if m := s.engMech[e]; m < 0 {
			a.mechMissing++
		} else {
			if firstIn(w.mechStamp, m, seq) {
				a.mechs++
			}
			if d := s.mechDeg[m]; d != 0 {
				a.degKnown++
				if d&w.instMask != 0 {
					a.institutional++
				}
				for d != 0 {
					k := trailing(d)
					a.deg[k]++
					d &^= 1 << k
				}
			}
			if f := s.mechFunc[m]; f != 0 {
				a.fnKnown++
				for f != 0 {
					k := trailing(f)
					a.fn[k]++
					f &^= 1 << k
				}
			}
		}
	}
	a.sectorsSeen = bits.OnesCount32(sectorSeen)
	for _, p := range b.procs {
		if s.procEng[p] {
			a.covKnown++
		}
		if m := w.procMask[p]; m&anyEngagement != 0 {
			a.covered++
			m &^= anyEngagement
			for m != 0 {
				k := trailing(m)
				if k < len(a.coveredBy) {
					a.coveredBy[k]++
				}
				m &^= 1 << k
			}
		}
		known, yes := s.procKnown[p], s.procYes[p]
		if known != 0 {
			a.anySigKnown++
		}
		if yes != 0 {
			a.anySigYes++
		}
		for k := range nSignals {
			if known&(1<<k) != 0 {
				a.sigKnown[k]++
				if yes&(1<<k) != 0 {
					a.sigYes[k]++
				}
			}
		}
	}
	if w.tot != nil {
		w.addTotal(a, b, sectorSeen)
	}
	return a
}

// addTotal adds a run's figures to the total.
func (w *work) addTotal(a *acc, b *bucket, sectors uint32) {
	t, s := w.tot, w.s
	t.procs += a.procs
	t.engs += a.engs
	t.engsOnProcs += a.engsOnProcs
	t.actorMissing += a.actorMissing
	t.sectorKnown += a.sectorKnown
	t.inflKnown += a.inflKnown
	t.mechMissing += a.mechMissing
	t.degKnown += a.degKnown
	t.institutional += a.institutional
	t.fnKnown += a.fnKnown
	t.covered += a.covered
	t.covKnown += a.covKnown
	t.anySigKnown += a.anySigKnown
	t.anySigYes += a.anySigYes
	for k := range nSignals {
		t.sigYes[k] += a.sigYes[k]
		t.sigKnown[k] += a.sigKnown[k]
	}
	for _, x := range [][2][]int{{t.sectorCnt, a.sectorCnt}, {t.infl, a.infl}, {t.deg, a.deg}, {t.fn, a.fn}, {t.coveredBy, a.coveredBy}} {
		for i, n := range x[1] {
			x[0][i] += n
		}
	}
	w.totSectors |= sectors
	t.sectorsSeen = bits.OnesCount32(w.totSectors)
	for _, e := range b.engs {
		if ac := s.engActor[e]; ac >= 0 && !w.totActor[ac] {
			w.totActor[ac] = true
			t.actors++
		}
		if m := s.engMech[e]; m >= 0 && !w.totMech[m] {
			w.totMech[m] = true
			t.mechs++
		}
	}
}

// newAcc returns an empty acc sized for the summary's schemes.
func (s *Summary) newAcc() *acc {
	return &acc{sectorCnt: make([]int, len(s.sectors.concepts)), infl: make([]int, len(s.influence.concepts)),
		deg: make([]int, len(s.degrees.concepts)), fn: make([]int, len(s.functions.concepts)),
		coveredBy: make([]int, len(s.lifecycle.concepts))}
}

// withTotal makes the runs that follow also gather the total.
func (w *work) withTotal() {
	w.tot = w.s.newAcc()
	w.totActor, w.totMech = make([]bool, len(w.s.actorIDs)), make([]bool, len(w.s.mechIDs))
}

func trailing(m uint32) int { return bits.TrailingZeros32(m) }

// Cell is one figure of the matrix.
type Cell struct {
	Measure string `json:"measure"`
	// Value is nil when missing: no record of the basis has the data.
	Value *float64 `json:"value"`
	// Concept is the code of the concept a level measure reached.
	Concept string `json:"concept,omitempty"`
	// ConceptIRI is its IRI.
	ConceptIRI string `json:"conceptIri,omitempty"`
	// Basis is how many records the figure rests on.
	Basis int `json:"basis"`
	// Counted is the numerator, the sum, or the distinct things counted.
	Counted int `json:"counted"`
	// Missing is how many records of the basis lack the data.
	Missing int `json:"missing"`
	// MissingShare is Missing/Basis, nil when Basis is 0.
	MissingShare *float64 `json:"missingShare"`
	// Parts are the parts of the composite index.
	Parts []Part `json:"parts,omitempty"`
}

// Part is a part of the composite index in a row.
type Part struct {
	Part    string   `json:"part"`
	Measure string   `json:"measure"`
	Weight  float64  `json:"weight"`
	Value   *float64 `json:"value"`
}

func ptr(f float64) *float64 { return &f }

func share(n, d int) *float64 {
	if d == 0 {
		return nil
	}
	return ptr(float64(n) / float64(d))
}

// level returns the IAP2 order of influence concept k.
func (s *Summary) level(k int) float64 {
	if o := s.influence.concepts[k].order; o > 0 {
		return float64(o)
	}
	return float64(k + 1)
}

// cell computes measure id from a.
func (s *Summary) cell(id string, a *acc, weights []Part) Cell {
	c := Cell{Measure: id}
	engs := func(counted, missing int) {
		c.Basis, c.Counted, c.Missing = a.engs, counted, missing
	}
	procs := func(counted, missing int) {
		c.Basis, c.Counted, c.Missing = a.procs, counted, missing
	}
	distinct := func(n, known int) {
		if a.engs == 0 || known > 0 {
			c.Value = ptr(float64(n))
		}
	}
	switch id {
	case "procurements":
		procs(a.procs, 0)
		c.Value = ptr(float64(a.procs))
	case "engagements":
		engs(a.engs, 0)
		c.Value = ptr(float64(a.engs))
	case "actors":
		engs(a.actors, a.actorMissing)
		distinct(a.actors, a.engs-a.actorMissing)
	case "engagementsPerProcurement":
		procs(a.engsOnProcs, a.procs-a.covKnown)
		c.Value = share(a.engsOnProcs, a.covKnown)
	case "coverage":
		procs(a.covered, a.procs-a.covKnown)
		c.Value = share(a.covered, a.covKnown)
	case "sectors":
		engs(a.sectorsSeen, a.engs-a.sectorKnown)
		distinct(a.sectorsSeen, a.sectorKnown)
	case "diversity":
		engs(a.sectorKnown, a.engs-a.sectorKnown)
		c.Value = s.shannon(a.sectorCnt)
	case "influenceMax":
		engs(0, a.engs-a.inflKnown)
		for k := len(a.infl) - 1; k >= 0; k-- {
			if a.infl[k] > 0 {
				c.Counted, c.Value = a.infl[k], ptr(s.level(k))
				c.Concept, c.ConceptIRI = s.influence.concepts[k].code, s.influence.concepts[k].term.Value
				break
			}
		}
	case "influenceMedian":
		engs(a.inflKnown, a.engs-a.inflKnown)
		if a.inflKnown > 0 {
			half, sum := (a.inflKnown+1)/2, 0
			for k, n := range a.infl {
				if sum += n; sum >= half {
					c.Value = ptr(s.level(k))
					c.Concept, c.ConceptIRI = s.influence.concepts[k].code, s.influence.concepts[k].term.Value
					break
				}
			}
		}
	case "involveShare":
		n := 0
		for k := s.involve; k < len(a.infl); k++ {
			n += a.infl[k]
		}
		engs(n, a.engs-a.inflKnown)
		c.Value = share(n, a.inflKnown)
	case "mechanisms":
		engs(a.mechs, a.mechMissing)
		distinct(a.mechs, a.engs-a.mechMissing)
	case "institutionalised":
		engs(a.institutional, a.engs-a.degKnown)
		c.Value = share(a.institutional, a.degKnown)
	case "transparency":
		procs(a.anySigYes, a.procs-a.anySigKnown)
		sum, n := 0.0, 0
		for k := range nSignals {
			if v := share(a.sigYes[k], a.sigKnown[k]); v != nil {
				sum += *v
				n++
			}
		}
		if n > 0 {
			c.Value = ptr(sum / float64(n))
		}
	case "index":
		c.Basis, c.Counted = a.procs+a.engs, a.procs+a.engs
		sum, wsum, ok := 0.0, 0.0, true
		for _, p := range weights {
			part := s.cell(p.Measure, a, nil)
			p.Value = part.Value
			c.Parts = append(c.Parts, p)
			if p.Weight == 0 {
				continue
			}
			if part.Value == nil {
				ok = false
				continue
			}
			sum += p.Weight * *part.Value
			wsum += p.Weight
		}
		if ok && wsum > 0 {
			c.Value = ptr(sum / wsum)
		}
	default:
		if k, ok := signalIndex(id); ok {
			procs(a.sigYes[k], a.procs-a.sigKnown[k])
			c.Value = share(a.sigYes[k], a.sigKnown[k])
			break
		}
		scope, code, _ := strings.Cut(id, ".")
		switch scope {
		case "coverage":
			i := s.lifecycleIndex(code)
			procs(a.coveredBy[i], a.procs-a.covKnown)
			c.Value = share(a.coveredBy[i], a.covKnown)
		case "institutionalisation":
			i := slices.IndexFunc(s.degrees.concepts, func(c concept) bool { return c.code == code })
			engs(a.deg[i], a.engs-a.degKnown)
			c.Value = share(a.deg[i], a.degKnown)
		case "function":
			i := slices.IndexFunc(s.functions.concepts, func(c concept) bool { return c.code == code })
			engs(a.fn[i], a.engs-a.fnKnown)
			c.Value = share(a.fn[i], a.fnKnown)
		}
	}
	c.MissingShare = share(c.Missing, c.Basis)
	return c
}

// signalIndex returns the signal a measure id names.
func signalIndex(id string) (int, bool) {
	switch id {
	case "registerEntry":
		return sigRegisterEntry, true
	case "impactAssessment":
		return sigImpactAssessment, true
	case "legalBasis":
		return sigLegalBasis, true
	case "publicConsultation":
		return sigPublicConsultation, true
	case "documents":
		return sigDocuments, true
	}
	return 0, false
}

// shannon returns the normalised Shannon index of counts over the sector
// scheme, nil when nothing was counted or the scheme has fewer than two
// sectors.
func (s *Summary) shannon(counts []int) *float64 {
	total := 0
	for _, n := range counts {
		total += n
	}
	k := len(s.sectors.concepts)
	if total == 0 || k < 2 {
		return nil
	}
	h := 0.0
	for _, n := range counts {
		if n > 0 {
			p := float64(n) / float64(total)
			h -= p * math.Log(p)
		}
	}
	v := h / math.Log(float64(k))
	if v < 0 { // -0
		v = 0
	}
	return ptr(v)
}

// firstIn reports whether position i is met for the first time in the
// pass numbered seq, and marks it met: stamps count distinct positions
// without clearing a set between passes.
func firstIn(stamps []int32, i, seq int32) bool {
	if stamps[i] == seq {
		return false
	}
	stamps[i] = seq
	return true
}
