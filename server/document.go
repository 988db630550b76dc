package server

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"text/scanner"
)

// document is a GraphQL executable document as the cost estimate reads
// it: the operations (with their type, variables and defaults) and the
// fragments, as trees of fields with their arguments.
//
// graphql-go keeps its parser internal, so the server parses the document
// a second time with parseDocument, which follows graphql-go's grammar
// token for token: the same text/scanner modes (so names, numbers and
// strings split where graphql-go splits them, Unicode letters in names
// included), comments, commas and block strings handled as graphql-go
// handles them. A document parseDocument cannot read is not run at all
// (the handler fails closed; see graphqlHandler.ServeHTTP).
type document struct {
	ops   []*operation
	frags map[string]*fragment
}

type fragment struct {
	on  string
	sel []*selection
}

type operation struct {
	typ  string // query, mutation or subscription
	name string
	vars map[string]*value // variables by name, with their default (nil when none)
	sel  []*selection
}

// selection is a field (name set), a fragment spread (spread set) or an
// inline fragment (neither, children only, on the type condition if any).
type selection struct {
	name     string
	on       string
	spread   string
	args     map[string]*value
	children []*selection
}

// valueKind is the kind of a literal in a document.
type valueKind int

const (
	valueVariable valueKind = iota + 1
	valueInt
	valueFloat
	valueString
	valueName // true, false, null or an enum value
	valueList
	valueObject
)

// value is a literal (or a variable) in a document.
type value struct {
	kind   valueKind
	text   string // the name of a variable, the text of a number or a name
	list   []*value
	fields map[string]*value
}

// maxParseDepth bounds the nesting of selection sets, lists, objects and
// types, as graphql-go's parser does (common.MaxParserDepth).
const maxParseDepth = 1000

// syntaxError stops a parse.
type syntaxError struct {
	pos scanner.Position
	msg string
}

func (e *syntaxError) Error() string {
	return fmt.Sprintf("line %d, column %d: %s", e.pos.Line, e.pos.Column, e.msg)
}

// docParser reads a document with text/scanner, in the modes graphql-go
// uses.
type docParser struct {
	sc    scanner.Scanner
	tok   rune
	text  string
	pos   scanner.Position
	depth int
	err   *syntaxError
}

// parseDocument parses src; the error says where it stopped and why.
func parseDocument(src string) (doc *document, err error) {
	p := &docParser{}
	p.sc.Init(strings.NewReader(src))
	p.sc.Mode = scanner.ScanIdents | scanner.ScanInts | scanner.ScanFloats | scanner.ScanStrings
	p.sc.Error = func(s *scanner.Scanner, msg string) {
		// graphql-go rewrites GraphQL's \u{...} and surrogate escapes
		// before scanning; text/scanner reports them as bad escapes but
		// still ends the string where graphql-go does. Anything else
		// (an unterminated string, a bad number) is an error.
		if msg == "invalid char escape" {
			return
		}
		if p.err == nil {
			p.err = &syntaxError{s.Pos(), msg}
		}
	}
	defer func() {
		if r := recover(); r != nil {
			se, ok := r.(*syntaxError)
			if !ok {
				panic(r)
			}
			doc, err = nil, se
		}
	}()
	p.advance()
	doc = &document{frags: map[string]*fragment{}}
	for p.tok != scanner.EOF {
		p.description()
		if p.tok == '{' {
			doc.ops = append(doc.ops, &operation{typ: "query", sel: p.selectionSet()})
			continue
		}
		switch kw := p.name(); kw {
		case "query", "mutation", "subscription":
			doc.ops = append(doc.ops, p.operation(kw))
		case "fragment":
			name := p.name()
			if name == "on" {
				p.fail(fmt.Sprintf("a fragment cannot be named %q", name))
			}
			if p.name() != "on" {
				p.fail(`expected "on"`)
			}
			f := &fragment{on: p.name()}
			p.directives()
			f.sel = p.selectionSet()
			doc.frags[name] = f
		default:
			p.fail(fmt.Sprintf("unexpected %q, expected an operation or a fragment", kw))
		}
	}
	if p.err != nil {
		return nil, p.err
	}
	if len(doc.ops) == 0 {
		return nil, errors.New("no operation in the document")
	}
	return doc, nil
}

// advance moves to the next token, skipping commas and comments.
func (p *docParser) advance() {
	for {
		p.tok = p.sc.Scan()
		if p.err != nil {
			panic(p.err)
		}
		switch p.tok {
		case ',':
			continue
		case '#':
			for {
				c := p.sc.Next()
				if c == '\r' || c == '\n' || c == scanner.EOF {
					break
				}
			}
			continue
		}
		p.text = p.sc.TokenText()
		p.pos = p.sc.Position
		if p.tok == scanner.String && p.text == `""` && p.sc.Peek() == '"' {
			p.blockString()
		}
		return
	}
}

// blockString reads the rest of a block string ("""...""") the way
// graphql-go does: text/scanner has read `""`, the third quote is next,
// and the string ends at the next three quotes in a row, or at the end.
func (p *docParser) blockString() {
	p.sc.Next()
	quotes := 0
	for {
		c := p.sc.Next()
		if c == '"' {
			quotes++
		} else {
			quotes = 0
		}
		if quotes == 3 || c == scanner.EOF {
			break
		}
	}
	p.text = `"…"`
}

func (p *docParser) fail(msg string) {
	panic(&syntaxError{p.pos, msg})
}

