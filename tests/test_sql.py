"""The SQL console's executor (tablero/sql.py): each refusal with its exact sentence, the time limit,
the row cap and downloads, the saved queries and the schema descriptions on the real database."""
import argparse
import io
import json
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from tablero import esquema
from tablero.sql import (LIMITE_BYTES, Consola, ConsultaError, cli, connect_locked, parameters, read_saved,
                         saved_queries, to_csv, to_excel, to_parquet)

ROOT = Path(__file__).resolve().parent.parent
FILES = "La consulta intenta leer archivos del servidor, lo cual no está permitido."
FILES_RW = "La consulta intenta leer o escribir archivos del servidor, lo cual no está permitido."
ONLY_SELECT = "Solo se permiten consultas de lectura (SELECT); la instrucción {} no está permitida."
SETTINGS = "No se permite cambiar la configuración de la base de datos (SET/RESET)."
EXTENSIONS = "No se permite instalar ni cargar extensiones de DuckDB (INSTALL/LOAD)."
ATTACH = "No se permite adjuntar otras bases de datos (ATTACH); consulte solo las tablas del tablero."


@pytest.fixture(scope="module")
def scratch_db(tmp_path_factory):
    """A small database with the project's schema and a few rows: enough to test the executor
    without waiting for the loader."""
    path = tmp_path_factory.mktemp("consola") / "tablero.duckdb"
    con = duckdb.connect(str(path))
    con.execute((ROOT / "etl" / "schema.sql").read_text(encoding="utf-8"))
    con.execute("INSERT INTO partidos VALUES ('PAN', 'Partido Acción Nacional', '#0059b3', 'nacional', true),"
                " ('PRI', 'Partido Revolucionario Institucional', '#e30613', 'nacional', true)")
    con.close()
    return path


@pytest.fixture
def consola(scratch_db):
    with Consola(scratch_db, limite_segundos=1) as consola:
        yield consola


def refusal(consola, sql):
    with pytest.raises(ConsultaError) as error:
        consola.run(sql)
    return str(error.value)


# -- Refusals ---------------------------------------------------------------------------------

@pytest.mark.parametrize("sql, sentence", [
    ("SELECT * FROM read_csv('/etc/passwd', sep = ':')", FILES),
    ("SELECT * FROM read_text('/etc/passwd')", FILES),
    ("SELECT * FROM read_parquet('/tmp/x.parquet')", FILES),
    ("SELECT * FROM glob('/etc/*')", FILES),
    ("SELECT * FROM read_csv('https://example.com/x.csv')", FILES),
    ("COPY (SELECT 1) TO '/tmp/x.csv'", FILES_RW),
    ("COPY partidos FROM '/etc/passwd'", FILES_RW),
    ("EXPORT DATABASE '/tmp/exportada'", FILES_RW),
    ("ATTACH '/tmp/otra.duckdb' AS otra", ATTACH),
    ("ATTACH ':memory:' AS m", ATTACH),
    ("INSTALL httpfs", EXTENSIONS),
    ("LOAD httpfs", EXTENSIONS),
    ("SET threads = 1", SETTINGS),
    ("SET enable_external_access = true", SETTINGS),
    ("RESET lock_configuration", SETTINGS),
    ("PRAGMA threads = 1", SETTINGS),
    ("SET VARIABLE x = 1", SETTINGS),
    ("CREATE TABLE x (a INTEGER)", ONLY_SELECT.format("CREATE")),
    ("CREATE TEMP TABLE x (a INTEGER)", ONLY_SELECT.format("CREATE")),
    ("DELETE FROM partidos", ONLY_SELECT.format("DELETE")),
    ("INSERT INTO partidos VALUES ('X', 'x', '#000000', NULL, false)", ONLY_SELECT.format("INSERT")),
    ("UPDATE partidos SET nombre = 'x'", ONLY_SELECT.format("UPDATE")),
    ("DROP TABLE partidos", ONLY_SELECT.format("DROP")),
    ("-- un comentario primero\nALTER TABLE partidos ADD COLUMN x INTEGER", ONLY_SELECT.format("ALTER")),
    ("CHECKPOINT", ONLY_SELECT.format("CHECKPOINT")),
    ("SELECT * FROM read_duckdb('/tmp/otra.duckdb')", FILES),
    ("SELECT * FROM sniff_csv('/etc/passwd')", FILES),
    ("SELECT * FROM enable_logging()", SETTINGS),
    ("SELECT * FROM enable_profiling()", SETTINGS),
    ("SELECT 1; DROP TABLE partidos", "Solo se permite una consulta a la vez; "
                                      "el texto tiene 2 instrucciones separadas por «;»."),
    ("SELECT 1; SELECT 2", "Solo se permite una consulta a la vez; "
                           "el texto tiene 2 instrucciones separadas por «;»."),
    ("", "Escriba una consulta SQL (por ejemplo: SELECT * FROM sesiones)."),
    ("-- solo un comentario", "Escriba una consulta SQL (por ejemplo: SELECT * FROM sesiones)."),
])
def test_refusals(consola, sql, sentence):
    assert refusal(consola, sql) == sentence


