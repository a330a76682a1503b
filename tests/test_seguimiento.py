"""Seguimiento: a correction's status as of any date, staff marks that survive a full rebuild, links
staff confirm or reject, concurrent saves, and documents as one entity across actas."""
import datetime as dt
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from etl.load import build
from tablero import db, seguimiento as sg
from tablero.almacen import Almacen

ROOT = Path(__file__).resolve().parent.parent
PROCESO = ROOT / "tests" / "fixtures" / "proceso"
SESION_4 = dt.date(2024, 3, 20)         # ordinaria 3: reports Mariana's correction attended


def _mariana(estado):
    """The correction Dra. Mariana Itzel Ceballos Larios asked of the December report (session 2,
    2024-01-17, line 43)."""
    filas = estado[estado["solicitante"].str.contains("Mariana", na=False)
                   & estado["documento"].str.contains("diciembre", case=False, na=False)]
    assert len(filas) == 1, filas[["documento", "solicitante", "descripcion"]]
    return filas.iloc[0]


@pytest.fixture
def con(db_proceso):
    conexion = db.connect_readonly(db_proceso)
    yield conexion
    conexion.close()


def test_pendiente_antes_de_la_sesion_que_la_atiende_y_atendida_despues(con, tmp_path):
    almacen = Almacen(tmp_path / "seguimiento")
    antes = _mariana(sg.estado_al(con, almacen, SESION_4 - dt.timedelta(days=1)))
    assert antes["estado"] == "pendiente"
    assert antes["fecha"] == dt.date(2024, 1, 17)
    assert antes["dias_pendiente"] == 62
    assert not antes["atendida_el"]

    despues = _mariana(sg.estado_al(con, almacen, SESION_4))
    assert despues["estado"] == "atendida"
    assert despues["atendida_por"] == "acta"
    assert despues["atendida_el"] == SESION_4
    assert despues["atendida_archivo"] == "cotaprep-colima-2024-03-20-ordinaria-03.txt"
    assert despues["atendida_linea"] == 39
    assert despues["vinculo"] in sg.VINCULOS_DEL_ACTA
    assert despues["evidencia"].startswith("cotaprep-colima-2024-03-20-ordinaria-03.txt, línea 39")
    assert despues["dias_pendiente"] == 63
    assert not almacen.path.exists()            # reading never creates the store


def test_antes_de_pedirse_no_aparece(con, tmp_path):
    estado = sg.estado_al(con, Almacen(tmp_path), dt.date(2024, 1, 16))
    assert estado.empty


