package server

import (
	"strconv"
	"strings"

	"github.com/graph-gophers/graphql-go/ast"
)

// document is the little the server needs to know of a GraphQL request
// before running it: the operations (with their type) and the fragments,
// as trees of fields with their list-size arguments. It is read by a small
// parser of its own, because graphql-go keeps its parser internal; a
// document this parser cannot read is left to graphql-go to reject.
type document struct {
	ops   []operation
	frags map[string]fragment
}

type fragment struct {
	on  string
	sel []selection
}

type operation struct {
	typ  string // query, mutation or subscription
	name string
	sel  []selection
}

// selection is a field (name set), a fragment spread (spread set) or an
// inline fragment (neither, children only, on the type condition if any).
type selection struct {
	name     string
	on       string
	spread   string
	size     int    // the field's first or limit argument, 0 when absent
	sizeVar  string // the variable the size comes from
	children []selection
}

type token struct {
	kind byte // 'n' name, 'i' number, 's' string, or the punctuator itself; 0 at the end
	text string
}

// lex splits a GraphQL document into tokens, dropping whitespace, commas
// and comments.
func lex(src string) ([]token, bool) {
	var out []token
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == 0xEF || c == 0xBB || c == 0xBF:
			i++
		case c == '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case c == '"':
			if len(src) >= i+3 && src[i:i+3] == `"""` {
				j := i + 3
				for j+3 <= len(src) && src[j:j+3] != `"""` {
					if src[j] == '\\' {
						j++
					}
					j++
				}
				if j+3 > len(src) {
					return nil, false
				}
				i = j + 3
			} else {
				j := i + 1
				for j < len(src) && src[j] != '"' {
					if src[j] == '\\' {
						j++
					}
					if j < len(src) && src[j] == '\n' {
						return nil, false
					}
					j++
				}
				if j >= len(src) {
					return nil, false
				}
				i = j + 1
			}
			out = append(out, token{'s', ""})
		case c == '.' && len(src) >= i+3 && src[i:i+3] == "...":
			out = append(out, token{'.', "..."})
			i += 3
		case isNameStart(c):
			j := i
			for j < len(src) && (isNameStart(src[j]) || src[j] >= '0' && src[j] <= '9') {
				j++
			}
			out = append(out, token{'n', src[i:j]})
			i = j
		case c == '-' || c >= '0' && c <= '9':
			j := i + 1
			for j < len(src) && (src[j] >= '0' && src[j] <= '9' || src[j] == '.' || src[j] == 'e' || src[j] == 'E' || src[j] == '+' || src[j] == '-') {
				j++
			}
			out = append(out, token{'i', src[i:j]})
			i = j
		case c == '{' || c == '}' || c == '(' || c == ')' || c == ':' || c == '$' || c == '!' || c == '=' || c == '@' || c == '[' || c == ']' || c == '|' || c == '&':
			out = append(out, token{c, string(c)})
			i++
		default:
			return nil, false
		}
	}
	return out, true
}

