"""etl.load: the build, its delta, its atomic swap, and the keys that join actas."""
import shutil
from datetime import date

import duckdb
import pytest

import etl.load
from etl.errors import DatabaseError
from etl.load import (DocumentFinder, best_spelling, build, documento_llave, persona_clave,
                      vincular)

from conftest import ACTAS

REAL = ACTAS / "cotaprep-durango-2021-01-28-ordinaria-02.txt"



def count(db, table):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]


def rows(db, sql):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


# -- keys --------------------------------------------------------------------------------------

def test_one_person_whatever_the_spelling():
    assert persona_clave("JOSE LUIS BAUTISTA CABRERA") == persona_clave("José Luis Bautista Cabrera")
    assert persona_clave("Mtro. José Luis Bautista Cabrera") == "jose luis bautista cabrera"
    assert persona_clave("M.D. Roberto Herrera Hernández") == "roberto herrera hernandez"
    assert persona_clave("Carlos Cruz") == "carlos cruz"


def test_best_spelling_is_fullest_and_accented():
    assert best_spelling(["JOSE LUIS BAUTISTA CABRERA", "José Luis Bautista Cabrera"]) == \
        "José Luis Bautista Cabrera"
    assert best_spelling(["Martín Gallardo", "MARTÍN GALLARDO GARCÍA"]) == "Martín Gallardo García"
    assert best_spelling(["MARÍA DE LA LUZ PÉREZ"]) == "María de la Luz Pérez"


def test_document_keys():
    assert documento_llave("dictamen", "iepc/utc/prep/dict/001/2021", "x") == \
        "clave:IEPC/UTC/PREP/DICT/001/2021"
    assert documento_llave("informe", None, "Informe mensual de Febrero") == \
        documento_llave("informe", None, "INFORME MENSUAL CORRESPONDIENTE AL MES DE FEBRERO")
    assert documento_llave("acta", None, None) is None


def test_a_shorter_title_finds_its_document():
    finder = DocumentFinder([(1, None, "Informe mensual de actividades de diciembre de 2023"),
                             (2, None, "Informe mensual de actividades de enero de 2024")])
    assert finder.find("Informe mensual de diciembre") == 1
    assert finder.find("Informe mensual") is None      # two candidates: no guess


def test_attended_corrections_are_linked_to_their_request():
    finder = DocumentFinder([(1, None, "Informe mensual de febrero"),
                             (2, "IEPC/DICT/001/2021", "Dictamen")])
    d1, d2, d3 = date(2021, 1, 1), date(2021, 2, 1), date(2021, 3, 1)
    # (correccion_id, documento, persona_id, fecha, sesion_id, aprobada)
    pedidas = [(10, "Informe mensual de febrero", 7, d1, 1, True),
               (11, "Informe mensual de febrero", 8, d1, 1, True),
               (12, "el dictamen IEPC/DICT/001/2021", 7, d1, 1, True),
               (13, "Plan de trabajo", 7, d1, 1, True),
               (14, "Plan de trabajo", 8, d2, 2, True)]
    # (atendida_id, documento, persona_id, fecha, sesion_id)
    atendidas = [(1, "informe mensual correspondiente al mes de febrero", 8, d2, 2),
                 (2, "Dictamen IEPC/DICT/001/2021", 9, d2, 2),
                 (3, "Plan de trabajo", 9, d3, 3),
                 (4, "Programa de operación", 9, d3, 3),
                 (5, "Informe mensual de febrero", None, d1, 1)]
    assert vincular(pedidas, atendidas, finder) == [
        {"correccion_id": 11, "vinculo": "documento+solicitante"},
        {"correccion_id": 12, "vinculo": "documento"},
        {"correccion_id": None, "vinculo": "ambiguo"},
        {"correccion_id": None, "vinculo": "ninguno"},
        {"correccion_id": None, "vinculo": "ninguno"}]   # same session: nothing earlier


