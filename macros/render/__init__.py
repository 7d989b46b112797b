"""Rendering: content into the site's HTML and documents.

renderer.py turns content text into HTML and renders templates/; pages.py is
the table of page macros; routemap.py, handout.py, documents.py and
begrippen.py make the route map, the printable handout, the afsprakenkaart's
documents and the glossary marks. Imports content, never the built site.
"""
