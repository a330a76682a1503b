"""Staff review of an acta: each correction names one fact by a stable key, and applying the
corrections to a parse gives the reviewed facts. Pure, except `leer_almacen` (the staff store,
read-only) — no Streamlit, no DuckDB.

A correction (a row of the store's `revisiones` table, tablero/almacen.py) is

    {"sha256": acta bytes, "seccion": "asistentes", "clave": "jose luis bautista cabrera",
     "campo": "llegada_punto", "operacion": "cambiar", "valor": 4, "antes": null,
     "usuario": "ana", "nombre": "Ana López", "en": "2026-…Z", "nota": "…"}

- `cambiar` one field of a fact the parser read (`campo` is the contract's key);
- `agregar` a whole fact the parser missed (`campo` = "*", `valor` = the fact);
- `borrar` a fact the parser read wrongly (`campo` = "*").

Keys (`clave_de`): how one fact is recognised in every later parse of the same bytes.

| seccion | clave | why |
|---|---|---|
| sesion | `sesion` (sesion.* fields) or `acta` (organo, instituto, proceso) | one per acta |
| asistentes | the folded name (persona_clave: no title, accents or case) | a person is there once |
| orden_del_dia | `punto N` | the item's number is its identity |
| votaciones, correcciones, correcciones_atendidas, documentos | `pP:lL:N`: agenda item, line, order among the facts of that item and line | an acta states one vote per line; the line is what a reader checks |
| votos | `<key of its votación>|<folded name>` | one vote per person and ballot |

Keys never use the file name (a renamed acta keeps its review) nor the parser's version (a new
parser that reads the same fact the same way finds it again). A key the new parse no longer
has is reported («huérfana»), never applied to another fact; where the parser now reads a value
different from what it read when staff corrected it, the correction wins and the difference is
reported.
"""
import copy
import hashlib
import json
import os
import sqlite3
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ALMACEN_DEFECTO = ROOT / "data" / "seguimiento"
ARCHIVO_ALMACEN = "seguimiento.sqlite3"

SECCIONES = ["sesion", "asistentes", "orden_del_dia", "votaciones", "votos", "correcciones",
             "correcciones_atendidas", "documentos"]
LISTAS = ["asistentes", "orden_del_dia", "votaciones", "correcciones", "correcciones_atendidas",
          "documentos"]
CAMPOS_ACTA = ("organo", "instituto", "proceso")
ORIGEN = ("origen", "revisado_por", "revisado_en")
TODO = "*"
CAMBIAR, AGREGAR, BORRAR = "cambiar", "agregar", "borrar"
SIN_REVISAR, EN_REVISION, REVISADA = "sin revisar", "en revisión", "revisada"


# ───────────────────────────── Keys ─────────────────────────────

def clave_persona(nombre):
    from etl.load import persona_clave      # etl.load imports this module: import when used
    return persona_clave(nombre or "")


def _linea(item):
    fuente = item.get("fuente")
    return fuente.get("linea") if isinstance(fuente, dict) else None


def claves(seccion, items):
    """The key of each fact of a list section, in order (see the module's table)."""
    if seccion == "asistentes":
        return [clave_persona(i.get("nombre")) for i in items]
    if seccion == "orden_del_dia":
        return [f"punto {i.get('numero')}" for i in items]
    vistos, out = {}, []
    for i in items:
        base = f"p{_fmt(i.get('punto'))}:l{_fmt(_linea(i))}"
        vistos[base] = vistos.get(base, 0) + 1
        out.append(f"{base}:{vistos[base]}")
    return out


def _fmt(valor):
    return "-" if valor is None else valor


def clave_voto(clave_votacion, nombre):
    return f"{clave_votacion}|{clave_persona(nombre)}"


def clave_nueva(seccion, item, existentes):
    """The key a fact staff add gets: its own key, with the next order where that key is taken."""
    if seccion in ("asistentes", "orden_del_dia"):
        return claves(seccion, [item])[0]
    base = claves(seccion, [item])[0].rsplit(":", 1)[0]
    n = 1
    while f"{base}:{n}" in existentes:
        n += 1
    return f"{base}:{n}"