def test_the_data_is_untouched_after_the_refusals(consola):
    for sql in ["DELETE FROM partidos", "DROP TABLE partidos", "SELECT 1; DELETE FROM partidos"]:
        with pytest.raises(ConsultaError):
            consola.run(sql)
    assert consola.run("SELECT count(*) AS n FROM partidos").df["n"][0] == 2


def test_nothing_was_written(consola, tmp_path):
    target = tmp_path / "x.csv"
    with pytest.raises(ConsultaError):
        consola.run(f"COPY (SELECT 1) TO '{target}'")
    assert not target.exists()


@pytest.mark.parametrize("sql", [
    "COPY (SELECT 1) TO '/tmp/consola-x.csv'",
    "ATTACH '/tmp/consola-otra.duckdb' AS otra",
    "INSTALL httpfs",
    "LOAD httpfs",
    "SET enable_external_access = true",
    "SET lock_configuration = false",
    "SELECT * FROM read_csv('/etc/passwd')",
    "DELETE FROM partidos",
])
def test_the_connection_itself_refuses_what_the_statement_check_would(scratch_db, sql):
    """Defence in depth: the locked connection refuses these even without tablero.sql.check."""
    con = connect_locked(scratch_db)
    try:
        with pytest.raises(duckdb.Error):
            con.execute(sql)
    finally:
        con.close()
    assert not Path("/tmp/consola-x.csv").exists()


def test_the_safety_settings_are_on_and_locked(scratch_db):
    con = connect_locked(scratch_db)
    try:
        settings = dict(con.execute(
            "SELECT name, value FROM duckdb_settings() WHERE name IN ('enable_external_access', "
            "'lock_configuration', 'autoload_known_extensions', 'autoinstall_known_extensions', "
            "'python_enable_replacements', 'temp_directory', 'threads')").fetchall())
    finally:
        con.close()
    assert settings == {"enable_external_access": "false", "lock_configuration": "true",
                        "autoload_known_extensions": "false", "autoinstall_known_extensions": "false",
                        "python_enable_replacements": "false", "temp_directory": "", "threads": "2"}


def test_python_variables_are_not_tables(consola):
    secreto = pd.DataFrame({"clave": ["no debe verse"]})  # noqa: F841 (what a replacement scan would find)
    assert refusal(consola, "SELECT * FROM secreto") == (
        "No existe la tabla o vista «secreto» (línea 1, columna 15); consulte el esquema de la página.")


def test_locking_does_not_touch_the_dashboards_connections(scratch_db):
    """DuckDB settings are per database instance; the console uses its own, so the dashboard's
    plain read-only connection to the same file keeps its defaults."""
    dashboard = duckdb.connect(str(scratch_db), read_only=True)
    try:
        with Consola(scratch_db):
            setting = "SELECT current_setting('lock_configuration'), current_setting('enable_external_access')"
            assert dashboard.execute(setting).fetchone() == (False, True)
    finally:
        dashboard.close()


