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
has its own row; the reader drops it (`largo` is the length of the line's own text, see
tablero/busqueda.py).

Each row also carries the agenda item under way (Lector.punto_at) and the speaker whose turn the
line is in (the last speaker label at or before it, as Lector.speaker_at reads it).

Built for speed on a national archive: a row's rowid is acta_id · 2²⁰ + linea, so filtering by acta
(committee, dates, session type) and deleting an acta's rows never read the stored text, and the
speaker is an indexed token («p12» in `orador_clave`) that FTS5 itself filters on.

Reading pure: `lineas(texto)` is text in, rows out. Writing: `Indice`.
"""
import os
import re
import shutil
import sqlite3
from pathlib import Path

from etl.personas import TITLED_NAME_RE, clean_name, speaker_label

CONTINUACION = 80           # characters of the following text indexed with each line
FILA = 20                   # rowid = acta_id << FILA | linea: an acta has fewer than 2^20 lines
ESQUEMA = """
CREATE VIRTUAL TABLE lineas USING fts5(   -- rowid = acta_id * 2^20 + linea (see FILA)
    indice,                                  -- the line's text, then the next ~80 characters
    orador_clave,                            -- «p<persona_id>» of the speaker, or empty
    acta_id UNINDEXED, linea UNINDEXED, largo UNINDEXED, punto UNINDEXED, orador UNINDEXED,
    persona_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);
-- Who speaks in which acta, and in how many lines: the speaker filter's list, a person's page.
CREATE TABLE turnos (acta_id INTEGER, persona_id INTEGER, orador TEXT, lineas INTEGER);
CREATE INDEX turnos_acta ON turnos (acta_id);
CREATE TABLE metadatos (clave TEXT PRIMARY KEY, valor TEXT);
"""


def lineas(doc, lector=None):
    """The index rows of one acta: dicts of linea, indice, largo, punto, orador. `doc` is the
    acta's etl.texto.Texto; `lector` the etl.parse.Lector that read it (for the agenda item)."""
    flujo, inicios = _flujo(doc)
    oradores = _oradores(doc)
    filas = []
    for n, (inicio, linea) in enumerate(inicios):
        fin = inicios[n + 1][0] if n + 1 < len(inicios) else len(flujo)
        if not flujo[inicio:fin].strip():
            continue
        corte = min(len(flujo), fin + CONTINUACION)
        if corte < len(flujo) and " " in flujo[fin:corte]:
            corte = flujo.rindex(" ", fin, corte)                # whole words only
        # No space is added at `fin`: a word cut by a hyphen («convo-⏎catoria») is one word in
        # the joined text, and stays one here.
        filas.append({"linea": linea, "indice": flujo[inicio:corte].rstrip(),
                      "largo": fin - inicio,
                      "punto": lector.punto_at(linea) if lector is not None else None,
                      "orador": oradores.get(linea)})
    return filas


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


class Indice:
    """The index of one build, written to a temporary file and published by `publicar`."""

    def __init__(self, db_path, huella, anterior=None):
        self.destino = nombre_indice(db_path, huella)
        self.tmp = self.destino.with_name(f".{self.destino.name}.{os.getpid()}.nuevo")
        self.tmp.unlink(missing_ok=True)
        if anterior is not None:
            shutil.copyfile(anterior, self.tmp)
        self.con = sqlite3.connect(self.tmp)
        self.nuevo = anterior is None
        if anterior is None:
            self.con.executescript(ESQUEMA)
        self.con.execute("BEGIN")

    def quitar(self, acta_ids):
        """Rows of actas that left the folder or changed."""
        ids = [int(i) for i in acta_ids]
        self.con.executemany("DELETE FROM lineas WHERE rowid BETWEEN ? AND ?",
                             [(i << FILA, ((i + 1) << FILA) - 1) for i in ids])
        self.con.executemany("DELETE FROM turnos WHERE acta_id = ?", [(i,) for i in ids])

    def agregar(self, acta_id, filas, personas):
        """One acta's rows; `personas` maps a speaker's name to their persona_id."""
        filas = [f for f in filas if 0 < f["linea"] < 1 << FILA]
        self.con.executemany(
            "INSERT INTO lineas (rowid, indice, orador_clave, acta_id, linea, largo, punto, "
            "orador, persona_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(acta_id << FILA | f["linea"], f["indice"],
              f"p{personas[f['orador']]}" if f["orador"] in personas else "", acta_id,
              f["linea"], f["largo"], f["punto"], f["orador"], personas.get(f["orador"]))
             for f in filas])
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
            self.con.execute("INSERT INTO lineas(lineas) VALUES ('optimize')")
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
