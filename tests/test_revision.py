"""Staff review: corrections stored against the acta's bytes and a stable key per fact, applied by
every build. A correction of the real acta made through `python -m etl revision aplicar` is in
the database after a rebuild from scratch, a rename of the file and a new ETL version, with
`origen = revision`, and the audit trail has one row per change; two staff saving at once (threads
and processes) lose nothing."""
import copy
import json
import multiprocessing
import shutil
import threading
from pathlib import Path

import duckdb
import pytest

from etl import cli, load
from etl import revision as reglas
from tablero import revision
from tablero.almacen import Almacen

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "data" / "actas" / "cotaprep-durango-2021-01-28-ordinaria-02.txt"
MARTIN = "Martín Gallardo García"


@pytest.fixture
def entorno(tmp_path, monkeypatch):
    actas = tmp_path / "actas"
    actas.mkdir()
    shutil.copy(REAL, actas)
    monkeypatch.setenv("TABLERO_SEGUIMIENTO", str(tmp_path / "seguimiento"))
    return actas, tmp_path / "tablero.duckdb", Almacen(tmp_path / "seguimiento")


def _exportado(tmp_path, archivo):
    salida = tmp_path / "revisado.json"
    datos = revision.exportar(archivo)
    salida.write_text(json.dumps(datos, ensure_ascii=False), encoding="utf-8")
    return salida, datos


def _asistencia(base, nombre):
    with duckdb.connect(str(base), read_only=True) as con:
        return con.execute("SELECT llegada_punto, presente, origen, revisado_por, revisado_en "
                           "FROM asistencias WHERE nombre = ?", [nombre]).fetchone()


def test_aplicar_por_la_linea_de_ordenes_sobrevive_reconstruir_renombrar_y_nueva_version(
        entorno, tmp_path, monkeypatch, capsys):
    actas, base, almacen = entorno
    archivo = actas / REAL.name
    salida, datos = _exportado(tmp_path, archivo)
    persona = next(a for a in datos["asistentes"] if a["nombre"] == MARTIN)
    assert persona["llegada_punto"] is None
    persona["llegada_punto"] = 5
    salida.write_text(json.dumps(datos, ensure_ascii=False), encoding="utf-8")

    assert cli.main(["revision", "aplicar", str(archivo), str(salida), "--usuario", "ana",
                     "--nota", "llegó durante el punto 5"]) == 0
    assert "1 correcciones registradas" in capsys.readouterr().out

    load.build(actas, base, progress=False)
    llegada, presente, origen, por, en = _asistencia(base, MARTIN)
    assert (llegada, presente, origen, por) == (5, True, "revision", "ana")
    assert en is not None
    assert _asistencia(base, "Alejandra del Carmen Arreola Delgado")[2] == "acta"

    base.unlink()                                               # rebuild from scratch
    load.build(actas, base, progress=False)
    assert _asistencia(base, MARTIN)[:3] == (5, True, "revision")

    archivo.rename(actas / "renombrada.txt")                    # the file renamed
    load.build(actas, base, progress=False)
    assert _asistencia(base, MARTIN)[:3] == (5, True, "revision")

    monkeypatch.setattr(load, "etl_version", lambda: "otra-version-del-lector")
    informe = load.build(actas, base, progress=False)           # a new parser version
    assert informe.loaded == ["renombrada.txt"]
    assert _asistencia(base, MARTIN)[:3] == (5, True, "revision")

    auditoria = almacen.auditoria()
    assert list(auditoria[auditoria["accion"] == "corregir"]["nota"]) == ["llegó durante el punto 5"]


def _ids(base):
    with duckdb.connect(str(base), read_only=True) as con:
        return con.execute("SELECT archivo, acta_id FROM actas ORDER BY 1").fetchall()