# -- Errors in Spanish -------------------------------------------------------------------------

@pytest.mark.parametrize("sql, sentence", [
    ("SELECT * FORM partidos", "Error de sintaxis cerca de «partidos» (línea 1, columna 15)."),
    ("SELECT partido,\n  nombre\nFROM partidos WHERE WHERE",
     "Error de sintaxis cerca de «WHERE» (línea 3, columna 21)."),
    ("SELECT * FROM nada", "No existe la tabla o vista «nada» (línea 1, columna 15); consulte el esquema de la página."),
    ("SELECT nombrex FROM partidos",
     "No existe la columna «nombrex» (línea 1, columna 8); quizá quiso decir \"nombre\", \"color\", \"ambito\"."),
    ("SELECT getenv('HOME')", "No existe la función «getenv» (línea 1, columna 8) (o no está disponible en esta consola)."),
    ("SELECT $clave", "Falta el valor del parámetro $clave: escríbalo en la casilla del parámetro."),
])
def test_errors_are_one_spanish_sentence(consola, sql, sentence):
    assert refusal(consola, sql) == sentence


def test_an_error_met_while_streaming_is_one_sentence_too(consola):
    """DuckDB's errors during the Arrow stream reach Python as a bare OSError."""
    sql = ("SELECT s::INTEGER AS n FROM (SELECT CASE WHEN range = 5000 THEN 'a' ELSE range::VARCHAR END AS s "
           "FROM range(10000))")
    assert refusal(consola, sql) == (
        "Un valor no se pudo convertir al tipo pedido (línea 1, columna 9): Could not convert string 'a' "
        "to INT32 when casting from source column s.")


def test_a_huge_result_is_cut_and_says_so(scratch_db):
    """1 GB of text: the console keeps LIMITE_BYTES (64 MB) and the batch that reached it."""
    with Consola(scratch_db) as consola:
        resultado = consola.run("SELECT repeat('x', 100000) AS texto FROM range(10000)")
    assert resultado.incompleto
    assert resultado.filas < 10000
    assert resultado.tabla.nbytes <= LIMITE_BYTES + 256 * 100_000 + 2**20


# -- Time limit -------------------------------------------------------------------------------

HEAVY = "SELECT sum(hash(range)) FROM range(1000000000000)"     # hours of work, no memory


def test_a_query_past_the_limit_is_interrupted_and_the_console_serves_the_next(consola):
    started = time.monotonic()
    assert refusal(consola, HEAVY) == "La consulta superó el límite de 1 segundo y fue interrumpida."
    assert time.monotonic() - started < 20       # interrupted, not run to the end (hours)
    assert consola.run("SELECT count(*) AS n FROM partidos").df["n"][0] == 2
    assert refusal(consola, HEAVY) == "La consulta superó el límite de 1 segundo y fue interrumpida."
    assert consola.run("SELECT 42 AS respuesta").df["respuesta"][0] == 42


def test_the_default_limit_is_ten_seconds(scratch_db):
    with Consola(scratch_db) as consola:
        assert consola.limite_segundos == 10


# -- Results, cap and downloads ---------------------------------------------------------------

def test_result_has_rows_time_and_truncation(consola):
    resultado = consola.run("SELECT range AS n, 'acción' AS texto FROM range(2500)")
    assert resultado.filas == 2500
    assert resultado.truncado
    assert len(resultado.mostrado()) == 1000
    assert len(resultado.df) == 2500
    assert resultado.ms >= 0
    assert not consola.run("SELECT 1 AS n").truncado


