"""Full-text search over the actas (etl/busqueda.py builds the index, tablero/busqueda.py and
tablero.queries.buscar ask it, `python -m etl buscar` prints it), on the real Durango acta and on
a database of two committees."""
import hashlib
import shutil

import pytest

from conftest import ACTAS, PROCESO
from etl import busqueda as indice
from etl.cli import main
from etl.load import build
from etl.texto import Texto
from tablero import busqueda, db, queries

REAL = "cotaprep-durango-2021-01-28-ordinaria-02.txt"


def buscar(base, texto, **filtros):
    con = db.connect_readonly(base)
    try:
        return queries.buscar(con, texto, **filtros)
    finally:
        con.close()


def lineas(base, texto, **filtros):
    return sorted(buscar(base, texto, **filtros)["linea"].tolist())


# -- the real acta -----------------------------------------------------------------------------

def test_ente_auditor(db_real):
    # 63 the agenda, 207 item 7 announced, 227 the correction asked, 292 the summary of agreements
    assert lineas(db_real, "ente auditor") == [63, 207, 227, 292]


def test_sin_acentos_encuentra_la_sintesis_curricular(db_real):
    assert lineas(db_real, "sintesis curricular") == [227, 246]
    assert lineas(db_real, '"SINTESIS CURRICULAR"') == [227, 246]


def test_una_frase_que_cruza_un_salto_de_linea_y_un_encabezado(db_real):
    # «…acta de la sesión ordinaria número» ends line 283; a blank line, the page header
    # (lines 287-290) and «1 de fecha 22 de diciembre de 2020» on line 292 follow.
    assert lineas(db_real, '"sesion ordinaria numero 1 de fecha 22"') == [283]
    # the heading «Comité Técnico Asesor del Programa de Resultados⏎Electorales Preliminares»
    assert 5 in lineas(db_real, '"Programa de Resultados Electorales Preliminares"')


def test_una_frase_entera_en_la_linea_siguiente_no_se_cuenta_dos_veces(db_real):
    # «ente auditor» at the start of 227 is also in the text indexed after 225: only 227 counts
    assert 225 not in lineas(db_real, '"ente auditor"')


def test_cada_resultado_dice_sesion_punto_orador_y_fragmento(db_real):
    hits = buscar(db_real, "sintesis curricular").set_index("linea")
    hit = hits.loc[246]
    assert hit["archivo"] == REAL
    assert hit["clave"] == REAL.removesuffix(".txt")
    assert str(hit["fecha"])[:10] == "2021-01-28"
    assert (hit["tipo"], hit["numero"], hit["punto"]) == ("ordinaria", 2, 7)
    assert hit["titulo_punto"].startswith("Presentación del Dictamen IEPC/UTC/PREP/DICT/001/2021")
    assert hit["orador"] == "Jorge Galo Solano García"
    assert busqueda.marcar(hit["fragmento"], "[", "]").count("[síntesis] [curricular]") + \
        busqueda.marcar(hit["fragmento"], "[", "]").count("[síntesis curricular]") == 1


def test_filtros_de_fecha_tipo_y_orador(db_real):
    con = db.connect_readonly(db_real)
    jorge = con.execute("SELECT persona_id FROM personas WHERE nombre = "
                        "'Jorge Galo Solano García'").fetchone()[0]
    alejandra = con.execute("SELECT persona_id FROM personas WHERE nombre LIKE "
                            "'Alejandra del Carmen%'").fetchone()[0]
    con.close()
    assert lineas(db_real, "ente auditor", tipo="extraordinaria") == []
    assert lineas(db_real, "ente auditor", desde="2021-01-29") == []
    assert lineas(db_real, "ente auditor", hasta="2021-01-28") == [63, 207, 227, 292]
    assert lineas(db_real, "ente auditor", persona_id=jorge) == [63, 207, 227, 292]
    assert lineas(db_real, "ente auditor", persona_id=alejandra) == []


def test_lo_que_se_escribe_nunca_es_sintaxis(db_real):
    assert busqueda.consulta_fts('ente AND "auditor" OR NEAR(') == \
        '"ente" "AND" "auditor" "OR" "NEAR("'
    assert busqueda.consulta_fts("¿? … --") is None
    assert lineas(db_real, "ente NOT auditor") == []            # NOT is a word, not an operator
    assert lineas(db_real, "audit*") == [63, 207, 227, 292]
    assert buscar(db_real, "   ").empty


