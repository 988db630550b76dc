package importers

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"civicgraph/graph"
	"civicgraph/schema"
)

// propOrigin is the property of a source graph's description that holds
// the digest of the input's origin (see SourceGraph).
const propOrigin = schema.NSDCTerms + "source"

// originKey returns the digest of where an input comes from, "origin:"
// and the hex SHA-256 of Input.Origin (else of its Name). A digest, so
// that the store does not keep local paths.
func originKey(in Input) string {
	o := in.Origin
	if o == "" {
		o = in.Name
	}
	sum := sha256.Sum256([]byte(o))
	return "origin:" + hex.EncodeToString(sum[:16])
}

// checkClash refuses an input whose source graph target is taken by an
// input of another origin: an earlier one of the same run (claimed), or
// the last import of that graph into the store s (nil in a dry run).
func checkClash(ctx context.Context, s *graph.Store, target graph.Term, in Input, claimed map[graph.Term]Input) error {
	key := originKey(in)
	if prev, ok := claimed[target]; ok && originKey(prev) != key {
		return fmt.Errorf("import: %w: %s and %s would both go to graph <%s>, which is named after the file's base name; import them one at a time, each with its own --graph IRI",
			ErrGraphClash, prev.Name, in.Name, target.Value)
	}
	claimed[target] = in
	if s == nil {
		return nil
	}
	was, ok, err := lastImport(ctx, s, target)
	if err != nil {
		return fmt.Errorf("import %s: %w", in.Name, err)
	}
	if ok && was.origin != "" && was.origin != key {
		return fmt.Errorf("import %s: %w: graph <%s> holds %s, imported from elsewhere%s; it would replace that. To replace it, name the graph with --graph <%s>; to keep both, give %s another --graph IRI (or, for an upload, another name)",
			in.Name, ErrGraphClash, target.Value, quoteName(was.title), was.when, target.Value, in.Name)
	}
	return nil
}

// earlier is what the store says of the last import of a graph.
type earlier struct {
	origin string // its originKey, "" when not recorded (stores of before)
	title  string // the input's base name
	when   string // " on <start time>", or ""
}

// lastImport reads the description of graph g in the default graph: the
// origin of its last import, and that import's file name and time.
func lastImport(ctx context.Context, s *graph.Store, g graph.Term) (earlier, bool, error) {
	var e earlier
	found := false
	err := s.View(ctx, func(v *graph.View) error {
		first := func(p graph.Pattern) (graph.Term, error) {
			for q, err := range v.Match(p) {
				if err != nil {
					return graph.Term{}, err
				}
				return q.O, nil
			}
			return graph.Term{}, nil
		}
		o, err := first(graph.Pattern{S: g, P: graph.IRI(propOrigin), DefaultGraph: true})
		if err != nil || o.IsZero() {
			return err
		}
		found, e.origin = true, o.Value
		act, err := first(graph.Pattern{S: g, P: graph.IRI(schema.PROVWasGeneratedBy), DefaultGraph: true})
		if err != nil || act.IsZero() {
			return err
		}
		if t, err := first(graph.Pattern{S: act, P: graph.IRI(schema.PROVStartedAtTime), DefaultGraph: true}); err == nil && !t.IsZero() {
			e.when = " on " + t.Value
		}
		ent, err := first(graph.Pattern{S: act, P: graph.IRI(schema.PROVUsed), DefaultGraph: true})
		if err != nil || ent.IsZero() {
			return err
		}
		t, err := first(graph.Pattern{S: ent, P: graph.IRI(schema.DCTermsTitle), DefaultGraph: true})
		e.title = t.Value
		return err
	})
	return e, found, err
}

// quoteName quotes a file name for a message, or says there is none.
func quoteName(n string) string {
	if n == "" {
		return "an earlier import"
	}
	return fmt.Sprintf("%q", n)
}

// checkContent refuses an input that is empty, or whose start plainly is
// not format f (explicit: named by the user rather than by the file's
// extension).
func checkContent(name string, f Format, explicit bool, seen looks) error {
	if seen.kind == kindEmpty {
		return fmt.Errorf("import %s: %w: the file is %s; nothing was imported and no graph changed", name, ErrEmpty, seen.desc)
	}
	if compatible(f, seen.kind) {
		return nil
	}
	how := "by its extension " + filepath.Ext(name)
	if explicit {
		how = "as --format says"
	}
	what := formatName(f)
	if f == JSON {
		return fmt.Errorf("import %s: %w: read as JSON (%s), but it is not JSON: it looks like %s%s", name, ErrFormatMismatch, how, seen.desc, suggestion(seen.kind))
	}
	return fmt.Errorf("import %s: %w: read as %s (%s), but it looks like %s%s", name, ErrFormatMismatch, what, how, seen.desc, suggestion(seen.kind))
}

// suggestion is the end of a mismatch message: the --format to use.
func suggestion(k kind) string {
	if f := suggest(k); f != "" {
		return "; name its format with --format " + f
	}
	return ""
}

// ctxReader reads r until ctx is done. A read from a pipe or a network
// body can block for ever; Read then returns ctx's error at once and
// leaves the blocked read to finish on its own goroutine, whose result is
// dropped. Regular files are read directly: their reads end.
type ctxReader struct {
	ctx  context.Context
	r    io.Reader
	done chan readResult
}

type readResult struct {
	n   int
	err error
}

// newCtxReader returns r read under ctx.
func newCtxReader(ctx context.Context, r io.Reader) io.Reader {
	if f, ok := r.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			return r
		}
	}
	return &ctxReader{ctx: ctx, r: r, done: make(chan readResult, 1)}
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	go func() {
		n, err := c.r.Read(p)
		c.done <- readResult{n, err}
	}()
	select {
	case res := <-c.done:
		return res.n, res.err
	case <-c.ctx.Done():
		return 0, c.ctx.Err()
	}
}
