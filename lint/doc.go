// Package lint is noticelint's engine: rule values, the pass a rule runs in,
// findings and their severities, the parallel runner over files, and the
// output formats.
package lint
