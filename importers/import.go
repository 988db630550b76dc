package importers

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"time"

	"civicgraph/graph"
	"civicgraph/importers/bib"
	"civicgraph/schema"
)

// Options configures [Import].
type Options struct {
	// Format of every input; "" guesses each file's from its extension.
	Format Format
	// Graph receives the triples of every input that come without a graph
	// (all of an N-Triples file, the default-graph part of an N-Quads file).
	// The zero Term means each file's own source graph, [SourceGraph].
	Graph graph.Term
	// DryRun parses and checks everything and writes nothing.
	DryRun bool
	// Progress receives progress lines; nil means none.
	Progress io.Writer
	// Terminal redraws one progress line instead of printing many.
	Terminal bool
	// Base is the base IRI of the provenance records' instances; "" means
	// schema.DefaultBase.
	Base string
	// Now returns the time for provenance records; nil means time.Now.
	Now func() time.Time
	// Encoding of CSV inputs: "" (UTF-8), latin1 or windows-1252.
	Encoding string
	// NoValidate skips checking domain formats (bibliographies, OCDS,
	// citation lists) against the shapes. CSV is always checked.
	NoValidate bool
}

// Result says what an import did.
type Result struct {
	Files   int
	Records int64 // statements read
	Load    graph.LoadStats
	// Linked counts the works, persons and organisations of bibliographies
	// (BibTeX, RIS, CSL-JSON, citation lists) that the store already held
	// outside the graphs replaced, whose IRIs the import used.
	Linked bib.LinkStats
}

// Input is one thing to import.
type Input struct {
	Name string    // shown in errors and progress; also names the source graph
	R    io.Reader // the content
	Size int64     // bytes, 0 when unknown (for progress)
}

// SourceGraph returns the named graph a file's triples go into by default:
// one graph per source, named after the file.
func SourceGraph(name string) graph.Term {
	return graph.IRI(schema.GraphIRI("source/" + schema.Slug(filepath.Base(name))))
}

// ImportFiles imports the files at paths; see [Import].
func ImportFiles(ctx context.Context, s *graph.Store, paths []string, opts Options) (Result, error) {
	if opts.Format == "" {
		for _, p := range paths {
			if _, err := FormatOf(p); err != nil {
				return Result{}, err
			}
		}
	}
	var inputs []Input
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			for _, in := range inputs {
				in.R.(io.Closer).Close()
			}
			return Result{}, fmt.Errorf("import: %w", err)
		}
		defer f.Close()
		var size int64
		if fi, err := f.Stat(); err == nil {
			size = fi.Size()
		}
		inputs = append(inputs, Input{Name: p, R: f, Size: size})
	}
	return Import(ctx, s, inputs, opts)
}