def test_una_correccion_nueva_relee_solo_esa_acta_y_sin_cambios_despues(entorno, tmp_path,
                                                                         capsys):
    actas, base, almacen = entorno
    shutil.copy(ROOT / "tests" / "fixtures" / "proceso" /
                "cotaprep-colima-2024-01-17-ordinaria-01.txt", actas)
    assert len(load.build(actas, base, progress=False).loaded) == 2
    assert load.build(actas, base, progress=False).sin_cambios
    ids_antes = _ids(base)
    salida, datos = _exportado(tmp_path, actas / REAL.name)
    datos["sesion"]["lugar"] = "Durango, Dgo."
    revision.aplicar(actas / REAL.name, datos, "ana", "el lugar", almacen)
    informe = load.build(actas, base, progress=False)
    assert informe.loaded == [REAL.name]
    assert informe.removed == []
    assert _ids(base) == ids_antes                  # the session keeps its sesion_id
    capsys.readouterr()
    assert cli.main(["buscar", "síntesis curricular", "--db", str(base)]) == 0   # still indexed
    assert f"{REAL.name}:" in capsys.readouterr().out
    with duckdb.connect(str(base), read_only=True) as con:
        assert con.execute("SELECT lugar, origen FROM sesiones JOIN actas USING (acta_id) "
                           "WHERE archivo = ?", [REAL.name]).fetchone() == ("Durango, Dgo.",
                                                                            "revision")
        assert con.execute("SELECT revision_estado FROM actas WHERE archivo = ?",
                           [REAL.name]).fetchone() == ("en revisión",)
    assert load.build(actas, base, progress=False).sin_cambios


def test_exportar_y_aplicar_lo_mismo_no_registra_nada(entorno, tmp_path):
    actas, _, almacen = entorno
    salida, _ = _exportado(tmp_path, actas / REAL.name)
    assert revision.aplicar(actas / REAL.name, json.loads(salida.read_text()), "ana", "nada",
                            almacen) == 0
    assert almacen.auditoria().empty


def test_agregar_borrar_y_cambiar_vuelven_a_dar_el_json_revisado():
    sha, _, parse = revision.leer_archivo(REAL)
    revisado = copy.deepcopy(parse)
    revisado["asistentes"] = [a for a in revisado["asistentes"] if a["nombre"] != MARTIN]
    revisado["asistentes"].append({"nombre": "Persona Agregada Por Revisión", "rol": "invitado",
                                   "presente": True, "fuente": {"linea": 30}})
    revisado["votaciones"][0]["votos"][0]["sentido"] = "abstencion"
    revisado["votaciones"][0]["abstenciones"] = 1
    revisado["documentos"][0]["estado"] = "presentado"
    revisado["sesion"]["hora_fin"] = "17:30"
    cambios = reglas.diferencias(parse, revisado)
    correcciones = [dict(c, usuario="ana", en="2026-01-01T00:00:00+00:00") for c in cambios]
    aplicado, notas = reglas.aplicar(parse, correcciones)
    assert notas == []
    assert reglas.sin_origen(aplicado) == revisado
    agregada = next(a for a in aplicado["asistentes"] if a["nombre"].startswith("Persona"))
    assert (agregada["origen"], agregada["revisado_por"]) == ("revision", "ana")


def test_una_correccion_sin_su_hecho_se_informa_y_no_se_aplica_a_otro():
    _, _, parse = revision.leer_archivo(REAL)
    huerfana = {"seccion": "votaciones", "clave": "p4:l999:1", "campo": "resultado",
                "operacion": "cambiar", "valor": "rechazado", "antes": "aprobado",
                "usuario": "ana", "en": "2026-01-01T00:00:00+00:00"}
    distinta = {"seccion": "sesion", "clave": "sesion", "campo": "hora_fin",
                "operacion": "cambiar", "valor": "17:40", "antes": "17:20",
                "usuario": "ana", "en": "2026-01-01T00:00:00+00:00"}
    aplicado, notas = reglas.aplicar(parse, [huerfana, distinta])
    assert [n["tipo"] for n in notas] == ["diferencia", "huerfana"]
    assert "17:25" in notas[0]["mensaje"] and "17:40" in notas[0]["mensaje"]
    assert aplicado["sesion"]["hora_fin"] == "17:40"
    assert all(v["resultado"] == "aprobado" for v in aplicado["votaciones"])