# ───────────────────────────── Applying corrections ─────────────────────────────

def _marcar(item, r):
    item["origen"] = "revision"
    item["revisado_por"] = r.get("nombre") or r.get("usuario")
    item["revisado_en"] = r.get("en")


def _nota(notas, tipo, r, mensaje, linea=None):
    notas.append({"tipo": tipo, "seccion": r["seccion"], "clave": r["clave"],
                  "campo": r["campo"], "mensaje": mensaje, "linea": linea})


def _texto(valor):
    """A value as a note says it: «17:25», 4, sí, vacío."""
    if valor is None:
        return "vacío"
    if isinstance(valor, bool):
        return "sí" if valor else "no"
    if isinstance(valor, str):
        return f"«{valor}»"
    return json.dumps(valor, ensure_ascii=False)


def aplicar(hechos, revisiones):
    """(reviewed facts, notas): a deep copy of `hechos` with the corrections applied, and a note
    for each correction whose fact the parse no longer has (`huerfana`) or now reads differently
    from when it was corrected (`diferencia`; the correction wins)."""
    hechos = copy.deepcopy(hechos)
    notas = []
    por_seccion = {}
    for r in sorted(revisiones, key=lambda r: (r.get("en") or "", r["campo"])):
        por_seccion.setdefault(r["seccion"], []).append(r)
    _aplicar_sesion(hechos, por_seccion.get("sesion", []), notas)
    indices = {}
    for seccion in LISTAS:
        indices[seccion] = _aplicar_lista(hechos, seccion, por_seccion.get(seccion, []), notas)
    _aplicar_votos(indices["votaciones"], por_seccion.get("votos", []), notas)
    return hechos, notas


def _aplicar_sesion(hechos, revisiones, notas):
    sesion = hechos.setdefault("sesion", {}) or {}
    hechos["sesion"] = sesion
    for r in revisiones:
        destino = hechos if r["clave"] == "acta" else sesion
        if destino.get(r["campo"]) != r.get("antes"):
            _nota(notas, "diferencia", r, f"El lector ahora lee {_texto(destino.get(r['campo']))} "
                  f"en «{r['campo']}» de la sesión; vale la corrección del personal, "
                  f"{_texto(r.get('valor'))}.")
        destino[r["campo"]] = r.get("valor")
        _marcar(sesion, r)


def _aplicar_lista(hechos, seccion, revisiones, notas):
    """Apply one list section; {key: fact} of the result (for the ballots' votes)."""
    items = [i for i in hechos.get(seccion) or [] if isinstance(i, dict)]
    indice = dict(zip(claves(seccion, items), items))
    borrar = set()
    for r in revisiones:
        item = indice.get(r["clave"])
        if r["operacion"] == BORRAR:
            if item is None:
                _nota(notas, "huerfana", r, f"El personal borró {r['clave']} de {seccion}, que "
                      "el lector ya no lee.")
            borrar.add(r["clave"])
        elif r["operacion"] == AGREGAR:
            nuevo = copy.deepcopy(r.get("valor") or {})
            if item is not None and _sin_origen(item) != _sin_origen(nuevo):
                _nota(notas, "diferencia", r, f"El lector ahora lee {r['clave']} de {seccion}, "
                      "que el personal agregó; vale lo que agregó el personal.", _linea(item))
            _marcar(nuevo, r)
            if item is not None:
                items[items.index(item)] = nuevo
            else:
                items.append(nuevo)
            indice[r["clave"]] = nuevo
            borrar.discard(r["clave"])
        elif item is None:
            _nota(notas, "huerfana", r, f"La corrección de «{r['campo']}» en {r['clave']} de "
                  f"{seccion} no se aplicó: el lector ya no lee ese hecho.")
        else:
            if item.get(r["campo"]) != r.get("antes"):
                _nota(notas, "diferencia", r, f"El lector ahora lee {_texto(item.get(r['campo']))}"
                      f" en «{r['campo']}» de {r['clave']}; vale la corrección del personal, "
                      f"{_texto(r.get('valor'))}.", _linea(item))
            item[r["campo"]] = copy.deepcopy(r.get("valor"))
            _marcar(item, r)
    quitados = {id(indice[k]) for k in borrar if k in indice}
    hechos[seccion] = [i for i in items if id(i) not in quitados]
    return {k: v for k, v in indice.items() if k not in borrar}


