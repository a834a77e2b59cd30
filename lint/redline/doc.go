// Package redline reports the difference between two versions of a notice
// the way a lawyer reads a redline: section by section, as aligned by
// notices.Compare, with the wording changes inside each section, the
// cross-references the change broke, and what it did to compliance — the
// findings of the rules that it introduced, resolved or carried over. It
// renders that report as text, Markdown (for a pull-request comment), a
// self-contained HTML page, or JSON.
package redline
