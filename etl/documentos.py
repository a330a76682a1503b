"""Documents handled in the session, the corrections asked of them, and corrections reported
as attended.

    parse_documentos(lector, votaciones) -> [dict]
    parse_correcciones(lector, votaciones, documentos, asistentes) -> [dict]
    parse_correcciones_atendidas(lector, documentos, asistentes) -> [dict]

A document is what an agenda item puts before the committee («Presentación del Dictamen
IEPC/UTC/PREP/DICT/001/2021…», «Lectura … del Acta de la Sesión Ordinaria número 1»). Its state
in the session comes from the vote on it (not from the vote to omit its reading, nor from votes
on corrections), or from its withdrawal; otherwise it was presented.
"""
import bisect
import re

from etl.descripcion import asunto_de_correccion, asunto_de_omision, describir

from etl.numeros import fold, to_int
from etl.personas import display_name, names_in, resolve, speaker_label
from etl.votos import RESULT_RE
from etl.vocabulario import CLAVE_DOCUMENTO_RE

CLAVE_RE = CLAVE_DOCUMENTO_RE   # one clave pattern for the project (etl/vocabulario.py)
DOC_TYPES = (
    ("dictamen", re.compile(r"\bdictamen(es)?\b")),
    ("acta", re.compile(r"\bactas?\s+(?:(?:de|del)\s+(?:la|las)?\s*)?(?:\w+\.?\s+){0,3}(?:sesion|sesiones|reunion)")),
    ("informe", re.compile(r"\binformes?\b")),
    ("acuerdo", re.compile(r"\b(proyecto de )?acuerdos?\b")),
    ("plan", re.compile(r"\b(plan|programa)\s+(anual\s+)?(de\s+trabajo|operativo|de actividades|de auditoria)|"
                        r"\bcalendario\b|\bplan\b|\bproceso tecnico operativo\b|\blineamientos\b")),
    ("presentacion", re.compile(r"^(presentacion|exposicion|demostracion)\b|\bprototipo\b|\bpresentacion (de|del)\b")),
)
NOT_DOCUMENT_RE = re.compile(r"^(lista|pase de lista|verificacion|declaracion|instalacion|lectura,? discusion y aprobacion"
                             r"(,? en su caso,?)? del orden del dia|asuntos generales|clausura|sintesis|bienvenida|"
                             r"aprobacion del orden|orden del dia)")
OMISSION_RE = re.compile(r"\b(omitir|omision|dispensa|dispensar|lectura del|su lectura)\b")
CORRECTION_WORDS_RE = re.compile(
    r"\b(?:corri(ja|jan|gir|gio|ge|jo)|correg\w*|correccion|correcciones|corregid|errores? (de )?(ortograf|forma|redacc|dedo)|"
    r"modificaci|modificar|modifiqu|sustitu|cambio de|cambiar|quitar|eliminar|elimine|suprimir|agregar|agregue|adicionar|"
    r"precisar|ajust|observaci|numerar|renumerar|incisos|leyenda|redaccion|ortografi|errat|"
    r"incluy\w+|incluir|incluya\w*|incorpor\w+|anad\w+|agreg\w+)")
REQUEST_RE = re.compile(
    r"\b(solicit\w*|pido|pidi\w*|pide|piden|pedir\w*|pedimos|propong\w*|propone\w*|propus\w*|propuestas?|sugier\w*|sugerir\w*|sugiero|quisiera|"
    r"me gustaria|se corrija\w*|sean corregid\w*|se modifiqu\w*|se sustitu\w*|se elimin\w*|se agregu\w*|"
    r"hacer (nada mas )?la correccion|observaciones? (al|a la|del|de la|en el|en la)|senal\w+ que)\b")
ATTENDED_RE = re.compile(
    r"((fueron|han sido|se|quedaron|quedan|ya)\s+(debidamente\s+)?(atendid|solventad|realizad|incorporad|subsanad|"
    r"atendieron|solventaron|incorporaron|realizaron|subsanaron)\w*\s+(las|los|todas las|la|el)?\s*"
    r"(observaciones|correcciones|ajustes|modificaciones|cambios|comentarios|precisiones)|"
    r"(observaciones|correcciones|modificaciones|ajustes|comentarios|precisiones|solicitud|solicitudes|peticion)\b"
    r"(?:[^.;]|\.(?=\s*[a-z0-9]))*?\b(fue|fueron|ha sido|han sido|quedo|quedaron|se encuentran?|estan|ya estan|se tienen? por)\s+"
    r"(debidamente\s+)?(atendid|solventad|incorporad|realizad|subsanad)\w*)")