def _aplicar_votos(votaciones, revisiones, notas):
    for r in revisiones:
        clave_votacion, _, persona = r["clave"].rpartition("|")
        votacion = votaciones.get(clave_votacion)
        if votacion is None:
            _nota(notas, "huerfana", r, f"La corrección del voto {r['clave']} no se aplicó: el "
                  "lector ya no lee esa votación.")
            continue
        votos = [v for v in votacion.get("votos") or [] if isinstance(v, dict)]
        indice = {clave_persona(v.get("nombre")): v for v in votos}
        voto = indice.get(persona)
        if r["operacion"] == BORRAR:
            votos = [v for v in votos if v is not voto]
        elif r["operacion"] == AGREGAR:
            nuevo = copy.deepcopy(r.get("valor") or {})
            _marcar(nuevo, r)
            votos = [nuevo if v is voto else v for v in votos] if voto else votos + [nuevo]
        elif voto is None:
            _nota(notas, "huerfana", r, f"La corrección del voto {r['clave']} no se aplicó: el "
                  "lector ya no lee ese voto.")
            continue
        else:
            voto[r["campo"]] = copy.deepcopy(r.get("valor"))
            _marcar(voto, r)
        votacion["votos"] = votos


# ───────────────────────────── Differences: a reviewed JSON back to corrections ─────────────

def _sin_origen(valor):
    """A fact without the review's own keys (origen, revisado_por, revisado_en)."""
    if isinstance(valor, dict):
        return {k: _sin_origen(v) for k, v in valor.items() if k not in ORIGEN}
    if isinstance(valor, list):
        return [_sin_origen(v) for v in valor]
    return valor


def sin_origen(hechos):
    """The reviewed facts in the contract's shape (what `parse` prints)."""
    return _sin_origen(hechos)


def diferencias(antes, despues):
    """The corrections that turn the facts `antes` into `despues`: a list of
    {seccion, clave, campo, operacion, valor, antes}. Keys as in `claves`."""
    antes, despues = _sin_origen(antes), _sin_origen(despues)
    out = []
    s0, s1 = antes.get("sesion") or {}, despues.get("sesion") or {}
    for campo in sorted(set(s0) | set(s1)):
        if s0.get(campo) != s1.get(campo):
            out.append(_cambio("sesion", "sesion", campo, CAMBIAR, s1.get(campo), s0.get(campo)))
    for campo in CAMPOS_ACTA:
        if antes.get(campo) != despues.get(campo):
            out.append(_cambio("sesion", "acta", campo, CAMBIAR, despues.get(campo),
                               antes.get(campo)))
    for seccion in LISTAS:
        out += _diferencias_lista(seccion, antes.get(seccion) or [], despues.get(seccion) or [])
    return out


def _cambio(seccion, clave, campo, operacion, valor, previo):
    return {"seccion": seccion, "clave": clave, "campo": campo, "operacion": operacion,
            "valor": valor, "antes": previo}


