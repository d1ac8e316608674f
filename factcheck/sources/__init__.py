"""Stage 2: an article's cited sources, archived and cut into passages.

In: Source rows with a web address (or text a checker pasted for a paywalled page).
Out: immutable Snapshots of each page's main text (``snapshots``, through the one safe
fetcher in ``fetch``), and Passages cut from each source's newest snapshot (``passages``),
each with an id that points back into the archived text. ``cited`` lists an article's
sources; ``urls`` is the one rule for which addresses may become links.
"""
