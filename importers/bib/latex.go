package bib

import (
	"strings"
	"unicode/utf8"
)

// decodeLaTeX turns the LaTeX of a BibTeX field value into plain Unicode
// text: accents ({\'e}, \'{e}, \'e, \c{c}, \v s) become precomposed letters
// (é, ç, š), special letters (\ss, \o, \aa, \l, \i) their Unicode letters,
// escaped characters (\&, \%, \_) themselves, formatting commands (\emph,
// \textit, \url ...) their argument, two or three hyphens a dash, two
// backquotes or two single quotes a curly double quote, ~ a space; braces
// and math $ are dropped. A command it does not know is kept as its name
// without the backslash ("\LaTeX" → "LaTeX"). White space is not
// collapsed; see [cleanText].
func decodeLaTeX(s string) string {
	if !strings.ContainsAny(s, "{}\\~-`'$") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	math := false
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '{' || c == '}':
			i++
		case c == '\\':
			i = decodeCommand(&b, s, i)
		case c == '~':
			b.WriteByte(' ')
			i++
		case c == '$':
			math = !math
			i++
		case math && (c == '^' || c == '_'):
			i++
		case c == '-':
			switch {
			case strings.HasPrefix(s[i:], "---"):
				b.WriteString("—")
				i += 3
			case strings.HasPrefix(s[i:], "--"):
				b.WriteString("–")
				i += 2
			default:
				b.WriteByte('-')
				i++
			}
		case c == '`':
			if strings.HasPrefix(s[i:], "``") {
				b.WriteString("“")
				i += 2
			} else {
				b.WriteString("‘")
				i++
			}
		case c == '\'' && strings.HasPrefix(s[i:], "''"):
			b.WriteString("”")
			i += 2
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

// accentCommands are the control sequences that put an accent on the next
// letter, with the pairs of base letter and accented letter they make. It
// is a read-only table.
var accentCommands = map[string]string{
	"`":  "AÀEÈIÌOÒUÙaàeèiìoòuùNǸnǹ",
	"'":  "AÁEÉIÍOÓUÚYÝaáeéiíoóuúyýCĆcćNŃnńSŚsśZŹzźLĹlĺRŔrŕGǴgǵ",
	"^":  "AÂEÊIÎOÔUÛaâeêiîoôuûCĈcĉGĜgĝHĤhĥJĴjĵSŜsŝWŴwŵYŶyŷ",
	"\"": "AÄEËIÏOÖUÜaäeëiïoöuüyÿYŸ",
	"~":  "AÃOÕNÑaãoõnñIĨiĩUŨuũ",
	"=":  "AĀEĒIĪOŌUŪaāeēiīoōuū",
	".":  "CĊcċEĖeėGĠgġIİZŻzż",
	"c":  "CÇcçSŞsşTŢtţGĢgģKĶkķLĻlļNŅnņRŖrŗ",
	"v":  "CČcčDĎdďEĚeěNŇnňRŘrřSŠsšTŤtťZŽzžLĽlľ",
	"u":  "AĂaăEĔeĕGĞgğIĬiĭOŎoŏUŬuŭ",
	"H":  "OŐoőUŰuű",
	"k":  "AĄaąEĘeęIĮiįUŲuų",
	"r":  "AÅaåUŮuů",
	"d":  "",
	"b":  "",
	"t":  "",
}

// combiningAccents are the combining marks used when accentCommands has no
// precomposed letter. It is a read-only table.
var combiningAccents = map[string]rune{
	"`": 0x300, "'": 0x301, "^": 0x302, "~": 0x303, "=": 0x304, "u": 0x306, ".": 0x307,
	"\"": 0x308, "r": 0x30A, "H": 0x30B, "v": 0x30C, "d": 0x323, "c": 0x327, "k": 0x328,
	"b": 0x331, "t": 0x361,
}

// letterCommands are the control words that stand for a letter or symbol.
// It is a read-only table.
var letterCommands = map[string]string{
	"ss": "ß", "SS": "SS", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å", "ae": "æ", "AE": "Æ",
	"oe": "œ", "OE": "Œ", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð",
	"th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ", "dj": "đ", "DJ": "Đ",
	"textendash": "–", "textemdash": "—", "textquoteleft": "‘", "textquoteright": "’",
	"textquotedblleft": "“", "textquotedblright": "”", "textquotesingle": "'", "textquotedbl": "\"",
	"guillemotleft": "«", "guillemotright": "»", "guilsinglleft": "‹", "guilsinglright": "›",
	"ldots": "…", "dots": "…", "textellipsis": "…", "textregistered": "®", "copyright": "©",
	"textcopyright": "©", "texttrademark": "™", "S": "§", "P": "¶", "pounds": "£", "euro": "€",
	"texteuro": "€", "textdegree": "°", "textbullet": "•", "textbackslash": "\\",
	"textasciitilde": "~", "textunderscore": "_", "textbar": "|", "textless": "<", "textgreater": ">",
	"textexclamdown": "¡", "textquestiondown": "¿", "&": "&", "%": "%", "$": "$", "#": "#", "_": "_",
	"{": "{", "}": "}", " ": " ", "\\": " ", ",": " ", ";": " ", ":": " ", "!": "", "-": "", "/": "",
	"@": "", "quad": " ", "qquad": " ", "par": " ", "newline": " ", "relax": "",
	"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
	"zeta": "ζ", "eta": "η", "theta": "θ", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
	"xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ", "varphi": "φ",
	"chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ",
	"Lambda": "Λ", "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
	"times": "×", "pm": "±", "leq": "≤", "geq": "≥", "le": "≤", "ge": "≥", "neq": "≠",
	"approx": "≈", "sim": "∼", "infty": "∞", "cdot": "·", "circ": "°", "deg": "°",
	"rightarrow": "→", "leftarrow": "←", "to": "→",
}

// formatCommands are the control words that only format their argument,
// which is kept. It is a read-only table.
var formatCommands = map[string]bool{
	"emph": true, "textit": true, "textbf": true, "textsc": true, "texttt": true, "textrm": true,
	"textsf": true, "textup": true, "textsl": true, "textnormal": true, "textmd": true, "mbox": true,
	"hbox": true, "text": true, "mathrm": true, "mathit": true, "mathbf": true, "mathsf": true,
	"mathtt": true, "mathcal": true, "url": true, "nolinkurl": true, "em": true, "it": true,
	"bf": true, "sc": true, "tt": true, "rm": true, "sf": true, "sl": true, "textsuperscript": true,
	"textsubscript": true, "uppercase": true, "lowercase": true, "MakeUppercase": true,
	"MakeLowercase": true, "NoCaseChange": true, "protect": true, "ensuremath": true,
	"noopsort": true, "hyphenation": true,
}

// decodeCommand writes the meaning of the control sequence at s[i] (a
// backslash) and returns the index after it and its argument, if it takes
// one.
func decodeCommand(b *strings.Builder, s string, i int) int {
	j := i + 1
	if j >= len(s) {
		return j
	}
	var name string
	if isLetter(s[j]) {
		for j < len(s) && isLetter(s[j]) {
			j++
		}
		name = s[i+1 : j]
	} else {
		_, n := utf8.DecodeRuneInString(s[j:])
		name = s[j : j+n]
		j += n
	}
	if pairs, ok := accentCommands[name]; ok {
		base, next := accentArgument(s, j, isLetter(name[0]))
		b.WriteString(accent(name, pairs, base))
		return next
	}
	if isLetter(name[0]) {
		// A control word eats the spaces after it, as TeX does.
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r') {
			j++
		}
		if name == "href" {
			// \href{url}{text}: the text is kept, the address dropped.
			if j < len(s) && s[j] == '{' {
				return skipGroup(s, j)
			}
			return j
		}
	}
	if v, ok := letterCommands[name]; ok {
		b.WriteString(v)
		return j
	}
	if formatCommands[name] {
		return j
	}
	b.WriteString(name)
	return j
}

