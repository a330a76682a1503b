"""The query layer: every read-side question the product asks of the database, one function each.

Each function takes a DuckDB connection (read-only; see tablero.db) and returns a pandas DataFrame.
Values are always bound as parameters ($name), never formatted into the SQL. No Streamlit here:
pages wrap these functions with tablero.ui.consulta(), which caches them by database identity.

Functions of the dashboard take the sidebar's filters as keyword arguments (see FILTROS):
`comite` (comites.comite: one body of one institute in one process), `proceso`, `desde`,
`hasta`, `tipo` and `sesion_id`, each None for «all». Every row that states a
fact carries `acta_id` and `linea` so the page can show the acta's own words.

Sections are grouped by page; other modules append their own functions under their own header.
"""

import pandas as pd

FILTROS = ("comite", "proceso", "desde", "hasta", "tipo", "sesion_id")

# The sessions the sidebar selects. Every filtered query starts from this CTE, named `s`.
_SESIONES_FILTRADAS = """
s AS (
    SELECT sesiones.*,
           regexp_replace(actas.archivo, '\\.[^.]+$', '') AS clave
    FROM sesiones JOIN actas USING (acta_id)
    WHERE ($comite IS NULL OR sesiones.comite = $comite)
      AND ($proceso IS NULL OR sesiones.proceso = $proceso)
      AND (CAST($desde AS DATE) IS NULL OR sesiones.fecha >= CAST($desde AS DATE))
      AND (CAST($hasta AS DATE) IS NULL OR sesiones.fecha <= CAST($hasta AS DATE))
      AND ($tipo IS NULL OR sesiones.tipo = $tipo)
      AND (CAST($sesion_id AS INTEGER) IS NULL OR sesiones.sesion_id = CAST($sesion_id AS INTEGER))
)"""

# Where a fact comes from: `origen` is «acta» (the parser) or «revision» (staff corrected it in
# «Revisar acta», etl/revision.py), with who and when. Every row that cites an acta line carries
# them, and tablero.ui shows them next to the line («corregido por Ana López el 01/12/2026 …»).
_ORIGEN = "{t}.origen, {t}.revisado_por, {t}.revisado_en"

# One row per session and party, from the schema's view v_asistencia_partido (the parties expected
# in the session: those accredited in its process, or, where the process has no accreditation
# list, those seen in any of its sessions; plus any party that attended), so that the dashboard and
# the report count attendance alike. `fraccion` is the share of the session's agenda items the
# party was represented: a late arrival counts from the item during which it came («Quiero dar la
# bienvenida … al Licenciado …» during item 5 of 11: 7/11); a departure up to the item it left.
_ASISTENCIA_PARTIDOS = _SESIONES_FILTRADAS + """,
puntos AS (
    SELECT sesion_id, max(numero) AS puntos FROM orden_del_dia GROUP BY sesion_id
),
g AS (
    SELECT s.sesion_id, s.acta_id, s.clave, s.fecha, s.tipo, s.numero, s.duracion_min,
           va.partido, coalesce(p.color, '#888888') AS color, va.acreditado,
           va.estado <> 'ausente' AS presente,
           va.llegada_punto, va.retiro_punto, va.nombre AS representantes, va.calidad,
           va.linea, va.origen, va.revisado_por, va.revisado_en, pu.puntos, va.estado,
           CASE WHEN va.estado = 'ausente' THEN 0.0
                WHEN coalesce(pu.puntos, 0) = 0 THEN 1.0
                ELSE greatest(least(coalesce(va.retiro_punto, pu.puntos), pu.puntos)
                              - greatest(coalesce(va.llegada_punto, 1), 1) + 1, 0) / pu.puntos
                END AS fraccion
    FROM v_asistencia_partido va
    JOIN s USING (sesion_id)
    LEFT JOIN partidos p ON p.partido = va.partido
    LEFT JOIN puntos pu USING (sesion_id)
)"""

# Votes of the selected sessions with their ballots tallied and the kind of document they were
# about (the document the acta names at the same agenda item; the agenda itself for its approval).
_VOTACIONES = _SESIONES_FILTRADAS + """,
boletas AS (
    SELECT votacion_id,
           count(*) AS boletas,
           count(*) FILTER (WHERE sentido = 'a favor') AS boletas_a_favor,
           count(*) FILTER (WHERE sentido = 'en contra') AS boletas_en_contra,
           count(*) FILTER (WHERE sentido = 'abstencion') AS boletas_abstenciones
    FROM votos GROUP BY votacion_id
),
doc AS (
    SELECT e.sesion_id, e.punto, min(d.tipo) AS tipo_documento
    FROM documento_eventos e JOIN documentos d USING (documento_id)
    GROUP BY e.sesion_id, e.punto
),
v AS (
    SELECT v.votacion_id, v.sesion_id, s.acta_id, s.clave, s.fecha, s.tipo, s.numero,
           v.punto, o.titulo AS titulo_punto, v.asunto, v.forma, v.resultado, v.unanimidad,
           v.a_favor, v.en_contra, v.abstenciones,
           coalesce(b.boletas, 0) AS boletas,
           coalesce(b.boletas_a_favor, 0) AS boletas_a_favor,
           coalesce(b.boletas_en_contra, 0) AS boletas_en_contra,
           coalesce(b.boletas_abstenciones, 0) AS boletas_abstenciones,
           coalesce(doc.tipo_documento,
                    CASE WHEN strip_accents(lower(o.titulo)) LIKE '%orden del dia%'
                         THEN 'orden del dia' END,
                    'otro') AS tipo_documento,
           v.linea, """ + _ORIGEN.format(t="v") + """
    FROM votaciones v
    JOIN s USING (sesion_id)
    LEFT JOIN boletas b USING (votacion_id)
    LEFT JOIN orden_del_dia o ON o.sesion_id = v.sesion_id AND o.numero = v.punto
    LEFT JOIN doc ON doc.sesion_id = v.sesion_id AND doc.punto = v.punto
)"""

# Each document's events in the selected sessions, and its latest state among them.
_DOCUMENTOS = _SESIONES_FILTRADAS + """,
ev AS (
    SELECT e.documento_id, d.tipo AS tipo_documento, d.clave, d.titulo, e.sesion_id, s.acta_id,
           s.clave AS sesion, s.fecha, s.tipo, s.numero, e.punto, e.estado, e.concluye, e.linea,
           """ + _ORIGEN.format(t="e") + """
    FROM documento_eventos e JOIN documentos d USING (documento_id) JOIN s USING (sesion_id)
)"""




def _params(comite=None, proceso=None, desde=None, hasta=None, tipo=None, sesion_id=None,
            **extra):
    """The filter parameters every query built on `s` binds (DuckDB rejects unused or missing
    names, so each filtered query binds exactly these plus its own)."""
    return {"comite": comite, "proceso": proceso, "desde": desde, "hasta": hasta, "tipo": tipo,
            "sesion_id": None if sesion_id is None else int(sesion_id), **extra}


def _df(con, sql, params=None):
    return con.execute(sql, params or {}).df()


# ───────────────────────────── Común: marco, filtros, pie, texto del acta ─────────────────────────

def comites(con):
    """The committees loaded (one body of one institute in one process), the one with the most
    recent session first: key, readable name, sessions, first and last session date."""
    return _df(con, """
        SELECT comite, nombre, organo, instituto, proceso, sesiones, desde, hasta
        FROM comites ORDER BY hasta DESC NULLS LAST, nombre, comite""")


def procesos(con):
    """The electoral processes the actas belong to, newest first."""
    return _df(con, """
        SELECT proceso, count(*) AS sesiones, min(fecha) AS desde, max(fecha) AS hasta
        FROM sesiones WHERE proceso IS NOT NULL
        GROUP BY proceso ORDER BY max(fecha) DESC NULLS LAST, proceso""")


def partidos(con):
    """The party catalog with each party's colour (and parties an acta named that it lacks)."""
    return _df(con, "SELECT partido, nombre, color, ambito, en_catalogo FROM partidos ORDER BY partido")


