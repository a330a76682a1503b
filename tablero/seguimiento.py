"""Seguimiento: every correction's status as of any date, and each document's path across actas,
from the database (what the actas say) merged with the staff store (what staff entered).

A correction is pending from the session that approved it until it is attended:

- by a later acta: a `correcciones_atendidas` row that etl/load.py linked to it (vinculo
  `documento+solicitante` or `documento`), unless staff rejected that link; or one staff confirmed
  (for rows load.py left `ambiguo` or `ninguno`). The evidence is the attending acta and line;
- by staff: a mark with the date, a note and who made it.

A row load.py found `ambiguo` is never taken silently: its candidates stay pending, flagged
`por_confirmar`, until staff confirm one of them or reject them.

Staff entries name corrections by `clave_correccion` (the acta's sha256, the line, the order on
that line), which a full rebuild from the same actas reproduces. No Streamlit here.
"""
import datetime as dt
import json

import pandas as pd

from etl.errors import TableroError
from tablero import queries

PENDIENTE, ATENDIDA, NO_APROBADA = "pendiente", "atendida", "no aprobada"
VINCULOS_DEL_ACTA = ("documento+solicitante", "documento", "documento+contenido", "contenido")


class SeguimientoError(TableroError):
    """Staff input that cannot be saved (unknown correction, date out of range, no note)."""


# ───────────────────────────── Keys ─────────────────────────────

def clave(sha256, linea, orden):
    """'<first 16 hex of the acta's sha256>:<line>:<order on that line>': the same correction
    after any rebuild from the same acta file."""
    linea = "-" if linea is None or pd.isna(linea) else int(linea)
    return f"{sha256[:16]}:{linea}:{int(orden)}"


def _fechas(df, *columnas):
    for columna in columnas:
        df[columna] = [None if pd.isna(v) else pd.Timestamp(v).date() for v in df[columna]]
    return df


def correcciones(con):
    """queries.seguimiento_correcciones with `clave`."""
    df = _fechas(queries.seguimiento_correcciones(con), "fecha", "al_dia")
    df["clave"] = [clave(s, l, o) for s, l, o in zip(df["sha256"], df["linea"], df["orden"])]
    return df


def atendidas(con, pedidas=None):
    """queries.seguimiento_atendidas with `clave` and `clave_correccion` (the linked request)."""
    pedidas = correcciones(con) if pedidas is None else pedidas
    df = _fechas(queries.seguimiento_atendidas(con), "fecha")
    df["clave"] = [clave(s, l, o) for s, l, o in zip(df["sha256"], df["linea"], df["orden"])]
    por_id = dict(zip(pedidas["correccion_id"], pedidas["clave"]))
    df["clave_correccion"] = [None if pd.isna(i) else por_id.get(int(i))
                              for i in df["correccion_id"]]
    return df


# ───────────────────────────── Links: the acta's and staff's ─────────────────────────────

