"""The full-text index of the actas: one row per line of text, in an SQLite FTS5 file built next to
the DuckDB database by `build`, in the same atomic step.

Why SQLite FTS5 (the `sqlite3` of Python's standard library): it ranks (bm25), finds phrases,
folds case and accents in its tokenizer (`unicode61 remove_diacritics 2`: «sintesis» finds
«síntesis») and answers from an inverted index in milliseconds. DuckDB's `fts` extension would
have to be downloaded (this machine, like many an institute's, cannot) and its `match_bm25` has
no phrase search.

A row per line, so that a hit is «acta X, línea N». Each row indexes the line's own text followed
by the next ~80 characters of the acta's text (some ten words: longer would repeat each word in
the index several times over, for phrases nobody types), skipping blank lines, page headers and
page numbers (etl.texto.Texto drops them) and re-joining words cut by a hyphen: a phrase that
starts on line N and ends on a later line («sesión ordinaria número⏎⏎[encabezado]⏎1 de fecha
22») is found on line N. A match wholly inside that continuation belongs to a later line, which
has its own row; the reader drops it (see tablero/busqueda.py).

What is stored, once (a 10,000-acta index went from 770 MB to a third of that):

- `lineas`, the FTS5 table, is contentless (`content=''`): it holds the inverted index (with
  positions, `detail=full`, which phrases need) and each row's length for bm25, not the text.
  Its rowid is acta_id · 2²⁰ + linea, so filtering by acta (committee, dates, session type) is
  a rowid range FTS5 seeks to, and the speaker is an indexed token («p12» in `orador_clave`)
  that FTS5 itself filters on.
- `textos`, one row per block of BLOQUE lines of an acta: their own text (the continuation is
  re-made from the next lines when needed, `indice`; each block carries the text that follows
  it), the agenda item and speaker of each, as JSON compressed by zlib with a preset dictionary
  (`diccionario`: 32 KB of the first acta's text; the actas' formulas make small blocks
  compress six to one instead of two). The reader unpacks only the blocks of the lines it
  ranks (a whole acta per hit cost 0.8 ms, 250 ms a search); deleting an acta's rows (a
  contentless table needs the indexed values back) re-makes them from its blocks.

Reading pure: `lineas(texto)` is text in, rows out. Writing: `Indice`.
"""
import json
import os
import re
import shutil
import sqlite3
import zlib
from pathlib import Path

from etl.personas import TITLED_NAME_RE, clean_name, speaker_label

CONTINUACION = 80           # characters of the following text indexed with each line
BLOQUE = 32                 # lines of one row of `textos` (3 KB of text, 400 bytes packed)
DICCIONARIO = 32 * 1024     # bytes of zlib's preset dictionary (its window)
NIVEL = 3                   # zlib's level: on blocks this small, 3 is faster than 1 and near 6
FILA = 20                   # rowid = acta_id << FILA | linea: an acta has fewer than 2^20 lines
ESQUEMA = """
CREATE VIRTUAL TABLE lineas USING fts5(   -- rowid = acta_id * 2^20 + linea (see FILA)
    indice,                                  -- the line's text, then the next ~80 characters
    orador_clave,                            -- «p<persona_id>» of the speaker, or empty
    content = '',                            -- the text is in `textos`, once
    tokenize = 'unicode61 remove_diacritics 2'
);
-- The lines' text by blocks: `desde` the rowid of the block's first line; `datos` zlib of JSON
-- {lineas, textos, puntos, oradores, personas, sigue} (see `empacar`), with zlib's preset
-- dictionary `diccionario`.
CREATE TABLE textos (desde INTEGER PRIMARY KEY, datos BLOB NOT NULL);
CREATE TABLE diccionario (datos BLOB NOT NULL);
-- Who speaks in which acta, and in how many lines: the speaker filter's list, a person's page.
CREATE TABLE turnos (acta_id INTEGER, persona_id INTEGER, orador TEXT, lineas INTEGER);
CREATE INDEX turnos_acta ON turnos (acta_id);
CREATE TABLE metadatos (clave TEXT PRIMARY KEY, valor TEXT);
"""