def rango_fechas(con, proceso=None, comite=None):
    """First and last session date, of one committee (or process), or of all."""
    return _df(con, """
        SELECT min(fecha) AS desde, max(fecha) AS hasta FROM sesiones
        WHERE ($proceso IS NULL OR proceso = $proceso) AND ($comite IS NULL OR comite = $comite)""",
               {"proceso": proceso, "comite": comite})


def tipos_sesion(con, comite=None):
    """The kinds of session present (ordinaria, extraordinaria…), of one committee or of all."""
    return _df(con, """
        SELECT tipo, count(*) AS sesiones FROM sesiones
        WHERE tipo IS NOT NULL AND ($comite IS NULL OR comite = $comite)
        GROUP BY tipo ORDER BY count(*) DESC, tipo""", {"comite": comite})


def carga(con):
    """When the database was built and from how many actas (the footer)."""
    return _df(con, """
        SELECT (SELECT count(*) FROM actas) AS actas,
               (SELECT count(*) FROM sesiones) AS sesiones,
               (SELECT count(*) FROM errores_carga) AS errores,
               coalesce((SELECT TRY_CAST(valor AS TIMESTAMP) FROM metadatos
                         WHERE clave IN ('construida_en', 'cargada_en') LIMIT 1),
                        (SELECT max(cargada_en) FROM actas)) AS cargada_en""")


def lineas_acta(con, acta_id, linea, contexto=3):
    """The acta's own words: lines linea-contexto … linea+contexto of its extracted text,
    `es_fuente` marking the line that states the fact.

    The text is fetched by key and cut in Python: splitting and unnesting it in SQL cost ~9×
    more per call, and pages call this once per dictamen or split vote (bench/benchmark.py)."""
    fila = con.execute("SELECT archivo, texto FROM actas WHERE acta_id = $acta_id",
                       {"acta_id": int(acta_id)}).fetchone()
    linea, contexto = int(linea), int(contexto)
    lineas = fila[1].replace("\r", "").split("\n") if fila else []
    desde, hasta = max(1, linea - contexto), min(len(lineas), linea + contexto)
    hasta = max(hasta, desde - 1)         # an empty range, never a slice from the end
    return pd.DataFrame({
        "archivo": pd.Series([fila[0] if fila else None] * max(0, hasta - desde + 1), dtype=object),
        "linea": pd.Series(range(desde, hasta + 1), dtype="int64"),
        "texto": pd.Series(lineas[desde - 1:hasta], dtype=object),
        "es_fuente": pd.Series([n == linea for n in range(desde, hasta + 1)], dtype=bool)})


def texto_acta(con, acta_id):
    """The acta's whole extracted text and its file name."""
    return _df(con, "SELECT archivo, texto FROM actas WHERE acta_id = $acta_id",
               {"acta_id": int(acta_id)})


def archivo_original(con, acta_id):
    """The acta's file as loaded: archivo, formato, bytes, sha256 and contenido (its bytes). Not
    for caching: a scanned PDF weighs megabytes."""
    return _df(con, """
        SELECT a.archivo, a.formato, a.bytes, a.sha256, a.paginas, f.contenido
        FROM actas a LEFT JOIN archivos f USING (acta_id) WHERE a.acta_id = $acta_id""",
               {"acta_id": int(acta_id)})


def archivo_original_datos(con, acta_id):
    """The acta file's name, format, size and sha256 (not its bytes: see archivo_original)."""
    return _df(con, "SELECT archivo, formato, bytes, sha256 FROM actas WHERE acta_id = $acta_id",
               {"acta_id": int(acta_id)})


def sesiones(con, **filtros):
    """The selected sessions, oldest first, with their header facts and how much happened in each."""
    return _df(con, "WITH " + _SESIONES_FILTRADAS + """
        SELECT s.sesion_id, s.acta_id, s.clave, a.archivo, s.comite, s.proceso, s.instituto,
               s.organo,
               s.tipo, s.numero, s.fecha, s.hora_inicio, s.hora_fin, s.duracion_min,
               s.modalidad, s.lugar, s.quorum, """ + _ORIGEN.format(t="s") + """,
               (SELECT count(*) FROM orden_del_dia o WHERE o.sesion_id = s.sesion_id) AS puntos,
               (SELECT count(*) FROM votaciones v WHERE v.sesion_id = s.sesion_id) AS votaciones,
               (SELECT count(*) FROM asistencias x
                 WHERE x.sesion_id = s.sesion_id AND x.presente) AS asistentes,
               (SELECT count(*) FROM avisos w WHERE w.sesion_id = s.sesion_id) AS avisos
        FROM s JOIN actas a USING (acta_id)
        ORDER BY s.fecha NULLS LAST, s.tipo, s.numero""", _params(**filtros))


# ───────────────────────────── Resumen ─────────────────────────────

def indicadores(con, **filtros):
    """The headline figures of the selected sessions, in one row."""
    return _df(con, "WITH " + _ASISTENCIA_PARTIDOS + """,
        vv AS (SELECT v.* FROM votaciones v JOIN s USING (sesion_id)),
        ultimo AS (
            SELECT e.documento_id, arg_max(e.estado, (s.fecha, e.linea)) AS estado,
                   arg_max(e.concluye, (s.fecha, e.linea)) AS concluye
            FROM documento_eventos e JOIN s USING (sesion_id) GROUP BY e.documento_id),
        SELECT (SELECT count(*) FROM s) AS sesiones,
               (SELECT sum(duracion_min) FROM s) AS duracion_total,
               (SELECT avg(duracion_min) FROM s) AS duracion_media,
               (SELECT count(*) FROM g WHERE acreditado) AS partidos_esperados,
               (SELECT count(*) FROM g WHERE acreditado AND presente) AS partidos_presentes,
               (SELECT count(*) FROM vv) AS votaciones,
               (SELECT count(*) FROM vv WHERE unanimidad) AS votaciones_unanimes,
               (SELECT count(*) FROM ultimo JOIN documentos d USING (documento_id)
                 WHERE ultimo.estado = 'presentado' AND NOT ultimo.concluye
                   AND d.tipo <> 'presentacion')
                   AS documentos_en_proceso,
               (SELECT count(*) FROM avisos w JOIN s USING (sesion_id)) AS avisos""",
               _params(**filtros))


def sesiones_por_tipo(con, **filtros):
    """How many sessions of each kind, with their total and average duration."""
    return _df(con, "WITH " + _SESIONES_FILTRADAS + """
        SELECT tipo, count(*) AS sesiones, sum(duracion_min) AS duracion_total,
               avg(duracion_min) AS duracion_media
        FROM s GROUP BY tipo ORDER BY count(*) DESC, tipo""", _params(**filtros))


# ───────────────────────────── Asistencia ─────────────────────────────

def asistencia_partidos(con, **filtros):
    """Session × party: present from the start, late (from which item), left early (at which item)
    or absent among the accredited parties; with propietario/suplente and the share of the
    session's agenda items the party was represented."""
    return _df(con, "WITH " + _ASISTENCIA_PARTIDOS + """
        SELECT * FROM g ORDER BY fecha, sesion_id, partido""", _params(**filtros))


def asistencia_por_partido(con, **filtros):
    """Per party over the selected sessions: sessions represented, late arrivals, early departures,
    absences (only where the party was accredited), as propietario or suplente, and the share of
    session time represented (each session's item share weighted by its duration)."""
    return _df(con, "WITH " + _ASISTENCIA_PARTIDOS + """
        SELECT partido, any_value(color) AS color,
               count(*) FILTER (WHERE acreditado) AS sesiones_acreditado,
               count(*) FILTER (WHERE presente) AS sesiones_representado,
               count(*) FILTER (WHERE presente AND llegada_punto IS NOT NULL) AS llegadas_tarde,
               count(*) FILTER (WHERE presente AND retiro_punto IS NOT NULL) AS retiros_anticipados,
               count(*) FILTER (WHERE acreditado AND NOT presente) AS ausencias,
               count(*) FILTER (WHERE presente AND calidad LIKE '%propietario%') AS como_propietario,
               count(*) FILTER (WHERE presente AND calidad LIKE '%suplente%') AS como_suplente,
               sum(fraccion * coalesce(duracion_min, 1)) / nullif(sum(coalesce(duracion_min, 1)), 0)
                   AS tiempo_representado
        FROM g GROUP BY partido
        ORDER BY tiempo_representado DESC, partido""", _params(**filtros))


