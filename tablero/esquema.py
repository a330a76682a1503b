"""What each table, view and column of the database means, in Spanish, for people writing SQL.

Kept here rather than as COMMENT ON statements because etl/schema.sql belongs to the loader;
tests/test_sql.py fails when the built database has a table, view or column not described here
(Datasette's docs test, applied to the schema), so a new column cannot land undocumented.
"""

_FUENTE = "línea del texto del acta donde consta el dato (fuente.linea)"
_ORIGEN = {
    "origen": "de dónde sale el dato: acta (lo leyó el lector) o revision (lo corrigió o agregó "
              "el personal en «Revisar acta»)",
    "revisado_por": "quién del personal corrigió el dato, si origen = revision",
    "revisado_en": "cuándo (UTC) lo corrigió, si origen = revision",
}

TABLAS = {
    "actas": ("Un renglón por archivo de acta cargado, con su texto extraído.", {
        "acta_id": "identificador del acta",
        "archivo": "nombre del archivo dentro de la carpeta de actas",
        "sha256": "huella SHA-256 de los bytes del archivo",
        "formato": "formato del archivo: txt, md, pdf, docx o una imagen escaneada (png, jpg, jpeg, tif, tiff)",
        "bytes": "tamaño del archivo en bytes",
        "texto": "texto extraído del acta; la línea N es la que citan las columnas «linea»",
        "cargada_en": "fecha y hora en que se cargó el acta",
        "revision": "huella de la revisión del personal aplicada a esta acta (vacía si no tiene)",
        "revision_estado": "estado de la revisión del acta: sin revisar, en revisión o revisada",
        "revisada_por": "quién del personal dio el acta por revisada",
        "revisada_en": "cuándo (UTC) se dio por revisada",
        "paginas": "si el acta se leyó por OCR (escaneo), la página de cada línea del texto: "
                   "paginas[N] es la de la línea N; vacío en las demás",
    }),
    "archivos": ("Los bytes de cada archivo de acta tal como se cargó (su huella es actas.sha256).", {
        "acta_id": "identificador del acta",
        "contenido": "bytes del archivo original, para descargarlo",
    }),
    "errores_carga": ("Archivos de la carpeta que no se pudieron cargar en la última construcción.", {
        "archivo": "nombre del archivo",
        "sha256": "huella SHA-256 del archivo, si se pudo leer",
        "error": "motivo, tal como se mostró a las personas",
        "intentada_en": "fecha y hora del intento de carga",
    }),
    "partidos": ("Catálogo de partidos políticos, más los que un acta nombra y el catálogo no tiene.", {
        "partido": "siglas canónicas del partido (PAN, PRI, MORENA…)",
        "nombre": "nombre completo del partido",
        "color": "color del partido en las gráficas (#rrggbb)",
        "ambito": "nacional o local",
        "en_catalogo": "verdadero si viene del catálogo; falso si solo lo nombra un acta",
    }),
    "acreditaciones": ("Partidos acreditados ante el comité en cada proceso electoral; "
                       "las inasistencias se miden contra esta lista.", {
        "instituto": "instituto electoral",
        "proceso": "proceso electoral (p. ej. Proceso Electoral Local 2020-2021)",
        "partido": "siglas del partido acreditado",
    }),
    "comites": ("Un comité: un órgano de un instituto en un proceso electoral. El mismo proceso "
                "lo comparten órganos de muchos estados; cada página, el informe y las consultas "
                "guardadas trabajan sobre un comité.", {
        "comite": "clave estable del comité, p. ej. cotaprep-iepc-durango-pel-2020-2021",
        "nombre": "nombre legible: COTAPREP · IEPC Durango · PEL 2020-2021",
        "organo": "órgano, como lo escribe la mayoría de sus actas",
        "instituto": "instituto electoral",
        "proceso": "proceso electoral",
        "sesiones": "sesiones cargadas del comité",
        "desde": "fecha de su primera sesión cargada",
        "hasta": "fecha de su última sesión cargada: la fecha a la que se cuentan los días pendientes",
    }),
    "sesiones": ("Una sesión del comité por acta.", {
        "sesion_id": "identificador de la sesión",
        "acta_id": "acta de la que se leyó la sesión",
        "comite": "comité que sesiona (comites.comite)",
        "organo": "órgano que sesiona (el COTAPREP)",
        "instituto": "instituto electoral",
        "proceso": "proceso electoral",
        "tipo": "ordinaria, extraordinaria, especial, instalacion o solemne",
        "numero": "número de la sesión dentro de su tipo; vacío en la de instalación",
        "fecha": "fecha de la sesión",
        "hora_inicio": "hora de inicio (HH:MM, 24 horas)",
        "hora_fin": "hora de cierre (HH:MM, 24 horas)",
        "duracion_min": "duración en minutos, del inicio al cierre",
        "modalidad": "virtual, presencial o mixta",
        "lugar": "lugar donde se celebró",
        "quorum": "verdadero si el acta declara quórum",
        **_ORIGEN,
    }),
    "personas": ("Una persona a lo largo de todas las actas, la escriba cada acta como la escriba.", {
        "persona_id": "identificador de la persona",
        "nombre": "nombre más completo y con acentos que aparece en las actas",
        "clave": "nombre sin acentos, mayúsculas ni títulos: con él se reconoce a la persona",
    }),
    "asistencias": ("Quién asistió (o faltó) a cada sesión y con qué carácter.", {
        "sesion_id": "sesión",
        "persona_id": "persona",
        "nombre": "nombre tal como lo escribe esta acta",
        "grado": "título tal como se escribe: Dr., Mtra., Lic., Ing.…",
        "cargo": "cargo que el acta le atribuye",
        "rol": "integrante, secretario, representante, invitado u otro",
        "con_voto": "verdadero solo para quien vota",
        "partido": "siglas del partido que representa; vacío si no es representante",
        "calidad": "propietario o suplente",
        "presente": "falso para quien el acta nombra como ausente",
        "llegada_punto": "punto del orden del día en que se incorporó; vacío: desde el inicio",
        "retiro_punto": "punto del orden del día en que se retiró; vacío: hasta el final",
        "linea": _FUENTE,
        **_ORIGEN,
    }),
    "orden_del_dia": ("Los puntos del orden del día de cada sesión.", {
        "sesion_id": "sesión",
        "numero": "número del punto",
        "titulo": "título del punto",
        "linea": _FUENTE,
        **_ORIGEN,
    }),
    "votaciones": ("Cada votación de cada sesión, con sus totales.", {
        "votacion_id": "identificador de la votación",
        "sesion_id": "sesión",
        "punto": "punto del orden del día en que se votó",
        "asunto": "lo que se votó",
        "forma": "nominal (cada voto con nombre) o economica (solo conteo)",
        "resultado": "aprobado o rechazado",
        "unanimidad": "verdadero si todos los votos emitidos van en el mismo sentido y nadie se abstiene",
        "a_favor": "votos a favor",
        "en_contra": "votos en contra",
        "abstenciones": "abstenciones",
        "linea": _FUENTE,
        **_ORIGEN,
    }),
    "votos": ("El voto de cada persona en cada votación nominal.", {
        "votacion_id": "votación",
        "sesion_id": "sesión",
        "persona_id": "persona que votó",
        "nombre": "nombre tal como lo escribe el acta",
        "sentido": "a favor, en contra o abstencion",
        **_ORIGEN,
    }),
    "documentos": ("Un renglón por documento a lo largo de las actas (informes, dictámenes, acuerdos…).", {
        "documento_id": "identificador del documento",
        "tipo": "acta, informe, dictamen, acuerdo, plan, presentacion u otro",
        "clave": "clave oficial, p. ej. IEPC/UTC/PREP/DICT/001/2021, si la tiene",
        "titulo": "título del documento",
        "llave": "clave normalizada (o tipo y título): así se enlaza el documento entre sesiones",
    }),
    "documento_eventos": ("Lo que pasó con cada documento en cada sesión: su historia.", {
        "documento_id": "documento",
        "sesion_id": "sesión",
        "punto": "punto del orden del día",
        "estado": "presentado, aprobado, rechazado o retirado",
        "concluye": "verdadero si el documento se tuvo por presentado o por recibido, o no se "
                    "someterá a votación: su trámite termina presentado, no queda pendiente",
        "linea": _FUENTE,
        **_ORIGEN,
    }),
    "correcciones": ("Correcciones que se pidieron a un documento en una sesión.", {
        "correccion_id": "identificador de la corrección",
        "sesion_id": "sesión en que se pidió",
        "punto": "punto del orden del día",
        "documento": "documento tal como lo nombra el acta",
        "documento_id": "documento enlazado, cuando se pudo enlazar",
        "solicitante": "quien pidió la corrección, como lo escribe el acta",
        "persona_id": "persona que la pidió",
        "descripcion": "qué se pidió corregir",
        "aprobada": "verdadero si el comité la aprobó",
        "linea": _FUENTE,
        **_ORIGEN,
    }),
    "correcciones_atendidas": ("Correcciones que una sesión informa como atendidas, "
                               "y la solicitud a la que responden.", {
        "atendida_id": "identificador",
        "sesion_id": "sesión que informa la atención",
        "punto": "punto del orden del día",
        "documento": "documento tal como lo nombra el acta",
        "documento_id": "documento enlazado, cuando se pudo enlazar",
        "solicitante": "quien había pedido la corrección",
        "persona_id": "persona que la había pedido",
        "descripcion": "qué se corrigió",
        "correccion_id": "solicitud que atiende; vacío si no se encontró",
        "vinculo": "cómo se enlazó: documento+solicitante, documento, documento+contenido, "
                   "contenido, ambiguo o ninguno",
        "linea": _FUENTE,
        **_ORIGEN,
    }),
    "avisos": ("Lo que el lector de actas no pudo leer con seguridad o encontró inconsistente.", {
        "sesion_id": "sesión, si se llegó a leer",
        "acta_id": "acta",
        "mensaje": "el aviso, en español",
        "linea": _FUENTE,
    }),
    "metadatos": ("Cuándo y con qué se construyó esta base de datos.", {
        "clave": "nombre del dato",
        "valor": "valor",
    }),
}



