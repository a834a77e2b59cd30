// Command parseonly is the floor that scripts/bench compares noticelint with:
// it reads each file and parses it with goldmark (CommonMark plus GFM tables,
// the same configuration noticelint uses), and does nothing else. Any
// Markdown-based linter has to do at least this much work.
//
// With -gfm it is the fuller floor a Markdown linter usually stands on: the
// whole GFM extension (tables, strikethrough, task lists, linkify) and one
// ast.Walk over every node, which is what a rule engine built on goldmark's
// AST does before any rule runs.
//
// Usage: parseonly [-j N] [-gfm] [-files LIST] [FILE...]
//
// LIST holds one path per line ("-" for standard input), so that every tool
// the bench script times sees exactly the same files.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

func main() {
	jobs := flag.Int("j", runtime.GOMAXPROCS(0), "files parsed at once")
	list := flag.String("files", "", "read the paths from this file, one per line (- for stdin)")
	gfm := flag.Bool("gfm", false, "parse with the whole GFM extension and walk every node")
	flag.Parse()
	paths := flag.Args()
	if *list != "" {
		more, err := readList(*list)
		if err != nil {
			fmt.Fprintln(os.Stderr, "parseonly:", err)
			os.Exit(2)
		}
		paths = append(paths, more...)
	}
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	if *gfm {
		md = goldmark.New(goldmark.WithExtensions(extension.GFM))
	}
	var (
		wg          sync.WaitGroup
		nodes, size atomic.Int64
		failed      atomic.Bool
	)
	next := make(chan string)
	// The same bounded pool shape as noticelint's runner, so the comparison
	// measures the work per file rather than the scheduling.
	for range max(*jobs, 1) {
		wg.Go(func() {
			for p := range next {
				src, err := os.ReadFile(p)
				if err != nil {
					fmt.Fprintln(os.Stderr, "parseonly:", err)
					failed.Store(true)
					continue
				}
				doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(parser.NewContext()))
				// Counting the top-level blocks keeps the parse from being
				// optimised away and gives the script a sanity figure.
				if *gfm {
					var seen int64
					_ = ast.Walk(doc, func(_ ast.Node, entering bool) (ast.WalkStatus, error) {
						if entering {
							seen++
						}
						return ast.WalkContinue, nil
					})
					nodes.Add(seen)
				} else {
					nodes.Add(int64(doc.ChildCount()))
				}
				size.Add(int64(len(src)))
			}
		})
	}
	for _, p := range paths {
		next <- p
	}
	close(next)
	wg.Wait()
	fmt.Printf("parseonly: %d files, %d bytes, %d nodes counted\n", len(paths), size.Load(), nodes.Load())
	if failed.Load() {
		os.Exit(2)
	}
}

func readList(name string) ([]string, error) {
	var r io.Reader = os.Stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer func() { _ = f.Close() }()
		r = f
	}
	var paths []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if line := sc.Text(); line != "" {
			paths = append(paths, line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return paths, nil
}
