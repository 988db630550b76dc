package importers

import (
	"bufio"
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
	"civicgraph/importers/mapping"
	"civicgraph/rdf"
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
	// Stdin is what [ImportFiles] reads for the path "-"; nil refuses "-".
	Stdin io.Reader
	// Map, when set, reads every input through this mapping file (see
	// package mapping) whatever its name or content; Format is then unused.
	Map *mapping.Mapping
	// Restore takes RDF dumps back as they are, the way an export of the
	// whole store in N-Quads (or TriG, JSON-LD) is restored: statements
	// keep their graph, those of the default graph (the provenance of the
	// imports behind the dump) stay in the default graph, nothing is
	// derived from ePO, and no provenance record is added. Every graph
	// the inputs hold, the default graph included, is replaced. Graph and
	// Map must be unset, and the inputs RDF.
	Restore bool
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
	// Notes lists, one a line, what mapped inputs left out or recoded by
	// default (see mapping.Reader.Report), and the shapes' warnings (see
	// schema.SeverityWarning): nothing is dropped unsaid.
	Notes []string
	// Skipped counts the register entries left out because the
	// organisation responsible is not a public administration or is not
	// named (a procurement needs a public buyer); see package registers.
	Skipped int64
}

// Input is one thing to import.
type Input struct {
	Name string    // shown in errors and progress; its base name names the source graph
	R    io.Reader // the content
	Size int64     // bytes, 0 when unknown (for progress)
	// Origin says where the input comes from, so that two inputs whose
	// names give one source graph (a/data.nt and b/data.nt) are told
	// apart: [ImportFiles] sets a file's absolute path. "" means Name.
	// Only a digest of it is stored (see [SourceGraph]).
	Origin string
}

// SourceGraph returns the named graph a file's triples go into by default:
// one graph per source, named after the file's base name ("a/data.nt" →
// {graphs}source/data-nt).
//
// Names that differ can give one graph: the same base name in two folders,
// or two names with the same slug ("My refs.bib", "my-refs.bib"). So that
// one never replaces the other by accident, an import records a digest of
// its input's origin (the absolute path of a file, the name of an upload)
// with the graph's description, and [Import] refuses an input whose graph
// was last imported from another origin, naming both, unless the graph
// was given explicitly (Options.Graph, --graph). Re-importing the same
// file, or an upload of the same name, replaces the graph as before.
func SourceGraph(name string) graph.Term {
	return graph.IRI(schema.GraphIRI("source/" + schema.Slug(filepath.Base(name))))
}

// ImportFiles imports the files at paths; see [Import]. Only regular
// files are read (a FIFO, a device or a directory is refused with
// [ErrNotRegular], since reading one may never end); the path "-" reads
// opts.Stdin, which then needs opts.Format and opts.Graph, as it has no
// name to take them from.
func ImportFiles(ctx context.Context, s *graph.Store, paths []string, opts Options) (Result, error) {
	stdin := 0
	for _, p := range paths {
		if p == "-" {
			stdin++
			continue
		}
		if opts.Format == "" && opts.Map == nil {
			if _, err := FormatOf(p); err != nil {
				return Result{}, err
			}
		}
	}
	switch {
	case stdin > 1:
		return Result{}, fmt.Errorf("import: %w: \"-\" (standard input) given %d times", ErrStdin, stdin)
	case stdin == 1 && opts.Stdin == nil:
		return Result{}, fmt.Errorf("import: %w: no standard input to read \"-\" from", ErrStdin)
	case stdin == 1 && ((opts.Format == "" && opts.Map == nil) || (opts.Graph.IsZero() && !opts.Restore)):
		return Result{}, fmt.Errorf("import: %w: reading standard input (\"-\") needs --format and --graph, as it has no file name to take them from", ErrStdin)
	}
	var inputs []Input
	closeAll := func() {
		for _, in := range inputs {
			if c, ok := in.R.(io.Closer); ok {
				c.Close()
			}
		}
	}
	defer closeAll()
	for _, p := range paths {
		if p == "-" {
			inputs = append(inputs, Input{Name: "stdin", R: io.NopCloser(opts.Stdin), Origin: "-"})
			continue
		}
		in, err := openRegular(p)
		if err != nil {
			return Result{}, fmt.Errorf("import: %w", err)
		}
		inputs = append(inputs, in)
	}
	return Import(ctx, s, inputs, opts)
}

