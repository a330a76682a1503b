"""`python -m etl`: the JSON on stdout, or one `Error:` line on stderr and exit 1; never a
traceback."""
import hashlib
import json
import os
import subprocess
import sys

import pytest

from conftest import ACTAS, ROOT, SHARED

REAL = ACTAS / "cotaprep-durango-2021-01-28-ordinaria-02.txt"
OTROS = sorted((SHARED / "otros-organos").glob("*.txt"))



def etl(*args):
    env = {k: v for k, v in os.environ.items() if not k.startswith("TABLERO_")}
    return subprocess.run([sys.executable, "-m", "etl", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def assert_one_error(result, sentence=None):
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().split("\n")
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    if sentence is not None:
        assert lines[0] == f"Error: {sentence}"


def assert_acta_or_error(result):
    """Either a partial acta with avisos (exit 0) or one `Error:` line (exit 1)."""
    assert "Traceback" not in result.stderr
    if result.returncode == 0:
        facts = json.loads(result.stdout)
        assert facts["avisos"], "un acta leída a medias debe decir qué no pudo leer"
    else:
        assert_one_error(result)


# -- bad inputs: exact sentences ---------------------------------------------------------------

def test_empty_file(tmp_path):
    (tmp_path / "vacia.txt").write_bytes(b"")
    assert_one_error(etl("parse", tmp_path / "vacia.txt"),
                     "El archivo vacia.txt está vacío: no tiene texto que leer; reemplácelo por "
                     "el acta completa.")


def test_binary_garbage(tmp_path):
    (tmp_path / "basura.md").write_bytes(bytes(range(256)) * 20)
    assert_one_error(etl("parse", tmp_path / "basura.md"),
                     "El archivo basura.md no es texto legible (contiene datos binarios): guarde "
                     "el acta como .txt, .md, .pdf o .docx.")


def test_pdf_without_text_and_without_letters(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 150, 200, style="F")
    pdf.output(str(tmp_path / "escaneo.pdf"))
    assert_one_error(etl("parse", tmp_path / "escaneo.pdf"),
                     "El archivo escaneo.pdf no tiene texto legible: su página parece en blanco o "
                     "sin letras; revise que el escaneo sea el del acta.")


def test_unknown_format(tmp_path):
    (tmp_path / "acta.odt").write_bytes(b"PK")
    assert_one_error(etl("parse", tmp_path / "acta.odt"),
                     "El archivo acta.odt tiene un formato que no se puede leer («.odt»): guarde "
                     "el acta como .txt, .md, .pdf o .docx, o escaneada como .pdf, .png, .jpg o "
                     ".tif.")


def test_missing_file(tmp_path):
    assert_one_error(etl("parse", tmp_path / "nada.txt"),
                     f"No existe el archivo {tmp_path / 'nada.txt'}: revise la ruta.")


# -- with the parser ---------------------------------------------------------------------------

def test_parse_prints_the_contract_json():
    result = etl("parse", "data/actas/" + REAL.name)
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)
    assert list(facts)[:2] == ["archivo", "sha256"]
    assert facts["archivo"] == "data/actas/" + REAL.name
    assert facts["sha256"] == hashlib.sha256(REAL.read_bytes()).hexdigest()
    assert "José" in result.stdout          # ensure_ascii=False


def test_not_an_acta(tmp_path):
    from etl.errors import NotAnActaError
    from etl.parse import parse_acta
    from test_load import RECETA

    (tmp_path / "receta.txt").write_text(RECETA, encoding="utf-8")
    with pytest.raises(NotAnActaError) as caught:
        parse_acta(RECETA)
    assert_one_error(etl("parse", tmp_path / "receta.txt"), " ".join(str(caught.value).split()))


def test_a_process_summary_is_not_an_acta():
    """parse refuses what build and «Cargar acta» refuse (etl.parse.check_session)."""
    assert_one_error(etl("parse", ROOT / "tests" / "fixtures" / "proceso2" / "CONCLUSIONES.md"),
                     "CONCLUSIONES.md no parece un acta: no se encontró el encabezado de una "
                     "sesión (su tipo u orden del día); revise que sea el archivo del acta (un "
                     "resumen, una carta o un orden del día no se cargan).")


def test_truncated_acta(tmp_path):
    head = "".join(REAL.read_text(encoding="utf-8").splitlines(keepends=True)[:15])
    (tmp_path / "truncada.txt").write_text(head, encoding="utf-8")
    assert_acta_or_error(etl("parse", tmp_path / "truncada.txt"))


def test_latin1_acta_reads_like_the_utf8_one(tmp_path):
    (tmp_path / "latin1.txt").write_bytes(REAL.read_text(encoding="utf-8").encode("cp1252"))
    latin1, utf8 = etl("parse", tmp_path / "latin1.txt"), etl("parse", REAL)
    assert latin1.returncode == 0, latin1.stderr
    strip = lambda out: {k: v for k, v in json.loads(out).items() if k not in ("archivo", "sha256")}
    assert strip(latin1.stdout) == strip(utf8.stdout)


@pytest.mark.skipif(not OTROS, reason="../shared/otros-organos/ no está junto al repositorio")
@pytest.mark.parametrize("path", OTROS, ids=lambda p: p.name)
def test_minutes_of_other_bodies_never_crash(path):
    assert_acta_or_error(etl("parse", path))


# -- build -------------------------------------------------------------------------------------

def test_build_reports_failures_loads_the_rest_and_then_nothing_changes(tmp_path):
    folder, db = tmp_path / "actas", tmp_path / "t.duckdb"
    folder.mkdir()
    (folder / REAL.name).write_bytes(REAL.read_bytes())
    (folder / "z-duplicada.txt").write_bytes(REAL.read_bytes())
    (folder / "vacia.txt").write_bytes(b"")
    result = etl("build", "--actas", folder, "--db", db)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.split("\n")[1:] == [
        f"Aviso: El archivo z-duplicada.txt tiene los mismos bytes que {REAL.name}: se cargó una "
        "sola vez.",
        "Error en vacia.txt: El archivo vacia.txt está vacío: no tiene texto que leer; "
        "reemplácelo por el acta completa.", ""]
    (folder / "vacia.txt").unlink()
    assert etl("build", "--actas", folder, "--db", db).returncode == 0
    again = etl("build", "--actas", folder, "--db", db)
    assert again.returncode == 0
    assert again.stdout.startswith(f"Sin cambios: 1 acta ya cargada en {db}.")


def test_build_into_an_impossible_place_is_one_error(tmp_path):
    (tmp_path / "archivo").write_text("no soy carpeta", encoding="utf-8")
    (tmp_path / "actas").mkdir()
    result = etl("build", "--actas", tmp_path / "actas", "--db", tmp_path / "archivo" / "t.duckdb")
    assert_one_error(result)
    assert "la anterior sigue intacta" in result.stderr


def test_environment_chooses_the_folder(tmp_path):
    env = dict(os.environ, TABLERO_ACTAS=str(tmp_path / "no-hay"), TABLERO_DB=str(tmp_path / "x"))
    result = subprocess.run([sys.executable, "-m", "etl", "build"], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    assert_one_error(result, f"No existe la carpeta de actas {tmp_path / 'no-hay'}: indíquela "
                             "con --actas o con la variable TABLERO_ACTAS.")


@pytest.mark.parametrize("orden", ["informe", "consulta"])
def test_read_side_commands_are_registered(orden):
    result = etl(orden, "--help")
    assert result.returncode == 0 and "--db" in result.stdout