def lineas(doc, lector=None):
    """The index rows of one acta: dicts of linea, texto (the line's own text in the acta's
    cleaned text, up to the next row's), punto, orador. `doc` is the acta's etl.texto.Texto;
    `lector` the etl.parse.Lector that read it (for the agenda item). `indices` adds what FTS5
    indexes."""
    flujo, inicios = _flujo(doc)
    oradores = _oradores(doc)
    filas, desde = [], []
    for n, (inicio, linea) in enumerate(inicios):
        fin = inicios[n + 1][0] if n + 1 < len(inicios) else len(flujo)
        if not flujo[inicio:fin].strip():
            continue                    # its blanks go with the row before (the text is whole)
        desde.append(inicio)
        filas.append({"linea": linea,
                      "punto": lector.punto_at(linea) if lector is not None else None,
                      "orador": oradores.get(linea)})
    for n, fila in enumerate(filas):
        fila["texto"] = flujo[desde[n]:desde[n + 1] if n + 1 < len(desde) else len(flujo)]
    return filas


def indices(textos):
    """[(indice, largo)] for the rows whose own texts are `textos` (in order): `indice` of each,
    in one pass over their joined text (what `build` writes; `indice` reads one row)."""
    flujo = "".join(textos)
    salida, inicio = [], 0
    for texto in textos:
        fin = inicio + len(texto)
        corte = min(len(flujo), fin + CONTINUACION)
        if corte < len(flujo) and " " in flujo[fin:corte]:
            corte = flujo.rindex(" ", fin, corte)
        salida.append((flujo[inicio:corte].rstrip(), len(texto)))
        inicio = fin
    return salida


def indice(textos, n):
    """(what FTS5 indexes for row n, the length of its own part) of the rows whose own texts are
    `textos`: the line's text followed by ~CONTINUACION characters of the next rows' text, whole
    words only. No space is added between rows: a word cut by a hyphen («convo-⏎catoria») is one
    word in the joined text, and stays one here."""
    propio, siguientes, largo, k = textos[n], [], 0, n + 1
    while k < len(textos) and largo <= CONTINUACION:
        siguientes.append(textos[k])
        largo += len(textos[k])
        k += 1
    resto = "".join(siguientes)         # the text after the line: all of it, or more than needed
    corte = min(len(resto), CONTINUACION)
    if corte < len(resto) and " " in resto[:corte]:
        corte = resto.rindex(" ", 0, corte)
    return (propio + resto[:corte]).rstrip(), len(propio)


def _flujo(doc):
    """The acta's cleaned text as one string (paragraphs joined by a space) and where each line
    begins in it: [(offset, linea)]."""
    partes, inicios, largo = [], [], 0
    for parrafo in doc.paragraphs:
        for inicio, linea in parrafo.spans:
            inicios.append((largo + inicio, linea))
        partes.append(parrafo.text)
        largo += len(parrafo.text) + 1
    return " ".join(partes), inicios


_VOTO_NOMINAL = re.compile(r"^\W*(?P<quien>[^:]{5,120}?)\s*(?:[.:]\s*)?[-–—:]\s*"
                           r"(?i:a favor|en contra|me abstengo|abstenci[oó]n)\W*$")


def _oradores(doc):
    """linea -> the speaker whose turn it is: the name of the last speaker label at or before the
    line's paragraph («Secretario Técnico, Ing. Jorge Galo Solano García: Buenas tardes…»). A
    ballot said aloud («-Dra. Alejandra del Carmen Arreola Delgado. - A favor.») is its voter's
    line, and the turn goes on after it."""
    actual, por_linea = None, {}
    for parrafo in doc.paragraphs:
        etiqueta = speaker_label(parrafo.text)
        if etiqueta:
            actual = etiqueta["nombre"]
        quien = actual if etiqueta else _votante(parrafo.text) or actual
        for _, linea in parrafo.spans:
            por_linea[linea] = quien
    return por_linea


def _votante(texto):
    """The titled name that casts a ballot in a paragraph that is only that ballot, or None."""
    voto = _VOTO_NOMINAL.match(texto)
    nombre = TITLED_NAME_RE.search(voto.group("quien")) if voto else None
    return clean_name(nombre.group("nombre")) if nombre and nombre.start() <= 3 else None