def test_el_indice_une_lineas_cortadas_con_guion():
    doc = Texto("ACTA DE LA SESIÓN\n\nSe aprobó la convo-\ncatoria por unani-\nmidad de votos.\n")
    filas = indice.lineas(doc)
    textos = [f["texto"] for f in filas]
    indexado = {f["linea"]: indice.indice(textos, n) for n, f in enumerate(filas)}
    texto, largo = indexado[3]
    assert "convocatoria por unanimidad" in texto
    assert texto[:largo].startswith("Se aprobó la convo")
    assert "".join(textos) == "ACTA DE LA SESIÓN Se aprobó la convocatoria por unanimidad de votos."
    assert indice.indices(textos) == [indice.indice(textos, n) for n in range(len(filas))]


# -- two committees ----------------------------------------------------------------------------

def test_la_busqueda_respeta_el_comite(db_dos_comites):
    con = db.connect_readonly(db_dos_comites)
    comites = queries.comites_busqueda(con)["comite"].tolist()
    con.close()
    assert len(comites) == 2
    todas = buscar(db_dos_comites, '"Comité Técnico Asesor"')
    assert set(todas["archivo"]) == {REAL, "cotaprep-colima-2024-01-17-ordinaria-01.txt"}
    for comite in comites:
        suyas = buscar(db_dos_comites, '"Comité Técnico Asesor"', comite=comite)
        esperado = "colima" if "Colima" in comite else "durango"
        assert not suyas.empty
        assert {a.split("-")[1] for a in suyas["archivo"]} == {esperado}


def test_la_cli_respeta_el_comite(db_dos_comites, capsys):
    assert main(["buscar", '"Comité Técnico Asesor"', "--db", str(db_dos_comites),
                 "--comite", "Colima"]) == 0
    salida = capsys.readouterr().out.splitlines()
    assert salida and all(l.startswith("cotaprep-colima-2024-01-17-ordinaria-01.txt:")
                          for l in salida)


# -- the command line --------------------------------------------------------------------------

def test_cli_una_linea_por_resultado(db_real, capsys):
    assert main(["buscar", "sintesis curricular", "--db", str(db_real)]) == 0
    salida = capsys.readouterr().out.splitlines()
    assert [l.split(":", 2)[:2] for l in salida] == [[REAL, "246"], [REAL, "227"]]
    assert "[síntesis] [curricular]" in salida[0] or "[síntesis curricular]" in salida[0]


def test_cli_filtra_por_fechas(db_real, capsys):
    assert main(["buscar", "ente auditor", "--db", str(db_real), "--desde", "2021-02-01"]) == 0
    captura = capsys.readouterr()
    assert captura.out == ""
    assert captura.err == "Ninguna línea coincide con «ente auditor».\n"