WITH_CORRECTIONS_RE = re.compile(r"(con|incluyendo|considerando|incorporando) (las|los|la|el|dicha|dichas|dicho|dichos|esa|esas|"
                                 r"tal|tales|esta|estas|estos) (correccion|correcciones|modificacion|modificaciones|observacion|"
                                 r"observaciones|ajuste|ajustes|propuestas?|cambios?)")
WITHDRAWN_RE = re.compile(r"se retira (del orden del dia|el punto|el proyecto|el documento|el dictamen|el informe|el acuerdo)|"
                          r"(proyecto|punto|dictamen|documento|informe|acuerdo) (se retira|queda retirad|es retirad|fue retirad|se retiro)|"
                          r"retirad[oa] del orden|queda retirad|retirar (el|este) punto|se retiro (el|del)")
FUTURE_RE = re.compile(r"deber[aá]n?\s+(ser\s+)?(solventar|atender|realizar|incorporar)|ser[aá]n\s+(atendid|solventad|incorporad)|"
                       r"se atender[aá]n?|para la proxima sesion|pendientes? de (atender|solventar)")


def parse_documentos(lector, votaciones):
    """One entry per document an agenda item handles, with its state in this session."""
    documentos = []
    for numero, titulo, linea in lector.orden:
        found = _documents_in_title(titulo)
        for tipo, clave, nombre in found:
            key = _session_key(nombre) if tipo == "acta" and len(found) > 1 else None
            estado, fuente = _state(lector, numero, votaciones, linea, key)
            documentos.append({"tipo": tipo, "clave": clave, "titulo": nombre, "punto": numero,
                               "estado": estado, "fuente": {"linea": fuente}})
    return documentos


ACTA_SESSION_RE = re.compile(r"sesion\s+(ordinaria|extraordinaria|especial|solemne|de instalacion)\s+(?:numero\s+|no\.?\s*)?(\w+)")


def _session_key(nombre):
    """(tipo, número) of the session an acta records: «Acta de la sesión extraordinaria número uno»."""
    match = ACTA_SESSION_RE.search(fold(nombre))
    return (match.group(1), to_int(match.group(2))) if match else None


def _mentions_session(lector, vote, key):
    paragraph = lector.doc.paragraph_at_line(vote["fuente"]["linea"])
    call = vote.get("_llamado")
    text = fold((paragraph.text if paragraph else "") + " " + (call.text if call else ""))
    return any(m.group(1) == key[0] and to_int(m.group(2)) == key[1] for m in ACTA_SESSION_RE.finditer(text))



def _documents_in_title(titulo):
    """(tipo, clave, titulo) of each document an agenda item names."""
    folded = fold(titulo).strip()
    if NOT_DOCUMENT_RE.search(folded) and not CLAVE_RE.search(titulo):
        return []
    claves = CLAVE_RE.findall(titulo)
    tipo = next((name for name, regex in DOC_TYPES if regex.search(folded)), None)
    if tipo is None:
        return []
    nombre = _document_name(titulo, tipo)
    if claves and tipo in ("dictamen", "acuerdo", "informe", "plan"):
        return [(tipo, clave, nombre if len(claves) == 1 else f"{nombre} ({clave})") for clave in claves]
    if tipo == "acta" and re.search(r"\bactas\b", folded):
        sessions = ACTA_SESSION_RE.findall(folded)
        if len(sessions) > 1:
            return [("acta", None, f"Acta de la sesión {kind} número {number}") for kind, number in sessions]
    return [(tipo, None, nombre)]


def _document_name(titulo, tipo):
    """The document's own name, without the agenda's verbs: «Presentación y, en su caso,
    aprobación del Informe parcial …» -> «Informe parcial …»."""
    words = {"dictamen": r"dictamen", "acta": r"acta", "informe": r"informe", "acuerdo": r"(proyecto de )?acuerdo",
             "plan": r"(plan|programa|calendario|lineamientos|proceso)", "presentacion": r"(prototipo|presentaci[oó]n)"}
    match = re.search(words[tipo], titulo, re.IGNORECASE)
    name = titulo[match.start():] if match and tipo != "presentacion" else re.sub(
        r"^(presentaci[oó]n|exposici[oó]n)\s+(de la|del|de los|de las|de)\s+", "", titulo, flags=re.IGNORECASE)
    name = " ".join((name[:1].upper() + name[1:]).split()).strip(" ;,.")
    if len(name) > 300:
        name = name[:300].rsplit(" ", 1)[0].rstrip(" ,;") + "…"
    return name