def _guardar_en_hilo(carpeta, nombre, campo, valor, errores):
    try:
        almacen = Almacen(carpeta)
        sha, _, parse = revision.leer_archivo(REAL)
        actual, _ = revision.revisar(parse, [])          # both saw the acta before any save
        nuevo = copy.deepcopy(actual)
        persona = next(a for a in nuevo["asistentes"] if a["nombre"] == nombre)
        persona[campo] = valor
        revision.guardar(almacen, sha, REAL.name, parse, actual, nuevo, nombre[:4], None,
                         f"{nombre}: {campo}")
    except Exception as error:   # noqa: BLE001 - reported to the main thread
        errores.append(error)


def _dos_a_la_vez(carpeta, lanzar):
    errores = []
    trabajos = [lanzar(_guardar_en_hilo, (carpeta, MARTIN, "llegada_punto", 6, errores)),
                lanzar(_guardar_en_hilo, (carpeta, "Alejandra del Carmen Arreola Delgado",
                                          "retiro_punto", 9, errores))]
    for t in trabajos:
        t.start()
    for t in trabajos:
        t.join(60)
    return errores


@pytest.mark.parametrize("modo", ["hilos", "procesos"])
def test_dos_personas_guardan_a_la_vez_y_no_se_pierde_nada(tmp_path, modo):
    carpeta = tmp_path / "seguimiento"
    if modo == "hilos":
        errores = _dos_a_la_vez(carpeta, lambda f, a: threading.Thread(target=f, args=a))
    else:
        ctx = multiprocessing.get_context("fork")
        errores = _dos_a_la_vez(carpeta, lambda f, a: ctx.Process(target=f, args=a))
    assert errores == []
    almacen = Almacen(carpeta)
    sha, _, parse = revision.leer_archivo(REAL)
    revisados, _ = revision.revisar(parse, almacen.revisiones(sha))
    por_nombre = {a["nombre"]: a for a in revisados["asistentes"]}
    assert por_nombre[MARTIN]["llegada_punto"] == 6
    assert por_nombre["Alejandra del Carmen Arreola Delgado"]["retiro_punto"] == 9
    auditoria = almacen.auditoria()
    assert (auditoria["accion"] == "corregir").sum() == 2


def test_aplicar_un_json_de_otra_version_dice_que_hacer(entorno, tmp_path):
    actas, _, almacen = entorno
    salida, datos = _exportado(tmp_path, actas / REAL.name)
    datos["sha256"] = "0" * 64
    with pytest.raises(revision.RevisionError, match="otra versión del acta"):
        revision.aplicar(actas / REAL.name, datos, "ana", "x", almacen)


def test_resumen_e_informe_dicen_cuantas_sesiones_estan_revisadas(entorno):
    import datetime as dt

    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from tablero import db, informe, queries

    actas, base, almacen = entorno
    shutil.copy(ROOT / "tests" / "fixtures" / "proceso" /
                "cotaprep-colima-2024-01-17-ordinaria-01.txt", actas)
    sha, _, _ = revision.leer_archivo(REAL)
    almacen.marcar_revision(sha, "revisada", "ana", "Ana López", REAL.name)
    load.build(actas, base, progress=False)
    with db.connect_readonly(base) as con:
        revisadas = queries.revision_sesiones(con)
        assert list(revisadas["revisada"]) == [True, False]
        hechos = informe.build_secciones(con, dt.date(2021, 1, 1), dt.date(2024, 12, 31), almacen)
    parrafos = [b.texto for b in hechos.bloques if isinstance(b, informe.Parrafo)]
    hoy = dt.datetime.now(dt.timezone.utc).date()
    assert ("De las 2 sesiones del periodo, 1 fue revisada por el personal: Sesión Ordinaria "
            f"número 2 del 28 de enero de 2021, revisada por Ana López el "
            f"{informe.fecha_texto(hoy)}.") in parrafos

    st.cache_data.clear()
    st.cache_resource.clear()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TABLERO_DB", str(base))
        at = AppTest.from_file(str(ROOT / "paginas" / "resumen.py"), default_timeout=30).run()
    assert not at.exception
    assert any(c.value.startswith("Sesiones revisadas por el personal: 1 de 2")
               for c in at.caption)
    st.cache_data.clear()
    st.cache_resource.clear()