def _from(table, *columns):
    """The descriptions of `columns` as `table` gives them: views repeat the tables' words."""
    return {column: TABLAS[table][1][column] for column in columns}


# The views (etl/schema.sql, written by the loader): the dashboard's questions answered once.
TABLAS.update({
    "v_asistencia_partido": (
        "Vista: asistencia de cada partido en cada sesión, un renglón por sesión y partido "
        "acreditado (o presente sin acreditación); si tuvo varias representaciones, la que estuvo "
        "más tiempo.", {
            **_from("sesiones", "sesion_id", "fecha"),
            "partido": "siglas del partido",
            "acreditado": "verdadero si el partido está acreditado ante el comité en ese proceso",
            "estado": "desde el inicio, llegada tarde, retiro anticipado o ausente",
            "persona_id": "persona que lo representó; vacío si nadie asistió",
            "nombre": "nombre de la representación, tal como lo escribe el acta",
            **_from("asistencias", "calidad", "llegada_punto", "retiro_punto", "linea", "origen",
                    "revisado_por", "revisado_en"),
        }),
    "v_unanimidad_sesion": ("Vista: qué parte de las votaciones de cada sesión fue unánime.", {
        **_from("sesiones", "sesion_id", "fecha"),
        "votaciones": "votaciones de la sesión",
        "unanimes": "votaciones unánimes",
        "porcentaje_unanimidad": "porcentaje de votaciones unánimes; vacío si no hubo votaciones",
    }),
    "v_duracion_sesion": ("Vista: cuánto duró cada sesión.", _from(
        "sesiones", "sesion_id", "fecha", "tipo", "numero", "hora_inicio", "hora_fin", "duracion_min")),
    "v_correcciones_pendientes": (
        "Vista: correcciones aprobadas que ninguna sesión posterior informa como atendidas.", {
            **_from("correcciones", "correccion_id", "sesion_id", "punto", "documento",
                    "documento_id", "solicitante", "persona_id", "descripcion", "linea"),
            **_from("sesiones", "comite"),
            "fecha": "fecha de la sesión en que se pidió",
            "dias_pendiente": "días desde que se pidió hasta la última sesión cargada del comité "
                              "(al_dia), no hasta hoy",
            "al_dia": "fecha a la que se cuentan los días: la última sesión cargada del comité",
        }),
    "v_estado_documentos": (
        "Vista: cada documento con su último estado (el de la última sesión que lo trató).", {
            **_from("documentos", "documento_id", "tipo", "clave", "titulo"),
            "estado": "último estado: presentado, aprobado, rechazado o retirado",
            **_from("documento_eventos", "concluye"),
            "fecha": "fecha de la última sesión que lo trató",
            "sesion_id": "última sesión que lo trató",
            "sesiones": "en cuántas sesiones apareció",
        }),
})