def _state(lector, numero, votaciones, agenda_line, key=None):
    """What happened to the document of agenda item `numero`, and the line that says it."""
    start = next((line for line, n in lector.puntos if n == numero and line > 0), None)
    presented = explicit_line = None
    for paragraph in lector.paragraphs:
        if not start or paragraph.linea < start or lector.punto_at(paragraph.linea) != numero:
            continue
        folded = fold(paragraph.text)
        withdrawn = WITHDRAWN_RE.search(folded)
        if withdrawn:
            return "retirado", paragraph.linea_at(withdrawn.start())
        explicit = re.search(r"\b(tuvo|tiene|tienen|tuvieron|da|dio|dan) por (presentad|recibid|rendid)|"
                             r"queda(n)? (debidamente )?presentad", folded)
        if explicit and explicit_line is None:
            explicit_line = paragraph.linea_at(explicit.start())
        shown = re.search(r"\b(presento|presentaron|expuso|expusieron|rindio)\b", folded)
        if shown and presented is None:
            presented = paragraph.linea_at(shown.start())
    votes = [v for v in votaciones if v["punto"] == numero and _decides_document(v)]
    if key:
        votes = [v for v in votes if _mentions_session(lector, v, key)]
    if votes:
        vote = votes[-1]
        return vote["resultado"], vote["fuente"]["linea"]
    return "presentado", explicit_line or presented or start or agenda_line


def _decides_document(vote):
    """A vote on the document itself: not on omitting its reading, nor on a correction."""
    call = fold(vote.get("_llamado").text) if vote.get("_llamado") else ""
    asunto = fold(vote.get("asunto") or "")
    if OMISSION_RE.search(asunto) or (OMISSION_RE.search(call) and not re.search(r"somete a votacion (el|la) (acta|informe|dictamen|proyecto|plan)", call)):
        return False
    if "orden del dia" in asunto[:40]:
        return False
    return not (_is_correction_vote(vote) or _is_proposal_vote(vote))


def _is_proposal_vote(vote):
    """A vote on someone's proposal («la propuesta del Ing. Holguín»), not on the document."""
    return bool(re.match(r"^(la|las|una|dicha|dichas|esta|estas) propuestas?\b", fold(vote.get("asunto") or "")))


# A wish for a future document is not a correction of this one: «pidió que el siguiente informe
# incluya un cuadro por distrito».
FUTURE_DOCUMENT_RE = re.compile(r"\b(siguiente|proximo|proxima|proximos|futuro|futuros|posterior|posteriores|subsecuentes?)\s+"
                                r"(informe|informes|documento|documentos|reporte|reportes|version|entrega)|"
                                r"\ben lo sucesivo\b|\ben adelante\b|\ben futuras?\b")
NONE_RE = re.compile(r"\bsin (observaciones|comentarios|correcciones|modificaciones|cambios)\b")


def _is_correction_vote(vote):
    text = NONE_RE.sub("", fold(vote.get("asunto") or ""))
    call = NONE_RE.sub("", fold(vote.get("_llamado").text)) if vote.get("_llamado") else ""
    if WITH_CORRECTIONS_RE.search(text):
        return False
    return bool(CORRECTION_WORDS_RE.search(text) or (re.search(r"\bpropuestas?\b", call) and CORRECTION_WORDS_RE.search(call)))


# ---- corrections -----------------------------------------------------------------------------