def vinculos(con, almacen, pedidas=None, reportadas=None):
    """Every pair (attended row → request) worth showing, with its state:
    `del acta` (load.py linked them), `por confirmar` (one of several candidates),
    `sin vincular` (load.py found none; a possible request), `confirmado`/`rechazado` (staff)."""
    pedidas = correcciones(con) if pedidas is None else pedidas
    reportadas = atendidas(con, pedidas) if reportadas is None else reportadas
    candidatos = queries.seguimiento_candidatos(con)
    por_id = dict(zip(pedidas["correccion_id"], pedidas["clave"]))
    pares = [(a.clave, a.clave_correccion, "del acta") for a in reportadas.itertuples()
             if a.clave_correccion]
    estado_ninguno = {"ambiguo": "por confirmar", "ninguno": "sin vincular"}
    vinculo_de = dict(zip(reportadas["atendida_id"], zip(reportadas["clave"],
                                                          reportadas["vinculo"])))
    pares += [(vinculo_de[c.atendida_id][0], por_id[c.correccion_id],
               estado_ninguno[vinculo_de[c.atendida_id][1]]) for c in candidatos.itertuples()]
    df = pd.DataFrame(pares, columns=["atendida", "correccion", "estado"])
    decisiones = almacen.vinculos()
    if not decisiones.empty:
        df = df.merge(decisiones[["atendida", "correccion", "decision", "nota", "nombre",
                                  "usuario", "decidido_en"]], how="outer",
                      on=["atendida", "correccion"])
        df["estado"] = df["decision"].where(df["decision"].notna(), df["estado"])
    else:
        df = df.assign(decision=None, nota=None, nombre=None, usuario=None, decidido_en=None)
    # Rows of decisions whose keys the actas no longer have are dropped here (see huerfanas).
    df = df[df["atendida"].isin(reportadas["clave"]) & df["correccion"].isin(pedidas["clave"])]
    a = reportadas.set_index("clave")
    c = pedidas.set_index("clave")
    df = df.assign(
        vinculo=a.loc[df["atendida"], "vinculo"].to_numpy(),
        reportada_el=a.loc[df["atendida"], "fecha"].to_numpy(),
        reportada_archivo=a.loc[df["atendida"], "archivo"].to_numpy(),
        reportada_acta_id=a.loc[df["atendida"], "acta_id"].to_numpy(),
        reportada_sesion_id=a.loc[df["atendida"], "sesion_id"].to_numpy(),
        reportada_linea=a.loc[df["atendida"], "linea"].to_numpy(),
        reportada_documento=a.loc[df["atendida"], "documento"].to_numpy(),
        reportada_solicitante=a.loc[df["atendida"], "solicitante"].to_numpy(),
        reportada_descripcion=a.loc[df["atendida"], "descripcion"].to_numpy(),
        pedida_el=c.loc[df["correccion"], "fecha"].to_numpy(),
        documento=c.loc[df["correccion"], "documento"].to_numpy(),
        solicitante=c.loc[df["correccion"], "solicitante"].to_numpy(),
        descripcion=c.loc[df["correccion"], "descripcion"].to_numpy())
    return df.sort_values(["reportada_el", "atendida", "pedida_el"]).reset_index(drop=True)


# ───────────────────────────── Status as of a date ─────────────────────────────

def estado_al(con, almacen, al=None):
    """One row per correction asked up to `al` (default today) with its status on that day:
    estado, atendida_el, atendida_por (`acta` or `personal`), the evidence (attending acta, its
    session, line and vinculo; or the staff mark's date, note and name), por_confirmar and
    dias_pendiente.

    Days pending count to `al` when it is given; without it, to `al_dia`, the date of the last
    session loaded of the correction's committee: a 2021 request of a process that ended in 2021
    is not 2,000 days pending today, it was pending when the committee last met.

    The one status rule: the Resumen, Correcciones, Sesiones and Seguimiento pages and the report
    (as of its cut-off) all ask it here. A staff mark counts from the date staff gave it."""
    hasta_la_ultima = al is None
    al = al or dt.date.today()
    pedidas = correcciones(con)
    reportadas = atendidas(con, pedidas)
    pares = vinculos(con, almacen, pedidas, reportadas)
    pedidas = pedidas[_mascara(pedidas["fecha"], lambda f: f is None or f <= al)].copy()
    vigentes = pares[pares["estado"].isin(["del acta", "confirmado"])
                     & (pares["reportada_el"] <= al)]
    primero = vigentes.sort_values(["reportada_el", "reportada_linea"]).drop_duplicates(
        "correccion").set_index("correccion")
    marcas = almacen.marcas()
    marcas = marcas[_mascara(marcas["atendida_el"], lambda f: dt.date.fromisoformat(f) <= al)]
    marcas = marcas.set_index("clave")
    filas = [_estado(c, primero, marcas, al, c.al_dia if hasta_la_ultima and c.al_dia else al)
             for c in pedidas.itertuples()]
    df = pd.concat([pedidas.reset_index(drop=True), pd.DataFrame(filas, columns=_COLUMNAS)],
                   axis=1)
    dudosas = _por_confirmar(pares, al)
    df["por_confirmar"] = (df["estado"] == PENDIENTE) & df["clave"].isin(dudosas)
    return df


