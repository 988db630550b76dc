package charset

import "testing"

func TestDecode(t *testing.T) {
	tests := []struct {
		name, in, want1252, wantLatin1 string
	}{
		{"ASCII", "plain", "plain", "plain"},
		{"Accents", "Ajuntament de Barcelona: participaci\xf3", "Ajuntament de Barcelona: participació", "Ajuntament de Barcelona: participació"},
		{"Quotes", "\x93cita\x94 \x80 \x96", "“cita” € –", "\u0093cita\u0094 \u0080 \u0096"},
		{"Undefined", "\x81\x8d\x8f\x90\x9d", "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD", "\u0081\u008d\u008f\u0090\u009d"},
		{"Empty", "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Decode1252(tc.in); got != tc.want1252 {
				t.Errorf("Decode1252(%q) = %q, want %q", tc.in, got, tc.want1252)
			}
			if got := DecodeLatin1(tc.in); got != tc.wantLatin1 {
				t.Errorf("DecodeLatin1(%q) = %q, want %q", tc.in, got, tc.wantLatin1)
			}
		})
	}
}

// FuzzDecode checks that both decoders give valid UTF-8 with one
// character per input byte.
func FuzzDecode(f *testing.F) {
	f.Add("caf\xe9 \x80")
	f.Fuzz(func(t *testing.T, s string) {
		for _, d := range []func(string) string{Decode1252, DecodeLatin1} {
			out := d(s)
			if n := len([]rune(out)); n != len(s) {
				t.Fatalf("%q decoded to %d characters, want %d", s, n, len(s))
			}
		}
	})
}