def parse_correcciones(lector, votaciones, documentos, asistentes):
    """Corrections asked of a document. Each vote on a correction is one correction, traced to
    the request it answers; requests never put to a vote are kept too."""
    requests = _request_paragraphs(lector)
    consumed, correcciones = set(), []
    for vote in votaciones:
        if OMISSION_RE.search(fold(vote.get("asunto") or "")):
            _name_omission(vote, documentos)
            continue
        request = _request_for(lector, vote, requests, consumed)
        if not _is_correction_vote(vote) and not (_is_proposal_vote(vote) and request is not None):
            continue
        source = request or vote.get("_llamado")
        consumed.add(id(source))
        consumed.add(id(vote.get("_llamado")))
        correcciones.append(_correction(lector, vote["punto"], source, documentos, asistentes,
                                        aprobada=vote["resultado"] == "aprobado", vote=vote))
    for paragraph in requests:
        if id(paragraph) in consumed:
            continue
        punto = lector.punto_at(paragraph.linea)
        if any(c["punto"] == punto and c["fuente"]["linea"] in range(paragraph.linea, paragraph.ultima_linea + 1)
               for c in correcciones):
            continue
        correcciones.append(_correction(lector, punto, paragraph, documentos, asistentes,
                                        aprobada=_accepted_later(lector, paragraph, punto), vote=None))
    return correcciones


def _request_paragraphs(lector):
    """Paragraphs where someone asks for a change to a document, found once per acta (each
    correction's description asks again)."""
    if getattr(lector, "_requests", None) is None:
        lector._requests = _find_request_paragraphs(lector)
    return lector._requests


def _find_request_paragraphs(lector):
    found = []
    for paragraph in lector.paragraphs:
        if paragraph.linea in lector.agenda_lines or paragraph.linea >= (lector.closing_line or 10 ** 9):
            continue
        folded = fold(paragraph.text)
        if _asks_correction(folded) and not ATTENDED_RE.search(folded) \
                and not re.search(r"acuerdos tomados", folded):
            found.append(paragraph)
    return found


def _asks_correction(folded):
    """Some sentence asks for a change: correction words with a request, not a question, and not
    «sin observaciones»."""
    for sentence in re.split(r"(?<=[a-z]{3})[.;]\s+", NONE_RE.sub("", folded)):
        if CORRECTION_WORDS_RE.search(sentence) and REQUEST_RE.search(sentence) and \
                not re.search(r"pregunt\w*|\?|\bdudas?\b|consult\w* si|\bse aprobo\b", sentence) and \
                not FUTURE_DOCUMENT_RE.search(sentence) and \
                not WITH_CORRECTIONS_RE.search(sentence) and not RESULT_RE.search(sentence):
            return True
    return False


def _request_for(lector, vote, requests, consumed):
    """The earliest request not yet answered in the vote's agenda item, up to its call."""
    call = vote.get("_llamado")
    limit = call.linea if call else vote["fuente"]["linea"]
    for paragraph in requests:
        if id(paragraph) in consumed or paragraph.linea > limit:
            continue
        if lector.punto_at(paragraph.linea) == vote["punto"]:
            return paragraph
    return None


def _accepted_later(lector, paragraph, punto):
    """A correction not voted on is accepted when the item's document is approved «con las
    observaciones» or the presiding officer takes note of it; None when the acta does not say."""
    for later in lector.paragraphs[lector.paragraph_index(paragraph.linea):]:
        if lector.punto_at(later.linea) != punto:
            continue
        folded = fold(later.text)
        if re.search(r"no (se acepta|procede|ha lugar|es procedente|resulta procedente)|improcedente", folded):
            return False
        if WITH_CORRECTIONS_RE.search(folded) or re.search(r"se (toma|tomara) nota|se (atendera|atenderan|realizara|realizaran|incorporara|incorporaran)|"
                     r"(se acepta|se aceptan|aceptada|aceptadas)", folded):
            return True
        if re.search(r"no (se acepta|procede|ha lugar|es procedente|resulta procedente)|improcedente|se desecha|"
                     r"no se aceptan|no se atendera", folded):
            return False
    return None


def _correction(lector, punto, paragraph, documentos, asistentes, aprobada, vote):
    documento = _document_of(lector, punto, paragraph, documentos)
    solicitante = _requester(lector, paragraph, vote, asistentes)
    linea = paragraph.linea if paragraph else vote["fuente"]["linea"]
    descripcion = _short_description(lector, punto, paragraph, vote)
    if descripcion is None:
        descripcion = _description(paragraph.text if paragraph else "")
        lector.aviso("No se pudo resumir en una línea la corrección pedida (dónde y qué): "
                     "revise su descripción en la página «Revisar acta».", linea)
    elif vote is not None:
        vote["asunto"] = asunto_de_correccion(_short_label(lector, punto, documentos, documento),
                                              descripcion) or vote.get("asunto")
    return {"punto": punto, "documento": documento, "solicitante": solicitante,
            "descripcion": descripcion, "aprobada": aprobada, "fuente": {"linea": linea}}


