"""The page «Consultas» under AppTest: it loads, runs a saved query, shows a refusal as one error
line, and a link (?sql=…) reproduces its query."""
import re
from pathlib import Path

import duckdb
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
PAGE = str(ROOT / "paginas" / "consultas.py")


@pytest.fixture(autouse=True)
def _caches_limpias():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture(scope="module")
def db_minima(tmp_path_factory):
    """The project's schema with one session: enough for the page's frame while testing what
    does not depend on the parser."""
    path = tmp_path_factory.mktemp("pagina") / "tablero.duckdb"
    con = duckdb.connect(str(path))
    con.execute((ROOT / "etl" / "schema.sql").read_text(encoding="utf-8"))
    con.execute("INSERT INTO actas (acta_id, archivo, sha256, formato, bytes, texto, cargada_en) "
                "VALUES (1, 'a.txt', 'abc', 'txt', 10, 'texto', now())")
    con.execute("INSERT INTO sesiones (sesion_id, acta_id, organo, instituto, proceso, tipo, "
                "numero, fecha, hora_inicio, hora_fin, duracion_min, modalidad, lugar, quorum) "
                "VALUES (1, 1, 'COTAPREP', 'IEPC', 'PEL 2020-2021', 'ordinaria', 2,"
                " DATE '2021-01-28', '17:00', '18:25', 85, 'virtual', 'Durango', true)")
    con.close()
    return path


def app(monkeypatch, db, **query_params):
    monkeypatch.setenv("TABLERO_DB", str(db))
    at = AppTest.from_file(PAGE, default_timeout=30)
    for key, value in query_params.items():
        at.query_params[key] = value
    return at.run()


def resultado(at):
    """The result table: the first dataframe, since the editor's column is drawn before the
    schema's (AppTest does not expose a plain st.dataframe's key)."""
    return at.dataframe[0].value


def click(at, label):
    next(b for b in at.button if b.label == label).click()
    return at.run()


def test_without_database_it_says_the_command(monkeypatch, tmp_path):
    at = app(monkeypatch, tmp_path / "no-existe.duckdb")
    assert not at.exception
    assert "python -m etl build" in at.info[0].value


def test_loads_with_schema_and_saved_queries(monkeypatch, db_real):
    at = app(monkeypatch, db_real)
    assert not at.exception
    assert at.title[0].value == "Consultas"
    assert {"votos", "sesiones", "asistencias"} <= {e.label.split(" ·")[0] for e in at.expander}
    assert {"Asistencia por partido", "Votaciones no unánimes", "Historia de un dictamen",
            "Sesiones de más de una hora", "Correcciones pendientes por documento"} <= \
        {b.label for b in at.button}
    assert "Escriba una consulta" in at.info[0].value


def test_runs_a_saved_query_with_its_default_parameter(monkeypatch, db_real):
    at = app(monkeypatch, db_real)
    at.button(key="guardada-historia_dictamen").click().run()
    assert not at.exception
    assert not at.error
    assert at.text_input(key="p_clave").value == "IEPC/UTC/PREP/DICT/001/2021"
    tabla = resultado(at)
    assert "presentado" in set(tabla["estado"])
    assert any(c.value.startswith(f"{len(tabla)} fila") and c.value.endswith(" ms")
               for c in at.caption)


def plain(value):
    """What a person reads in an error box: the page escapes every punctuation mark so that
    Markdown shows the sentence as written (tablero.ui.plano)."""
    return re.sub(r"\\(.)", r"\1", value)


def test_a_link_fills_the_editor_and_runs_on_a_click(monkeypatch, db_real):
    at = app(monkeypatch, db_real, sql="SELECT count(*) AS votos FROM votos")
    assert not at.exception
    assert at.text_area(key="sql").value == "SELECT count(*) AS votos FROM votos"
    assert not at.dataframe or "votos" not in resultado(at).columns    # nothing ran yet
    assert "Pulse «Ejecutar» para ver el resultado de esta consulta." in [c.value for c in at.caption]
    at = click(at, "Ejecutar")
    assert resultado(at)["votos"][0] == 27


def test_a_refused_query_is_one_error_line(monkeypatch, db_minima):
    at = app(monkeypatch, db_minima)
    at.text_area(key="sql").set_value("SELECT * FROM read_csv('/etc/passwd')")
    at = click(at, "Ejecutar")
    assert not at.exception
    assert [plain(e.value) for e in at.error] == [
        "La consulta intenta leer archivos del servidor, lo cual no está permitido."]


def test_a_write_is_refused_and_the_next_query_runs(monkeypatch, db_minima):
    at = app(monkeypatch, db_minima)
    at.text_area(key="sql").set_value("DELETE FROM sesiones")
    at = click(at, "Ejecutar")
    assert [plain(e.value) for e in at.error] == [
        "Solo se permiten consultas de lectura (SELECT); la instrucción DELETE no está permitida."]
    at.text_area(key="sql").set_value("SELECT count(*) AS n FROM sesiones")
    at = click(at, "Ejecutar")
    assert not at.error
    assert resultado(at)["n"][0] == 1


def test_a_saved_query_with_a_parameter_from_the_link(monkeypatch, db_minima):
    sql = "SELECT fecha, duracion_min FROM sesiones WHERE duracion_min > CAST($minutos AS INTEGER)"
    at = app(monkeypatch, db_minima, sql=sql, p_minutos="90")
    assert not at.exception
    assert at.text_input(key="p_minutos").value == "90"
    at = click(at, "Ejecutar")
    assert resultado(at).empty
    at.text_input(key="p_minutos").set_value("60")
    at = click(at, "Ejecutar")
    assert len(resultado(at)) == 1