// openRegular opens the file at path when it is a regular file (or a
// symbolic link to one). It looks before it opens: opening a FIFO blocks
// until a writer comes, and reading a device may never end.
func openRegular(path string) (Input, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return Input{}, err
	}
	if !fi.Mode().IsRegular() {
		return Input{}, fmt.Errorf("%w: %s is %s; to import from a pipe, read standard input with \"-\"", ErrNotRegular, path, modeName(fi.Mode()))
	}
	f, err := os.Open(path)
	if err != nil {
		return Input{}, err
	}
	// The file may have been replaced between the two looks.
	if fi, err = f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close()
		return Input{}, fmt.Errorf("%w: %s is no longer a regular file", ErrNotRegular, path)
	}
	origin, err := filepath.Abs(path)
	if err != nil {
		origin = path
	}
	return Input{Name: path, R: f, Size: fi.Size(), Origin: origin}, nil
}

// modeName says what kind of file a mode describes, for messages.
func modeName(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeCharDevice != 0:
		return "a character device"
	case m&os.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
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
		if opts.Map != nil {
			formats[i] = Mapped
		}
		if formats[i] == "" {
			if formats[i], err = FormatOf(in.Name); err != nil {
				return res, err
			}
		}
	}
	if opts.Restore {
		if !opts.Graph.IsZero() || opts.Map != nil {
			return res, fmt.Errorf("import: %w: a restore keeps every statement's own graph: it takes no --graph and no --map", ErrRestore)
		}
		for i, f := range formats {
			if _, ok := f.rdfFormat(); !ok {
				return res, fmt.Errorf("import %s: %w: a restore reads RDF dumps (%s), not %s", inputs[i].Name, ErrRestore, strings.Join(rdf.Names(), ", "), f)
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
	e := env{ctx: ctx, store: s, schema: sc, base: opts.Base, encoding: opts.Encoding, links: &linkRun{}, mapping: opts.Map, restore: opts.Restore}
	prog := newProgress(opts.Progress, opts.Terminal, total)
	if l != nil {
		l.OnProgress(prog.phase)
	}
	var done int64
	claimed := map[graph.Term]Input{} // source graph -> the input of this run that goes there
	for i, in := range inputs {
		target, derived := opts.Graph, opts.Graph.IsZero() && !opts.Restore
		if derived {
			target = SourceGraph(in.Name)
			if err := checkClash(ctx, s, target, in, claimed); err != nil {
				return res, err
			}
		}
		src := newSource(in.Name, formats[i], opts.Now())
		src.target, src.origin = target, originKey(in)
		br := bufio.NewReaderSize(src.reader(newCtxReader(ctx, in.R)), 64<<10)
		head, err := br.Peek(sniffSize)
		if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
			return res, fmt.Errorf("import %s: %w", in.Name, err)
		}
		seen := look(head)
		if err := checkContent(in.Name, formats[i], opts.Format != "", seen); err != nil {
			return res, err
		}
		r, format, err := newReader(formats[i], br, in.Name, target, e)
		if err != nil {
			return res, fmt.Errorf("import: %w", err)
		}
		src.format = format
		if mr, ok := r.(*mapping.Reader); ok {
			src.media = mr.MediaType()
			src.plan, src.planDigest = filepath.Base(mr.Mapping().File), mr.Mapping().Digest
		}
		// Parse on one goroutine, intern and index on this one: the two
		// halves of a load run on two cores.
		validate := !opts.NoValidate && format.isDomain()
		var domain *domainQuads // kept to validate a domain format's input whole
		if validate {
			domain = newDomainQuads()
		}
		var records int64 // statements read from this input
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
				records++
				if l != nil {
					if err := l.Add(q); err != nil {
						return res, fmt.Errorf("import %s:%d: %w", in.Name, b.line, err)
					}
				}
			}
			if err := ctx.Err(); err != nil {
				return res, fmt.Errorf("import %s: %w", in.Name, err)
			}
			prog.update(done+b.bytes, res.Records+records)
		}
		res.Records += records
		if records == 0 {
			return res, fmt.Errorf("import %s: %w: %d bytes read as %s gave no statements; the file looks like %s",
				in.Name, ErrNoStatements, r.BytesRead(), formatName(format), seen.desc)
		}
		if validate {
			loc, _ := r.(locator)
			notes, err := validateInput(ctx, in.Name, sc, s, domain, loc)
			if err != nil {
				return res, err
			}
			res.Notes = append(res.Notes, notes...)
		}
		if er, ok := r.(*epoReader); ok && !opts.NoValidate && len(er.derived()) > 0 {
			// RDF is taken as it is, but what the ePO mapping derived from
			// it must meet the shapes like any domain format.
			d := newDomainQuads()
			for _, q := range er.derived() {
				d.add(q)
			}
			notes, err := validateInput(ctx, in.Name, sc, s, d, nil)
			if err != nil {
				return res, err
			}
			res.Notes = append(res.Notes, notes...)
		}
		if sr, ok := r.(interface{ Skipped() int }); ok {
			res.Skipped += int64(sr.Skipped())
		}
		if lr, ok := r.(linkedReader); ok {
			e.links.finish(target, lr.linker())
		}
		if rr, ok := r.(reporter); ok {
			res.Notes = append(res.Notes, rr.Report()...)
		}
		done += r.BytesRead()
		res.Files++
		src.ended = opts.Now()
		if l != nil && !opts.Restore {
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
	// A signal or a cancelled request up to here leaves the store as it
	// was; the commit itself is atomic.
	if err := ctx.Err(); err != nil {
		return res, fmt.Errorf("import: %w", err)
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
		// The consumer stops when ctx is done even while r is blocked in a
		// read that does not see ctx (a pipe that stays open).
		for {
			select {
			case b, ok := <-ch:
				if !ok || !yield(b) {
					return
				}
			case <-ctx.Done():
				yield(batch{err: ctx.Err()})
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
	// Places says, for each violation of List, where in the file its
	// focus was read ("12: entry smith2019" for a bibliography), "" when
	// that is not known; nil when the format does not tell.
	Places []string
}

// MaxProblems is how many problems an error lists before it only counts.
const MaxProblems = 100

// Error lists the violations, one a line, after the file name.
func (e *ValidationError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "import %s: %d problems against the shapes (--no-validate to import anyway):", e.File, e.Total)
	for i, v := range e.List {
		b.WriteString("\n  ")
		if i < len(e.Places) && e.Places[i] != "" {
			// Where the entry is, rather than the IRI minted for it.
			fmt.Fprintf(&b, "%s:%s: %s: found %s, expected %s (%s)", e.File, e.Places[i], curie(v.Path), foundOf(v), v.Expected, v.Code)
			continue
		}
		b.WriteString(v.Error())
	}
	if e.Total > len(e.List) {
		fmt.Fprintf(&b, "\n  ... and %d more", e.Total-len(e.List))
	}
	return b.String()
}

// Unwrap returns schema.ErrViolation.
func (e *ValidationError) Unwrap() error { return schema.ErrViolation }

// foundOf is the value a violation found, or "no value".
func foundOf(v schema.Violation) string {
	if v.Value == "" {
		return "no value"
	}
	return v.Value
}

// curie writes a property IRI with its known prefix ("foaf:name").
func curie(iri string) string {
	for _, p := range schema.Prefixes() {
		if rest, ok := strings.CutPrefix(iri, p.IRI); ok && rest != "" && !strings.ContainsAny(rest, "/#") {
			return p.Name + ":" + rest
		}
	}
	return "<" + iri + ">"
}