def _mascara(serie, condicion):
    """A boolean mask (a plain list would select columns when the frame is empty)."""
    return pd.Series([bool(condicion(v)) for v in serie], index=serie.index, dtype=bool)


_COLUMNAS = ["estado", "atendida_el", "atendida_por", "evidencia", "vinculo",
             "atendida_archivo", "atendida_acta_id", "atendida_linea", "marcada_por",
             "nota", "dias_pendiente", "atendida_sesion_id"]


def _estado(c, primero, marcas, al, al_dia):
    """The status columns of one correction `c` (a row of correcciones()); a pending one counts
    its days to `al_dia`."""
    acta = primero.loc[c.clave] if c.clave in primero.index else None
    marca = marcas.loc[c.clave] if c.clave in marcas.index else None
    fecha_acta = acta["reportada_el"] if acta is not None else None
    fecha_marca = dt.date.fromisoformat(marca["atendida_el"]) if marca is not None else None
    if c.aprobada is False or (not pd.isna(c.aprobada) and not c.aprobada):
        return [NO_APROBADA, None, None, "", None, None, None, None, None, None, None, None]
    if acta is None and marca is None:
        return [PENDIENTE, None, None, "", None, None, None, None, None, None,
                _dias(c.fecha, al_dia), None]
    usar_acta = acta is not None and (marca is None or fecha_acta <= fecha_marca)
    if usar_acta:
        vinculo = acta["vinculo"] if acta["estado"] == "del acta" else \
            f"confirmado por {acta['nombre'] or acta['usuario']}"
        evidencia = (f"{acta['reportada_archivo']}, línea {_linea(acta['reportada_linea'])} "
                     f"(vínculo: {vinculo})")
        return [ATENDIDA, fecha_acta, "acta", evidencia, vinculo, acta["reportada_archivo"],
                int(acta["reportada_acta_id"]), _linea(acta["reportada_linea"]),
                None, None, _dias(c.fecha, fecha_acta), int(acta["reportada_sesion_id"])]
    quien = marca["nombre"] or marca["usuario"]
    evidencia = f"Marcada por {quien} ({marca['usuario']}): {marca['nota']}"
    return [ATENDIDA, fecha_marca, "personal", evidencia, None, None, None, None, quien,
            marca["nota"], _dias(c.fecha, fecha_marca), None]


def _linea(valor):
    return None if valor is None or pd.isna(valor) else int(valor)


def _dias(desde, hasta):
    return None if desde is None else (hasta - desde).days


def _por_confirmar(pares, al):
    """Requests that are a candidate of an ambiguous attended row reported by `al` that staff
    have not resolved (no candidate of it confirmed)."""
    resueltas = set(pares.loc[pares["estado"] == "confirmado", "atendida"])
    abiertas = pares[(pares["estado"] == "por confirmar") & (pares["reportada_el"] <= al)
                     & ~pares["atendida"].isin(resueltas)]
    return set(abiertas["correccion"])


def _conteos(estado, columna):
    """Per value of `columna`: corrections asked, pending, attended, and the days of the oldest
    pending one (from rows of estado_al)."""
    pendiente = estado["estado"] == PENDIENTE
    dias = pd.to_numeric(estado["dias_pendiente"], errors="coerce").where(pendiente)
    df = estado.assign(_pendiente=pendiente, _atendida=estado["estado"] == ATENDIDA, _dias=dias)
    return df.groupby(columna, dropna=False, sort=False).agg(
        solicitadas=("estado", "size"), pendientes=("_pendiente", "sum"),
        atendidas=("_atendida", "sum"), dias_max_pendiente=("_dias", "max")).reset_index().astype(
        {"dias_max_pendiente": "Int64"})