def asistencia_personas(con, **filtros):
    """Per person: sessions attended, roles, parties, late arrivals and departures. Votes missed are
    counted only for members with vote (con_voto); people with voice but no vote get none."""
    return _df(con, "WITH " + _SESIONES_FILTRADAS + """,
        a AS (SELECT a.*, s.fecha, s.acta_id FROM asistencias a JOIN s USING (sesion_id)),
        perdidas AS (
            SELECT a.persona_id, count(*) AS votaciones_sin_voto
            FROM a JOIN votaciones v USING (sesion_id)
            LEFT JOIN votos b ON b.votacion_id = v.votacion_id AND b.persona_id = a.persona_id
            WHERE a.con_voto AND v.forma = 'nominal' AND b.persona_id IS NULL
            GROUP BY a.persona_id),
        emitidos AS (
            SELECT b.persona_id, count(*) AS votos_emitidos
            FROM votos b JOIN s USING (sesion_id) GROUP BY b.persona_id)
        SELECT p.persona_id, p.nombre,
               string_agg(DISTINCT a.rol, ', ') AS rol,
               string_agg(DISTINCT a.cargo, ', ') AS cargo,
               string_agg(DISTINCT a.partido, ', ') AS partido,
               bool_or(a.con_voto) AS con_voto,
               count(*) FILTER (WHERE a.presente) AS sesiones,
               count(*) FILTER (WHERE NOT a.presente) AS ausencias,
               count(*) FILTER (WHERE a.presente AND a.llegada_punto IS NOT NULL) AS llegadas_tarde,
               count(*) FILTER (WHERE a.presente AND a.retiro_punto IS NOT NULL)
                   AS retiros_anticipados,
               string_agg('punto ' || a.llegada_punto || ' (' || strftime(a.fecha, '%d/%m/%Y') || ')',
                          '; ' ORDER BY a.fecha) FILTER (WHERE a.llegada_punto IS NOT NULL)
                   AS llegadas,
               CASE WHEN bool_or(a.con_voto) THEN coalesce(any_value(e.votos_emitidos), 0) END
                   AS votos_emitidos,
               CASE WHEN bool_or(a.con_voto) THEN coalesce(any_value(pe.votaciones_sin_voto), 0) END
                   AS votaciones_sin_voto,
               -- one mention's acta and line (their first session), never one's acta with another's line
               arg_min(a.acta_id, (a.fecha, a.acta_id, a.linea)) AS acta_id,
               arg_min(a.linea, (a.fecha, a.acta_id, a.linea)) AS linea,
               arg_min(a.origen, (a.fecha, a.acta_id, a.linea)) AS origen,
               arg_min(a.revisado_por, (a.fecha, a.acta_id, a.linea)) AS revisado_por,
               arg_min(a.revisado_en, (a.fecha, a.acta_id, a.linea)) AS revisado_en
        FROM a JOIN personas p USING (persona_id)
        LEFT JOIN perdidas pe USING (persona_id)
        LEFT JOIN emitidos e USING (persona_id)
        GROUP BY p.persona_id, p.nombre
        ORDER BY min(CASE a.rol WHEN 'integrante' THEN 1 WHEN 'secretario' THEN 2
                      WHEN 'representante' THEN 3 WHEN 'invitado' THEN 4 ELSE 5 END),
                 partido NULLS FIRST, p.nombre""", _params(**filtros))


# ───────────────────────────── Votaciones ─────────────────────────────

def votaciones(con, **filtros):
    """Every vote of the selected sessions, with its declared counts, its ballots tallied and the
    kind of document it was about."""
    return _df(con, "WITH " + _VOTACIONES + """
        SELECT * FROM v ORDER BY fecha, sesion_id, linea""", _params(**filtros))


def votos(con, **filtros):
    """Every ballot of the selected sessions: who voted what, in which vote."""
    return _df(con, "WITH " + _VOTACIONES + """
        SELECT b.votacion_id, v.sesion_id, v.acta_id, v.fecha, v.tipo, v.numero, v.punto, v.asunto,
               b.persona_id, coalesce(p.nombre, b.nombre) AS nombre, b.sentido, v.linea,
               """ + _ORIGEN.format(t="b") + """
        FROM votos b JOIN v USING (votacion_id) LEFT JOIN personas p USING (persona_id)
        ORDER BY v.fecha, v.linea, nombre""", _params(**filtros))


def votos_de_votacion(con, votacion_id):
    """One vote's ballots: who voted what (the detail of the vote a page selected)."""
    return _df(con, """
        SELECT coalesce(p.nombre, b.nombre) AS nombre, b.sentido, """ + _ORIGEN.format(t="b") + """
        FROM votos b LEFT JOIN personas p USING (persona_id)
        WHERE b.votacion_id = $votacion_id
        ORDER BY nombre""", {"votacion_id": int(votacion_id)})


def unanimidad_por_sesion(con, **filtros):
    """Per session: votes, unanimous votes and their share."""
    return _df(con, "WITH " + _VOTACIONES + """
        SELECT sesion_id, acta_id, clave, fecha, tipo, numero, count(*) AS votaciones,
               count(*) FILTER (WHERE unanimidad) AS unanimes,
               count(*) FILTER (WHERE unanimidad) / count(*) AS proporcion
        FROM v GROUP BY ALL ORDER BY fecha, sesion_id""", _params(**filtros))


def unanimidad_por_tipo_documento(con, **filtros):
    """Per kind of document voted on (acta, informe, dictamen, orden del día…): unanimity share."""
    return _df(con, "WITH " + _VOTACIONES + """
        SELECT tipo_documento, count(*) AS votaciones,
               count(*) FILTER (WHERE unanimidad) AS unanimes,
               count(*) FILTER (WHERE unanimidad) / count(*) AS proporcion
        FROM v GROUP BY tipo_documento ORDER BY count(*) DESC, tipo_documento""",
               _params(**filtros))


def formas_votacion(con, **filtros):
    """Nominal votes (each ballot named) versus show-of-hands votes (counts only)."""
    return _df(con, "WITH " + _VOTACIONES + """
        SELECT forma, count(*) AS votaciones, count(*) FILTER (WHERE unanimidad) AS unanimes
        FROM v GROUP BY forma ORDER BY forma""", _params(**filtros))


def votos_con_mayoria(con, **filtros):
    """Per voting member: ballots cast and how many went with the vote's majority (a vote whose two
    most frequent senses tie has no majority and is left out of the share)."""
    return _df(con, "WITH " + _VOTACIONES + """,
        b AS (SELECT votos.* FROM votos JOIN v USING (votacion_id)),
        conteo AS (SELECT votacion_id, sentido, count(*) AS n FROM b GROUP BY ALL),
        rango AS (SELECT *, max(n) OVER (PARTITION BY votacion_id) AS n_max,
                         count(*) OVER (PARTITION BY votacion_id, n) AS empates FROM conteo),
        mayoria AS (SELECT votacion_id, sentido FROM rango WHERE n = n_max AND empates = 1)
        SELECT b.persona_id, coalesce(p.nombre, any_value(b.nombre)) AS nombre,
               count(*) AS votos,
               count(*) FILTER (WHERE b.sentido = m.sentido) AS con_mayoria,
               count(*) FILTER (WHERE m.sentido IS NOT NULL AND b.sentido <> m.sentido)
                   AS contra_mayoria,
               count(*) FILTER (WHERE b.sentido = 'en contra') AS en_contra,
               count(*) FILTER (WHERE b.sentido = 'abstencion') AS abstenciones,
               count(*) FILTER (WHERE b.sentido = m.sentido)
                   / nullif(count(*) FILTER (WHERE m.sentido IS NOT NULL), 0) AS proporcion
        FROM b LEFT JOIN mayoria m USING (votacion_id) LEFT JOIN personas p USING (persona_id)
        GROUP BY b.persona_id, p.nombre ORDER BY proporcion, nombre""", _params(**filtros))


