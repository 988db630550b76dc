package importers

import (
	"fmt"
	"io"
	"time"

	"civicgraph/graph"
)

// progress reports an import's progress: a line redrawn in place on a
// terminal, or a plain line every few seconds otherwise.
type progress struct {
	w         io.Writer // nil: silent
	terminal  bool
	start     time.Time
	last      time.Time
	total     int64     // bytes in all inputs, 0 when unknown
	lastPhase string    // the load's last phase, once reading is done
	shown     time.Time // when a phase line was last printed
}

func newProgress(w io.Writer, terminal bool, total int64) *progress {
	now := time.Now()
	return &progress{w: w, terminal: terminal, start: now, last: now, total: total}
}

// update reports bytes read and records parsed so far, at most ten times a
// second on a terminal and every five seconds otherwise.
func (p *progress) update(bytes, records int64) {
	if p.w == nil {
		return
	}
	now := time.Now()
	every := 5 * time.Second
	if p.terminal {
		every = 100 * time.Millisecond
	}
	if now.Sub(p.last) < every {
		return
	}
	p.last = now
	p.print(now, bytes, records, false)
}

// done prints the final line.
func (p *progress) done(bytes, records int64) {
	if p.w == nil {
		return
	}
	p.print(time.Now(), bytes, records, true)
}

func (p *progress) print(now time.Time, bytes, records int64, final bool) {
	el := now.Sub(p.start).Seconds()
	rate := 0.0
	if el > 0 {
		rate = float64(records) / el
	}
	line := fmt.Sprintf("%s read, %d records, %.0f records/s", humanBytes(bytes), records, rate)
	if p.total > 0 && !final {
		pct := float64(bytes) / float64(p.total)
		eta := "?"
		if bytes > 0 {
			eta = (time.Duration(el/pct*(1-pct)) * time.Second).Round(time.Second).String()
		}
		line = fmt.Sprintf("%5.1f%% %s, ETA %s", 100*pct, line, eta)
	}
	if p.terminal {
		end := ""
		if final {
			end = "\n"
		}
		fmt.Fprintf(p.w, "\r\x1b[K%s%s", line, end)
		return
	}
	fmt.Fprintln(p.w, line)
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.2f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// phase reports a step of the load (graph.LoadProgress): the phases of a
// commit, which take a while after the input is read. A new phase is
// printed at once; the count within a phase as often as update prints.
func (p *progress) phase(lp graph.LoadProgress) {
	if p.w == nil {
		return
	}
	now := time.Now()
	every := 5 * time.Second
	if p.terminal {
		every = 100 * time.Millisecond
	}
	if lp.Phase == p.lastPhase && now.Sub(p.shown) < every {
		return
	}
	p.lastPhase, p.shown = lp.Phase, now
	line := lp.Phase
	switch {
	case lp.Total > 0 && lp.Phase == graph.PhaseIndexes:
		line = fmt.Sprintf("%s: %d of %d", lp.Phase, lp.Done+1, lp.Total)
	case lp.Total > 0:
		line = fmt.Sprintf("%s: %d of %d quads", lp.Phase, lp.Done, lp.Total)
	}
	line = fmt.Sprintf("%s (%s)", line, now.Sub(p.start).Round(time.Second))
	if p.terminal {
		fmt.Fprintf(p.w, "\r\x1b[K%s", line)
		return
	}
	fmt.Fprintln(p.w, line)
}
