"""The query layer against databases built by the real ETL: the figures a person reads in the real
acta (data/actas) and invariants of the fictional multi-session process (tests/fixtures/proceso)."""
import datetime as dt

import pytest

from tablero import db, formato, queries, seguimiento as sg
from tablero.almacen import Almacen

DICTAMEN = "IEPC/UTC/PREP/DICT/001/2021"


@pytest.fixture(scope="module")
def real(db_real):
    con = db.connect_readonly(db_real)
    yield con
    con.close()


@pytest.fixture(scope="module")
def proceso(db_proceso):
    con = db.connect_readonly(db_proceso)
    yield con
    con.close()


# ───────────────────────────── the real acta ─────────────────────────────

def test_una_sesion_de_25_minutos(real):
    sesiones = queries.sesiones(real)
    assert len(sesiones) == 1
    sesion = sesiones.iloc[0]
    assert (sesion["tipo"], sesion["numero"], sesion["duracion_min"]) == ("ordinaria", 2, 25)
    assert formato.fecha_larga(sesion["fecha"]) == "28 de enero de 2021"
    assert sesion["clave"] == "cotaprep-durango-2021-01-28-ordinaria-02"


def test_indicadores(real):
    ind = queries.indicadores(real).iloc[0]
    assert ind["sesiones"] == 1
    assert ind["duracion_total"] == 25
    assert (ind["votaciones"], ind["votaciones_unanimes"]) == (9, 9)
    # The dictamen «no será sometido a votación» and the prototype: presented, and done.
    assert ind["documentos_en_proceso"] == 0


def test_nueve_votaciones_unanimes_con_27_votos(real):
    votaciones = queries.votaciones(real)
    assert len(votaciones) == 9
    assert votaciones["unanimidad"].all()
    assert (votaciones["boletas"] == 3).all()
    assert len(queries.votos(real)) == 27
    assert queries.unanimidad_por_sesion(real)["proporcion"].tolist() == [1.0]


def test_cada_integrante_con_voto_vota_con_la_mayoria(real):
    mayoria = queries.votos_con_mayoria(real)
    assert len(mayoria) == 3
    assert (mayoria["votos"] == 9).all()
    assert (mayoria["proporcion"] == 1.0).all()


def test_llegadas_tarde_de_rsp_pri_y_morena(real):
    grid = queries.asistencia_partidos(real)
    tarde = grid[grid["presente"] & grid["llegada_punto"].notna()]
    assert dict(zip(tarde["partido"], tarde["llegada_punto"])) == {"RSP": 5, "PRI": 7, "MORENA": 9}
    rsp = grid[grid["partido"] == "RSP"].iloc[0]
    assert rsp["fraccion"] == pytest.approx(7 / 11)       # items 5..11 of 11
    desde_inicio = set(grid.loc[grid["estado"] == "desde el inicio", "partido"])
    assert desde_inicio == {"PAN", "PVEM", "PT", "MC", "PES"}
    ausentes = set(grid.loc[grid["estado"] == "ausente", "partido"])
    assert ausentes == {"PRD", "FXM", "PD"}               # accredited in Durango 2020-2021


def test_asistencia_por_partido(real):
    partidos = queries.asistencia_por_partido(real).set_index("partido")
    assert partidos.loc["PRI", "llegadas_tarde"] == 1
    assert partidos.loc["PRD", "ausencias"] == 1
    assert partidos.loc["PAN", "como_suplente"] == 1
    assert partidos.loc["PT", "como_propietario"] == 1
    assert partidos.loc["MORENA", "tiempo_representado"] == pytest.approx(3 / 11)


def test_quien_tiene_voz_sin_voto_nunca_falta_a_una_votacion(real):
    personas = queries.asistencia_personas(real)
    sin_voto = personas[~personas["con_voto"]]
    assert len(sin_voto) == 13
    assert sin_voto["votaciones_sin_voto"].isna().all()
    con_voto = personas[personas["con_voto"]]
    assert con_voto["votaciones_sin_voto"].tolist() == [0, 0, 0]
    assert con_voto["votos_emitidos"].tolist() == [9, 9, 9]


def test_tres_correcciones_pendientes(real, tmp_path):
    """The status is not the query layer's: tablero.seguimiento.estado_al, from its rows."""
    correcciones = sg.estado_al(real, Almacen(tmp_path), dt.date(2021, 2, 25))
    assert correcciones["estado"].tolist() == ["pendiente"] * 3
    assert correcciones["dias_pendiente"].tolist() == [28, 28, 28]
    assert sorted(correcciones["linea"]) == [166, 227, 246]
    assert sg.por_documento(correcciones)["pendientes"].sum() == 3
    assert sg.por_solicitante(correcciones)["solicitadas"].sum() == 3


