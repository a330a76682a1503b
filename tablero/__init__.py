"""Read side of Tablero COTAPREP: the query layer, the report and the SQL console.

Everything here reads the DuckDB file that `python -m etl build` writes, read-only. Nothing here
imports Streamlit except where a module says so; pages wrap these functions in st.cache_data.
"""