def test_attended_corrections_are_linked_by_what_they_name():
    """Two requests on one document by one member: the report that names the table and the
    words of one of them answers that one; a report that names no document answers the only
    request whose page and word it names; a report naming nothing certain stays ambiguous."""
    finder = DocumentFinder([(1, None, "Informe mensual de febrero")])
    d1, d2 = date(2021, 1, 1), date(2021, 2, 1)
    pedidas = [(10, "Informe mensual de febrero", 7, d1, 1, True,
                "corregir la tabla 2, el número de capacitadores debe ser 48"),
               (11, "Informe mensual de febrero", 7, d1, 1, True,
                "sustituir en la página 10 «ayuntamientos» por «distritos»"),
               (12, "Plan de trabajo", 8, d1, 1, True, "numerar los incisos del apartado 3")]
    atendidas = [(1, "Informe mensual de febrero", 7, d2, 2,
                  "en la página 10 se reemplazó «ayuntamientos» por «distritos»"),
                 (2, None, None, d2, 2, "se corrigió la numeración de los incisos del apartado 3"),
                 (3, "Informe mensual de febrero", None, d2, 2, "se hicieron los cambios")]
    assert vincular(pedidas, atendidas, finder) == [
        {"correccion_id": 11, "vinculo": "documento+solicitante"},
        {"correccion_id": 12, "vinculo": "contenido"},
        {"correccion_id": 10, "vinculo": "documento"}]


# -- builds that need no parser ----------------------------------------------------------------

def bad_folder(tmp_path):
    folder = tmp_path / "actas"
    folder.mkdir()
    (folder / "vacia.txt").write_bytes(b"")
    (folder / "basura.txt").write_bytes(bytes(range(256)) * 20)
    return folder


def test_failed_files_are_recorded_with_their_reason(tmp_path):
    report = build(bad_folder(tmp_path), tmp_path / "t.duckdb", progress=False)
    assert report.failed == [
        ("basura.txt", "El archivo basura.txt no es texto legible (contiene datos binarios): "
                       "guarde el acta como .txt, .md, .pdf o .docx."),
        ("vacia.txt", "El archivo vacia.txt está vacío: no tiene texto que leer; "
                      "reemplácelo por el acta completa.")]
    assert not report.ok
    assert rows(tmp_path / "t.duckdb", "SELECT archivo, error FROM errores_carga ORDER BY 1") == \
        report.failed


def test_missing_folder_is_one_sentence(tmp_path):
    with pytest.raises(DatabaseError, match=r"^No existe la carpeta de actas .*/nada: indíquela "
                                            r"con --actas o con la variable TABLERO_ACTAS\.$"):
        build(tmp_path / "nada", tmp_path / "t.duckdb")


def test_a_failed_build_leaves_the_last_good_database(tmp_path, monkeypatch):
    folder, db = bad_folder(tmp_path), tmp_path / "t.duckdb"
    build(folder, db, progress=False)
    before = db.read_bytes()
    files = sorted(p.name for p in tmp_path.iterdir())      # the database and its search index
    (folder / "otra.txt").write_bytes(b"")

    def broken(self):
        raise duckdb.IOException("disco lleno")
    monkeypatch.setattr(etl.load.Carga, "refresh_personas", broken)
    with pytest.raises(DatabaseError, match="la anterior sigue intacta"):
        build(folder, db, progress=False)
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == files
    assert files[1].startswith("t.busqueda-") and files[1].endswith(".sqlite3")


# -- builds with the real parser ---------------------------------------------------------------

def test_real_acta_counts(db_real):
    assert [count(db_real, t) for t in
            ("sesiones", "asistencias", "votaciones", "votos", "correcciones")] == [1, 16, 9, 27, 3]
    assert count(db_real, "errores_carga") == 0
    assert rows(db_real, "SELECT valor FROM metadatos WHERE clave = 'actas'") == [("1",)]


def test_second_build_changes_nothing_and_says_so(tmp_path):
    db = tmp_path / "t.duckdb"
    assert build(ACTAS, db, progress=False).ok
    before = (db.stat().st_mtime_ns, db.read_bytes())
    report = build(ACTAS, db, progress=False)
    assert report.sin_cambios and report.ok
    assert report.summary() == f"Sin cambios: 1 acta ya cargada en {db}."
    assert (db.stat().st_mtime_ns, db.read_bytes()) == before


def test_bad_inputs_fail_alone_and_the_rest_loads(tmp_path):
    folder = bad_folder(tmp_path)
    shutil.copy(REAL, folder / REAL.name)
    shutil.copy(REAL, folder / "z-copia.txt")   # sorts after: the copy
    (folder / "receta.txt").write_text(RECETA, encoding="utf-8")
    db = tmp_path / "t.duckdb"
    report = build(folder, db, progress=False)
    assert report.loaded == [REAL.name]
    assert [a for a, _ in report.failed] == ["basura.txt", "receta.txt", "vacia.txt"]
    aviso = (f"El archivo z-copia.txt tiene los mismos bytes que {REAL.name}: "
             "se cargó una sola vez.")
    assert report.avisos == [aviso]
    assert f"Aviso: {aviso}" in report.summary().split("\n")
    assert rows(db, "SELECT count(*) FROM avisos WHERE mensaje = ?".replace("?", f"'{aviso}'")) \
        == [(1,)]
    assert count(db, "sesiones") == 1 and count(db, "votos") == 27


