"""The content pipeline: one front-matter reader and one Markdown renderer (pure, no Django).

The texts themselves live in nl/ and en/ next to this file; docs/content-format.md.
"""
