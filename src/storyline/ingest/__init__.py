"""Ingestion: turn files, URLs, feeds and archives into clean Articles with provenance.

readers/      one module per input format behind one registry; every failure is a one-line ReadError
decode        bytes to text with detected (never assumed) encodings
html          main text of HTML pages (trafilatura, precision first) and a fallback for broken pages
linefeatures  what a line looks like (length, stopword density, punctuation, separators, script)
clean         the line classifier for pasted pages: header metadata, body, furniture with reasons
header        masthead, headline, byline and date lines
provenance    translation and syndication credits
dates         publish dates, only when unambiguous
quality       truncated / paywalled / date_uncertain / machine_translated / mixed_language flags
article       RawDoc -> Article, combining all of the above
dedup         exact copies, near-duplicates (MinHash LSH) and rewrites (paragraph alignment)
"""