# ───────────────────────────── Sesiones ─────────────────────────────

def sesion_por_clave(con, clave):
    """One session by its stable key (the acta's file name without extension), as a link names it."""
    return _df(con, """
        SELECT s.*, regexp_replace(a.archivo, '\\.[^.]+$', '') AS clave, a.archivo
        FROM sesiones s JOIN actas a USING (acta_id)
        WHERE regexp_replace(a.archivo, '\\.[^.]+$', '') = $clave""", {"clave": clave})


def orden_del_dia(con, sesion_id):
    """The session's agenda, item by item."""
    return _df(con, """
        SELECT o.numero, o.titulo, s.acta_id, o.linea, """ + _ORIGEN.format(t="o") + """
        FROM orden_del_dia o JOIN sesiones s USING (sesion_id)
        WHERE o.sesion_id = $sesion_id ORDER BY o.numero""", {"sesion_id": int(sesion_id)})


def asistentes(con, sesion_id):
    """Who the acta lists in the session, with role, vote, party, arrival and departure."""
    return _df(con, """
        SELECT a.persona_id, coalesce(p.nombre, a.nombre) AS nombre, a.grado, a.cargo, a.rol,
               a.con_voto,
               a.partido, a.calidad, a.presente, a.llegada_punto, a.retiro_punto,
               s.acta_id, a.linea, """ + _ORIGEN.format(t="a") + """
        FROM asistencias a JOIN sesiones s USING (sesion_id) LEFT JOIN personas p USING (persona_id)
        WHERE a.sesion_id = $sesion_id
        ORDER BY CASE a.rol WHEN 'integrante' THEN 1 WHEN 'secretario' THEN 2
                 WHEN 'representante' THEN 3 WHEN 'invitado' THEN 4 ELSE 5 END,
                 a.llegada_punto NULLS FIRST, a.linea""", {"sesion_id": int(sesion_id)})


def avisos_sesion(con, sesion_id):
    """What the parser flagged in this session's acta."""
    return _df(con, """
        SELECT w.mensaje, w.acta_id, w.linea FROM avisos w
        WHERE w.sesion_id = $sesion_id
           OR (w.sesion_id IS NULL AND w.acta_id = (SELECT acta_id FROM sesiones
                                                   WHERE sesion_id = $sesion_id))
        ORDER BY w.linea NULLS LAST""", {"sesion_id": int(sesion_id)})


# ───────────────────────────── Correcciones ─────────────────────────────
# A correction's status (pending, attended, not approved) is not asked here: it merges the actas
# with the staff store, by one rule, in tablero.seguimiento.estado_al (from the rows of
# seguimiento_correcciones and seguimiento_atendidas below).

def correcciones_atendidas(con, **filtros):
    """Corrections the selected sessions report as attended, and the request each answers."""
    return _df(con, "WITH " + _SESIONES_FILTRADAS + """
        SELECT ca.atendida_id, ca.sesion_id, s.acta_id, s.fecha, s.tipo, s.numero, ca.punto,
               coalesce(d.clave, ca.documento) AS documento, ca.solicitante, ca.descripcion,
               ca.vinculo, ca.correccion_id, so.fecha AS solicitada_el, ca.linea,
               """ + _ORIGEN.format(t="ca") + """
        FROM correcciones_atendidas ca JOIN s USING (sesion_id)
        LEFT JOIN documentos d USING (documento_id)
        LEFT JOIN correcciones c USING (correccion_id)
        LEFT JOIN sesiones so ON so.sesion_id = c.sesion_id
        ORDER BY s.fecha, ca.linea""", _params(**filtros))


# ───────────────────────────── Dictámenes y documentos ─────────────────────────────

def documentos(con, **filtros):
    """Each document named in the selected sessions: its clave or title, its latest state and the
    path of its states across sessions."""
    return _df(con, "WITH " + _DOCUMENTOS + """
        SELECT documento_id, tipo_documento, clave, titulo,
               count(DISTINCT sesion_id) AS sesiones,
               min(fecha) AS primera_fecha, max(fecha) AS ultima_fecha,
               arg_max(estado, (fecha, linea)) AS estado_actual,
               arg_max(concluye, (fecha, linea)) AS concluye,
               string_agg(CASE WHEN concluye THEN estado || ', concluido' ELSE estado END
                          || ' (' || strftime(fecha, '%d/%m/%Y') || ')', ' → '
                          ORDER BY fecha, linea) AS trayectoria,
               arg_max(acta_id, fecha) AS acta_id, arg_max(linea, fecha) AS linea,
               arg_max(origen, (fecha, linea)) AS origen,
               arg_max(revisado_por, (fecha, linea)) AS revisado_por,
               arg_max(revisado_en, (fecha, linea)) AS revisado_en
        FROM ev GROUP BY documento_id, tipo_documento, clave, titulo
        ORDER BY CASE tipo_documento WHEN 'dictamen' THEN 1 WHEN 'informe' THEN 2
                 WHEN 'acta' THEN 3 ELSE 4 END, primera_fecha, clave, titulo""",
               _params(**filtros))


def documento_eventos(con, **filtros):
    """What happened to each document in each selected session (the timeline)."""
    return _df(con, "WITH " + _DOCUMENTOS + """
        SELECT * FROM ev ORDER BY fecha, documento_id, linea""", _params(**filtros))


# ───────────────────────────── Calidad ─────────────────────────────

def avisos(con, **filtros):
    """The parser's avisos for the selected sessions (and for actas that yielded no session)."""
    return _df(con, "WITH " + _SESIONES_FILTRADAS + """
        SELECT w.mensaje, w.sesion_id, w.acta_id, a.archivo, s.fecha, s.tipo, s.numero, w.linea
        FROM avisos w JOIN actas a USING (acta_id) LEFT JOIN s ON s.sesion_id = w.sesion_id
        WHERE s.sesion_id IS NOT NULL
           OR (w.sesion_id IS NULL AND $proceso IS NULL AND CAST($desde AS DATE) IS NULL
               AND CAST($hasta AS DATE) IS NULL AND $tipo IS NULL
               AND CAST($sesion_id AS INTEGER) IS NULL)
        ORDER BY s.fecha NULLS FIRST, a.archivo, w.linea""", _params(**filtros))


def errores_carga(con):
    """Files of the actas folder that the last build could not load, with the reason."""
    return _df(con, "SELECT archivo, error, intentada_en FROM errores_carga ORDER BY archivo")


def conteos_discrepantes(con, **filtros):
    """Votes whose declared counts (a_favor, en_contra, abstenciones) differ from the ballots the
    acta records for them (only votes with ballots: a show of hands has none to compare)."""
    return _df(con, "WITH " + _VOTACIONES + """
        SELECT * FROM v
        WHERE boletas > 0 AND (a_favor <> boletas_a_favor OR en_contra <> boletas_en_contra
                               OR abstenciones <> boletas_abstenciones)
        ORDER BY fecha, linea""", _params(**filtros))


def unanimidad_contradicha(con, **filtros):
    """Votes the acta calls unanimous although a ballot or a declared count is against or abstains."""
    return _df(con, "WITH " + _VOTACIONES + """
        SELECT * FROM v
        WHERE unanimidad AND (en_contra > 0 OR abstenciones > 0
                              OR boletas_en_contra > 0 OR boletas_abstenciones > 0)
        ORDER BY fecha, linea""", _params(**filtros))


