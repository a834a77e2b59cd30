// Package notices owns the domain model of a privacy notice: it parses a
// Markdown (or plain-text) notice into a tree of numbered sections and clauses,
// keeps the table of contents apart from the body, and extracts the facts that
// rules need — cross-references with the topic they name, contact details,
// lists and paragraphs — each with its position in the original file.
//
// Rules never re-parse Markdown: whatever structure they need is computed here
// once, for every rule.
package notices