def table_description(name):
    """The Spanish description of a table or view, or None."""
    entry = TABLAS.get(name)
    return entry[0] if entry else None


def column_description(table, column):
    """The Spanish description of a column, or None."""
    entry = TABLAS.get(table)
    return entry[1].get(column) if entry else None


INVENTARIO_SQL = """
SELECT t.table_name AS tabla, t.table_type AS clase, c.column_name AS columna,
       c.data_type AS tipo, c.ordinal_position AS posicion
FROM information_schema.tables t
JOIN information_schema.columns c USING (table_catalog, table_schema, table_name)
WHERE t.table_catalog = current_database() AND t.table_schema = 'main'
ORDER BY t.table_type, t.table_name, c.ordinal_position
"""


def inventory(frame):
    """[(tabla, es_vista, descripción, [(columna, tipo, descripción)])] from INVENTARIO_SQL's rows."""
    tables = []
    for (name, kind), rows in frame.groupby(["tabla", "clase"], sort=False):
        columns = [(r.columna, r.tipo, column_description(name, r.columna)) for r in rows.itertuples()]
        tables.append((name, kind == "VIEW", table_description(name), columns))
    return tables


def undocumented(frame):
    """'tabla' or 'tabla.columna' for everything in INVENTARIO_SQL's rows without a description."""
    missing = []
    for name, _, description, columns in inventory(frame):
        if not description:
            missing.append(name)
        missing += [f"{name}.{column}" for column, _, text in columns if not text]
    return missing