def _short_description(lector, punto, paragraph, vote):
    """Where and what, in a line (etl/descripcion.py): from what the vote put to the members,
    with the places the request gave; the item's other requests complete what the call omits."""
    call = vote.get("_llamado") if vote else None
    linea = paragraph.linea if paragraph else vote["fuente"]["linea"]
    contexto = [p.text for p in _requests_in_item(lector, linea) if lector.punto_at(p.linea) == punto]
    return describir(paragraph.text if paragraph else "", call.text if call else None, contexto)


def _requests_in_item(lector, linea):
    """The requests between the start of the agenda item under way at `linea` and the next
    item's start: the same item, found by bisection, so a long acta stays linear."""
    starts = [start for start, _ in lector.puntos]
    index = bisect.bisect_right(starts, linea)
    first = starts[index - 1] if index else 0
    last = starts[index] if index < len(starts) else 10 ** 9
    requests = _request_paragraphs(lector)
    lines = [p.linea for p in requests]
    return requests[bisect.bisect_left(lines, first):bisect.bisect_left(lines, last)]


def _short_label(lector, punto, documentos, documento):
    """A document as a vote's subject names it: its type and clave when it has one."""
    for doc in documentos:
        if doc["punto"] == punto and doc["clave"] and doc["clave"] in (documento or ""):
            return f"{TIPOS_NOMBRE.get(doc['tipo'], 'Documento')} {doc['clave']}"
    return documento


TIPOS_NOMBRE = {"dictamen": "Dictamen", "informe": "Informe", "acta": "Acta", "acuerdo": "Acuerdo",
                "plan": "Plan", "presentacion": "Presentación", "otro": "Documento"}


def _name_omission(vote, documentos):
    """«Omitir la lectura» says of what: the document of its agenda item."""
    of_punto = [d for d in documentos if d["punto"] == vote["punto"]]
    label = None
    if of_punto:
        doc = of_punto[0]
        label = (f"{TIPOS_NOMBRE.get(doc['tipo'], 'Documento')} {doc['clave']}" if doc["clave"]
                 else _doc_label(doc))
    vote["asunto"] = asunto_de_omision(vote.get("asunto"), label) or vote.get("asunto")


def _document_of(lector, punto, paragraph, documentos):
    """The document of the agenda item, named with its clave when it has one."""
    of_punto = [d for d in documentos if d["punto"] == punto]
    text = paragraph.text if paragraph else ""
    for doc in of_punto:
        if doc["clave"] and doc["clave"] in text:
            return _doc_label(doc)
    said = {(kind, to_int(number)) for kind, number in ACTA_SESSION_RE.findall(fold(text))}
    for doc in of_punto:
        if doc["tipo"] == "acta" and _session_key(doc["titulo"] or "") in said:
            return _doc_label(doc)
    if of_punto:
        return _doc_label(of_punto[0])
    for clave in CLAVE_RE.findall(text):
        return clave
    folded = fold(text)
    for tipo, regex in (("Informe", r"\binforme\b"), ("Dictamen", r"\bdictamen\b"), ("Acta", r"\bacta\b"),
                        ("Plan de trabajo", r"\bplan\b"), ("Acuerdo", r"\bacuerdo\b")):
        if re.search(regex, folded):
            match = re.search(rf"({tipo.split()[0]}[^,;.]{{0,120}})", text, re.IGNORECASE)
            return match.group(1).strip() if match else tipo
    return next((t for n, t, _ in lector.orden if n == punto), None)


def _doc_label(doc):
    if doc["clave"] and doc["clave"] not in (doc["titulo"] or ""):
        return f"{doc['titulo']} {doc['clave']}"
    return doc["titulo"] or doc["clave"]