def quorum_insuficiente(con, **filtros):
    """Sessions that declare quorum while fewer than half plus one of the voting members the acta
    lists were present from the start (late arrivals do not make the opening quorum)."""
    return _df(con, "WITH " + _SESIONES_FILTRADAS + """,
        m AS (SELECT sesion_id, count(*) AS integrantes_con_voto,
                     count(*) FILTER (WHERE presente AND llegada_punto IS NULL) AS presentes_al_inicio,
                     min(linea) AS linea
              FROM asistencias WHERE con_voto GROUP BY sesion_id)
        SELECT s.sesion_id, s.acta_id, s.clave, s.fecha, s.tipo, s.numero,
               coalesce(m.integrantes_con_voto, 0) AS integrantes_con_voto,
               coalesce(m.presentes_al_inicio, 0) AS presentes_al_inicio,
               coalesce(m.integrantes_con_voto, 0) // 2 + 1 AS necesarios,
               coalesce(m.linea, 1) AS linea
        FROM s LEFT JOIN m USING (sesion_id)
        WHERE s.quorum AND coalesce(m.presentes_al_inicio, 0) < coalesce(m.integrantes_con_voto, 0) // 2 + 1
        ORDER BY s.fecha""", _params(**filtros))


def numeros_contradictorios(con, **filtros):
    """Session numbers that contradict themselves: the parser's avisos about a session's number
    («El acta dice “sesión ordinaria número uno” y su título, número 2»), and two actas of one
    process claiming the same kind and number of session."""
    return _df(con, "WITH " + _SESIONES_FILTRADAS + """,
        dup AS (        -- one committee's process: two institutes may name theirs alike
            SELECT instituto, organo, proceso, tipo, numero, count(*) AS n
            FROM sesiones WHERE numero IS NOT NULL GROUP BY ALL HAVING count(*) > 1)
        SELECT 'aviso del acta' AS origen, w.mensaje AS detalle, s.sesion_id, s.acta_id, s.fecha,
               s.tipo, s.numero, w.linea
        FROM avisos w JOIN s USING (sesion_id)
        WHERE regexp_matches(strip_accents(lower(w.mensaje)), 'numero|sesion .* (uno|dos|tres|[0-9])')
        UNION ALL
        SELECT 'número repetido' AS origen,
               'Hay ' || dup.n || ' actas de sesión ' || s.tipo || ' número ' || s.numero
               || ' en el ' || s.proceso AS detalle,
               s.sesion_id, s.acta_id, s.fecha, s.tipo, s.numero, 1 AS linea
        FROM s JOIN dup ON dup.proceso = s.proceso AND dup.tipo = s.tipo AND dup.numero = s.numero
            AND dup.instituto IS NOT DISTINCT FROM s.instituto
            AND dup.organo IS NOT DISTINCT FROM s.organo
        ORDER BY fecha, linea""", _params(**filtros))


# Informe parcial de actividades
# The committee's report for a period (tablero/informe.py). `desde` and `hasta` are dates; `hasta`
# is the cut-off: a correction's status is what the actas up to that day say. Every query orders
# fully, because the same database and period must give a byte-identical document.

_INFORME_PERIODO = ("SELECT sesion_id FROM sesiones WHERE fecha BETWEEN $desde AND $hasta "
                    "AND ($comite IS NULL OR comite = $comite)")


def informe_comites(con, desde, hasta):
    """The committees that held sessions in the period, with how many: a report is one
    committee's, so the informe asks which when there are several."""
    return _df(con, """
        SELECT k.comite, k.nombre, count(*) AS sesiones
        FROM sesiones s JOIN comites k USING (comite)
        WHERE s.fecha BETWEEN $desde AND $hasta
        GROUP BY k.comite, k.nombre ORDER BY k.nombre, k.comite""", {"desde": desde, "hasta": hasta})


def informe_sesiones(con, desde, hasta, comite=None):
    """The sessions held in the period, in order, with the acta each comes from."""
    return _df(con, """
        SELECT s.sesion_id, s.organo, s.instituto, s.proceso, s.tipo, s.numero, s.fecha,
               s.hora_inicio, s.hora_fin, s.duracion_min, s.modalidad, s.lugar, s.quorum,
               a.archivo, a.sha256
        FROM sesiones s JOIN actas a USING (acta_id)
        WHERE s.fecha BETWEEN $desde AND $hasta AND ($comite IS NULL OR s.comite = $comite)
        ORDER BY s.fecha, s.hora_inicio NULLS LAST, s.numero NULLS FIRST, s.sesion_id
    """, {"desde": desde, "hasta": hasta, "comite": comite})


def informe_asistencias(con, desde, hasta, comite=None):
    """Everyone the period's actas name, one row per person and session, with the person's one
    name across actas (personas.nombre)."""
    return _df(con, f"""
        SELECT a.sesion_id, a.persona_id, p.nombre, a.grado, a.cargo, a.rol, a.con_voto,
               a.partido, a.calidad, a.presente, a.llegada_punto, a.retiro_punto
        FROM asistencias a JOIN personas p USING (persona_id)
        WHERE a.sesion_id IN ({_INFORME_PERIODO})
        ORDER BY a.sesion_id, a.linea NULLS LAST, p.nombre
    """, {"desde": desde, "hasta": hasta, "comite": comite})


def informe_representaciones(con, desde, hasta, comite=None):
    """Each party accredited before the committee (or present) in each session of the period,
    with its representatives there; no representative row means the party was absent."""
    return _df(con, """
        WITH periodo AS (
            SELECT sesion_id, instituto, proceso FROM sesiones
            WHERE fecha BETWEEN $desde AND $hasta AND ($comite IS NULL OR comite = $comite)),
        reps AS (
            SELECT a.* FROM asistencias a JOIN periodo USING (sesion_id)
            WHERE a.rol = 'representante' AND a.partido IS NOT NULL),
        partidos_sesion AS (
            SELECT sesion_id, partido, bool_or(acreditado) AS acreditado FROM (
                SELECT p.sesion_id, c.partido, true AS acreditado
                FROM periodo p JOIN acreditaciones c
                  ON c.instituto = p.instituto AND c.proceso = p.proceso
                UNION ALL
                SELECT sesion_id, partido, false FROM reps)
            GROUP BY sesion_id, partido)
        SELECT ps.sesion_id, ps.partido, pa.nombre AS partido_nombre, pa.color, ps.acreditado,
               r.persona_id, pe.nombre, r.calidad, r.presente, r.llegada_punto, r.retiro_punto
        FROM partidos_sesion ps
        LEFT JOIN partidos pa USING (partido)
        LEFT JOIN reps r ON r.sesion_id = ps.sesion_id AND r.partido = ps.partido
        LEFT JOIN personas pe ON pe.persona_id = r.persona_id
        ORDER BY ps.sesion_id, ps.partido, r.calidad NULLS LAST, pe.nombre NULLS LAST
    """, {"desde": desde, "hasta": hasta, "comite": comite})


def informe_votaciones(con, desde, hasta, comite=None):
    """The votes of the period, with the agenda item's title for votes whose subject the acta
    does not state."""
    return _df(con, f"""
        SELECT v.votacion_id, v.sesion_id, v.punto, v.asunto, o.titulo AS punto_titulo, v.forma,
               v.resultado, v.unanimidad, v.a_favor, v.en_contra, v.abstenciones
        FROM votaciones v JOIN sesiones s USING (sesion_id)
        LEFT JOIN orden_del_dia o ON o.sesion_id = v.sesion_id AND o.numero = v.punto
        WHERE v.sesion_id IN ({_INFORME_PERIODO})
        ORDER BY s.fecha, s.hora_inicio NULLS LAST, v.sesion_id, v.linea NULLS LAST, v.votacion_id
    """, {"desde": desde, "hasta": hasta, "comite": comite})


def informe_votos(con, desde, hasta, comite=None):
    """The ballots of the period's non-unanimous votes."""
    return _df(con, f"""
        SELECT vo.votacion_id, p.nombre, vo.sentido
        FROM votos vo JOIN votaciones v USING (votacion_id) JOIN personas p USING (persona_id)
        WHERE NOT v.unanimidad AND v.sesion_id IN ({_INFORME_PERIODO})
        ORDER BY vo.votacion_id, p.nombre
    """, {"desde": desde, "hasta": hasta, "comite": comite})