func (p *docParser) expect(tok rune) {
	if p.tok != tok {
		p.fail(fmt.Sprintf("unexpected %q, expected %s", p.text, scanner.TokenString(tok)))
	}
	p.advance()
}

func (p *docParser) name() string {
	if p.tok != scanner.Ident {
		p.fail(fmt.Sprintf("unexpected %q, expected a name", p.text))
	}
	n := p.text
	p.advance()
	return n
}

func (p *docParser) descend() {
	p.depth++
	if p.depth > maxParseDepth {
		p.fail("nesting deeper than 1000")
	}
}

// description skips a string before a definition (graphql-go accepts
// descriptions on operations, fragments and variables).
func (p *docParser) description() {
	if p.tok == scanner.String {
		p.advance()
		if p.tok == '{' {
			p.fail("a description is only allowed before a full operation, a fragment or a variable")
		}
	}
}

func (p *docParser) operation(typ string) *operation {
	op := &operation{typ: typ, vars: map[string]*value{}}
	if p.tok == scanner.Ident {
		op.name = p.name()
	}
	if p.tok == '(' {
		p.advance()
		for p.tok != ')' {
			p.description()
			p.expect('$')
			name := p.name()
			p.expect(':')
			p.typeRef()
			var def *value
			if p.tok == '=' {
				p.advance()
				def = p.value(true)
			}
			p.directives()
			op.vars[name] = def
		}
		p.advance()
	}
	p.directives()
	op.sel = p.selectionSet()
	return op
}

// typeRef reads a variable's type: Name, [Type] or either with !.
func (p *docParser) typeRef() {
	if p.tok == '[' {
		p.descend()
		p.advance()
		p.typeRef()
		p.expect(']')
		p.depth--
	} else {
		p.name()
	}
	if p.tok == '!' {
		p.advance()
	}
}

func (p *docParser) directives() {
	for p.tok == '@' {
		p.advance()
		p.name()
		if p.tok == '(' {
			p.arguments()
		}
	}
}

func (p *docParser) arguments() map[string]*value {
	args := map[string]*value{}
	p.expect('(')
	for p.tok != ')' {
		name := p.name()
		if _, dup := args[name]; dup {
			p.fail(fmt.Sprintf("argument %s given twice", name))
		}
		p.expect(':')
		args[name] = p.value(false)
		p.directives()
	}
	p.advance()
	return args
}

// value reads a literal; constOnly refuses variables (defaults).
func (p *docParser) value(constOnly bool) *value {
	switch p.tok {
	case '$':
		if constOnly {
			p.fail("a variable is not allowed here")
		}
		p.advance()
		return &value{kind: valueVariable, text: p.name()}
	case scanner.Int, scanner.Float, scanner.String, scanner.Ident:
		v := &value{text: p.text}
		switch p.tok {
		case scanner.Int:
			v.kind = valueInt
		case scanner.Float:
			v.kind = valueFloat
		case scanner.String:
			v.kind = valueString
		default:
			v.kind = valueName
		}
		p.advance()
		return v
	case '-':
		p.advance()
		if p.tok != scanner.Int && p.tok != scanner.Float {
			p.fail(fmt.Sprintf("unexpected %q after -, expected a number", p.text))
		}
		v := p.value(constOnly)
		v.text = "-" + v.text
		return v
	case '[':
		p.descend()
		p.advance()
		v := &value{kind: valueList}
		for p.tok != ']' {
			v.list = append(v.list, p.value(constOnly))
		}
		p.advance()
		p.depth--
		return v
	case '{':
		p.descend()
		p.advance()
		v := &value{kind: valueObject, fields: map[string]*value{}}
		for p.tok != '}' {
			name := p.name()
			p.expect(':')
			v.fields[name] = p.value(constOnly)
		}
		p.advance()
		p.depth--
		return v
	}
	p.fail(fmt.Sprintf("unexpected %q, expected a value", p.text))
	return nil
}

func (p *docParser) selectionSet() []*selection {
	p.descend()
	p.expect('{')
	var out []*selection
	for first := true; first || p.tok != '}'; first = false {
		out = append(out, p.selection())
	}
	p.advance()
	p.depth--
	return out
}

func (p *docParser) selection() *selection {
	if p.tok == '.' {
		p.advance()
		p.expect('.')
		if p.tok != '.' {
			p.fail(fmt.Sprintf("unexpected %q, expected ...", p.text))
		}
		p.advance()
		s := &selection{}
		if p.tok == scanner.Ident {
			n := p.name()
			if n != "on" {
				s.spread = n
				p.directives()
				return s
			}
			s.on = p.name()
		}
		p.directives()
		s.children = p.selectionSet()
		return s
	}
	s := &selection{name: p.name()}
	if p.tok == ':' {
		p.advance()
		s.name = p.name()
	}
	if p.tok == '(' {
		s.args = p.arguments()
	}
	p.directives()
	if p.tok == '{' {
		s.children = p.selectionSet()
	}
	return s
}

// operation returns the operation that graphql-go runs for name: the only
// one when name is "", else the first of that name.
func (d *document) operation(name string) (*operation, error) {
	if name == "" {
		if len(d.ops) > 1 {
			return nil, errors.New("more than one operation in the document and no operation name given")
		}
		return d.ops[0], nil
	}
	for _, op := range d.ops {
		if op.name == name {
			return op, nil
		}
	}
	return nil, fmt.Errorf("no operation named %s", strconv.Quote(name))
}