// Import reads every input and replaces, atomically, each graph the inputs
// write to, and appends a provenance record per input to the default graph
// (see source.quads). On any error nothing is written. With opts.DryRun, s
// may be nil.
//
// The works, persons and organisations of a bibliography (BibTeX, RIS,
// CSL-JSON, a citation list) that the store already holds, outside the
// graph the input replaces, keep the store's IRIs (see bib.Linker and
// linkRun); Result.Linked counts them. A bibliography's bad entries are
// all reported, the first 100 listed, in one error.
func Import(ctx context.Context, s *graph.Store, inputs []Input, opts Options) (res Result, err error) {
	var total int64
	formats := make([]Format, len(inputs))
	for i, in := range inputs {
		total += in.Size
		formats[i] = opts.Format
		if formats[i] == "" {
			if formats[i], err = FormatOf(in.Name); err != nil {
				return res, err
			}
		}
	}
	var l *graph.Loader
	if !opts.DryRun {
		if l, err = s.NewLoader(ctx); err != nil {
			return res, fmt.Errorf("import: %w", err)
		}
		defer func() {
			if err != nil {
				if aerr := l.Abort(); aerr != nil {
					err = errors.Join(err, aerr)
				}
			}
		}()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Base == "" {
		opts.Base = schema.DefaultBase
	}
	sc, err := schema.New()
	if err != nil {
		return res, fmt.Errorf("import: %w", err)
	}
	e := env{ctx: ctx, store: s, schema: sc, base: opts.Base, encoding: opts.Encoding, links: &linkRun{}}
	prog := newProgress(opts.Progress, opts.Terminal, total)
	if l != nil {
		l.OnProgress(prog.phase)
	}
	var done int64
	for i, in := range inputs {
		target := opts.Graph
		if target.IsZero() {
			target = SourceGraph(in.Name)
		}
		src := newSource(in.Name, formats[i], opts.Now())
		r, format, err := newReader(formats[i], src.reader(in.R), in.Name, target, e)
		if err != nil {
			return res, fmt.Errorf("import: %w", err)
		}
		src.format = format
		// Parse on one goroutine, intern and index on this one: the two
		// halves of a load run on two cores.
		validate := !opts.NoValidate && format.isDomain()
		var domain *domainQuads // kept to validate a domain format's input whole
		if validate {
			domain = newDomainQuads()
		}
		for b := range readBatches(ctx, r) {
			if b.err != nil {
				return res, fmt.Errorf("import: %w", b.err)
			}
			for _, q := range b.quads {
				if q.G.IsZero() {
					q.G = target
				}
				q.S, q.O, q.G = src.scope(q.S), src.scope(q.O), src.scope(q.G)
				src.graphs[q.G]++
				if validate {
					domain.add(q)
				}
				res.Records++
				if l != nil {
					if err := l.Add(q); err != nil {
						return res, fmt.Errorf("import %s:%d: %w", in.Name, b.line, err)
					}
				}
			}
			if err := ctx.Err(); err != nil {
				return res, err
			}
			prog.update(done+b.bytes, res.Records)
		}
		if validate {
			if err := validateInput(ctx, in.Name, sc, s, domain); err != nil {
				return res, err
			}
		}
		if lr, ok := r.(linkedReader); ok {
			e.links.finish(target, lr.linker())
		}
		done += r.BytesRead()
		res.Files++
		src.ended = opts.Now()
		if l != nil {
			for g := range src.graphs {
				for _, p := range replacedDescriptions(g) {
					if err := l.DeleteMatch(p); err != nil {
						return res, fmt.Errorf("import %s: provenance: %w", in.Name, err)
					}
				}
			}
			for _, q := range src.quads(opts.Base) {
				if err := l.Append(q); err != nil {
					return res, fmt.Errorf("import %s: provenance: %w", in.Name, err)
				}
			}
		}
	}
	res.Linked = e.links.stats
	if l != nil {
		if res.Load, err = l.Commit(); err != nil {
			return res, fmt.Errorf("import: %w", err)
		}
	}
	prog.done(done, res.Records)
	return res, nil
}

// batch is a run of statements read from one input.
type batch struct {
	quads []graph.Quad
	line  int   // line of the last statement
	bytes int64 // input consumed so far
	err   error // the reader's error, if it stopped on one (not io.EOF)
}

// readBatches reads r on a goroutine and yields its statements in batches.
// The goroutine stops when r ends, fails, or the consumer stops.
func readBatches(ctx context.Context, r quadReader) iter.Seq[batch] {
	return func(yield func(batch) bool) {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		ch := make(chan batch, 4)
		go func() {
			defer close(ch)
			for {
				b := batch{quads: make([]graph.Quad, 0, 1024)}
				for len(b.quads) < cap(b.quads) {
					q, err := r.Read()
					if err == io.EOF {
						break
					}
					if err != nil {
						b.err = err
						break
					}
					b.quads = append(b.quads, q)
				}
				b.line, b.bytes = r.Line(), r.BytesRead()
				last := b.err != nil || len(b.quads) < cap(b.quads)
				select {
				case ch <- b:
				case <-ctx.Done():
					return
				}
				if last {
					return
				}
			}
		}()
		for b := range ch {
			if !yield(b) {
				return
			}
		}
	}
}

// ValidationError lists how an input breaks the shapes: the first
// MaxProblems violations and how many there were.
type ValidationError struct {
	File  string
	List  []schema.Violation
	Total int
}

// MaxProblems is how many problems an error lists before it only counts.
const MaxProblems = 100

// Error lists the violations, one a line, after the file name.
func (e *ValidationError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "import %s: %d problems against the shapes (--no-validate to import anyway):", e.File, e.Total)
	for _, v := range e.List {
		b.WriteString("\n  ")
		b.WriteString(v.Error())
	}
	if e.Total > len(e.List) {
		fmt.Fprintf(&b, "\n  ... and %d more", e.Total-len(e.List))
	}
	return b.String()
}

// Unwrap returns schema.ErrViolation.
func (e *ValidationError) Unwrap() error { return schema.ErrViolation }