def informe_documentos(con, desde, hasta, comite=None):
    """What happened to each document in the period's sessions."""
    return _df(con, """
        SELECT d.documento_id, d.tipo, d.clave, d.titulo, e.sesion_id, e.punto, e.estado
        FROM documento_eventos e JOIN documentos d USING (documento_id)
        JOIN sesiones s USING (sesion_id)
        WHERE s.fecha BETWEEN $desde AND $hasta AND ($comite IS NULL OR s.comite = $comite)
        ORDER BY s.fecha, s.hora_inicio NULLS LAST, e.sesion_id, e.punto NULLS LAST,
                 e.linea NULLS LAST, d.documento_id
    """, {"desde": desde, "hasta": hasta, "comite": comite})


def informe_documentos_en_tramite(con, hasta, comite=None):
    """Documents whose last state up to the cut-off is `presentado`: before the committee, not
    yet approved, rejected or withdrawn (nor received for good: «se tiene por presentado»)."""
    return _df(con, """
        WITH eventos AS (
            SELECT e.documento_id, e.estado, e.concluye, e.sesion_id, s.fecha,
                   row_number() OVER (PARTITION BY e.documento_id
                                      ORDER BY s.fecha DESC, s.hora_inicio DESC NULLS LAST,
                                               e.sesion_id DESC, e.linea DESC NULLS LAST)
                       AS reciente
            FROM documento_eventos e JOIN sesiones s USING (sesion_id)
            WHERE s.fecha <= $hasta AND ($comite IS NULL OR s.comite = $comite))
        SELECT d.documento_id, d.tipo, d.clave, d.titulo, e.sesion_id, e.fecha
        FROM eventos e JOIN documentos d USING (documento_id)
        WHERE e.reciente = 1 AND e.estado = 'presentado' AND NOT e.concluye
        ORDER BY e.fecha, d.tipo, d.clave NULLS LAST, d.titulo NULLS LAST, d.documento_id
    """, {"hasta": hasta, "comite": comite})


def informe_sesiones_al_corte(con, hasta, comite=None):
    """Every session up to the cut-off, with its acta: the sources of the report (earlier
    sessions count too, for the status of corrections and documents)."""
    return _df(con, """
        SELECT s.sesion_id, s.tipo, s.numero, s.fecha, s.hora_inicio, a.archivo, a.sha256
        FROM sesiones s JOIN actas a USING (acta_id)
        WHERE s.fecha <= $hasta AND ($comite IS NULL OR s.comite = $comite)
        ORDER BY s.fecha, s.hora_inicio NULLS LAST, s.numero NULLS FIRST, s.sesion_id
    """, {"hasta": hasta, "comite": comite})


def informe_avisos(con, desde, hasta, comite=None):
    """What the parser could not read with confidence in the period's actas."""
    return _df(con, """
        SELECT a.archivo, av.linea, av.mensaje
        FROM avisos av JOIN actas a USING (acta_id) JOIN sesiones s ON s.acta_id = av.acta_id
        WHERE s.fecha BETWEEN $desde AND $hasta AND ($comite IS NULL OR s.comite = $comite)
        ORDER BY s.fecha, a.archivo, av.linea NULLS LAST, av.mensaje
    """, {"desde": desde, "hasta": hasta, "comite": comite})


# ───────────────────────────── Seguimiento ─────────────────────────────
# Corrections and documents followed across sessions (tablero/seguimiento.py merges these with
# what staff entered). Every correction row carries what its stable key is made of: the acta's
# sha256, the line, and `orden`, its place among the rows of that acta stated on the same line
# (the parser emits them in reading order, so a rebuild gives the same order).

def seguimiento_correcciones(con):
    """Every correction asked, with the acta it comes from and the session's date."""
    return _df(con, """
        SELECT c.correccion_id, c.sesion_id, s.comite, k.hasta AS al_dia, s.acta_id, a.archivo,
               a.sha256, s.fecha, s.tipo,
               s.numero, c.punto, coalesce(d.clave, c.documento, d.titulo) AS documento,
               c.documento_id,
               coalesce(p.nombre, c.solicitante) AS solicitante, c.persona_id, c.descripcion,
               c.aprobada, c.linea, """ + _ORIGEN.format(t="c") + """,
               row_number() OVER (PARTITION BY s.acta_id, c.linea ORDER BY c.correccion_id)
                   AS orden
        FROM correcciones c JOIN sesiones s USING (sesion_id) JOIN actas a USING (acta_id)
        LEFT JOIN comites k ON k.comite = s.comite
        LEFT JOIN documentos d USING (documento_id)
        LEFT JOIN personas p USING (persona_id)
        ORDER BY s.fecha, s.hora_inicio NULLS LAST, c.sesion_id, c.linea NULLS LAST,
                 c.correccion_id""")


def seguimiento_atendidas(con):
    """Every correction a session reports as attended, with the request load.py linked it to
    (correccion_id, vinculo) and the acta that says so."""
    return _df(con, """
        SELECT ca.atendida_id, ca.sesion_id, s.comite, s.acta_id, a.archivo, a.sha256, s.fecha,
               s.tipo,
               s.numero, ca.punto, coalesce(d.clave, ca.documento) AS documento, ca.documento_id,
               ca.solicitante, ca.descripcion, ca.correccion_id, ca.vinculo, ca.linea,
               row_number() OVER (PARTITION BY s.acta_id, ca.linea ORDER BY ca.atendida_id)
                   AS orden
        FROM correcciones_atendidas ca JOIN sesiones s USING (sesion_id)
        JOIN actas a USING (acta_id)
        LEFT JOIN documentos d USING (documento_id)
        ORDER BY s.fecha, ca.linea, ca.atendida_id""")


def seguimiento_candidatos(con):
    """For each attended row load.py could not link to one request, the requests it may answer:
    approved in an earlier session of the same committee and, for vinculo 'ambiguo', of the same document (same
    documentos row, or the same title when either has none); for 'ninguno', any of them (the acta
    may name the document otherwise), for staff to link by hand."""
    return _df(con, """
        SELECT ca.atendida_id, c.correccion_id
        FROM correcciones_atendidas ca JOIN sesiones sa ON sa.sesion_id = ca.sesion_id
        JOIN correcciones c ON coalesce(c.aprobada, true)
        JOIN sesiones sc ON sc.sesion_id = c.sesion_id
        WHERE ca.vinculo IN ('ambiguo', 'ninguno')
          AND sc.comite IS NOT DISTINCT FROM sa.comite
          AND (sc.fecha < sa.fecha OR (sc.fecha = sa.fecha AND sc.sesion_id < sa.sesion_id))
          AND (ca.vinculo = 'ninguno' OR c.documento_id = ca.documento_id
               OR ((c.documento_id IS NULL OR ca.documento_id IS NULL)
                   AND strip_accents(lower(c.documento)) = strip_accents(lower(ca.documento))))
        ORDER BY ca.atendida_id, sc.fecha, c.linea""")


def seguimiento_documentos(con):
    """Each document once across actas, with its sessions, latest state and corrections asked."""
    return _df(con, """
        WITH ev AS (
            SELECT e.documento_id, s.comite, s.fecha, e.estado, e.concluye, e.linea, s.acta_id
            FROM documento_eventos e JOIN sesiones s USING (sesion_id)
        ),
        pedidas AS (
            SELECT documento_id, count(*) AS correcciones
            FROM correcciones WHERE documento_id IS NOT NULL GROUP BY documento_id
        )
        SELECT d.documento_id, min(ev.comite) AS comite, d.tipo, d.clave,
               coalesce(d.clave, d.titulo) AS documento,
               d.titulo, count(DISTINCT ev.fecha) AS sesiones, min(ev.fecha) AS primera_fecha,
               max(ev.fecha) AS ultima_fecha,
               arg_max(ev.estado, (ev.fecha, ev.linea)) AS estado_actual,
               arg_max(ev.concluye, (ev.fecha, ev.linea)) AS concluye,
               coalesce(any_value(p.correcciones), 0) AS correcciones
        FROM documentos d JOIN ev USING (documento_id)
        LEFT JOIN pedidas p USING (documento_id)
        GROUP BY d.documento_id, d.tipo, d.clave, d.titulo
        ORDER BY min(ev.fecha), d.documento_id""")