def test_downloads_hold_the_full_result(consola):
    resultado = consola.run("SELECT range AS n, 'acción' AS texto, DATE '2021-01-28' AS fecha FROM range(2500)")
    csv = pd.read_csv(io.BytesIO(to_csv(resultado)), encoding="utf-8-sig")
    excel = pd.read_excel(io.BytesIO(to_excel(resultado)), sheet_name="Consulta")
    parquet = pq.read_table(io.BytesIO(to_parquet(resultado)))
    assert len(csv) == len(excel) == parquet.num_rows == 2500
    assert csv["texto"][0] == excel["texto"][0] == "acción"
    assert parquet.schema.field("fecha").type == "date32[day]"


def test_downloads_of_values_a_cell_cannot_hold(consola):
    resultado = consola.run("SELECT [1, 2] AS lista, {'a': 'ñ'} AS registro, INTERVAL 3 DAY AS plazo, "
                            "TIMESTAMPTZ '2021-01-28 17:00+00' AS momento")
    csv = pd.read_csv(io.BytesIO(to_csv(resultado)), encoding="utf-8-sig")
    assert csv.iloc[0].tolist()[:3] == ["[1, 2]", '{"a": "ñ"}', "3 días"]
    assert pd.read_excel(io.BytesIO(to_excel(resultado)))["plazo"][0] == "3 días"
    assert pq.read_table(io.BytesIO(to_parquet(resultado))).column("plazo").to_pylist() == ["3 días"]


def test_parameters_are_bound_not_formatted(consola):
    resultado = consola.run("SELECT nombre FROM partidos WHERE partido = $partido",
                            {"partido": "PRI' OR '1'='1"})
    assert resultado.filas == 0
    assert consola.run("SELECT nombre FROM partidos WHERE partido = $partido",
                       {"partido": "PRI", "sobrante": "x"}).df["nombre"][0] == \
        "Partido Revolucionario Institucional"
    assert parameters("SELECT * FROM sesiones WHERE fecha > $desde AND tipo = $tipo") == ["desde", "tipo"]


def test_no_database_says_what_to_run(tmp_path):
    with pytest.raises(ConsultaError) as error:
        Consola(tmp_path / "no-existe.duckdb")
    assert str(error.value) == (f"No hay base de datos en {tmp_path / 'no-existe.duckdb'}: "
                                "ejecute «python -m etl build» para cargar las actas.")


# -- Saved queries ----------------------------------------------------------------------------

def test_saved_queries_have_titles_and_descriptions():
    guardadas = saved_queries()
    assert {g.nombre for g in guardadas} >= {
        "asistencia_por_partido", "votaciones_no_unanimes", "correcciones_pendientes",
        "sesiones_largas", "historia_dictamen"}
    for guardada in guardadas:
        assert guardada.titulo and len(guardada.descripcion) > 40
        assert set(parameters(guardada.sql)) == set(guardada.parametros), guardada.nombre


def test_a_header_without_description_is_an_error(tmp_path):
    path = tmp_path / "mala.sql"
    path.write_text("-- titulo: Sin descripción\nSELECT 1\n", encoding="utf-8")
    with pytest.raises(ValueError):
        read_saved(path)


def test_read_saved_joins_continuation_lines(tmp_path):
    path = tmp_path / "buena.sql"
    path.write_text("-- titulo: Prueba\n-- descripcion: Primera línea,\n--   segunda línea.\n"
                    "-- parametro: minutos = 60\nSELECT $minutos\n", encoding="utf-8")
    guardada = read_saved(path)
    assert guardada.descripcion == "Primera línea, segunda línea."
    assert guardada.parametros == {"minutos": "60"}


@pytest.mark.parametrize("guardada", saved_queries(), ids=lambda g: g.nombre)
def test_every_saved_query_runs_on_the_real_database(db_real, guardada):
    with Consola(db_real) as consola:
        resultado = consola.run(guardada.sql, guardada.parametros)
    assert len(resultado.df.columns) > 2