def _diferencias_lista(seccion, antes, despues):
    a = dict(zip(claves(seccion, antes), antes))
    d = dict(zip(claves(seccion, despues), despues))
    out = []
    for clave, item in a.items():
        if clave not in d:
            out.append(_cambio(seccion, clave, TODO, BORRAR, None, item))
    for clave, item in d.items():
        if clave not in a:
            out.append(_cambio(seccion, clave, TODO, AGREGAR, item, None))
            continue
        previo = a[clave]
        for campo in sorted(set(previo) | set(item)):
            if campo == "votos" and seccion == "votaciones":
                out += _diferencias_votos(clave, previo.get("votos") or [],
                                          item.get("votos") or [])
            elif previo.get(campo) != item.get(campo):
                out.append(_cambio(seccion, clave, campo, CAMBIAR, item.get(campo),
                                   previo.get(campo)))
    return out


def _diferencias_votos(clave_votacion, antes, despues):
    a = {clave_persona(v.get("nombre")): v for v in antes}
    d = {clave_persona(v.get("nombre")): v for v in despues}
    out = []
    for persona in a.keys() - d.keys():
        out.append(_cambio("votos", f"{clave_votacion}|{persona}", TODO, BORRAR, None, a[persona]))
    for persona, voto in d.items():
        clave = f"{clave_votacion}|{persona}"
        if persona not in a:
            out.append(_cambio("votos", clave, TODO, AGREGAR, voto, None))
        elif voto != a[persona]:
            out += [_cambio("votos", clave, campo, CAMBIAR, voto.get(campo), a[persona].get(campo))
                    for campo in sorted(set(voto) | set(a[persona]))
                    if voto.get(campo) != a[persona].get(campo)]
    return out


def _llave(c):
    return (c["seccion"], c["clave"], c["campo"])


def cambios(parseado, actual, revisado):
    """What to store when staff who saw the reviewed facts `actual` save `revisado`: a list of
    (seccion, clave, campo, correction or None to remove it). Only the facts that differ between
    `actual` and `revisado` are touched, so two staff saving different facts of one acta at once
    both keep theirs; each touched fact gets the correction that turns the parse into
    `revisado` (none where `revisado` equals the parse again)."""
    tocados = {(c["seccion"], c["clave"]) for c in diferencias(actual, revisado)}
    deseado = {_llave(c): c for c in diferencias(parseado, revisado)
               if (c["seccion"], c["clave"]) in tocados}
    vigente = {_llave(c) for c in diferencias(parseado, actual)
               if (c["seccion"], c["clave"]) in tocados}
    out = [(llave, c) for llave, c in deseado.items()]
    out += [(llave, None) for llave in vigente - deseado.keys()]
    return out


# ───────────────────────────── Self-checks: the review's to-do list ─────────────────────────

def comprobaciones(hechos):
    """What a careful reader checks in a parse, as {mensaje, linea}: missing session data,
    counts that do not add up, voters not on the attendance list. Pure."""
    out = []
    sesion = hechos.get("sesion") or {}
    for campo, etiqueta in [("fecha", "la fecha"), ("tipo", "el tipo"),
                            ("hora_inicio", "la hora de inicio"), ("hora_fin", "la hora de fin")]:
        if not sesion.get(campo):
            out.append({"mensaje": f"No se leyó {etiqueta} de la sesión.", "linea": None})
    asistentes = [a for a in hechos.get("asistentes") or [] if isinstance(a, dict)]
    if len(asistentes) < 2:
        out.append({"mensaje": f"Solo se leyeron {len(asistentes)} asistentes: revise la lista "
                               "de asistencia.", "linea": None})
    if not hechos.get("orden_del_dia"):
        out.append({"mensaje": "No se leyó el orden del día.", "linea": None})
    nombres = {clave_persona(a.get("nombre")) for a in asistentes}
    puntos = {p.get("numero") for p in hechos.get("orden_del_dia") or []}
    for v in hechos.get("votaciones") or []:
        out += _comprobar_votacion(v, nombres, puntos)
    for a in asistentes:
        for campo in ("llegada_punto", "retiro_punto"):
            if a.get(campo) is not None and puntos and a[campo] not in puntos:
                out.append({"mensaje": f"{a.get('nombre')}: {campo} {a[campo]} no está en el "
                                       "orden del día.", "linea": _linea(a)})
    return out


