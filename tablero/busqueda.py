"""The read side of the full-text index (etl/busqueda.py): what a person types, turned into an
FTS5 query, asked of the index file the database names, read-only; and `python -m etl buscar`.

    consulta_fts('ente auditor')               -> '"ente" "auditor"'      (every word, any order)
    consulta_fts('"síntesis curricular" PREP') -> '"síntesis curricular" "PREP"'

Every word and phrase is quoted, so nothing a person types is FTS5 syntax (AND, OR, NEAR, «-»,
«:» are words like any other); accents and case are folded by the index's tokenizer. A word
ending in «*» is a prefix («audit*»). tablero.queries.buscar joins the hits with their sessions.
"""
import json
import re
import sqlite3
from pathlib import Path

from etl.errors import TableroError
from etl.vocabulario import fold

MARCA_INICIO, MARCA_FIN = "\x02", "\x03"     # around the matched words in `fragmento`
_PARTE = re.compile(r'"([^"]*)"|«([^»]*)»|“([^”]*)”|(\S+)')
_PALABRA = re.compile(r"[^\W_]+")            # a token as FTS5's unicode61 tokenizer cuts it
CONTEXTO_ANTES, CONTEXTO_DESPUES = 70, 190    # characters of a snippet around the first match
# Ranking costs per matching line: a word on 400 000 lines of a national archive («de») would take
# seconds. Beyond this many matching lines, only the latest loaded ones are ranked.
RANQUEO_MAXIMO = 20_000


class BusquedaError(TableroError):
    """The search cannot be answered; the message says what to do."""


# ───────────────────────────── What a person types ─────────────────────────────

def _partes(texto):
    """The phrases and words a person typed: [(text, prefijo)]; quotes make a phrase."""
    partes = []
    for match in _PARTE.finditer(texto or ""):
        frase = next(g for g in match.groups() if g is not None)
        prefijo = match.group(4) is not None and frase.endswith("*")
        frase = frase.rstrip("*") if prefijo else frase
        if _PALABRA.search(frase):
            partes.append((frase, prefijo))
    return partes


def consulta_fts(texto):
    """The FTS5 query for what a person typed, or None when it holds no word."""
    return " ".join('"' + frase.replace('"', " ") + '"' + (" *" if prefijo else "")
                    for frase, prefijo in _partes(texto)) or None


def terminos(texto):
    """What a person typed as the index compares it: [(folded tokens, prefijo)]."""
    return [([fold(t) for t in _PALABRA.findall(frase)], prefijo)
            for frase, prefijo in _partes(texto)]


def coincidencias(texto, frases):
    """(start, end) of each occurrence in `texto` of each phrase of `frases` (see terminos),
    accents and case aside, in order: what the snippet marks."""
    tokens = [(m.start(), m.end(), fold(m.group())) for m in _PALABRA.finditer(texto)]
    tramos = []
    for palabras, prefijo in frases:
        n = len(palabras)
        for i in range(len(tokens) - n + 1):
            ultima = tokens[i + n - 1][2]
            if all(tokens[i + k][2] == palabras[k] for k in range(n - 1)) and (
                    ultima.startswith(palabras[-1]) if prefijo else ultima == palabras[-1]):
                tramos.append((tokens[i][0], tokens[i + n - 1][1]))
    return sorted(tramos)


# ───────────────────────────── The index ─────────────────────────────

def ruta_indice(con):
    """The index file of the database `con` is open on (metadatos.indice_busqueda, next to it)."""
    nombre, base = con.execute(
        "SELECT (SELECT valor FROM metadatos WHERE clave = 'indice_busqueda'), "
        "(SELECT path FROM duckdb_databases() WHERE database_name = current_database())"
    ).fetchone()
    if not nombre or not base:
        raise BusquedaError("La base de datos no tiene índice de búsqueda: ejecute "
                            "«python -m etl build» para crearlo.")
    ruta = Path(base).with_name(nombre)
    if not ruta.exists():
        raise BusquedaError(f"Falta el índice de búsqueda {ruta.name}: ejecute "
                            "«python -m etl build» para crearlo de nuevo.")
    return ruta


def abrir(ruta):
    """A read-only connection to an index file (published whole by `build`, never changed)."""
    return sqlite3.connect(f"file:{ruta}?mode=ro&immutable=1", uri=True)


