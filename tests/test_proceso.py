"""What a careful reader concludes across a committee's sessions, tested against the database the
real ETL builds from the actas: tests/fixtures/proceso/ (Colima) and tests/fixtures/proceso2/
(Zacatecas, another template, attended corrections reported in prose). The statements are those
of each folder's CONCLUSIONES.md; each test names the numbers it checks («C-18» is statement 18
of proceso/CONCLUSIONES.md, «Z-23» of proceso2/).

Two other readings are checked too: the three committees loaded together (the bundled Durango
acta, Colima and Zacatecas, whose process has the same name as Colima's) are three committees,
and nothing of one enters the figures of another."""
import datetime as dt

import pandas as pd
import pytest

from conftest import ACTAS, PROCESO, PROCESO2, _build, solo_actas
from tablero import db, queries, seguimiento
from tablero.almacen import Almacen

D = dt.date

COLIMA = {
    "comite": "cotaprep-iee-colima-pel-2023-2024",
    "nombre": "COTAPREP · IEE Colima · PEL 2023-2024",
    "ultima": D(2024, 4, 10),
    # C-4 … C-8: (archivo, tipo, numero, fecha, inicio, fin, minutos, modalidad)
    "sesiones": {
        "S1": ("cotaprep-colima-2023-11-15-instalacion.txt", "instalacion", None, D(2023, 11, 15),
               "11:00", "11:40", 40, "presencial"),
        "S2": ("cotaprep-colima-2024-01-17-ordinaria-01.txt", "ordinaria", 1, D(2024, 1, 17),
               "17:00", "17:50", 50, "virtual"),
        "S3": ("cotaprep-colima-2024-02-21-ordinaria-02.txt", "ordinaria", 2, D(2024, 2, 21),
               "17:00", "18:25", 85, "mixta"),
        "S4": ("cotaprep-colima-2024-03-20-ordinaria-03.txt", "ordinaria", 3, D(2024, 3, 20),
               "17:00", "17:40", 40, "virtual"),
        "S5": ("cotaprep-colima-2024-04-10-extraordinaria-01.txt", "extraordinaria", 1,
               D(2024, 4, 10), "10:00", "10:35", 35, "virtual"),
    },
    "por_tipo": {"instalacion": 1, "ordinaria": 3, "extraordinaria": 1},
    "duracion_total": 250,
    # C-10
    "siempre": ["Mariana Itzel Ceballos Larios", "Joaquín Alberto Fuentes Mancilla",
                "Ricardo Enrique Zamora Vizcaíno", "Tomás Eugenio Barajas Cárdenas"],
    "ausentes": {},
    # C-10 … C-13: P present, A absent
    "partidos": {"PAN": "PPPPP", "PRI": "PPPPP", "PT": "APAPP", "MC": "PPPPA", "MORENA": "PPPPP"},
    # C-14: (partido, sesión, llegada, retiro)
    "movimientos": [("MORENA", "S2", 4, None), ("PAN", "S5", None, 3)],
    # C-15 … C-17
    "votaciones": {"total": 15, "nominales": 6, "economicas": 9, "rechazadas": 1, "unanimes": 13,
                   "por_sesion": {"S1": (2, 2), "S2": (4, 4), "S3": (5, 4), "S4": (2, 2),
                                  "S5": (2, 1)}},
    # C-18 … C-21: (solicitante, pedida en, punto, palabras del documento, atendida en | None,
    # días: hasta la atención o, pendiente, hasta la última sesión)
    "correcciones": [
        ("Mariana Itzel Ceballos Larios", "S2", 4, ("informe", "diciembre"), "S4", 63),
        ("Ricardo Enrique Zamora Vizcaíno", "S3", 4, ("informe", "enero"), None, 49),
    ],
    # C-22, C-23: (palabras del título o la clave, tipo, [(sesión, estado, concluye)])
    "documentos": [
        (("plan de trabajo",), "plan", [("S1", "aprobado")]),
        (("acta de la sesion de instalacion",), "acta", [("S2", "aprobado")]),
        (("diciembre",), "informe", [("S2", "aprobado")]),
        (("DICT/COTAPREP/001/2024",), "dictamen", [("S2", "presentado"), ("S3", "aprobado")]),
        (("primera sesion ordinaria",), "acta", [("S3", "aprobado")]),
        (("enero",), "informe", [("S3", "aprobado")]),
        (("segunda sesion ordinaria",), "acta", [("S4", "aprobado")]),
        (("febrero",), "informe", [("S4", "presentado, concluido")]),
        (("COTAPREP/EXT/01/2024",), "acuerdo", [("S5", "rechazado")]),
    ],
}