def test_cli_errores_en_una_linea(db_real, tmp_path, capsys):
    assert main(["buscar", "ente", "--db", str(db_real), "--hasta", "28/01/2021"]) == 1
    assert capsys.readouterr().err == ("Error: La fecha de --hasta «28/01/2021» no es válida: "
                                       "escríbala como AAAA-MM-DD, por ejemplo 2021-01-28.\n")
    assert main(["buscar", "¿?", "--db", str(db_real)]) == 1
    assert capsys.readouterr().err == "Error: Escriba al menos una palabra que buscar.\n"
    copia = tmp_path / "sin-indice.duckdb"
    shutil.copy(db_real, copia)                    # the database without its index file
    assert main(["buscar", "ente", "--db", str(copia)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: Falta el índice de búsqueda tablero.busqueda-")
    assert err.endswith(": ejecute «python -m etl build» para crearlo de nuevo.\n")


# -- built with the rest, atomically -----------------------------------------------------------

def test_build_mantiene_el_indice_al_dia(tmp_path):
    actas, base = tmp_path / "actas", tmp_path / "tablero.duckdb"
    actas.mkdir()
    shutil.copy(ACTAS / REAL, actas)
    build(actas, base, progress=False)
    primero = sorted(p.name for p in tmp_path.glob("tablero.busqueda-*.sqlite3"))
    assert len(primero) == 1
    assert lineas(base, "ente auditor") == [63, 207, 227, 292]

    colima = "cotaprep-colima-2024-01-17-ordinaria-01.txt"
    shutil.copy(PROCESO / colima, actas)             # an incremental build adds one acta
    build(actas, base, progress=False)
    assert set(buscar(base, '"Comité Técnico Asesor"')["archivo"]) == {REAL, colima}

    (actas / REAL).unlink()                          # and another takes one away
    build(actas, base, progress=False)
    assert lineas(base, "sintesis curricular") == []
    assert set(buscar(base, '"Comité Técnico Asesor"')["archivo"]) == {colima}
    # the index the database names, and the previous one (a reader may still hold it); no more
    assert len(list(tmp_path.glob("tablero.busqueda-*.sqlite3"))) == 2
    assert not list(tmp_path.glob(".*nuevo"))


def test_sin_indice_build_lo_rehace(tmp_path, capsys):
    actas, base = tmp_path / "actas", tmp_path / "tablero.duckdb"
    actas.mkdir()
    shutil.copy(ACTAS / REAL, actas)
    build(actas, base, progress=False)
    for viejo in tmp_path.glob("tablero.busqueda-*.sqlite3"):
        viejo.unlink()
    report = build(actas, base, progress=False)
    assert not report.sin_cambios and report.loaded == [REAL]
    assert lineas(base, "ente auditor") == [63, 207, 227, 292]


def test_el_acta_original_son_los_bytes_cargados(db_real):
    con = db.connect_readonly(db_real)
    original = queries.archivo_original(con, 1).iloc[0]
    con.close()
    datos = (ACTAS / REAL).read_bytes()
    assert bytes(original["contenido"]) == datos
    assert original["sha256"] == hashlib.sha256(datos).hexdigest()
    assert (original["archivo"], original["bytes"]) == (REAL, len(datos))


def test_un_voto_dicho_en_voz_alta_es_la_linea_de_quien_vota(db_real):
    # «-Dra. Alejandra del Carmen Arreola Delgado. - A favor.» (229, 248…) is hers, not the
    # Secretario's, whose turn goes on around it («…si están a favor de la corrección…», 227).
    con = db.connect_readonly(db_real)
    alejandra = con.execute("SELECT persona_id FROM personas WHERE nombre LIKE "
                            "'Alejandra del Carmen%'").fetchone()[0]
    con.close()
    suyas = lineas(db_real, '"a favor"', persona_id=alejandra)
    assert {229, 248} <= set(suyas)
    assert 227 not in suyas
    texto = (ACTAS / REAL).read_text(encoding="utf-8").split("\n")
    assert all("Alejandra" in texto[n - 1] or "Arreola" in texto[n - 1] for n in suyas
               if "favor" in texto[n - 1] and texto[n - 1].lstrip().startswith("-"))


def test_con_demasiadas_lineas_se_ordenan_las_mas_recientes(db_real, monkeypatch):
    # With the bound at 2 lines, «ente auditor» (lines 63, 207, 225, 227, 292 match in the
    # index) ranks only the two with the highest rowids, 227 and 292, and says so.
    monkeypatch.setattr(busqueda, "RANQUEO_MAXIMO", 2)
    hits = buscar(db_real, "ente auditor")
    assert sorted(hits["linea"]) == [227, 292]
    assert hits["parcial"].all()
    monkeypatch.setattr(busqueda, "RANQUEO_MAXIMO", 20_000)
    assert not buscar(db_real, "ente auditor")["parcial"].any()


def test_los_filtros_son_tramos_de_rowid(db_real):
    # Consecutive actas make one range of rowids (acta_id · 2²⁰ + línea), FTS5 seeks to it; a
    # gap makes two, and the actas between them are kept out by the lookup.
    assert busqueda.rangos_de([3, 1, 2, 7]) == [(1 << 20, (4 << 20) - 1), (7 << 20, (8 << 20) - 1)]
    assert busqueda.rangos_de([]) == []
    con = db.connect_readonly(db_real)
    ruta = busqueda.ruta_indice(con)
    con.close()
    assert [h["linea"] for h in busqueda.buscar_lineas(ruta, "ente auditor", [1, 5])[0]] != []
    assert busqueda.buscar_lineas(ruta, "ente auditor", [2, 5])[0] == []
    assert busqueda.buscar_lineas(ruta, "ente auditor", [])[0] == []
