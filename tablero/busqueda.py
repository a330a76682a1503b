"""The read side of the full-text index (etl/busqueda.py): what a person types, turned into an
FTS5 query, asked of the index file the database names, read-only.

    consulta_fts('ente auditor')               -> '"ente" "auditor"'      (every word, any order)
    consulta_fts('"síntesis curricular" PREP') -> '"síntesis curricular" "PREP"'

Every word and phrase is quoted, so nothing a person types is FTS5 syntax (AND, OR, NEAR, «-»,
«:» are words like any other); accents and case are folded by the index's tokenizer. A word
ending in «*» is a prefix («audit*»). tablero.queries.buscar joins the hits with their sessions.
"""
import re
import sqlite3
from pathlib import Path

from etl.errors import TableroError

MARCA_INICIO, MARCA_FIN = "\x02", "\x03"     # around the matched words in `fragmento`
_PARTE = re.compile(r'"([^"]*)"|«([^»]*)»|“([^”]*)”|(\S+)')
CONTEXTO_ANTES, CONTEXTO_DESPUES = 70, 190    # characters of a snippet around the first match


class BusquedaError(TableroError):
    """The search cannot be answered; the message says what to do."""


def consulta_fts(texto):
    """The FTS5 query for what a person typed, or None when it holds no word."""
    partes = []
    for match in _PARTE.finditer(texto or ""):
        frase = next(g for g in match.groups() if g is not None)
        prefijo = match.group(4) is not None and frase.endswith("*")
        frase = frase.rstrip("*") if prefijo else frase
        if not re.search(r"\w", frase):
            continue
        partes.append('"' + frase.replace('"', " ") + '"' + (" *" if prefijo else ""))
    return " ".join(partes) or None


def ruta_indice(con):
    """The index file of the database `con` is open on (metadatos.indice_busqueda, next to it)."""
    fila = con.execute("SELECT valor FROM metadatos WHERE clave = 'indice_busqueda'").fetchone()
    base = con.execute("SELECT path FROM duckdb_databases() "
                       "WHERE database_name = current_database()").fetchone()
    if not fila or not base or not base[0]:
        raise BusquedaError("La base de datos no tiene índice de búsqueda: ejecute "
                            "«python -m etl build» para crearlo.")
    ruta = Path(base[0]).with_name(fila[0])
    if not ruta.exists():
        raise BusquedaError(f"Falta el índice de búsqueda {ruta.name}: ejecute "
                            "«python -m etl build» para crearlo de nuevo.")
    return ruta


def abrir(ruta):
    """A read-only connection to an index file (published whole by `build`, never changed)."""
    return sqlite3.connect(f"file:{ruta}?mode=ro&immutable=1", uri=True)


def buscar_lineas(ruta, consulta, acta_ids=None, persona_id=None, limite=100):
    """The best-ranked lines for an FTS5 `consulta`: list of dicts (acta_id, linea, punto, orador,
    persona_id, fragmento, rango), at most `limite`, only in `acta_ids` when given and only in
    the turns of `persona_id` when given. A match lying wholly in the text that follows a line
    (indexed with it so phrases cross line breaks) is the next line's, not this one's."""
    con = abrir(ruta)
    try:
        filtro, parametros = "", [consulta]
        if acta_ids is not None:
            con.execute("CREATE TEMP TABLE permitidas (acta_id INTEGER PRIMARY KEY)")
            con.executemany("INSERT INTO permitidas VALUES (?)", [(int(i),) for i in acta_ids])
            filtro += " AND acta_id IN (SELECT acta_id FROM permitidas)"
        if persona_id is not None:
            filtro += " AND persona_id = ?"
            parametros.append(int(persona_id))
        parametros.append(int(limite) * 2 + 20)
        filas = con.execute(
            "SELECT acta_id, linea, largo, punto, orador, persona_id, "
            f"highlight(lineas, 0, '{MARCA_INICIO}', '{MARCA_FIN}'), rank "
            f"FROM lineas WHERE lineas MATCH ?{filtro} ORDER BY rank LIMIT ?",
            parametros).fetchall()
    except sqlite3.Error as error:
        raise BusquedaError(f"No se pudo buscar en el índice ({error}): ejecute "
                            "«python -m etl build» para crearlo de nuevo.") from error
    finally:
        con.close()
    hits = []
    for acta_id, linea, largo, punto, orador, persona, marcado, rango in filas:
        primera = marcado.find(MARCA_INICIO)
        if primera < 0 or primera >= largo:
            continue
        hits.append({"acta_id": acta_id, "linea": linea, "punto": punto, "orador": orador,
                     "persona_id": persona, "fragmento": fragmento(marcado, primera),
                     "rango": rango})
    return hits[:limite]


def turnos(ruta):
    """Who speaks in which acta: DataFrame of acta_id, persona_id (None when the label's name is
    no attendee of that acta), orador (as the label writes it), lineas."""
    import pandas as pd

    con = abrir(ruta)
    try:
        return pd.read_sql_query("SELECT acta_id, persona_id, orador, lineas FROM turnos", con)
    except (sqlite3.Error, pd.errors.DatabaseError) as error:
        raise BusquedaError(f"No se pudo leer el índice de búsqueda ({error}): ejecute "
                            "«python -m etl build» para crearlo de nuevo.") from error
    finally:
        con.close()


def fragmento(marcado, primera):
    """Some 260 characters around the first match, cut at spaces, with «…» where cut."""
    inicio = max(0, primera - CONTEXTO_ANTES)
    fin = min(len(marcado), primera + CONTEXTO_DESPUES)
    if inicio > 0 and " " in marcado[inicio:primera]:
        inicio = marcado.index(" ", inicio) + 1
    if fin < len(marcado) and " " in marcado[primera:fin]:
        fin = marcado.rindex(" ", primera, fin)
    texto = marcado[inicio:fin]
    if texto.count(MARCA_INICIO) > texto.count(MARCA_FIN):
        texto += MARCA_FIN
    return ("…" if inicio > 0 else "") + texto.strip() + ("…" if fin < len(marcado) else "")


def marcar(fragmento, inicio, fin):
    """The snippet with the matched words between `inicio` and `fin` («[», «]»; «**» …)."""
    return fragmento.replace(MARCA_INICIO, inicio).replace(MARCA_FIN, fin)


def _fecha(texto, opcion):
    import datetime as dt

    if texto is None:
        return None
    try:
        return dt.date.fromisoformat(texto)
    except ValueError:
        raise BusquedaError(f"La fecha de {opcion} «{texto}» no es válida: escríbala como "
                            "AAAA-MM-DD, por ejemplo 2021-01-28.") from None


def cli(args):
    """`python -m etl buscar TEXTO`: one hit a line, «archivo:línea: fragmento», best first."""
    from tablero import db, queries

    if consulta_fts(args.texto) is None:
        raise BusquedaError("Escriba al menos una palabra que buscar.")
    if args.limite < 1:
        raise BusquedaError("--limite debe ser un número mayor que cero.")
    filtros = {"desde": _fecha(args.desde, "--desde"), "hasta": _fecha(args.hasta, "--hasta"),
               "tipo": args.tipo}
    con = db.connect_readonly(args.db)
    try:
        hits = queries.buscar(con, args.texto, comite=args.comite, limite=args.limite, **filtros)
    finally:
        con.close()
    for hit in hits.itertuples():
        texto = " ".join(marcar(hit.fragmento, "[", "]").split())
        print(f"{hit.archivo}:{hit.linea}: {texto}")
    if hits.empty:
        import sys
        print(f"Ninguna línea coincide con «{args.texto}».", file=sys.stderr)
    return 0