ZACATECAS = {
    "comite": "cotaprep-iee-zacatecas-pel-2023-2024",
    "nombre": "COTAPREP · IEE Zacatecas · PEL 2023-2024",
    "ultima": D(2024, 4, 25),
    # Z-5 … Z-9
    "sesiones": {
        "S1": ("cotaprep-zacatecas-2023-11-28-instalacion.txt", "instalacion", None,
               D(2023, 11, 28), "10:00", "10:50", 50, "presencial"),
        "S2": ("cotaprep-zacatecas-2024-01-30-ordinaria-01.txt", "ordinaria", 1, D(2024, 1, 30),
               "17:00", "18:10", 70, "virtual"),
        "S3": ("cotaprep-zacatecas-2024-02-27-ordinaria-02.txt", "ordinaria", 2, D(2024, 2, 27),
               "17:00", "18:35", 95, "mixta"),
        "S4": ("cotaprep-zacatecas-2024-03-14-extraordinaria-01.txt", "extraordinaria", 1,
               D(2024, 3, 14), "12:00", "12:40", 40, "virtual"),
        "S5": ("cotaprep-zacatecas-2024-04-25-ordinaria-03.txt", "ordinaria", 3, D(2024, 4, 25),
               "17:00", "18:20", 80, "virtual"),
    },
    "por_tipo": {"instalacion": 1, "ordinaria": 3, "extraordinaria": 1},
    "duracion_total": 335,
    # Z-11, Z-12
    "siempre": ["Alejandra Berenice Sifuentes Robles", "Lorena Patricia Esparza Muro",
                "Julio César Saucedo Ibarra"],
    "ausentes": {"Humberto Ismael Carrillo Dávila": ["S4"]},
    # Z-13 … Z-18 (PVEM: no record in S1, «-»)
    "partidos": {"PAN": "PPPPP", "PRI": "PPAPP", "PT": "APAPA", "PVEM": "-PPAP", "MC": "PAPAP",
                 "MORENA": "PPPPP"},
    # Z-18, Z-19
    "movimientos": [("MC", "S5", 3, None), ("MORENA", "S5", None, 7)],
    # Z-20 … Z-22
    "votaciones": {"total": 13, "nominales": 4, "economicas": 9, "rechazadas": 0, "unanimes": 11,
                   "por_sesion": {"S1": (2, 2), "S2": (3, 3), "S3": (3, 2), "S4": (1, 1),
                                  "S5": (4, 3)}},
    # Z-23 … Z-29
    "correcciones": [
        ("Lorena Patricia Esparza Muro", "S1", 4, ("plan de trabajo",), "S2", 63),
        ("Humberto Ismael Carrillo Dávila", "S2", 3, ("acta", "instalacion"), "S3", 28),
        ("Alejandra Berenice Sifuentes Robles", "S2", 5, ("informe", "bimestral"), "S5", 86),
        ("Lorena Patricia Esparza Muro", "S3", 5, ("COTAPREP/DICT/01/2024",), None, 58),
        ("Humberto Ismael Carrillo Dávila", "S5", 3, ("acta", "segunda"), None, 0),
    ],
    # Z-31, Z-32
    "documentos": [
        (("plan de trabajo",), "plan", [("S1", "aprobado")]),
        (("acta de la sesion de instalacion",), "acta", [("S2", "aprobado")]),
        (("bimestral",), "informe", [("S2", "aprobado")]),
        (("COTAPREP/DICT/01/2024",), "dictamen", [("S2", "presentado"), ("S3", "aprobado")]),
        (("primera sesion ordinaria",), "acta", [("S3", "aprobado")]),
        (("avance de la auditoria",), "informe", [("S3", "presentado, concluido")]),
        (("instalacion y el equipamiento",), "informe", [("S4", "presentado, concluido")]),
        (("COTAPREP/DICT/02/2024",), "dictamen", [("S4", "presentado, concluido")]),
        (("segunda sesion ordinaria",), "acta", [("S5", "aprobado")]),
        (("primera sesion extraordinaria",), "acta", [("S5", "aprobado")]),
        (("informe mensual", "marzo"), "informe", [("S5", "aprobado")]),
    ],
}