// accentArgument returns the letter an accent command applies to and the
// index after it: a braced group ({e}, {\i}), a command (\i), or the next
// character. After a control word (\c, \v) the spaces before the letter
// are skipped.
func accentArgument(s string, j int, word bool) (string, int) {
	for j < len(s) && (s[j] == ' ' || word && (s[j] == '\t' || s[j] == '\n')) {
		j++
	}
	if j >= len(s) {
		return "", j
	}
	switch s[j] {
	case '{':
		end := skipGroup(s, j)
		inner := s[j+1 : end]
		if end <= len(s) && end > j+1 && s[end-1] == '}' {
			inner = s[j+1 : end-1]
		}
		return decodeLaTeX(inner), end
	case '\\':
		var b strings.Builder
		next := decodeCommand(&b, s, j)
		return b.String(), next
	case '}':
		return "", j
	}
	_, n := utf8.DecodeRuneInString(s[j:])
	return s[j : j+n], j + n
}

// skipGroup returns the index after the braced group that starts at s[j],
// or len(s) when it is not closed.
func skipGroup(s string, j int) int {
	depth := 0
	for k := j; k < len(s); k++ {
		switch s[k] {
		case '\\':
			k++
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return k + 1
			}
		}
	}
	return len(s)
}

// accent puts the accent of command name on the first letter of base.
func accent(name, pairs, base string) string {
	if base == "" {
		return ""
	}
	r, n := utf8.DecodeRuneInString(base)
	switch r {
	case 'ı':
		r = 'i'
	case 'ȷ':
		r = 'j'
	}
	for k := 0; k < len(pairs); {
		from, n1 := utf8.DecodeRuneInString(pairs[k:])
		to, n2 := utf8.DecodeRuneInString(pairs[k+n1:])
		if from == r {
			return string(to) + base[n:]
		}
		k += n1 + n2
	}
	return string(r) + string(combiningAccents[name]) + base[n:]
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