def por_documento(estado):
    """estado_al's rows counted per document, the most pending first."""
    return _conteos(estado, "documento").sort_values(
        ["pendientes", "documento"], ascending=[False, True], kind="stable").reset_index(drop=True)


def por_solicitante(estado):
    """estado_al's rows counted per requester, the most asked first."""
    return _conteos(estado, "solicitante").drop(columns="dias_max_pendiente").sort_values(
        ["solicitadas", "solicitante"], ascending=[False, True], kind="stable").reset_index(
        drop=True)


REGISTROS = ["tipo", "clave", "sesion_id", "documento", "descripcion", "linea", "fecha",
             "archivo", "archivo_linea", "nombre", "usuario", "registrado_en", "nota"]


def registros_al(con, almacen, estado, al):
    """The staff entries the status in `estado` (estado_al(con, almacen, al)) rests on, for a
    report to list: the marks that attend a correction on `al` (tipo `marca`, fecha = the date
    staff gave), and the decisions on links from actas held by `al` to corrections asked by then
    (tipo `vínculo confirmado` / `vínculo rechazado`, fecha = the acta's). Ordered by when they
    were recorded (UTC), so the same store gives the same rows."""
    pedidas = estado.set_index("clave")
    marcas = almacen.marcas().set_index("clave")
    filas = [("marca", c.clave, c.sesion_id, c.documento, c.descripcion, c.linea, c.atendida_el,
              None, None, marcas.loc[c.clave, "nombre"], marcas.loc[c.clave, "usuario"],
              marcas.loc[c.clave, "marcada_en"], marcas.loc[c.clave, "nota"])
             for c in estado[estado["atendida_por"] == "personal"].itertuples()]
    pares = vinculos(con, almacen)
    decididos = pares[pares["decision"].notna() & (pares["reportada_el"] <= al)
                      & pares["correccion"].isin(pedidas.index)]
    filas += [(f"vínculo {v.decision}", v.correccion, *pedidas.loc[
                  v.correccion, ["sesion_id", "documento", "descripcion", "linea"]],
               v.reportada_el, v.reportada_archivo, _linea(v.reportada_linea), v.nombre,
               v.usuario, v.decidido_en, v.nota) for v in decididos.itertuples()]
    df = pd.DataFrame(filas, columns=REGISTROS)
    return df.sort_values(["registrado_en", "tipo", "clave"], kind="stable").reset_index(drop=True)


# ───────────────────────────── Staff input ─────────────────────────────

def _referencia(fila):
    return {"fecha": fila["fecha"], "archivo": fila["archivo"], "linea": _linea(fila["linea"]),
            "documento": fila["documento"], "solicitante": fila["solicitante"],
            "descripcion": fila["descripcion"]}


def _pedida(con, clave_correccion):
    pedidas = correcciones(con)
    fila = pedidas[pedidas["clave"] == clave_correccion]
    if fila.empty:
        raise SeguimientoError("Esa corrección ya no está en las actas cargadas: recargue la "
                               "página.")
    return fila.iloc[0]


def marcar(con, almacen, clave_correccion, atendida_el, nota, usuario, nombre=None, hoy=None):
    """Staff mark one correction attended on `atendida_el`; SeguimientoError when it cannot."""
    fila = _pedida(con, clave_correccion)
    nota = (nota or "").strip()
    if not nota:
        raise SeguimientoError("Escriba una nota: qué se corrigió o dónde consta.")
    if fila["fecha"] is not None and atendida_el < fila["fecha"]:
        raise SeguimientoError(f"La fecha de atención ({atendida_el:%d/%m/%Y}) es anterior a la "
                               f"sesión que pidió la corrección ({fila['fecha']:%d/%m/%Y}).")
    if atendida_el > (hoy or dt.date.today()):
        raise SeguimientoError("La fecha de atención no puede ser posterior a hoy.")
    return almacen.marcar(clave_correccion, atendida_el, nota, usuario, nombre,
                          _referencia(fila))