def _comprobar_votacion(v, nombres, puntos):
    out, linea = [], _linea(v)
    votos = [x for x in v.get("votos") or [] if isinstance(x, dict)]
    cuenta = {s: sum(1 for x in votos if x.get("sentido") == s)
              for s in ("a favor", "en contra", "abstencion")}
    if v.get("forma") == "nominal" and votos and \
            (cuenta["a favor"], cuenta["en contra"], cuenta["abstencion"]) != \
            (v.get("a_favor"), v.get("en_contra"), v.get("abstenciones")):
        out.append({"mensaje": f"Votación del punto {v.get('punto')}: los votos nombrados "
                               f"({cuenta['a favor']}/{cuenta['en contra']}/"
                               f"{cuenta['abstencion']}) no suman lo que dice el acta "
                               f"({v.get('a_favor')}/{v.get('en_contra')}/"
                               f"{v.get('abstenciones')}).", "linea": linea})
    unanime = not (v.get("en_contra") or v.get("abstenciones"))
    if bool(v.get("unanimidad")) != unanime and (v.get("a_favor") or 0) > 0:
        out.append({"mensaje": f"Votación del punto {v.get('punto')}: «unanimidad» no concuerda "
                               "con los votos en contra y abstenciones.", "linea": linea})
    for x in votos:
        if nombres and clave_persona(x.get("nombre")) not in nombres:
            out.append({"mensaje": f"{x.get('nombre')} vota en el punto {v.get('punto')} y no "
                                   "está en la lista de asistencia.", "linea": linea})
    if puntos and v.get("punto") not in puntos:
        out.append({"mensaje": f"La votación de la línea {linea} está en el punto "
                               f"{v.get('punto')}, que no está en el orden del día.",
                    "linea": linea})
    return out


# ───────────────────────────── The staff store, read-only ─────────────────────────────

def ruta_almacen(carpeta=None):
    """The staff store's file: in `carpeta`, $TABLERO_SEGUIMIENTO or data/seguimiento/."""
    carpeta = carpeta or os.environ.get("TABLERO_SEGUIMIENTO") or ALMACEN_DEFECTO
    return Path(carpeta) / ARCHIVO_ALMACEN


def revision_de_fila(fila):
    """A store row (sqlite3.Row or dict) as a correction, JSON columns decoded."""
    r = dict(fila)
    for campo in ("valor", "antes"):
        r[campo] = None if r.get(campo) is None else json.loads(r[campo])
    return r


def leer_almacen(carpeta=None):
    """{sha256: {"revisiones": [...], "estado": {...} or None}} from the staff store, opened
    read-only; {} when there is no store (reading never creates it) or no review yet."""
    ruta = ruta_almacen(carpeta)
    if not ruta.exists():
        return {}
    try:
        con = sqlite3.connect(f"{ruta.as_uri()}?mode=ro", uri=True, timeout=15)
    except sqlite3.Error:
        return {}
    con.row_factory = sqlite3.Row
    try:
        filas = con.execute("SELECT * FROM revisiones ORDER BY sha256, en, seccion, clave, "
                            "campo").fetchall()
        estados = con.execute("SELECT * FROM revision_estado").fetchall()
    except sqlite3.OperationalError as error:
        if "no such table" in str(error):
            return {}
        raise
    finally:
        con.close()
    out = {}
    for fila in filas:
        out.setdefault(fila["sha256"], {"revisiones": [], "estado": None})["revisiones"].append(
            revision_de_fila(fila))
    for fila in estados:
        out.setdefault(fila["sha256"], {"revisiones": [], "estado": None})["estado"] = dict(fila)
    return out


def huella_acta(revision):
    """Digest of one acta's review (its corrections and status): None without a review. A new
    correction changes it, and so the build reads that acta again."""
    if not revision or not (revision["revisiones"] or revision["estado"]):
        return None
    contenido = json.dumps(revision, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(contenido.encode()).hexdigest()[:16]