def buscar_lineas(ruta, texto, acta_ids=None, persona_id=None, limite=100):
    """The best-ranked lines for what a person typed, and whether the ranking was partial:
    (list of dicts (acta_id, linea, punto, orador, persona_id, fragmento, rango), parcial). At
    most `limite` hits, only in `acta_ids` when given and only in the turns of `persona_id` when
    given. A match lying wholly in the text that follows a line (indexed with it so phrases cross
    line breaks) is the next line's, not this one's.

    FTS5 ranks (bm25) the rowids alone: filtered by acta through the rowid and by speaker inside
    the index, it never reads the stored text of the lines it ranks. Only the rows shown are read,
    and marked here (FTS5's highlight() re-runs the query for each row: 0.7 ms a row). When more
    than RANQUEO_MAXIMO lines match, only those with the highest rowids (the actas loaded last)
    are ranked: `parcial` is then True, and the page says so."""
    from etl.busqueda import FILA

    consulta, frases = consulta_fts(texto), terminos(texto)
    if consulta is None:
        return [], False
    consulta = f"indice : ({consulta})"
    if persona_id is not None:
        consulta += f' AND orador_clave : "p{int(persona_id)}"'
    con = abrir(ruta)
    try:
        filtro = ""
        if acta_ids is not None:
            con.execute("CREATE TEMP TABLE permitidas (acta_id INTEGER PRIMARY KEY)")
            con.executemany("INSERT INTO permitidas VALUES (?)", [(int(i),) for i in acta_ids])
            filtro = f" AND (rowid >> {FILA}) IN (SELECT acta_id FROM permitidas)"
        corte = con.execute(f"SELECT rowid FROM lineas WHERE lineas MATCH ?{filtro} "
                            "ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                            [consulta, RANQUEO_MAXIMO]).fetchone()
        parcial = corte is not None
        if parcial:
            filtro += f" AND rowid > {int(corte[0])}"
        orden = (f"SELECT rowid, rank FROM lineas WHERE lineas MATCH ?{filtro} "
                 "ORDER BY rank LIMIT ? OFFSET ?")
        # A larger LIMIT costs next to nothing (the ranking is per matching line); it leaves room
        # for the rows skipped as the next line's.
        hits, desde, lote = [], 0, 4 * int(limite) + 50
        while len(hits) < limite:
            rangos = con.execute(orden, [consulta, lote, desde]).fetchall()
            hits += _propias(con, rangos, frases)
            if len(rangos) < lote:
                break
            desde, lote = desde + lote, lote * 2
    except sqlite3.Error as error:
        raise BusquedaError(f"No se pudo buscar en el índice ({error}): ejecute "
                            "«python -m etl build» para crearlo de nuevo.") from error
    finally:
        con.close()
    return hits[:limite], parcial


def _propias(con, rangos, frases):
    """The ranked rows [(rowid, rank)] whose first match starts in the line's own text, as
    hits, in rank order."""
    if not rangos:
        return []
    filas = {f[0]: f[1:] for f in con.execute(
        "SELECT rowid, acta_id, linea, largo, punto, orador, persona_id, indice FROM lineas "
        "WHERE rowid IN (SELECT value FROM json_each(?))",
        [json.dumps([rowid for rowid, _ in rangos])]).fetchall()}
    hits = []
    for rowid, rango in rangos:
        acta_id, linea, largo, punto, orador, persona, indice = filas[rowid]
        tramos = coincidencias(indice, frases)
        if tramos and tramos[0][0] < largo:
            hits.append({"acta_id": acta_id, "linea": linea, "punto": punto, "orador": orador,
                         "persona_id": persona, "fragmento": fragmento(indice, tramos),
                         "rango": rango})
    return hits


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


# ───────────────────────────── Snippets ─────────────────────────────

def fragmento(texto, tramos):
    """Some 260 characters of `texto` around its first match, cut at spaces, with «…» where
    cut, and every match within between MARCA_INICIO and MARCA_FIN."""
    primera = tramos[0][0]
    inicio = max(0, primera - CONTEXTO_ANTES)
    fin = min(len(texto), primera + CONTEXTO_DESPUES)
    if inicio > 0 and " " in texto[inicio:primera]:
        inicio = texto.index(" ", inicio) + 1
    if fin < len(texto) and " " in texto[primera:fin]:
        fin = max(texto.rindex(" ", primera, fin), tramos[0][1])
    partes, cursor = [], inicio
    for desde, hasta in tramos:
        if desde < cursor or desde >= fin:
            continue
        hasta = min(hasta, fin)
        partes += [texto[cursor:desde], MARCA_INICIO, texto[desde:hasta], MARCA_FIN]
        cursor = hasta
    partes.append(texto[cursor:fin])
    return ("…" if inicio > 0 else "") + "".join(partes).strip() + \
        ("…" if fin < len(texto) else "")


def marcar(fragmento, inicio, fin):
    """The snippet with the matched words between `inicio` and `fin` («[», «]»; «**» …)."""
    return fragmento.replace(MARCA_INICIO, inicio).replace(MARCA_FIN, fin)


# ───────────────────────────── python -m etl buscar ─────────────────────────────

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
    import sys

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
        print(f"Ninguna línea coincide con «{args.texto}».", file=sys.stderr)
    return 0