PROCESOS = {"colima": (COLIMA, "db_proceso"), "zacatecas": (ZACATECAS, "db_proceso2")}


@pytest.fixture(params=list(PROCESOS))
def proceso(request):
    """(what CONCLUSIONES.md says, an open read-only connection to the database built from the
    process's actas, its sesion_id by S-key)."""
    esperado, base = PROCESOS[request.param]
    con = db.connect_readonly(request.getfixturevalue(base))
    ids = dict(con.execute("SELECT a.archivo, s.sesion_id FROM sesiones s JOIN actas a "
                           "USING (acta_id)").fetchall())
    sesiones = {clave: ids[datos[0]] for clave, datos in esperado["sesiones"].items()}
    yield esperado, con, sesiones
    con.close()


def _plano(texto):
    from etl.numeros import fold
    return fold(texto or "")


# ───────────────────────────── Comité y alcance (C-1, C-2; Z-1 … Z-3) ─────────────────────────────

def test_un_solo_comite_con_su_nombre(proceso):
    esperado, con, _ = proceso
    comites = queries.comites(con)
    assert comites[["comite", "nombre", "sesiones"]].values.tolist() == [
        [esperado["comite"], esperado["nombre"], 5]]
    assert comites["hasta"].iloc[0].date() == esperado["ultima"]


@pytest.fixture(scope="module")
def db_tres(tmp_path_factory):
    """The bundled Durango acta, Colima and Zacatecas in one folder: three committees, two of them
    in processes of the same name and overlapping dates."""
    carpeta = tmp_path_factory.mktemp("tres-actas")
    for origen in (ACTAS, PROCESO, PROCESO2):
        solo_actas(origen, carpeta)
    return _build(carpeta, tmp_path_factory, "db_tres")


def test_tres_comites_no_se_mezclan(db_tres, db_proceso, db_proceso2):
    with db.connect_readonly(db_tres) as con:
        comites = queries.comites(con)
        assert sorted(comites["comite"]) == sorted([
            COLIMA["comite"], ZACATECAS["comite"], "cotaprep-iepc-durango-pel-2020-2021"])
        juntos = {c: queries.indicadores(con, comite=c).iloc[0].to_dict()
                  for c in (COLIMA["comite"], ZACATECAS["comite"])}
        documentos = {c: len(queries.documentos(con, comite=c))
                      for c in (COLIMA["comite"], ZACATECAS["comite"])}
    for esperado, base in ((COLIMA, db_proceso), (ZACATECAS, db_proceso2)):
        with db.connect_readonly(base) as con:
            solo = queries.indicadores(con).iloc[0].to_dict()
            assert len(queries.documentos(con)) == documentos[esperado["comite"]]
        assert juntos[esperado["comite"]] == solo


def test_los_dias_pendientes_se_cuentan_a_la_ultima_sesion(proceso):
    """C-2, Z-3: not to today."""
    esperado, con, _ = proceso
    pendientes = con.execute("SELECT DISTINCT al_dia FROM v_correcciones_pendientes").fetchall()
    assert pendientes == [(esperado["ultima"],)]


