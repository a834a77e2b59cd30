package lint_test

import (
	"bytes"
	"encoding/xml"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/noticelint/noticelint/lint"
)

// junitXSD is the Jenkins xUnit plugin's junit-10 schema, vendored as
// published (MIT, its licence in the file), which the plugin enforces on
// every JUnit report it reads.
var junitXSD = filepath.Join("testdata", "xsd", "junit-10.xsd")

// junitReports are the JUnit documents the schema must accept: findings
// (XML's special characters among them), a clean file, an unreadable one,
// and an empty run.
func junitReports(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for name, res := range map[string]lint.Result{"formats": fmtResult(), "empty": {}} {
		var b bytes.Buffer
		if err := lint.WriteJUnit(&b, res, fmtRules); err != nil {
			t.Fatal(err)
		}
		out[name] = b.Bytes()
	}
	return out
}

// xsdElement is what the schema allows one element: its attributes (true
// when required), the elements it may hold, and whether it holds text.
type xsdElement struct {
	attrs    map[string]bool
	children map[string]bool
	text     bool
}

// The schema checked without cgo: every attribute and child element of the
// report must be one junit-10 declares, and every required attribute
// present. It reads the few constructs junit-10 uses (global elements,
// named and inline complex types, sequence and choice, attributes); the
// libxml2 test (go test -tags libxml2) validates the same reports with a
// full XSD validator.
func TestJUnitSchemaDeclares(t *testing.T) {
	schema := readJUnitSchema(t)
	for name, doc := range junitReports(t) {
		dec := xml.NewDecoder(bytes.NewReader(doc))
		var stack []string
		for {
			tok, err := dec.Token()
			if err != nil {
				break
			}
			switch tok := tok.(type) {
			case xml.StartElement:
				el := tok.Name.Local
				if len(stack) == 0 && el != "testsuites" && el != "testsuite" {
					t.Errorf("%s: root %q", name, el)
				}
				if len(stack) > 0 && !schema[stack[len(stack)-1]].children[el] {
					t.Errorf("%s: <%s> may not hold <%s>", name, stack[len(stack)-1], el)
				}
				decl, ok := schema[el]
				if !ok {
					t.Errorf("%s: <%s> is not declared", name, el)
				}
				seen := map[string]bool{}
				for _, a := range tok.Attr {
					seen[a.Name.Local] = true
					if _, ok := decl.attrs[a.Name.Local]; !ok {
						t.Errorf("%s: <%s> has attribute %q, which junit-10 does not declare", name, el, a.Name.Local)
					}
				}
				for a, required := range decl.attrs {
					if required && !seen[a] {
						t.Errorf("%s: <%s> lacks required attribute %q", name, el, a)
					}
				}
				stack = append(stack, el)
			case xml.EndElement:
				stack = stack[:len(stack)-1]
			case xml.CharData:
				if len(stack) > 0 && strings.TrimSpace(string(tok)) != "" && !schema[stack[len(stack)-1]].text {
					t.Errorf("%s: <%s> may not hold text", name, stack[len(stack)-1])
				}
			}
		}
	}
}

func readJUnitSchema(t *testing.T) map[string]xsdElement {
	t.Helper()
	src, err := os.ReadFile(junitXSD)
	if err != nil {
		t.Fatal(err)
	}
	type node struct {
		XMLName  xml.Name
		Name     string `xml:"name,attr"`
		Ref      string `xml:"ref,attr"`
		Type     string `xml:"type,attr"`
		Use      string `xml:"use,attr"`
		Mixed    string `xml:"mixed,attr"`
		Children []node `xml:",any"`
	}
	var root node
	if err := xml.Unmarshal(src, &root); err != nil {
		t.Fatal(err)
	}
	named := map[string]node{}
	for _, n := range root.Children {
		if n.XMLName.Local == "complexType" {
			named[n.Name] = n
		}
	}
	var fill func(e *xsdElement, n node)
	fill = func(e *xsdElement, n node) {
		for _, c := range n.Children {
			switch c.XMLName.Local {
			case "attribute":
				e.attrs[c.Name] = c.Use == "required"
			case "element":
				e.children[c.Ref+c.Name] = true
			case "sequence", "choice":
				fill(e, c)
			}
		}
	}
	out := map[string]xsdElement{}
	for _, n := range root.Children {
		if n.XMLName.Local != "element" {
			continue
		}
		e := xsdElement{attrs: map[string]bool{}, children: map[string]bool{}}
		ct, inline := node{}, false
		for _, c := range n.Children {
			if c.XMLName.Local == "complexType" {
				ct, inline = c, true
			}
		}
		switch {
		case inline:
		case strings.HasPrefix(n.Type, "xs:"):
			e.text = true
		default:
			var ok bool
			if ct, ok = named[n.Type]; !ok {
				t.Fatalf("element %s: unknown type %q", n.Name, n.Type)
			}
		}
		e.text = e.text || ct.Mixed == "true"
		fill(&e, ct)
		out[n.Name] = e
	}
	for _, want := range []string{"testsuites", "testsuite", "testcase", "failure", "error"} {
		if _, ok := out[want]; !ok {
			t.Fatalf("the schema declares no %s; read %v", want, slices.Sorted(maps.Keys(out)))
		}
	}
	return out
}