def _requester(lector, paragraph, vote, asistentes):
    """Who asked: the paragraph's speaker label; a person named as asking ('la Dra. X solicita');
    the person a call names ('las propuestas realizadas por la Doctora Alejandra Arreola'); else
    the last labelled speaker (the one conducting, when the request is in the first person)."""
    if paragraph is not None:
        label = speaker_label(paragraph.text)
        if label:
            return _full_name(label["nombre"], asistentes)
        for grado, name, start, end in names_in(paragraph.text):
            after = fold(paragraph.text[end:end + 60])
            if re.match(r"\W*(\w+\W+){0,8}?(solicit|propon|propus|pide|pidio|sugier|sugirio|senal|observ|manifest)", after):
                return _full_name(name, asistentes)
    call = vote.get("_llamado") if vote else None
    for text in filter(None, [call.text if call else None, paragraph.text if paragraph else None]):
        match = re.search(r"(?:realizad[oa]s?|formulad[oa]s?|hechas?|presentad[oa]s?|planteadas?)\s+por\s+(?:el|la)\s+(.{0,80})",
                          text, re.IGNORECASE)
        if match:
            for grado, name, start, end in names_in(match.group(1)):
                return _full_name(name, asistentes)
    speaker = lector.speaker_at(paragraph.linea if paragraph else vote["fuente"]["linea"])
    if speaker:
        return _full_name(speaker["nombre"], asistentes)
    secretario = next((p for p in asistentes if p.rol == "secretario"), None)
    return display_name(secretario.nombre) if secretario else None


def _full_name(name, asistentes):
    persona = resolve(name, asistentes, single_word=True)
    return display_name(persona.nombre) if persona else display_name(name)


def _description(text):
    """The request in the acta's words, without the speaker's label and courtesies."""
    text = re.sub(r"^[^:]{3,160}:\s*", "", text) if re.match(r"^[^:]{3,160}:\s", text) else text
    sentences = re.split(r"(?<=[a-z]{3})\.\s+", text)
    wanted = [s for s in sentences if CORRECTION_WORDS_RE.search(fold(s))] or sentences[:1]
    description = " ".join(wanted).strip()
    return description[:500]


def parse_correcciones_atendidas(lector, documentos, asistentes):
    """Corrections a session reports as attended. Expecting text like: 'se informa que fueron
    atendidas las observaciones realizadas por la Dra. Ana Ruiz al Informe mensual de febrero'."""
    atendidas = []
    for paragraph in lector.paragraphs:
        if paragraph.linea >= (lector.closing_line or 10 ** 9):
            continue
        folded = fold(paragraph.text)
        match = ATTENDED_RE.search(folded)
        if not match or FUTURE_RE.search(folded[max(0, match.start() - 40):match.end() + 20]):
            continue
        punto = lector.punto_at(paragraph.linea)
        solicitante = None
        by = re.search(r"(?:realizad[oa]s?|formulad[oa]s?|hechas?|solicitad[oa]s?|planteadas?|propuestas?)\s+por\s+"
                       r"(?:el|la|los|las)?\s*(.{0,120})", paragraph.text[max(0, match.start() - 200):], re.IGNORECASE)
        if by:
            names = names_in(by.group(1))
            if names:
                solicitante = _full_name(names[0][1], asistentes)
        if solicitante is None:
            # «la solicitud que el Dr. Fausto Jiménez Toledo formuló en la sesión anterior … fue atendida»
            said = paragraph.text[match.start():match.end()] if len(folded) == len(paragraph.text) else ""
            names = names_in(said)
            if names:
                solicitante = _full_name(names[0][1], asistentes)
        said = paragraph.text[match.start():] if len(folded) == len(paragraph.text) else paragraph.text
        documento = _named_document(said[:400]) or _document_of(lector, punto, paragraph, documentos)
        atendidas.append({"punto": punto, "documento": documento, "solicitante": solicitante,
                          "descripcion": _description(paragraph.text),
                          "fuente": {"linea": paragraph.linea_at(match.start())}})
    return atendidas


def _named_document(text):
    """A document named in a sentence: its clave, or «Informe …», «Dictamen …», «Acta de la …»."""
    claves = CLAVE_RE.findall(text)
    if claves:
        match = re.search(r"((?:Dictamen|Informe|Acuerdo|Plan)[^,;]{0,40}?" + re.escape(claves[0]) + ")", text,
                          re.IGNORECASE)
        return match.group(1) if match else claves[0]
    match = re.search(r"\b(?:al|del|en el|sobre el|el)\s+((?i:Informe|Dictamen|Plan|Programa|Proyecto)\b[^,;.]{3,120}|"
                      r"(?:Acta)\s+de\s+la\s+[^,;]{3,120})", text)
    if match:
        return match.group(1).strip()
    match = re.search(r"\b(?:a la|de la|en la)\s+(Acta\s+de\s+la\s+[^,;]{3,120})", text)
    return match.group(1).strip() if match else None