# ───────────────────────────── Sesiones (C-3 … C-9; Z-4 … Z-10) ─────────────────────────────

def test_sesiones_por_tipo(proceso):
    esperado, con, _ = proceso
    por_tipo = queries.sesiones_por_tipo(con)
    assert dict(zip(por_tipo["tipo"], por_tipo["sesiones"])) == esperado["por_tipo"]
    assert por_tipo["duracion_total"].sum() == esperado["duracion_total"]


def test_cada_sesion(proceso):
    esperado, con, ids = proceso
    for clave, (_, tipo, numero, fecha, inicio, fin, minutos, modalidad) in \
            esperado["sesiones"].items():
        fila = con.execute("SELECT tipo, numero, fecha, hora_inicio, hora_fin, duracion_min, "
                           "modalidad, quorum FROM sesiones WHERE sesion_id = ?",
                           [ids[clave]]).fetchone()
        assert fila == (tipo, numero, fecha, inicio, fin, minutos, modalidad, True), clave


# ───────────────────────────── Asistencia (C-10 … C-14; Z-11 … Z-19) ─────────────────────────────

def _presentes(con, nombre):
    """The sessions a person attended (presente) and those the acta names them absent."""
    filas = con.execute("SELECT a.sesion_id, a.presente FROM asistencias a JOIN personas p "
                        "USING (persona_id) WHERE p.nombre = ?", [nombre]).fetchall()
    return {s for s, p in filas if p}, {s for s, p in filas if not p}


def test_integrantes_y_secretaria(proceso):
    esperado, con, ids = proceso
    todas = set(ids.values())
    for nombre in esperado["siempre"]:
        assert _presentes(con, nombre) == (todas, set()), nombre
    for nombre, faltas in esperado["ausentes"].items():
        ausente = {ids[s] for s in faltas}
        assert _presentes(con, nombre) == (todas - ausente, ausente), nombre


def test_zacatecas_asesoras_con_voto_y_secretario_sin_voto(db_proceso2):
    """Z-11, Z-12: in every session they attended the three asesores técnicos are integrantes with
    vote and the Secretario Técnico is secretario without it. In the roster «Mtra. Lorena Patricia Esparza Muro»
    stands right above the «Secretaría Técnica» heading, which governs the name below it."""
    with db.connect_readonly(db_proceso2) as con:
        filas = con.execute("SELECT p.nombre, a.rol, a.con_voto, count(*) FROM asistencias a "
                            "JOIN personas p USING (persona_id) WHERE a.partido IS NULL AND "
                            "a.rol <> 'invitado' AND a.presente GROUP BY ALL ORDER BY 1").fetchall()
    assert filas == [("Alejandra Berenice Sifuentes Robles", "integrante", True, 5),
                     ("Humberto Ismael Carrillo Dávila", "integrante", True, 4),
                     ("Julio César Saucedo Ibarra", "secretario", False, 5),
                     ("Lorena Patricia Esparza Muro", "integrante", True, 5)]


def test_asistencia_de_cada_partido(proceso):
    """P present, A absent (named absent by the acta or accredited and not there), - no row."""
    esperado, con, ids = proceso
    filas = queries.asistencia_partidos(con)
    estado = {(f.sesion_id, f.partido): "P" if f.presente else "A" for f in filas.itertuples()}
    for partido, fila in esperado["partidos"].items():
        leido = "".join(estado.get((ids[s], partido), "-") for s in sorted(ids))
        assert leido == fila, partido
    por_partido = queries.asistencia_por_partido(con).set_index("partido")
    for partido, fila in esperado["partidos"].items():
        assert por_partido.loc[partido, "sesiones_representado"] == fila.count("P"), partido


def test_llegadas_y_retiros(proceso):
    esperado, con, ids = proceso
    filas = queries.asistencia_partidos(con)
    movimientos = sorted(
        (f.partido, next(k for k, v in ids.items() if v == f.sesion_id),
         None if pd.isna(f.llegada_punto) else int(f.llegada_punto),
         None if pd.isna(f.retiro_punto) else int(f.retiro_punto))
        for f in filas.itertuples() if f.estado in ("llegada tarde", "retiro anticipado"))
    assert movimientos == sorted(esperado["movimientos"])