def parse_con_indice(texto, catalogo):
    """(facts, index rows) of one acta: etl.parse.parse_acta plus `lineas`, read once."""
    from etl.parse import Lector, _check_is_acta
    from etl.texto import Texto

    doc = Texto(texto or "")
    _check_is_acta(doc)
    lector = Lector(doc, catalogo)
    facts = lector.read()
    return facts, lineas(doc, lector)


# ---------------------------------------------------------------------------------------------
# The index file


def nombre_indice(db_path, huella):
    """The index file of the database built with this huella: «tablero.busqueda-<16 hex>.sqlite3»
    next to it. A new name per build: the DuckDB file names its index (metadatos.indice_busqueda),
    so a reader sees the old pair or the new pair, never a mix."""
    db_path = Path(db_path)
    return db_path.with_name(f"{db_path.stem}.busqueda-{huella[:16]}.sqlite3")


def empacar(acta_id, filas, personas, compresor):
    """An acta's rows of `textos`: [(desde, datos)], one per BLOQUE index rows (see `lineas`),
    each the zlib-compressed JSON of their line numbers, own texts, agenda items, speakers, the
    persona_id of each speaker name, and `sigue`: the text after the block, as much as `indice`
    reads of it. `compresor`: a zlib compressor primed with the preset dictionary (copied for
    each block: setting a 32 KB dictionary costs more than compressing a block)."""
    textos = [f["texto"] for f in filas]
    bloques = []
    for inicio in range(0, len(filas), BLOQUE):
        parte = filas[inicio:inicio + BLOQUE]
        sigue, k = "", inicio + len(parte)
        while k < len(textos) and len(sigue) <= CONTINUACION:
            sigue += textos[k]
            k += 1
        datos = {"lineas": [f["linea"] for f in parte], "textos": [f["texto"] for f in parte],
                 "puntos": [f["punto"] for f in parte], "oradores": [f["orador"] for f in parte],
                 "personas": {o: personas[o] for o in {f["orador"] for f in parte}
                              if o in personas},
                 "sigue": sigue}
        zipper = compresor.copy()
        bloques.append((acta_id << FILA | parte[0]["linea"], zipper.compress(
            json.dumps(datos, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
            + zipper.flush()))
    return bloques


def desempacar(blob, diccionario):
    """One block of `empacar` undone: dict of lineas, textos, puntos, oradores (one item per
    row), personas (speaker name -> persona_id) and sigue."""
    unzipper = zlib.decompressobj(zdict=diccionario)
    return json.loads(unzipper.decompress(blob) + unzipper.flush())


def diccionario(con):
    """The preset dictionary of an index (`con` an sqlite3 connection to it)."""
    fila = con.execute("SELECT datos FROM diccionario").fetchone()
    return fila[0] if fila else b""


def indice_en_bloque(bloque, n):
    """`indice` of row n of an unpacked block."""
    return indice(bloque["textos"] + [bloque["sigue"]], n)


class Indice:
    """The index of one build, written to a temporary file and published by `publicar`."""

    def __init__(self, db_path, huella, anterior=None):
        self.destino = nombre_indice(db_path, huella)
        self.tmp = self.destino.with_name(f".{self.destino.name}.{os.getpid()}.nuevo")
        self.tmp.unlink(missing_ok=True)
        if anterior is not None:
            shutil.copyfile(anterior, self.tmp)
        self.con = sqlite3.connect(self.tmp, isolation_level=None)
        # A private file, published whole or thrown away: no journal, no fsync until it is done.
        self.con.execute("PRAGMA journal_mode = OFF")
        self.con.execute("PRAGMA synchronous = OFF")
        self.nuevo = anterior is None
        if anterior is None:
            self.con.executescript(ESQUEMA)
            # Built in one go and merged once by 'optimize' (cerrar): no merging along the way.
            self.con.execute("INSERT INTO lineas (lineas, rank) VALUES ('automerge', 0)")
        self.diccionario = diccionario(self.con)
        self.compresor = (zlib.compressobj(NIVEL, zdict=self.diccionario)
                          if self.diccionario else None)
        self.con.execute("BEGIN")

    def quitar(self, acta_ids):
        """Rows of actas that left the folder or changed. A contentless FTS5 table forgets a row
        only when told the values it indexed: they are made again from `textos`."""
        for acta_id in [int(i) for i in acta_ids]:
            rango = [acta_id << FILA, ((acta_id + 1) << FILA) - 1]
            datos = {"lineas": [], "textos": [], "oradores": [], "personas": {}}
            for (blob,) in self.con.execute("SELECT datos FROM textos WHERE desde BETWEEN ? AND ? "
                                            "ORDER BY desde", rango).fetchall():
                bloque = desempacar(blob, self.diccionario)
                for clave in ("lineas", "textos", "oradores"):
                    datos[clave] += bloque[clave]
                datos["personas"].update(bloque["personas"])
            self.con.executemany(
                "INSERT INTO lineas (lineas, rowid, indice, orador_clave) "
                "VALUES ('delete', ?, ?, ?)",
                _valores(acta_id, datos["lineas"], datos["textos"], datos["oradores"],
                         datos["personas"]))
            self.con.execute("DELETE FROM textos WHERE desde BETWEEN ? AND ?", rango)
            self.con.execute("DELETE FROM turnos WHERE acta_id = ?", [acta_id])

    def agregar(self, acta_id, filas, personas):
        """One acta's rows; `personas` maps a speaker's name to their persona_id."""
        filas = [f for f in filas if 0 < f["linea"] < 1 << FILA]
        self.con.executemany(
            "INSERT INTO lineas (rowid, indice, orador_clave) VALUES (?, ?, ?)",
            _valores(acta_id, [f["linea"] for f in filas], [f["texto"] for f in filas],
                     [f["orador"] for f in filas], personas))
        if not self.diccionario and filas:  # the first acta's text: the actas' formulas
            self.diccionario = "".join(f["texto"] for f in filas).encode("utf-8")[-DICCIONARIO:]
            self.con.execute("INSERT INTO diccionario VALUES (?)", [self.diccionario])
            self.compresor = zlib.compressobj(NIVEL, zdict=self.diccionario)
        self.con.executemany("INSERT INTO textos VALUES (?, ?)",
                             empacar(acta_id, filas, personas, self.compresor))
        cuantas = {}
        for f in filas:
            if f["orador"]:
                cuantas[f["orador"]] = cuantas.get(f["orador"], 0) + 1
        self.con.executemany("INSERT INTO turnos VALUES (?, ?, ?, ?)",
                             [(acta_id, personas.get(o), o, n) for o, n in cuantas.items()])

    def cerrar(self, meta):
        """Commit and close. A new index is compacted into one FTS5 segment (fewer segments,
        faster queries); a copy that took a delta is not: 'optimize' rewrites the whole index,
        seconds on 10,000 actas, and FTS5's own automerge keeps the segments few."""
        self.con.execute("DELETE FROM metadatos")
        self.con.executemany("INSERT INTO metadatos VALUES (?, ?)", sorted(meta.items()))
        self.con.execute("COMMIT")
        if self.nuevo:
            self.con.execute("INSERT INTO lineas (lineas, rank) VALUES ('automerge', 4)")
            self.con.execute("INSERT INTO lineas(lineas) VALUES ('optimize')")
            self.con.execute("VACUUM")
        self.con.close()

    def publicar(self):
        """Move the finished index to its final name (before the DuckDB file that names it is
        swapped in)."""
        os.replace(self.tmp, self.destino)
        return self.destino

    def descartar(self):
        try:
            self.con.close()
        except sqlite3.Error:
            pass
        self.tmp.unlink(missing_ok=True)


def _valores(acta_id, numeros, textos, oradores, personas):
    """(rowid, indice, orador_clave) of each row of one acta, as FTS5 indexes them."""
    return [(acta_id << FILA | linea, indice,
             f"p{personas[orador]}" if orador in personas else "")
            for linea, (indice, _), orador in zip(numeros, indices(textos), oradores)]


def limpiar(db_path, conservar):
    """Remove the index files of older builds, keeping `conservar` (the new one and the one the
    previous database named: a reader that opened it a moment ago may still ask it)."""
    db_path = Path(db_path)
    conservar = {Path(c).name for c in conservar if c}
    for viejo in db_path.parent.glob(f"{db_path.stem}.busqueda-*.sqlite3"):
        if viejo.name not in conservar:
            try:
                viejo.unlink()
            except OSError:
                pass