@pytest.mark.parametrize("guardada", saved_queries(), ids=lambda g: g.nombre)
def test_every_saved_query_runs_on_several_sessions(db_proceso, guardada):
    with Consola(db_proceso) as consola:
        assert consola.run(guardada.sql, guardada.parametros).filas >= 0


def test_saved_queries_answer_what_the_acta_says(db_real):
    """The bundled acta of 2021-01-28 (../shared/actas/…expected.json): 17:00 to 17:25, every vote
    unanimous, the PAN represented, corrections approved for the informe (1) and the dictamen
    IEPC/UTC/PREP/DICT/001/2021 (2), none attended, the dictamen presented in item 7."""
    guardadas = {g.nombre: g for g in saved_queries()}
    with Consola(db_real) as consola:
        def run(nombre, **params):
            return consola.run(guardadas[nombre].sql, {**guardadas[nombre].parametros, **params}).df
        assert run("sesiones_largas").empty
        assert run("sesiones_largas", minutos="20")["duracion_min"].tolist() == [25]
        assert run("votaciones_no_unanimes").empty
        historia = run("historia_dictamen")
        assert historia[["punto", "estado", "correcciones_pedidas"]].values.tolist() == [[7, "presentado", 2]]
        assert run("historia_dictamen", clave="no existe").empty
        pendientes = run("correcciones_pendientes")
        assert sorted(pendientes["pendientes"]) == [1, 2]
        assert pendientes.set_index("clave")["pendientes"]["IEPC/UTC/PREP/DICT/001/2021"] == 2
        asistencia = run("asistencia_por_partido").set_index("partido")
        assert asistencia.loc["PAN", "asistio"] == 1


# -- Schema descriptions (the docs test) ------------------------------------------------------

def test_every_table_view_and_column_is_described(db_real):
    with Consola(db_real) as consola:
        frame = consola.run(esquema.INVENTARIO_SQL).df
    assert not frame.empty
    assert esquema.undocumented(frame) == []


def test_no_description_for_something_that_does_not_exist(db_real):
    with Consola(db_real) as consola:
        frame = consola.run(esquema.INVENTARIO_SQL).df
    present = set(frame["tabla"])
    assert set(esquema.TABLAS) - present == set()


# -- The command ------------------------------------------------------------------------------

def test_cli_writes_csv_or_json(scratch_db, capsys):
    args = argparse.Namespace(sql="SELECT partido, nombre FROM partidos ORDER BY partido",
                              db=str(scratch_db), formato="csv")
    assert cli(args) == 0
    assert capsys.readouterr().out.splitlines() == [
        "partido,nombre", "PAN,Partido Acción Nacional", "PRI,Partido Revolucionario Institucional"]
    args.formato = "json"
    assert cli(args) == 0
    assert json.loads(capsys.readouterr().out)[0] == {"partido": "PAN", "nombre": "Partido Acción Nacional"}


def test_cli_refuses_in_one_line(scratch_db, capsys):
    args = argparse.Namespace(sql="DELETE FROM partidos", db=str(scratch_db), formato="csv")
    assert cli(args) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "Error: " + ONLY_SELECT.format("DELETE") + "\n"


def run_command(*args):
    return subprocess.run([sys.executable, "-m", "etl", "consulta", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_the_command_answers_27(db_real):
    done = run_command("SELECT count(*) FROM votos", "--db", str(db_real))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "27"


def test_the_command_counts_the_votes(db_real):
    done = run_command("SELECT count(*) AS votos FROM votos", "--db", str(db_real))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["votos", "27"]


def test_the_command_in_json(db_real):
    done = run_command("SELECT count(*) FROM votos", "--db", str(db_real), "--formato", "json")
    assert done.returncode == 0, done.stderr
    assert '27' in done.stdout and done.stdout.lstrip().startswith("[")


def test_the_command_refuses_in_one_line(db_real):
    done = run_command("SELECT * FROM read_csv('/etc/passwd')", "--db", str(db_real))
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == f"Error: {FILES}\n"
