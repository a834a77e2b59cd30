package lint

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// TestReadSized: a file is read into one buffer of its size; one that grew
// since it was measured (or a /proc file that says 0) is still read whole up
// to the limit; a failing read is an error, never half a notice.
func TestReadSized(t *testing.T) {
	tests := []struct {
		name    string
		r       io.Reader
		size    int64
		max     int64
		want    string
		wantErr string
	}{
		{"exact", strings.NewReader("notice"), 6, 100, "notice", ""},
		{"shrank", strings.NewReader("not"), 6, 100, "not", ""},
		{"grew", strings.NewReader("notice, longer now"), 6, 100, "notice, longer now", ""},
		{"says 0", strings.NewReader("proc text"), 0, 100, "proc text", ""},
		{"grew past the limit", strings.NewReader("notice, longer now"), 6, 10, "", "over the --max-size limit of 10 bytes"},
		{"grew to the limit", strings.NewReader("0123456789"), 6, 10, "0123456789", ""},
		{"fails", iotest.TimeoutReader(strings.NewReader("notice")), 6, 100, "", "read failed after"},
		{"fails at once", iotest.ErrReader(errors.New("input/output error")), 6, 100, "", "read failed after 0 bytes: input/output error"},
	}
	for _, tt := range tests {
		b, err := readSized(tt.r, tt.size, tt.max)
		switch {
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.wantErr)
		case tt.wantErr == "" && (err != nil || string(b) != tt.want):
			t.Errorf("%s: got %q, %v; want %q", tt.name, b, err, tt.want)
		}
	}
}