func isNameStart(c byte) bool { return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

type parser struct {
	toks  []token
	pos   int
	ok    bool
	depth int
}

func (p *parser) peek() token {
	if p.pos < len(p.toks) {
		return p.toks[p.pos]
	}
	return token{}
}

func (p *parser) next() token {
	t := p.peek()
	if p.pos < len(p.toks) {
		p.pos++
	} else {
		p.ok = false
	}
	return t
}

func (p *parser) expect(kind byte) token {
	t := p.next()
	if t.kind != kind {
		p.ok = false
	}
	return t
}

// parseDocument reads src; ok is false when it is not a document this
// parser understands.
func parseDocument(src string) (document, bool) {
	toks, ok := lex(src)
	if !ok {
		return document{}, false
	}
	p := &parser{toks: toks, ok: true}
	doc := document{frags: map[string]fragment{}}
	for p.ok && p.pos < len(p.toks) {
		t := p.peek()
		switch {
		case t.kind == '{':
			doc.ops = append(doc.ops, operation{typ: "query", sel: p.selectionSet()})
		case t.kind == 'n' && (t.text == "query" || t.text == "mutation" || t.text == "subscription"):
			p.next()
			op := operation{typ: t.text}
			if p.peek().kind == 'n' {
				op.name = p.next().text
			}
			if p.peek().kind == '(' {
				p.skipBalanced('(', ')')
			}
			p.directives()
			op.sel = p.selectionSet()
			doc.ops = append(doc.ops, op)
		case t.kind == 'n' && t.text == "fragment":
			p.next()
			name := p.expect('n').text
			if p.next().text != "on" {
				p.ok = false
			}
			on := p.expect('n').text
			p.directives()
			doc.frags[name] = fragment{on: on, sel: p.selectionSet()}
		default:
			p.ok = false
		}
	}
	return doc, p.ok
}

// skipBalanced skips from an open token to its matching close.
func (p *parser) skipBalanced(open, close byte) {
	depth := 0
	for p.ok {
		t := p.next()
		switch t.kind {
		case open:
			depth++
		case close:
			depth--
			if depth == 0 {
				return
			}
		case 0:
			p.ok = false
		}
	}
}

func (p *parser) directives() {
	for p.ok && p.peek().kind == '@' {
		p.next()
		p.expect('n')
		if p.peek().kind == '(' {
			p.skipBalanced('(', ')')
		}
	}
}

func (p *parser) selectionSet() []selection {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > 200 {
		p.ok = false
		return nil
	}
	p.expect('{')
	var out []selection
	for p.ok && p.peek().kind != '}' {
		t := p.peek()
		if t.kind == '.' {
			p.next()
			if n := p.peek(); n.kind == 'n' && n.text != "on" {
				p.next()
				p.directives()
				out = append(out, selection{spread: n.text})
				continue
			}
			on := ""
			if p.peek().text == "on" {
				p.next()
				on = p.expect('n').text
			}
			p.directives()
			out = append(out, selection{on: on, children: p.selectionSet()})
			continue
		}
		f := selection{name: p.expect('n').text}
		if p.peek().kind == ':' {
			p.next()
			f.name = p.expect('n').text
		}
		if p.peek().kind == '(' {
			p.arguments(&f)
		}
		p.directives()
		if p.peek().kind == '{' {
			f.children = p.selectionSet()
		}
		out = append(out, f)
	}
	p.expect('}')
	return out
}

// arguments reads a field's arguments, keeping first and limit.
func (p *parser) arguments(f *selection) {
	p.expect('(')
	for p.ok && p.peek().kind != ')' {
		name := p.expect('n').text
		p.expect(':')
		v := p.peek()
		switch v.kind {
		case '$':
			p.next()
			vn := p.expect('n').text
			if name == "first" || name == "limit" {
				f.sizeVar = vn
			}
		case 'i':
			p.next()
			if name == "first" || name == "limit" {
				if n, err := strconv.Atoi(v.text); err == nil && n > 0 {
					f.size = n
				}
			}
		case '{':
			p.skipBalanced('{', '}')
		case '[':
			p.skipBalanced('[', ']')
		default:
			p.next()
		}
	}
	p.expect(')')
}

// operation returns the operation named name, or the only one.
func (d document) operation(name string) (operation, bool) {
	for _, op := range d.ops {
		if op.name == name || name == "" && len(d.ops) == 1 {
			return op, true
		}
	}
	return operation{}, false
}

// defaultListSize is the size assumed for a list field with no first or
// limit argument (an entity's relations): most are short, some are not.
const defaultListSize = 20

// cost estimates the work of an operation: every field costs the product
// of the list sizes of itself and of the fields above it. A list's size is
// its first or limit argument (given, or its default in the schema), 1 for
// the edges and nodes of a connection (the page is already counted), and
// defaultListSize for other lists. So a page of 100 actors with 10 fields
// each costs about 1,000, and their engagements 20 times more.
// Introspection fields (__schema, __type) cost 1: the schema bounds them.
func (d document) cost(sc *ast.Schema, op operation, vars map[string]any) int {
	root := ""
	if sc != nil {
		if t, ok := sc.RootOperationTypes[op.typ]; ok {
			root = t.TypeName()
		}
	}
	var walk func(sel []selection, parent string, mult int, depth int) int
	walk = func(sel []selection, parent string, mult int, depth int) int {
		if depth > 64 {
			return 1 << 30
		}
		total := 0
		for _, s := range sel {
			switch {
			case s.spread != "":
				f := d.frags[s.spread]
				total += walk(f.sel, f.on, mult, depth+1)
			case s.name == "":
				on := s.on
				if on == "" {
					on = parent
				}
				total += walk(s.children, on, mult, depth+1)
			case strings.HasPrefix(s.name, "__"):
				total += mult
			default:
				size, child := listSize(sc, parent, s, vars)
				m := min(mult*size, 1<<30)
				total += m + walk(s.children, child, m, depth+1)
			}
			if total > 1<<30 {
				return 1 << 30
			}
		}
		return total
	}
	return walk(op.sel, root, 1, 0)
}

// listSize returns the multiplier of field s of type parent and the name
// of the type it returns ("" when unknown).
func listSize(sc *ast.Schema, parent string, s selection, vars map[string]any) (int, string) {
	size := s.size
	if s.sizeVar != "" {
		if f, ok := vars[s.sizeVar].(float64); ok && f > 0 {
			size = int(min(f, 1<<30))
		}
	}
	def := fieldDef(sc, parent, s.name)
	if def == nil {
		return max(size, 1), ""
	}
	isList := false
	t := def.Type
	for {
		if nn, ok := t.(*ast.NonNull); ok {
			t = nn.OfType
			continue
		}
		if l, ok := t.(*ast.List); ok {
			isList = true
			t = l.OfType
			continue
		}
		break
	}
	child := ""
	if nt, ok := t.(ast.NamedType); ok {
		child = nt.TypeName()
	}
	if size > 0 {
		return size, child
	}
	for _, a := range def.Arguments {
		if (a.Name.Name == "first" || a.Name.Name == "limit") && a.Default != nil {
			if n, err := strconv.Atoi(a.Default.String()); err == nil && n > 0 {
				return n, child
			}
		}
	}
	if !isList || strings.HasSuffix(parent, "Connection") {
		return 1, child
	}
	return defaultListSize, child
}

// fieldDef finds the definition of field name in the object or interface
// type parent.
func fieldDef(sc *ast.Schema, parent, name string) *ast.FieldDefinition {
	if sc == nil || parent == "" {
		return nil
	}
	var fields ast.FieldsDefinition
	switch t := sc.Types[parent].(type) {
	case *ast.ObjectTypeDefinition:
		fields = t.Fields
	case *ast.InterfaceTypeDefinition:
		fields = t.Fields
	default:
		return nil
	}
	for _, f := range fields {
		if f.Name == name {
			return f
		}
	}
	return nil
}