def desmarcar(almacen, clave_correccion, nota, usuario):
    almacen.desmarcar(clave_correccion, (nota or "").strip() or None, usuario)


def decidir(con, almacen, atendida_clave, correccion_clave, decision, nota, usuario,
            nombre=None):
    """Staff confirm or reject that the attended row answers the request."""
    fila = _pedida(con, correccion_clave)
    reportadas = atendidas(con)
    reportada = reportadas[reportadas["clave"] == atendida_clave]
    if reportada.empty:
        raise SeguimientoError("Ese reporte de atención ya no está en las actas cargadas: "
                               "recargue la página.")
    r = reportada.iloc[0]
    referencia = {"correccion": _referencia(fila),
                  "atendida": {"fecha": r["fecha"], "archivo": r["archivo"],
                               "linea": _linea(r["linea"]), "descripcion": r["descripcion"]}}
    return almacen.decidir(atendida_clave, correccion_clave, decision,
                           (nota or "").strip() or None, usuario, nombre, referencia)


def huerfanas(con, almacen):
    """Staff entries whose correction or attended row is no longer in the database (its acta was
    replaced or removed): shown so nobody loses them, with what they referred to."""
    claves = set(correcciones(con)["clave"])
    marcas = almacen.marcas()
    marcas = marcas[~marcas["clave"].isin(claves)]
    filas = [{"tipo": "marca", "clave": m.clave, "usuario": m.usuario, "en": m.marcada_en,
              "referencia": _leible(m.referencia)} for m in marcas.itertuples()]
    reportadas = set(atendidas(con)["clave"])
    decisiones = almacen.vinculos()
    decisiones = decisiones[~decisiones["atendida"].isin(reportadas)
                            | ~decisiones["correccion"].isin(claves)]
    filas += [{"tipo": f"vínculo {v.decision}", "clave": f"{v.atendida} → {v.correccion}",
               "usuario": v.usuario, "en": v.decidido_en, "referencia": _leible(v.referencia)}
              for v in decisiones.itertuples()]
    return pd.DataFrame(filas, columns=["tipo", "clave", "usuario", "en", "referencia"])


def _leible(referencia):
    try:
        datos = json.loads(referencia or "{}")
    except ValueError:
        return str(referencia)
    return " · ".join(str(v) for v in datos.values() if v)


_RESUMEN = {"decision": "{}", "atendida_el": "atendida el {}", "nota": "nota: {}",
            "archivo": "{}", "sha256": "sha256 {:.16}"}


def _resumen(valor):
    """A saved row (JSON) in a few words: decision, date, note, file."""
    if not isinstance(valor, str):
        return ""
    try:
        datos = json.loads(valor)
    except ValueError:
        return valor
    return " · ".join(f.format(datos[k]) for k, f in _RESUMEN.items() if datos.get(k))


def auditoria(almacen):
    """The audit trail, newest first, with before/after in a few words."""
    df = almacen.auditoria()
    for columna in ("antes", "despues"):
        df[columna] = [_resumen(v) for v in df[columna]]
    return df


# ───────────────────────────── Documents ─────────────────────────────

def documentos(con):
    """Each document once across actas: sessions, first and last date, latest state and the
    number of corrections asked of it."""
    return _fechas(queries.seguimiento_documentos(con), "primera_fecha", "ultima_fecha")


def linea_tiempo(con):
    """Every event of every document (states, corrections asked, corrections reported attended),
    with the document's name."""
    eventos = _fechas(queries.seguimiento_linea_tiempo(con), "fecha")
    nombres = documentos(con)[["documento_id", "documento", "tipo"]]
    return eventos.merge(nombres, on="documento_id", how="left")
