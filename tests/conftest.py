"""Shared fixtures: databases built from the bundled actas and from the fixture process.

`db_real` and `db_proceso` are paths to DuckDB files built once per test session with
`etl.load.build`; open them read-only (tablero.db.connect_readonly).
"""
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
ACTAS = ROOT / "data" / "actas"
PROCESO = ROOT / "tests" / "fixtures" / "proceso"
PROCESO2 = ROOT / "tests" / "fixtures" / "proceso2"
NOTAS = {"CONCLUSIONES.md", "README.md"}     # a fixture folder's notes, not actas


def solo_actas(carpeta, destino):
    """A copy of the fixture folder's actas without its notes (CONCLUSIONES.md), which `build`
    would otherwise read as one more acta; the copy's path."""
    destino.mkdir(parents=True, exist_ok=True)
    for acta in carpeta.iterdir():
        if acta.suffix in (".txt", ".md", ".pdf", ".docx") and acta.name not in NOTAS:
            shutil.copy(acta, destino / acta.name)
    return destino


def _build(actas, tmp_path_factory, name):
    from etl.load import build

    if any((actas / nota).exists() for nota in NOTAS):
        actas = solo_actas(actas, tmp_path_factory.mktemp(f"{name}-actas"))
    db = tmp_path_factory.mktemp(name) / "tablero.duckdb"
    report = build(actas, db, progress=False)
    if report.failed and not report.loaded:
        pytest.skip(f"no se pudo cargar ninguna acta de {actas}: {report.failed[0][1]}")
    return db


@pytest.fixture(scope="session")
def db_real(tmp_path_factory):
    """data/actas built into a temporary DuckDB file; its path."""
    return _build(ACTAS, tmp_path_factory, "db_real")


@pytest.fixture(scope="session")
def db_proceso(tmp_path_factory):
    """tests/fixtures/proceso/ (several sessions of one process) built into a temporary DuckDB
    file; its path. Skipped while that folder has no actas."""
    if not PROCESO.is_dir() or not any(p.suffix in (".txt", ".md", ".pdf", ".docx")
                                       for p in PROCESO.iterdir()):
        pytest.skip("tests/fixtures/proceso/ aún no tiene actas")
    return _build(PROCESO, tmp_path_factory, "db_proceso")


@pytest.fixture(scope="session")
def db_proceso2(tmp_path_factory):
    """tests/fixtures/proceso2/ (Zacatecas, five sessions in another template) built into a
    temporary DuckDB file; its path."""
    return _build(PROCESO2, tmp_path_factory, "db_proceso2")


@pytest.fixture(scope="session")
def db_dos_comites(tmp_path_factory):
    """The Durango acta and one Colima acta (another institute's committee) in one database;
    its path."""
    actas = tmp_path_factory.mktemp("dos-comites") / "actas"
    actas.mkdir()
    shutil.copy(ACTAS / "cotaprep-durango-2021-01-28-ordinaria-02.txt", actas)
    shutil.copy(PROCESO / "cotaprep-colima-2024-01-17-ordinaria-01.txt", actas)
    return _build(actas, tmp_path_factory, "db_dos_comites")


@pytest.fixture(autouse=True)
def _sin_rutas_del_entorno(monkeypatch):
    """A developer's TABLERO_DB / TABLERO_ACTAS must not steer the tests to real data; nothing
    else is cleared."""
    monkeypatch.delenv("TABLERO_DB", raising=False)
    monkeypatch.delenv("TABLERO_ACTAS", raising=False)


@pytest.fixture(scope="session", autouse=True)
def _sin_registro_del_personal(tmp_path_factory):
    """A developer's staff store (data/seguimiento/) must not change what the tests read: by
    default TABLERO_SEGUIMIENTO names a folder that does not exist (reading never creates it).
    Session-scoped so it holds for module fixtures too; a test that needs a store sets its own."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TABLERO_SEGUIMIENTO", str(tmp_path_factory.mktemp("sin-registro") / "vacio"))
        yield


def abrir_pagina(archivo, monkeypatch, base, query_params=None):
    """Run one page of the dashboard (a path from the project root) over the database `base`,
    with the query string of a shared link."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("TABLERO_DB", str(base))
    at = AppTest.from_file(str(ROOT / archivo), default_timeout=30)
    if query_params:
        at.query_params.update(query_params)
    return at.run()


@pytest.fixture
def caches_limpias():
    """Streamlit's caches empty before and after a page test (AppTest shares them in-process)."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()
