"""The one text layer: paragraphs, sentences, datelines, quotation marks and "inside a quote?".

Cleaning, quotes, time, compare and briefs all ask these questions of the same cleaned text. When
each stage answered them with its own regex, the answers disagreed with the layout (a dateline one
stage skipped was an event's sentence to another; a quote one stage saw open was closed to the
next), so they are answered here, once, and every stage imports the answer.

layout      where a pasted text's paragraphs are, whatever its layout (what cleaning reads)
paragraphs  paragraph spans of cleaned text (cleaning separates paragraphs with a blank line)
sentences   parser sentences cut at paragraphs, lookup by offset, a parser-free sentence window
datelines   "LINDHAVEN, March 14 (Nordwire) - ": place, agency, date, where the body starts
glyphs      the quotation-mark sets, the quote scanner (pairing, nesting, running quotes), inside_quote
words       word sets and Jaccard similarity between sentences
"""
