package compare

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
)

// WriteCSV writes m as CSV: one line per row and a last line for the
// total; the columns are key, label and administrations, then for each
// measure its value (empty when missing, never 0), the records it rests
// on (MEASURE:basis) and those lacking the data (MEASURE:missing).
func WriteCSV(w io.Writer, m *Matrix) error {
	cw := csv.NewWriter(w)
	head := []string{"key", "label", "administrations"}
	for _, ms := range m.Measures {
		head = append(head, ms.ID, ms.ID+":basis", ms.ID+":missing")
	}
	if err := cw.Write(head); err != nil {
		return fmt.Errorf("compare: write CSV header: %w", err)
	}
	for _, r := range append(m.Rows, m.Total) {
		line := []string{r.Key, r.Label, strconv.Itoa(r.Administrations)}
		for _, c := range r.Cells {
			line = append(line, FormatValue(c.Value), strconv.Itoa(c.Basis), strconv.Itoa(c.Missing))
		}
		if err := cw.Write(line); err != nil {
			return fmt.Errorf("compare: write CSV row %s: %w", r.Key, err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("compare: write CSV: %w", err)
	}
	return nil
}

// FormatValue writes a figure with at most four decimals, and a missing
// one as the empty string.
func FormatValue(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(math.Round(*v*1e4)/1e4, 'f', -1, 64)
}