def seguimiento_linea_tiempo(con):
    """A document's timeline: its states in each session, the corrections asked of it and those
    reported attended; one row per event, with the acta and line that state it."""
    return _df(con, """
        SELECT e.documento_id, s.fecha, s.acta_id, e.linea, e.estado AS evento,
               NULL AS detalle
        FROM documento_eventos e JOIN sesiones s USING (sesion_id)
        UNION ALL
        SELECT c.documento_id, s.fecha, s.acta_id, c.linea, 'corrección pedida',
               coalesce(c.solicitante, '') || ': ' || coalesce(c.descripcion, '')
        FROM correcciones c JOIN sesiones s USING (sesion_id) WHERE c.documento_id IS NOT NULL
        UNION ALL
        SELECT ca.documento_id, s.fecha, s.acta_id, ca.linea, 'corrección atendida',
               coalesce(ca.solicitante, '') || ': ' || coalesce(ca.descripcion, '')
        FROM correcciones_atendidas ca JOIN sesiones s USING (sesion_id)
        WHERE ca.documento_id IS NOT NULL
        ORDER BY documento_id, fecha, linea""")


# ───────────────────────────── Búsqueda ─────────────────────────────
# Full text over every acta's lines (etl/busqueda.py builds the index, tablero/busqueda.py asks
# it); here the hits meet their sessions, agenda items and speakers.

def _tiene_columna(con, tabla, columna):
    return bool(con.execute("SELECT count(*) FROM information_schema.columns "
                            "WHERE table_name = $t AND column_name = $c",
                            {"t": tabla, "c": columna}).fetchone()[0])


def actas_de_comite(con, comite):
    """The actas of one committee: by its key (sesiones.comite) where the database has one;
    else, or when no key is that, any session whose organo, instituto or proceso contains the
    text, accents and case aside («Colima», «Comité Técnico Asesor … | Instituto …»)."""
    if _tiene_columna(con, "sesiones", "comite"):
        ids = [fila[0] for fila in con.execute(
            "SELECT acta_id FROM sesiones WHERE comite = $comite", {"comite": comite}).fetchall()]
        if ids:
            return ids
    return [fila[0] for fila in con.execute("""
        SELECT acta_id FROM sesiones
        WHERE strip_accents(lower(concat_ws(' | ', organo, instituto, proceso)))
              LIKE '%' || strip_accents(lower($comite)) || '%'""", {"comite": comite}).fetchall()]


def buscar(con, texto, comite=None, persona_id=None, limite=100, **filtros):
    """The acta lines that match `texto` (words in any order, «"frases exactas"» across line
    breaks and page headers; accents and case aside), best first, at most `limite`: the session,
    the agenda item under way and its title, the speaker whose turn it is, and a snippet with
    the matched words between tablero.busqueda.MARCA_INICIO and MARCA_FIN. Filters: the sidebar's
    (proceso, desde, hasta, tipo, sesion_id), a committee and a speaker (persona_id)."""
    from tablero import busqueda

    columnas = ["acta_id", "sesion_id", "archivo", "clave", "fecha", "tipo", "numero", "linea",
                "punto", "titulo_punto", "orador", "persona_id", "fragmento", "rango", "parcial"]
    if busqueda.consulta_fts(texto) is None:
        return pd.DataFrame(columns=columnas)
    ruta = busqueda.ruta_indice(con)
    acta_ids = None
    if any(v is not None for v in filtros.values()):
        acta_ids = set(_df(con, "WITH " + _SESIONES_FILTRADAS + " SELECT acta_id FROM s",
                           _params(**filtros))["acta_id"].tolist())
    if comite is not None:
        de_comite = set(actas_de_comite(con, comite))
        acta_ids = de_comite if acta_ids is None else acta_ids & de_comite
    encontradas, parcial = busqueda.buscar_lineas(ruta, texto, acta_ids, persona_id, limite)
    hits = pd.DataFrame(encontradas, columns=["acta_id", "linea", "punto", "orador",
                                              "persona_id", "fragmento", "rango"])
    if hits.empty:
        return pd.DataFrame(columns=columnas)
    # One query for the sessions, agenda items and speakers' names of the hits, in rank order
    # (pandas merges cost ten times more than the search itself).
    donde = con.execute("""
        WITH h AS (SELECT unnest($acta) AS acta_id, unnest($punto) AS punto,
                          unnest($persona) AS persona_id, unnest($orden) AS orden)
        SELECT s.sesion_id, a.archivo, regexp_replace(a.archivo, '\\.[^.]+$', '') AS clave,
               s.fecha, s.tipo, s.numero, o.titulo AS titulo_punto, p.nombre AS orador_nombre
        FROM h JOIN sesiones s USING (acta_id) JOIN actas a USING (acta_id)
        LEFT JOIN orden_del_dia o ON o.sesion_id = s.sesion_id AND o.numero = h.punto
        LEFT JOIN personas p ON p.persona_id = h.persona_id
        ORDER BY h.orden""", {
        "acta": [int(x) for x in hits["acta_id"]],
        "punto": [None if pd.isna(x) else int(x) for x in hits["punto"]],
        "persona": [None if pd.isna(x) else int(x) for x in hits["persona_id"]],
        "orden": list(range(len(hits)))}).df()
    for columna in ("sesion_id", "archivo", "clave", "fecha", "tipo", "numero", "titulo_punto"):
        hits[columna] = donde[columna].to_numpy()
    hits["orador"] = donde["orador_nombre"].where(donde["orador_nombre"].notna(),
                                                  hits["orador"]).to_numpy()
    hits["parcial"] = parcial
    return hits[columnas]


def comites_busqueda(con):
    """The committees of the database as the search's committee filter names them: «órgano |
    instituto» (tablero.queries.actas_de_comite matches it), with how many sessions."""
    return _df(con, """
        SELECT concat_ws(' | ', organo, instituto) AS comite, count(*) AS sesiones
        FROM sesiones WHERE organo IS NOT NULL OR instituto IS NOT NULL
        GROUP BY ALL ORDER BY comite""")


def oradores(con):
    """The people a speaker label names in some acta (the search's speaker filter): persona_id,
    nombre, actas (in how many), lineas (lines of their turns)."""
    from tablero import busqueda

    turnos = busqueda.turnos(busqueda.ruta_indice(con))
    turnos = turnos[turnos["persona_id"].notna()]
    if turnos.empty:
        return pd.DataFrame({"persona_id": pd.Series(dtype="int64"),
                             "nombre": pd.Series(dtype=object),
                             "actas": pd.Series(dtype="int64"), "lineas": pd.Series(dtype="int64")})
    por_persona = (turnos.groupby("persona_id")
                   .agg(actas=("acta_id", "nunique"), lineas=("lineas", "sum")).reset_index())
    por_persona["persona_id"] = por_persona["persona_id"].astype("int64")
    nombres = _df(con, "SELECT persona_id, nombre FROM personas")
    return (por_persona.merge(nombres, on="persona_id")
            [["persona_id", "nombre", "actas", "lineas"]].sort_values("nombre")
            .reset_index(drop=True))


# ───────────────────────────── Personas y partidos ─────────────────────────────
# A page for each person and each party (paginas/persona.py, paginas/partido.py), reached from
# any name or party of the tablero by ?persona=ID / ?partido=SIGLAS.

def persona(con, persona_id):
    """One person: persona_id, nombre (the fullest spelling), clave."""
    return _df(con, "SELECT persona_id, nombre, clave FROM personas WHERE persona_id = $p",
               {"p": int(persona_id)})


