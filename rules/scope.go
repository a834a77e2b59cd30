package rules

// Some checks only make sense for some notices. A US-only policy owes nobody
// a rights list or a DPO contact, and a controller established outside the
// UK pays no data protection fee, even when it has a UK representative.
// Whether a check applies is decided by the notice's facts (notices.Facts:
// its scope, whether the controller is established in the UK, whether a DPO
// is required), read once by the model and stated, where the text is not
// enough, in .noticelint.yml. Rules read them through pass.Facts() and never
// re-derive them.