# ───────────────────────────── Votaciones (C-15 … C-17; Z-20 … Z-22) ─────────────────────────────

def test_votaciones_y_unanimidad(proceso):
    esperado, con, ids = proceso
    v = esperado["votaciones"]
    votaciones = queries.votaciones(con)
    assert len(votaciones) == v["total"]
    assert (votaciones["forma"] == "nominal").sum() == v["nominales"]
    assert (votaciones["forma"] == "economica").sum() == v["economicas"]
    assert (votaciones["resultado"] == "rechazado").sum() == v["rechazadas"]
    assert votaciones["unanimidad"].sum() == v["unanimes"]
    por_sesion = con.execute("SELECT sesion_id, votaciones, unanimes FROM v_unanimidad_sesion"
                             ).fetchall()
    assert {s: (n, u) for s, n, u in por_sesion} == {
        ids[k]: par for k, par in v["por_sesion"].items()}


# ───────────────────────────── Correcciones (C-18 … C-21; Z-23 … Z-30) ─────────────────────────────

def test_correcciones_pedidas_y_su_atencion(proceso, tmp_path):
    """Each correction asked, by whom, when, of which document; when a later session attended it
    and the days it took; the pending ones counted to the committee's last session."""
    esperado, con, ids = proceso
    estado = seguimiento.estado_al(con, Almacen(tmp_path / "vacio"))
    assert len(estado) == len(esperado["correcciones"])
    assert estado["aprobada"].all()
    leidas = []
    for c in estado.itertuples():
        sesion = next(k for k, v in ids.items() if v == c.sesion_id)
        atendida = None if c.estado == "pendiente" else \
            next(k for k, v in ids.items() if v == c.atendida_sesion_id)
        leidas.append((c.solicitante, sesion, c.punto, _plano(c.documento), atendida,
                       c.dias_pendiente))
    for solicitante, sesion, punto, palabras, atendida, dias in esperado["correcciones"]:
        suya = [x for x in leidas if x[:3] == (solicitante, sesion, punto)]
        assert len(suya) == 1, (solicitante, sesion, leidas)
        assert all(_plano(p) in suya[0][3] for p in palabras), suya
        assert suya[0][4:] == (atendida, dias), (solicitante, sesion)


def test_un_reporte_de_atencion_no_es_una_correccion_nueva(proceso):
    """C-21, Z-29: each report is a correcciones_atendidas row linked to the request it answers,
    never a new correction; every report is linked."""
    esperado, con, ids = proceso
    atendidas = esperado_atendidas = [c for c in esperado["correcciones"] if c[4]]
    filas = con.execute("SELECT sesion_id, correccion_id, vinculo FROM correcciones_atendidas"
                        ).fetchall()
    assert len(filas) == len(esperado_atendidas)
    assert all(correccion is not None and vinculo not in ("ambiguo", "ninguno")
               for _, correccion, vinculo in filas)
    nuevas = dict(con.execute("SELECT sesion_id, count(*) FROM correcciones GROUP BY ALL").fetchall())
    pedidas = {}
    for c in esperado["correcciones"]:
        pedidas[ids[c[1]]] = pedidas.get(ids[c[1]], 0) + 1
    assert nuevas == pedidas
    assert sorted(s for s, _, _ in filas) == sorted(ids[c[4]] for c in atendidas)


# ───────────────────────────── Documentos (C-22, C-23; Z-31 … Z-33) ─────────────────────────────