def personas(con):
    """Everyone the actas name, with how many sessions they attended and their roles and
    parties (the people page's selector)."""
    return _df(con, """
        SELECT p.persona_id, p.nombre,
               count(DISTINCT a.sesion_id) FILTER (WHERE a.presente) AS sesiones,
               string_agg(DISTINCT a.rol, ', ') AS rol,
               string_agg(DISTINCT a.partido, ', ') AS partido
        FROM personas p LEFT JOIN asistencias a USING (persona_id)
        GROUP BY p.persona_id, p.nombre ORDER BY p.nombre""")


def persona_sesiones(con, persona_id, **filtros):
    """Every session the person is listed in: role, charge, party, propietario/suplente, present
    or absent, the item during which they arrived or left; with the acta line."""
    return _df(con, "WITH " + _SESIONES_FILTRADAS + """
        SELECT s.sesion_id, s.acta_id, s.clave, s.fecha, s.tipo, s.numero, s.organo, s.instituto,
               a.nombre AS grafia, a.grado, a.cargo, a.rol, a.con_voto, a.partido, a.calidad,
               a.presente, a.llegada_punto, a.retiro_punto, a.linea, """ + _ORIGEN.format(t="a") + """
        FROM asistencias a JOIN s USING (sesion_id)
        WHERE a.persona_id = $persona_id
        ORDER BY s.fecha, s.sesion_id""", _params(persona_id=int(persona_id), **filtros))


def persona_votos(con, persona_id, **filtros):
    """Every ballot the person cast, with the vote's majority sense (none when the two most
    frequent senses tie) and whether the ballot went with it."""
    return _df(con, "WITH " + _VOTACIONES + """,
        conteo AS (SELECT votacion_id, sentido, count(*) AS n FROM votos
                   WHERE votacion_id IN (SELECT votacion_id FROM votos
                                         WHERE persona_id = $persona_id)
                   GROUP BY ALL),
        rango AS (SELECT *, max(n) OVER (PARTITION BY votacion_id) AS n_max,
                         count(*) OVER (PARTITION BY votacion_id, n) AS empates FROM conteo),
        mayoria AS (SELECT votacion_id, sentido FROM rango WHERE n = n_max AND empates = 1)
        SELECT v.votacion_id, v.sesion_id, v.acta_id, v.clave, v.fecha, v.tipo, v.numero,
               v.punto, coalesce(v.asunto, v.titulo_punto) AS asunto, v.resultado, v.unanimidad,
               b.nombre AS grafia, b.sentido, m.sentido AS sentido_mayoria,
               CASE WHEN m.sentido IS NULL THEN NULL ELSE b.sentido = m.sentido END
                   AS con_mayoria,
               v.linea, """ + _ORIGEN.format(t="b") + """
        FROM votos b JOIN v USING (votacion_id) LEFT JOIN mayoria m USING (votacion_id)
        WHERE b.persona_id = $persona_id
        ORDER BY v.fecha, v.linea""", _params(persona_id=int(persona_id), **filtros))


def persona_correcciones(con, persona_id, **filtros):
    """Every correction the person asked for, and those a session reports attended."""
    return _df(con, "WITH " + _SESIONES_FILTRADAS + """
        SELECT 'pedida' AS que, c.correccion_id AS id, c.sesion_id, s.acta_id, s.clave, s.fecha,
               s.tipo, s.numero, c.punto, coalesce(d.clave, c.documento) AS documento,
               c.solicitante AS grafia, c.descripcion, c.aprobada, c.linea,
               """ + _ORIGEN.format(t="c") + """
        FROM correcciones c JOIN s USING (sesion_id) LEFT JOIN documentos d USING (documento_id)
        WHERE c.persona_id = $persona_id
        UNION ALL
        SELECT 'reportada atendida', ca.atendida_id, ca.sesion_id, s.acta_id, s.clave, s.fecha,
               s.tipo, s.numero, ca.punto, coalesce(d.clave, ca.documento), ca.solicitante,
               ca.descripcion, NULL, ca.linea, """ + _ORIGEN.format(t="ca") + """
        FROM correcciones_atendidas ca JOIN s USING (sesion_id)
        LEFT JOIN documentos d USING (documento_id)
        WHERE ca.persona_id = $persona_id
        ORDER BY fecha, linea""", _params(persona_id=int(persona_id), **filtros))


def persona_grafias(con, persona_id):
    """The spellings the actas use of the person's name: where (attendance list, ballots,
    corrections), how often, and the first acta line that writes it so."""
    return _df(con, """
        WITH usos AS (
            SELECT a.nombre AS grafia, 'lista de asistencia' AS donde, s.acta_id, s.fecha,
                   a.linea
            FROM asistencias a JOIN sesiones s USING (sesion_id) WHERE a.persona_id = $p
            UNION ALL
            SELECT b.nombre, 'votación', s.acta_id, s.fecha, v.linea
            FROM votos b JOIN votaciones v USING (votacion_id) JOIN sesiones s
              ON s.sesion_id = b.sesion_id WHERE b.persona_id = $p
            UNION ALL
            SELECT c.solicitante, 'corrección', s.acta_id, s.fecha, c.linea
            FROM correcciones c JOIN sesiones s USING (sesion_id) WHERE c.persona_id = $p
            UNION ALL
            SELECT c.solicitante, 'corrección atendida', s.acta_id, s.fecha, c.linea
            FROM correcciones_atendidas c JOIN sesiones s USING (sesion_id)
            WHERE c.persona_id = $p)
        SELECT grafia, string_agg(DISTINCT donde, ', ' ORDER BY donde) AS donde,
               count(*) AS veces, count(DISTINCT acta_id) AS actas,
               arg_min(acta_id, (fecha, linea)) AS acta_id, arg_min(linea, (fecha, linea)) AS linea
        FROM usos WHERE grafia IS NOT NULL
        GROUP BY grafia ORDER BY count(*) DESC, grafia""", {"p": int(persona_id)})


def partido(con, partido):
    """One party of the catalog (or named by an acta): partido, nombre, color, ambito."""
    return _df(con, "SELECT partido, nombre, color, ambito, en_catalogo FROM partidos "
                    "WHERE partido = $partido", {"partido": partido})


def partido_representantes(con, partido, **filtros):
    """The party's representatives, session by session: who, propietario or suplente, present,
    arrival and departure items, with the acta line."""
    return _df(con, "WITH " + _SESIONES_FILTRADAS + """
        SELECT s.sesion_id, s.acta_id, s.clave, s.fecha, s.tipo, s.numero, a.persona_id,
               coalesce(p.nombre, a.nombre) AS nombre, a.calidad, a.presente, a.llegada_punto,
               a.retiro_punto, a.linea, """ + _ORIGEN.format(t="a") + """
        FROM asistencias a JOIN s USING (sesion_id) LEFT JOIN personas p USING (persona_id)
        WHERE a.partido = $partido
        ORDER BY s.fecha, s.sesion_id, a.calidad NULLS LAST, nombre""",
               _params(partido=partido, **filtros))


# ───────────────────────────── Revisión del personal ─────────────────────────────

def actas_revision(con):
    """Every loaded acta with its session and its review status (etl/revision.py), the newest
    session first: the choice of «Revisar acta»."""
    return _df(con, """
        SELECT a.acta_id, a.archivo, a.sha256, s.sesion_id, s.tipo, s.numero, s.fecha,
               a.revision_estado, a.revisada_por, a.revisada_en,
               (SELECT count(*) FROM avisos w WHERE w.acta_id = a.acta_id) AS avisos
        FROM actas a JOIN sesiones s USING (acta_id)
        ORDER BY s.fecha DESC NULLS LAST, a.archivo""")


def revision_sesiones(con, **filtros):
    """The selected sessions with their review status, oldest first: how many of the sessions a
    page or the informe counts were reviewed by staff, and by whom and when."""
    return _df(con, "WITH " + _SESIONES_FILTRADAS + """
        SELECT s.sesion_id, s.acta_id, a.archivo, s.tipo, s.numero, s.fecha,
               a.revision_estado, a.revisada_por, a.revisada_en,
               a.revision_estado = 'revisada' AS revisada
        FROM s JOIN actas a USING (acta_id)
        ORDER BY s.fecha NULLS LAST, s.tipo, s.numero""", _params(**filtros))
