"""Which committee a question is about: the informe is one committee's, and `python -m etl
comites` lists them. No Streamlit here.

A committee is one body of one institute in one process (the `comites` table, built by
etl/load.py). A period may hold sessions of several: Colima's COTAPREP and Durango's both met in
January. The informe never adds them up; when the period has several and none is named, it stops
with one sentence that lists them, keys first, so the next command can name one.
"""
import sys

from etl.errors import TableroError
from etl.vocabulario import fold
from tablero import queries
from tablero.db import connect_readonly


class ComiteError(TableroError):
    """A committee that cannot be chosen: unknown, or one of several left unnamed."""


def lista(comites):
    """«cotaprep-iee-colima-pel-2023-2024 (COTAPREP · IEE Colima · PEL 2023-2024, 3 sesiones);
    …» for a sentence."""
    return "; ".join(f"{c.comite} ({c.nombre}, {c.sesiones} "
                     f"{'sesión' if c.sesiones == 1 else 'sesiones'})"
                     for c in comites.itertuples())


def _contiene(texto, buscado):
    return fold(" ".join(buscado.split())) in fold(" ".join((texto or "").split()))


def elegir(con, desde, hasta, comite=None, instituto=None, proceso=None):
    """The key of the one committee the report for `desde`–`hasta` is about: `comite` (a key),
    or the one whose instituto and proceso contain the words given, or the only committee that
    met in the period. ComiteError with the list when that is not exactly one."""
    todos = queries.comites(con)
    del_periodo = queries.informe_comites(con, desde, hasta)
    if comite:
        if comite not in set(todos["comite"]):
            raise ComiteError(f"No hay ningún comité con la clave «{comite}»; los cargados son: "
                              f"{lista(todos)}.")
        return comite
    candidatos = del_periodo
    if instituto or proceso:
        elegidos = todos[[(not instituto or _contiene(c.instituto, instituto))
                          and (not proceso or _contiene(c.proceso, proceso))
                          for c in todos.itertuples()]]
        if elegidos.empty:
            raise ComiteError(f"Ningún comité cargado es de {' y '.join(filter(None, (instituto, proceso)))}; "
                              f"los cargados son: {lista(todos)}.")
        en_periodo = del_periodo[del_periodo["comite"].isin(elegidos["comite"])]
        candidatos = en_periodo if not en_periodo.empty else elegidos.assign(sesiones=0)
    if len(candidatos) > 1:
        raise ComiteError(f"El periodo tiene sesiones de {len(candidatos)} comités y un informe es "
                          f"de uno solo: indique cuál con --comite CLAVE (o elíjalo en «Comité», en la "
                          f"barra lateral del tablero): {lista(candidatos)}.")
    return candidatos["comite"].iloc[0] if len(candidatos) else None


def cli(args):
    """`python -m etl comites [--db FILE]`: one committee a line, its key first, then its name
    and how many sessions are loaded."""
    con = connect_readonly(getattr(args, "db", None))
    try:
        comites = queries.comites(con).sort_values(["nombre", "comite"], kind="stable")
    finally:
        con.close()
    if comites.empty:
        raise ComiteError("La base de datos no tiene ningún comité: cargue actas con "
                          "«python -m etl build».")
    for c in comites.itertuples():
        print(f"{c.comite}\t{c.nombre}\t{c.sesiones} {'sesión' if c.sesiones == 1 else 'sesiones'}",
              file=sys.stdout)
    return 0