def test_cada_documento_y_sus_estados(proceso):
    esperado, con, ids = proceso
    documentos = queries.documentos(con)
    assert len(documentos) == len(esperado["documentos"])
    nombre = {v: k for k, v in ids.items()}
    for palabras, tipo, estados in esperado["documentos"]:
        suyos = documentos[[all(_plano(p) in _plano(f"{d.clave} {d.titulo}") for p in palabras)
                            for d in documentos.itertuples()]]
        assert len(suyos) == 1, (palabras, suyos["titulo"].tolist())
        doc = suyos.iloc[0]
        assert doc["tipo_documento"] == tipo, palabras
        eventos = queries.documento_eventos(con)
        eventos = eventos[eventos["documento_id"] == doc["documento_id"]]
        leidos = [(nombre[e.sesion_id], f"{e.estado}, concluido" if e.concluye else e.estado)
                  for e in eventos.itertuples()]
        assert leidos == estados, palabras


def test_ningun_documento_queda_en_proceso(proceso):
    """C-22, Z-31: what was only presented ended so («tuvieron por presentado», «se tiene por
    presentado», «dieron por recibido», «no será sometido a votación»)."""
    _, con, _ = proceso
    assert queries.indicadores(con).iloc[0]["documentos_en_proceso"] == 0
    assert queries.informe_documentos_en_tramite(con, D(2030, 1, 1)).empty


# ───────────────────────────── El informe es de un comité ─────────────────────────────

@pytest.fixture(scope="module")
def db_durango_colima(tmp_path_factory):
    """The bundled Durango acta plus the Colima process."""
    carpeta = tmp_path_factory.mktemp("durango-colima")
    for origen in (ACTAS, PROCESO):
        solo_actas(origen, carpeta)
    return _build(carpeta, tmp_path_factory, "db_durango_colima")