def test_la_marca_del_personal_sobrevive_a_una_reconstruccion_completa(tmp_path):
    actas = tmp_path / "actas"
    shutil.copytree(PROCESO, actas)
    base = tmp_path / "tablero.duckdb"
    almacen = Almacen(tmp_path / "seguimiento")
    build(actas, base, progress=False)

    with db.connect_readonly(base) as con:
        pendiente = sg.estado_al(con, almacen).query("estado == 'pendiente'").iloc[-1]
        sg.marcar(con, almacen, pendiente["clave"], dt.date(2024, 4, 1), "Versión 2 del anexo",
                  "ana", "Ana López")

    for archivo in tmp_path.glob("tablero.duckdb*"):       # from scratch: no previous database
        archivo.unlink()
    build(actas, base, progress=False)
    with db.connect_readonly(base) as con:
        fila = sg.estado_al(con, almacen).set_index("clave").loc[pendiente["clave"]]
    assert fila["estado"] == "atendida"
    assert fila["atendida_por"] == "personal"
    assert fila["atendida_el"] == dt.date(2024, 4, 1)
    assert fila["marcada_por"] == "Ana López"
    assert fila["nota"] == "Versión 2 del anexo"
    assert fila["documento"] == pendiente["documento"]
    assert fila["descripcion"] == pendiente["descripcion"]

    # the acta replaced by another file: the mark is kept and shown, not dropped
    acta = next(actas.glob(f"*{pendiente['archivo']}"))
    acta.write_text(acta.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    build(actas, base, progress=False)
    with db.connect_readonly(base) as con:
        huerfanas = sg.huerfanas(con, almacen)
    assert huerfanas["clave"].tolist() == [pendiente["clave"]]
    assert "Versión 2 del anexo" not in huerfanas["referencia"].iloc[0]
    assert pendiente["descripcion"] in huerfanas["referencia"].iloc[0]


def test_la_marca_cuenta_desde_su_fecha(con, tmp_path):
    almacen = Almacen(tmp_path)
    fila = sg.estado_al(con, almacen).query("estado == 'pendiente'").iloc[0]
    sg.marcar(con, almacen, fila["clave"], dt.date(2024, 4, 1), "Oficio 12", "ana")
    antes = sg.estado_al(con, almacen, dt.date(2024, 3, 31)).set_index("clave")
    despues = sg.estado_al(con, almacen, dt.date(2024, 4, 1)).set_index("clave")
    assert antes.loc[fila["clave"], "estado"] == "pendiente"
    assert despues.loc[fila["clave"], "estado"] == "atendida"
    assert despues.loc[fila["clave"], "evidencia"] == "Marcada por ana (ana): Oficio 12"

    sg.desmarcar(almacen, fila["clave"], "Me equivoqué", "ana")
    assert sg.estado_al(con, almacen).set_index("clave").loc[fila["clave"], "estado"] == \
        "pendiente"
    acciones = sg.auditoria(almacen)["accion"].tolist()
    assert acciones == ["quitar marca", "marcar atendida"]


def test_marcar_sin_nota_o_antes_de_pedirse_no_guarda(con, tmp_path):
    almacen = Almacen(tmp_path)
    fila = _mariana(sg.estado_al(con, almacen))
    with pytest.raises(sg.SeguimientoError,
                       match="^Escriba una nota: qué se corrigió o dónde consta.$"):
        sg.marcar(con, almacen, fila["clave"], dt.date(2024, 2, 1), "  ", "ana")
    with pytest.raises(sg.SeguimientoError, match=r"^La fecha de atención \(01/01/2024\) es "
                                                  r"anterior a la sesión que pidió la corrección "
                                                  r"\(17/01/2024\).$"):
        sg.marcar(con, almacen, fila["clave"], dt.date(2024, 1, 1), "nota", "ana")
    with pytest.raises(sg.SeguimientoError, match="ya no está en las actas cargadas"):
        sg.marcar(con, almacen, "0000000000000000:1:1", dt.date(2024, 2, 1), "nota", "ana")
    assert sg.auditoria(almacen).empty


def _guardar_muchas(carpeta, usuario, claves, barrera=None):
    almacen = Almacen(carpeta)
    if barrera is not None:
        barrera.wait()
    for n, clave in enumerate(claves):
        almacen.marcar(clave, dt.date(2024, 4, 1), f"{usuario} {n}", usuario)


def test_dos_guardados_a_la_vez_en_hilos_llegan_los_dos(tmp_path):
    barrera = threading.Barrier(2)
    hilos = [threading.Thread(target=_guardar_muchas,
                              args=(tmp_path, u, [f"{u}:{n}" for n in range(25)], barrera))
             for u in ("ana", "beto")]
    for hilo in hilos:
        hilo.start()
    for hilo in hilos:
        hilo.join()
    auditoria = Almacen(tmp_path).auditoria()
    assert len(auditoria) == 50
    assert sorted(auditoria["usuario"].value_counts().tolist()) == [25, 25]
    assert len(Almacen(tmp_path).marcas()) == 50


_PROCESO_QUE_GUARDA = """
import datetime as dt, sys, time
from tablero.almacen import Almacen
carpeta, usuario, inicio = sys.argv[1], sys.argv[2], float(sys.argv[3])
almacen = Almacen(carpeta)
time.sleep(max(0.0, inicio - time.time()))       # both start saving at the same instant
for n in range(10):
    almacen.marcar("misma:clave", dt.date(2024, 4, 1), f"{usuario} {n}", usuario)
"""


def test_dos_guardados_a_la_vez_en_procesos_llegan_los_dos(tmp_path):
    inicio = str(time.time() + 2)
    procesos = [subprocess.Popen([sys.executable, "-c", _PROCESO_QUE_GUARDA, str(tmp_path), u,
                                  inicio], cwd=ROOT) for u in ("ana", "beto")]
    assert [p.wait(60) for p in procesos] == [0, 0]
    auditoria = Almacen(tmp_path).auditoria()
    assert len(auditoria) == 20          # every save of the same key kept, with its before
    assert auditoria["antes"].notna().sum() == 19
    assert sorted(auditoria["usuario"].value_counts().tolist()) == [10, 10]


# ───────── ambiguous links: a small database written by hand ─────────

def _base_ambigua(path):
    """Two requests of the same report by two people in session 1; session 2 reports «the
    observations to the report» attended without saying whose: load.py's 'ambiguo'."""
    con = duckdb.connect(str(path))
    con.execute((ROOT / "etl" / "schema.sql").read_text())
    con.execute("""
        INSERT INTO actas (acta_id, archivo, sha256, formato, bytes, texto, cargada_en)
            VALUES (1, 'a1.txt', 'aaaa1111aaaa1111', 'txt', 1, 'x', now()),
                   (2, 'a2.txt', 'bbbb2222bbbb2222', 'txt', 1, 'x', now());
        INSERT INTO sesiones (sesion_id, acta_id, tipo, numero, fecha)
            VALUES (1, 1, 'ordinaria', 1, DATE '2024-01-10'),
                   (2, 2, 'ordinaria', 2, DATE '2024-02-10');
        INSERT INTO documentos VALUES (1, 'informe', NULL, 'Informe de enero', 'informe:enero');
        INSERT INTO correcciones (correccion_id, sesion_id, punto, documento, documento_id,
                                  solicitante, persona_id, descripcion, aprobada, linea) VALUES
            (1, 1, 4, 'Informe de enero', 1, 'Ana Uno', NULL, 'tabla 1', true, 20),
            (2, 1, 4, 'Informe de enero', 1, 'Beto Dos', NULL, 'tabla 2', true, 22);
        INSERT INTO correcciones_atendidas (atendida_id, sesion_id, punto, documento,
                                            documento_id, solicitante, persona_id, descripcion,
                                            correccion_id, vinculo, linea) VALUES
            (1, 2, 3, 'Informe de enero', 1, NULL, NULL, 'se atendieron las observaciones',
             NULL, 'ambiguo', 30);""")
    con.close()
    return path


def test_un_vinculo_ambiguo_no_se_toma_solo_y_el_personal_lo_confirma(tmp_path):
    base = _base_ambigua(tmp_path / "ambigua.duckdb")
    almacen = Almacen(tmp_path / "seguimiento")
    with db.connect_readonly(base) as con:
        estado = sg.estado_al(con, almacen, dt.date(2024, 3, 1))
        assert estado["estado"].tolist() == ["pendiente", "pendiente"]
        assert estado["por_confirmar"].tolist() == [True, True]
        pares = sg.vinculos(con, almacen)
        assert pares["estado"].tolist() == ["por confirmar", "por confirmar"]

        beto = pares[pares["solicitante"] == "Beto Dos"].iloc[0]
        sg.decidir(con, almacen, beto["atendida"], beto["correccion"], "confirmado",
                   "Lo dijo el secretario", "ana", "Ana López")
        estado = sg.estado_al(con, almacen, dt.date(2024, 3, 1)).set_index("solicitante")
    assert estado.loc["Beto Dos", "estado"] == "atendida"
    assert estado.loc["Beto Dos", "vinculo"] == "confirmado por Ana López"
    assert estado.loc["Beto Dos", "atendida_el"] == dt.date(2024, 2, 10)
    assert estado.loc["Beto Dos", "evidencia"] == "a2.txt, línea 30 (vínculo: confirmado por Ana López)"
    assert estado.loc["Ana Uno", "estado"] == "pendiente"
    assert not estado.loc["Ana Uno", "por_confirmar"]     # the ambiguous row is resolved
    assert sg.auditoria(almacen)["accion"].tolist() == ["vínculo confirmado"]


def test_el_personal_rechaza_un_vinculo_del_acta(con, tmp_path):
    almacen = Almacen(tmp_path)
    pares = sg.vinculos(con, almacen)
    del_acta = pares[pares["estado"] == "del acta"].iloc[0]
    sg.decidir(con, almacen, del_acta["atendida"], del_acta["correccion"], "rechazado",
               "Habla de otra tabla", "ana")
    fila = sg.estado_al(con, almacen).set_index("clave").loc[del_acta["correccion"]]
    assert fila["estado"] == "pendiente"
    assert sg.vinculos(con, almacen).set_index("correccion").loc[
        del_acta["correccion"], "estado"] == "rechazado"


# ───────── documents ─────────

def test_el_dictamen_es_un_documento_con_su_trayectoria(con):
    documentos = sg.documentos(con)
    dictamen = documentos[documentos["clave"] == "DICT/COTAPREP/001/2024"]
    assert len(dictamen) == 1
    assert dictamen.iloc[0]["sesiones"] == 2
    assert dictamen.iloc[0]["estado_actual"] == "aprobado"
    eventos = sg.linea_tiempo(con)
    eventos = eventos[eventos["documento_id"] == dictamen.iloc[0]["documento_id"]]
    assert list(zip(eventos["fecha"], eventos["evento"])) == [
        (dt.date(2024, 1, 17), "presentado"), (dt.date(2024, 2, 21), "aprobado")]


def test_las_correcciones_de_un_documento_en_su_trayectoria(con):
    eventos = sg.linea_tiempo(con)
    informe = eventos[eventos["documento"].str.contains("diciembre", case=False, na=False)]
    assert "corrección pedida" in informe["evento"].tolist()
