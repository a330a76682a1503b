"""Tablero COTAPREP ETL: actas (txt, md, pdf, docx) to facts, facts to DuckDB.

Extraction turns a file into text, parsing turns text into the facts of ../shared/CONTRACT.md
(pure: no I/O), loading writes them into a new DuckDB file and swaps it in.
"""