# -- what is an acta (etl.parse.check_session, the one check of build, parse and «Cargar acta») --

def _actas_reales():
    """Every real or hand-written acta the project holds: data/actas, tests/fixtures/actas,
    tests/fixtures/proceso*, ../shared/actas (their notes and expectations aside)."""
    from conftest import NOTAS, PROCESO, PROCESO2, ROOT, SHARED
    carpetas = [ACTAS, ROOT / "tests" / "fixtures" / "actas", PROCESO, PROCESO2, SHARED / "actas"]
    return sorted(p for carpeta in carpetas if carpeta.is_dir() for p in carpeta.iterdir()
                  if p.suffix in (".txt", ".md", ".pdf", ".docx") and p.name not in NOTAS)


@pytest.mark.parametrize("acta", _actas_reales(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_real_acta_is_an_acta(acta):
    from etl.extract import extract_text
    from etl.parse import check_session, parse_acta

    check_session(parse_acta(extract_text(acta)), acta.name)     # raises if refused


def test_a_process_summary_in_the_folder_is_skipped_with_one_sentence(tmp_path):
    """A hand-written summary (CONCLUSIONES.md: dates, people and votes of five sessions) left
    in an actas folder is not loaded as a sixth session: it fails alone, with its sentence."""
    from conftest import PROCESO2

    folder = tmp_path / "actas"
    shutil.copytree(PROCESO2, folder, ignore=shutil.ignore_patterns("*.json"))
    db = tmp_path / "t.duckdb"
    report = build(folder, db, progress=False)
    assert sorted(report.loaded) == sorted(p.name for p in PROCESO2.glob("*.txt"))
    motivo = ("CONCLUSIONES.md no parece un acta: no se encontró el encabezado de una sesión (su "
              "tipo u orden del día); revise que sea el archivo del acta (un resumen, una carta o "
              "un orden del día no se cargan).")
    assert report.failed == [("CONCLUSIONES.md", motivo)]
    assert f"Error en CONCLUSIONES.md: {motivo}" in report.summary().split("\n")
    assert count(db, "sesiones") == 5


def test_delta_adds_and_removes_actas(tmp_path):
    folder, db = tmp_path / "actas", tmp_path / "t.duckdb"
    folder.mkdir()
    shutil.copy(REAL, folder / REAL.name)
    build(folder, db, progress=False)
    personas = count(db, "personas")
    latin1 = folder / "latin1.txt"
    latin1.write_bytes(REAL.read_text(encoding="utf-8").encode("cp1252"))
    report = build(folder, db, progress=False)
    assert (report.loaded, report.unchanged) == (["latin1.txt"], [REAL.name])
    assert count(db, "sesiones") == 2 and count(db, "votos") == 54
    assert count(db, "personas") == personas          # the same people, not new ones
    latin1.unlink()
    report = build(folder, db, progress=False)
    assert report.removed == ["latin1.txt"]
    assert count(db, "sesiones") == 1 and count(db, "personas") == personas


def test_workers_give_the_same_facts(tmp_path):
    """Every file is read in a worker process (etl/lectura.py), two at a time on two cores."""
    folder = tmp_path / "actas"
    folder.mkdir()
    for i in range(3):
        (folder / f"acta-{i}.txt").write_text(REAL.read_text(encoding="utf-8") + "\n" * (i + 1),
                                              encoding="utf-8")
    report = build(folder, tmp_path / "t.duckdb", progress=False)
    assert len(report.loaded) == 3 and report.ok
    assert count(tmp_path / "t.duckdb", "votos") == 81


RECETA = """Receta: arroz rojo

Ingredientes:
- 2 tazas de arroz
- 3 jitomates
- 1/4 de cebolla

Se fríe el arroz en aceite hasta que esté dorado. Se licúa el jitomate con la cebolla y se
agrega al arroz con dos tazas de caldo. Se cuece a fuego bajo durante veinte minutos.
"""


def test_every_table_and_view_is_documented():
    import re

    from conftest import ROOT

    schema = (ROOT / "etl" / "schema.sql").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = re.findall(r"^CREATE (?:TABLE|VIEW) (\w+)", schema, re.MULTILINE)
    assert len(names) > 10
    assert [n for n in names if f"| `{n}` |" not in readme] == []