def _etl(*argumentos):
    import subprocess
    import sys

    from conftest import ROOT
    return subprocess.run([sys.executable, "-m", "etl", *argumentos], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def _texto_docx(ruta):
    import docx

    documento = docx.Document(str(ruta))
    partes = [p.text for p in documento.paragraphs]
    partes += [c.text for t in documento.tables for fila in t.rows for c in fila.cells]
    partes += [documento.core_properties.subject or "", documento.core_properties.title or ""]
    return "\n".join(partes)


def test_comites_uno_por_linea(db_durango_colima):
    salida = _etl("comites", "--db", str(db_durango_colima))
    assert salida.returncode == 0, salida.stderr
    assert salida.stdout.splitlines() == [
        f"{COLIMA['comite']}\t{COLIMA['nombre']}\t5 sesiones",
        "cotaprep-iepc-durango-pel-2020-2021\tCOTAPREP · IEPC Durango · PEL 2020-2021\t1 sesión"]


def test_el_informe_de_colima_no_tiene_nada_de_durango(db_durango_colima, tmp_path):
    salida = tmp_path / "colima.docx"
    hecho = _etl("informe", "--desde", "2021-01-01", "--hasta", "2024-12-31", "--comite",
                 COLIMA["comite"], "--salida", str(salida), "--db", str(db_durango_colima))
    assert hecho.returncode == 0, hecho.stderr
    texto = _texto_docx(salida)
    assert "Colima" in texto and "5 sesiones" in hecho.stdout
    for de_durango in ("Durango", "DURANGO", "IEPC", "2020-2021", "2021-01-28",
                       "IEPC/UTC/PREP/DICT/001/2021", "Arreola"):
        assert de_durango not in texto, de_durango


def test_sin_comite_un_periodo_de_dos_comites_sale_con_la_lista(db_durango_colima, tmp_path):
    salida = tmp_path / "ambos.docx"
    hecho = _etl("informe", "--desde", "2021-01-01", "--hasta", "2024-12-31",
                 "--salida", str(salida), "--db", str(db_durango_colima))
    assert hecho.returncode == 1
    assert hecho.stdout == "" and not salida.exists()
    lineas = hecho.stderr.strip().splitlines()
    assert len(lineas) == 1 and lineas[0].startswith("Error: El periodo tiene sesiones de 2 comités")
    assert COLIMA["comite"] in lineas[0] and "cotaprep-iepc-durango-pel-2020-2021" in lineas[0]
    assert "Traceback" not in hecho.stderr


def test_instituto_y_proceso_eligen_el_comite(db_durango_colima, tmp_path):
    salida = tmp_path / "durango.docx"
    hecho = _etl("informe", "--desde", "2021-01-01", "--hasta", "2024-12-31", "--instituto",
                 "Durango", "--proceso", "2020-2021", "--salida", str(salida), "--db",
                 str(db_durango_colima))
    assert hecho.returncode == 0, hecho.stderr
    assert "1 sesión" in hecho.stdout and "Colima" not in _texto_docx(salida)


def test_las_consultas_guardadas_responden_por_el_comite(db_tres):
    """Saved queries take $comite (the sidebar's committee on the Consultas page): Colima's pending
    corrections are Colima's one, Zacatecas' its two; «todos» gives the three of them."""
    from tablero.sql import Consola, saved_queries

    guardada = {g.nombre: g for g in saved_queries()}["correcciones_pendientes"]
    with Consola(db_tres) as consola:
        def pendientes(comite):
            return int(consola.run(guardada.sql, {"comite": comite}).df["pendientes"].sum())
        assert pendientes(COLIMA["comite"]) == 1
        assert pendientes(ZACATECAS["comite"]) == 2
        durango = pendientes("cotaprep-iepc-durango-pel-2020-2021")
        assert pendientes("todos") == 3 + durango


# ───────────────────────────── Las páginas, con tres comités cargados ─────────────────────────────

def _pagina(archivo, monkeypatch, base, **query_params):
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from conftest import ROOT
    st.cache_data.clear()
    st.cache_resource.clear()
    monkeypatch.setenv("TABLERO_DB", str(base))
    at = AppTest.from_file(str(ROOT / archivo), default_timeout=60)
    at.query_params.update(query_params)
    at.run()
    assert not at.exception, at.exception[0].message
    return at


def _metricas(at):
    return {m.label: m.value for m in at.metric}


def test_con_varios_comites_se_elige_el_mas_reciente(monkeypatch, db_tres):
    at = _pagina("paginas/resumen.py", monkeypatch, db_tres)
    assert at.sidebar.selectbox(key="f_comite").value == ZACATECAS["comite"]   # 2024-04-25
    assert _metricas(at)["Sesiones celebradas"] == "5"
    assert _metricas(at)["Correcciones pendientes"] == "2"
    assert not at.warning


def test_un_enlace_con_su_comite(monkeypatch, db_tres):
    at = _pagina("paginas/resumen.py", monkeypatch, db_tres, comite=COLIMA["comite"])
    assert _metricas(at)["Sesiones celebradas"] == "5"
    assert _metricas(at)["Correcciones pendientes"] == "1"
    assert _metricas(at)["Documentos en proceso"] == "0"
    assert at.query_params["comite"] == COLIMA["comite"]


def test_todos_los_comites_lo_dice(monkeypatch, db_tres):
    at = _pagina("paginas/resumen.py", monkeypatch, db_tres, comite="todos")
    assert _metricas(at)["Sesiones celebradas"] == "11"
    assert "suman las sesiones de 3 comités distintos" in at.warning[0].value
    assert COLIMA["nombre"] in at.warning[0].value


def test_seguimiento_al_dia_de_la_ultima_sesion_del_comite(monkeypatch, db_tres):
    at = _pagina("paginas/seguimiento.py", monkeypatch, db_tres, comite=COLIMA["comite"])
    assert at.date_input(key="seg-al").value == COLIMA["ultima"]
    assert _metricas(at)["Pedidas"] == "2" and _metricas(at)["Pendientes"] == "1"


def test_el_informe_de_la_pagina_es_del_comite_elegido(monkeypatch, db_tres):
    at = _pagina("paginas/informe.py", monkeypatch, db_tres, comite=COLIMA["comite"])
    texto = "\n".join(m.value for m in at.markdown)
    assert "Colima" in texto and "Zacatecas" not in texto and "Durango" not in texto
