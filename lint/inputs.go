package lint

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// DefaultMaxSize bounds the size of one notice. Real notices are under 1 MB;
// a file far larger is almost always a mistake (a log, a dump), and reading
// it whole would cost memory the other files need.
const DefaultMaxSize = 16 << 20

// Collect turns command-line paths into inputs: files as given (whatever their
// extension), directories searched recursively for *.md and *.markdown
// (skipping hidden directories), and "-" for standard input. Paths that cannot
// be used are returned as errors; the rest are still linted.
func Collect(paths []string, stdin io.Reader, maxSize int64) ([]Input, []FileError) {
	var ins []Input
	var errs []FileError
	seen := map[string]bool{}
	add := func(path string, read func() ([]byte, error)) {
		if !seen[path] {
			seen[path] = true
			ins = append(ins, Input{Path: path, Read: read})
		}
	}
	for _, p := range paths {
		if p == "-" {
			add("<stdin>", func() ([]byte, error) { return readLimited(stdin, maxSize) })
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			errs = append(errs, FileError{File: p, Message: describe(err)})
			continue
		}
		if !info.IsDir() {
			add(p, fileReader(p, maxSize))
			continue
		}
		found := 0
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, FileError{File: path, Message: describe(err)})
				return nil
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if ext := strings.ToLower(filepath.Ext(path)); (ext == ".md" || ext == ".markdown") && d.Type().IsRegular() {
				found++
				add(path, fileReader(path, maxSize))
			}
			return nil
		})
		if err != nil {
			errs = append(errs, FileError{File: p, Message: describe(err)})
		} else if found == 0 {
			errs = append(errs, FileError{File: p, Message: "directory holds no notices (*.md or *.markdown files); name files explicitly to lint other extensions"})
		}
	}
	return ins, errs
}

func fileReader(path string, maxSize int64) func() ([]byte, error) {
	return func() ([]byte, error) {
		f, err := os.Open(path)
		if err != nil {
			return nil, errors.New(describe(err))
		}
		defer func() { _ = f.Close() }()
		return readLimited(f, maxSize)
	}
}

func readLimited(r io.Reader, maxSize int64) ([]byte, error) {
	if maxSize <= 0 {
		maxSize = DefaultMaxSize
	}
	b, err := io.ReadAll(io.LimitReader(r, maxSize+1))
	if err != nil {
		return nil, errors.New(describe(err))
	}
	if int64(len(b)) > maxSize {
		return nil, fmt.Errorf("file is larger than the %s limit; raise it with --max-size if this really is one notice", sizeString(maxSize))
	}
	return b, nil
}

// describe turns an OS error into a message that does not repeat the path.
func describe(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	return err.Error()
}

func sizeString(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d-byte", n)
}
