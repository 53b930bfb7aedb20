"""Reading a list: Markdown text in, a ``Document`` (sections, entries, items, links) out.

The only package that imports markdown-it-py. ``parser.parse`` is the entry point; the
rest are its parts: ``entries`` and ``layouts/`` recognise paper entries and classic items,
``inline`` finds links from markdown-it's tokens, ``dates`` reads dates, ``conventions``
infers the list's own habits, ``identity`` the keys that make two entries one paper,
``mojibake`` detects text decoded with the wrong codec, ``slug`` GitHub's heading anchors,
``profile`` whether a list is a paper list or a classic list.
"""
