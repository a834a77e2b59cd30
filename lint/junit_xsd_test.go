//go:build libxml2

package lint_test

import (
	"testing"

	xsdvalidate "github.com/terminalstatic/go-xsd-validate"
)

// The JUnit reports validate against the junit-10 schema with libxml2's
// XSD validator, the engine behind xmllint. It needs cgo and libxml2's
// headers, so it runs with -tags libxml2: .ci/run does so where pkg-config
// finds libxml-2.0, and TestJUnitSchemaDeclares checks the same reports
// without either.
func TestJUnitXSD(t *testing.T) {
	if err := xsdvalidate.Init(); err != nil {
		t.Fatal(err)
	}
	defer xsdvalidate.Cleanup()
	h, err := xsdvalidate.NewXsdHandlerUrl(junitXSD, xsdvalidate.ParsErrVerbose)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Free()
	for name, doc := range junitReports(t) {
		if err := h.ValidateMem(doc, xsdvalidate.ValidErrDefault); err != nil {
			t.Errorf("%s: not valid junit-10:\n%v\n%s", name, err, doc)
		}
	}
	// The validator is not one that accepts anything.
	bad := []byte(`<testsuites><testsuite name="a" tests="1" failures="0" errors="0"><testcase name="r" file="a.md" line="3"/></testsuite></testsuites>`)
	if err := h.ValidateMem(bad, xsdvalidate.ValidErrDefault); err == nil {
		t.Error("a testcase with file and line validated")
	} else {
		t.Logf("rejected as expected: %v", err)
	}
}