def test_dictamen_presentado(real):
    documentos = queries.documentos(real)
    dictamen = documentos[documentos["clave"] == DICTAMEN].iloc[0]
    assert dictamen["tipo_documento"] == "dictamen"
    assert dictamen["estado_actual"] == "presentado"
    assert dictamen["concluye"]                # «este Dictamen no será sometido a votación»
    assert dictamen["trayectoria"] == "presentado, concluido (28/01/2021)"


def test_el_acta_se_contradice_sobre_su_numero(real):
    numeros = queries.numeros_contradictorios(real)
    assert len(numeros) >= 1
    assert "uno" in numeros.iloc[0]["detalle"]
    assert queries.conteos_discrepantes(real).empty
    assert queries.unanimidad_contradicha(real).empty
    assert queries.quorum_insuficiente(real).empty


def test_lineas_del_acta(real):
    votacion = queries.votaciones(real).iloc[0]
    lineas = queries.lineas_acta(real, votacion["acta_id"], votacion["linea"], contexto=2)
    assert lineas["linea"].tolist() == [86, 87, 88, 89, 90]
    fuente = lineas[lineas["es_fuente"]].iloc[0]
    assert fuente["texto"] == "-El orden del día es aprobado por unanimidad."


def test_filtros(real):
    assert queries.sesiones(real, tipo="extraordinaria").empty
    assert queries.sesiones(real, desde=dt.date(2021, 1, 29)).empty
    assert len(queries.sesiones(real, hasta=dt.date(2021, 1, 28))) == 1
    assert queries.votaciones(real, tipo="extraordinaria").empty
    assert queries.asistencia_partidos(real, desde=dt.date(2022, 1, 1)).empty
    assert len(queries.sesiones(real, proceso="Proceso Electoral Local 2020-2021")) == 1


def test_los_valores_se_pasan_como_parametros(real):
    assert queries.sesiones(real, proceso="x' OR 1=1 --").empty
    assert queries.sesion_por_clave(real, "' OR ''='").empty


# ───────────────────────────── the fictional process ─────────────────────────────

def test_proceso_varias_sesiones(proceso):
    sesiones = queries.sesiones(proceso)
    assert len(sesiones) > 1
    assert sesiones["fecha"].is_monotonic_increasing
    ind = queries.indicadores(proceso).iloc[0]
    assert ind["sesiones"] == len(sesiones)
    assert ind["votaciones"] == len(queries.votaciones(proceso))


def test_proceso_asistencia_coherente(proceso):
    grid = queries.asistencia_partidos(proceso)
    assert grid["fraccion"].between(0, 1).all()
    assert (grid.loc[grid["estado"] == "ausente", "fraccion"] == 0).all()
    partidos = queries.asistencia_por_partido(proceso)
    assert partidos["sesiones_representado"].sum() == int(grid["presente"].sum())
    personas = queries.asistencia_personas(proceso)
    assert personas.loc[~personas["con_voto"], "votaciones_sin_voto"].isna().all()


def test_proceso_correcciones_y_documentos(proceso, tmp_path):
    correcciones = sg.estado_al(proceso, Almacen(tmp_path))
    assert set(correcciones["estado"]) <= {"pendiente", "atendida", "no aprobada"}
    documentos = queries.documentos(proceso)
    eventos = queries.documento_eventos(proceso)
    assert set(documentos["documento_id"]) == set(eventos["documento_id"])


def test_proceso_filtro_por_sesion(proceso):
    sesiones = queries.sesiones(proceso)
    primera = sesiones.iloc[0]
    solo = queries.votaciones(proceso, sesion_id=int(primera["sesion_id"]))
    assert set(solo["sesion_id"]) <= {primera["sesion_id"]}
    assert queries.sesion_por_clave(proceso, primera["clave"])["sesion_id"].tolist() == \
        [primera["sesion_id"]]


# ───────────────────────────── formato ─────────────────────────────

@pytest.mark.parametrize("valor, esperado", [
    (dt.date(2021, 1, 28), "28 de enero de 2021"),
    ("2020-12-22", "22 de diciembre de 2020"),
    (None, "sin fecha"),
])
def test_fecha_larga(valor, esperado):
    assert formato.fecha_larga(valor) == esperado


@pytest.mark.parametrize("minutos, esperado", [(25, "25 min"), (60, "1 h"), (95, "1 h 35 min"),
                                                (None, "sin dato")])
def test_duracion(minutos, esperado):
    assert formato.duracion(minutos) == esperado


def test_porcentaje_y_nombre_de_sesion():
    assert formato.porcentaje(8 / 11) == "72.7 %"
    assert formato.porcentaje(1.0) == "100 %"
    assert formato.nombre_sesion("ordinaria", 2, "2021-01-28") == \
        "Sesión ordinaria 2 · 28 de enero de 2021"
    assert formato.nombre_sesion("instalacion", None) == "Sesión de instalación"
