package lint

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
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
			if !info.Mode().IsRegular() {
				errs = append(errs, FileError{File: p, Message: NotRegular(info.Mode())})
				continue
			}
			add(p, fileReader(p, maxSize))
			continue
		}
		found, reported := 0, len(errs)
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
			if ext := strings.ToLower(filepath.Ext(path)); ext != ".md" && ext != ".markdown" {
				return nil
			}
			switch {
			case d.Type().IsRegular():
				found++
				add(path, fileReader(path, maxSize))
			case d.Type()&fs.ModeSymlink != 0:
				// A link to a notice is linted under the link's name, so a
				// notice kept elsewhere is not silently left out; a link to
				// a directory is not followed, so a link loop cannot make
				// the walk endless.
				info, err := os.Stat(path)
				switch {
				case errors.Is(err, fs.ErrNotExist):
					found++
					errs = append(errs, FileError{File: path, Message: "broken symbolic link: its target does not exist"})
				case err != nil:
					found++
					errs = append(errs, FileError{File: path, Message: describe(err)})
				case info.Mode().IsRegular():
					found++
					add(path, fileReader(path, maxSize))
				case !info.IsDir():
					found++
					errs = append(errs, FileError{File: path, Message: "symbolic link to " + NotRegular(info.Mode())})
				}
			default:
				// A named pipe, socket or device with a notice's name: reading
				// it could block or never end, and leaving it out silently
				// would lose it.
				found++
				errs = append(errs, FileError{File: path, Message: NotRegular(d.Type())})
			}
			return nil
		})
		if err != nil {
			errs = append(errs, FileError{File: p, Message: describe(err)})
		} else if found == 0 && len(errs) == reported {
			// An unreadable directory already has its error line; saying
			// it holds no notices as well would be a second, wrong one.
			errs = append(errs, FileError{File: p, Message: "directory holds no notices (*.md or *.markdown files); name files explicitly to lint other extensions"})
		}
	}
	// A path named and also met in a walk is one input, and one error.
	seenErr := map[FileError]bool{}
	kept := errs[:0]
	for _, e := range errs {
		if !seenErr[e] {
			seenErr[e] = true
			kept = append(kept, e)
		}
	}
	return ins, kept
}

// SameFile returns the first of paths that is the file out names, if any:
// the same file through a symbolic or hard link, or spelled another way
// ("./x" and "x"), as os.SameFile sees it. A report written there would
// overwrite a notice, so callers refuse it. An out that does not exist yet
// is no file of paths.
func SameFile(out string, paths []string) (string, bool) {
	oi, err := os.Stat(out)
	if err != nil {
		return "", false
	}
	for _, p := range paths {
		if pi, err := os.Stat(p); err == nil && os.SameFile(oi, pi) {
			return p, true
		}
	}
	return "", false
}

func fileReader(path string, maxSize int64) func() ([]byte, error) {
	if maxSize <= 0 {
		maxSize = DefaultMaxSize
	}
	return func() ([]byte, error) {
		// Opened without blocking: a file swapped for a named pipe since
		// it was listed must not hang the run. The flag changes nothing
		// for a regular file.
		f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
		if err != nil {
			return nil, errors.New(describe(err))
		}
		defer func() { _ = f.Close() }()
		info, err := f.Stat()
		if err != nil {
			return nil, errors.New(describe(err))
		}
		if !info.Mode().IsRegular() {
			return nil, errors.New(NotRegular(info.Mode()))
		}
		// A file known to be too big is refused before a byte of it is
		// read; readSized still guards a file that grows.
		if info.Size() > maxSize {
			return nil, tooBig(info.Size(), maxSize)
		}
		return readSized(f, info.Size(), maxSize)
	}
}

// NotRegular is the error for an input that is not a regular file: a named
// pipe or a device could block or never end, so it is refused, not read.
func NotRegular(mode fs.FileMode) string {
	kind := "not a regular file"
	switch {
	case mode&fs.ModeNamedPipe != 0:
		kind = "a named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		kind = "a socket"
	case mode&fs.ModeCharDevice != 0:
		kind = "a character device"
	case mode&fs.ModeDevice != 0:
		kind = "a block device"
	case mode.IsDir():
		kind = "a directory"
	}
	return kind + `, not a regular file; to lint text from a pipe, give it as standard input ("-")`
}

func tooBig(size, maxSize int64) error {
	return fmt.Errorf("file is %s, over the --max-size limit of %s; raise the limit if this really is one notice", Bytes(size), Bytes(maxSize))
}

// readSized reads a regular file of the given size into one buffer of that
// size, as os.ReadFile does, rather than growing one as io.ReadAll must; a
// file that grew since is still read whole, up to the limit.
func readSized(r io.Reader, size, maxSize int64) ([]byte, error) {
	buf := make([]byte, size+1) // one byte more shows whether it grew
	n, err := io.ReadFull(r, buf)
	switch {
	case err == nil: // it grew, or is a /proc file that says 0: read on
		rest, err := io.ReadAll(io.LimitReader(r, maxSize-int64(n)+1))
		if err != nil {
			return nil, fmt.Errorf("read failed after %d bytes: %s", n+len(rest), describe(err))
		}
		buf = append(buf[:n], rest...)
		if int64(len(buf)) > maxSize {
			return nil, overLimit(maxSize)
		}
		return buf, nil
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return buf[:n], nil
	}
	return nil, fmt.Errorf("read failed after %d bytes: %s", n, describe(err))
}

func readLimited(r io.Reader, maxSize int64) ([]byte, error) {
	if maxSize <= 0 {
		maxSize = DefaultMaxSize
	}
	b, err := io.ReadAll(io.LimitReader(r, maxSize+1))
	if err != nil {
		// Half a notice would be linted as if it were whole, with findings
		// about whatever the missing part holds: refuse it.
		return nil, fmt.Errorf("read failed after %d bytes: %s", len(b), describe(err))
	}
	if int64(len(b)) > maxSize {
		return nil, overLimit(maxSize)
	}
	return b, nil
}

func overLimit(maxSize int64) error {
	return fmt.Errorf("input is over the --max-size limit of %s; raise the limit if this really is one notice", Bytes(maxSize))
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

// Bytes gives a size exactly, for messages about the size limit: "1,500
// bytes", "16,777,216 bytes (16 MiB)". A rounded figure alone misleads at
// the limit ("16.0 MiB, over the limit of 16 MiB"), so whole MiB are added
// only where they are exact.
func Bytes(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if n == 1 {
		return "1 byte"
	}
	s += " bytes"
	if n >= 1<<20 && n%(1<<20) == 0 {
		s += fmt.Sprintf(" (%d MiB)", n>>20)
	}
	return s
}
