"""Calidad: what a careful reader would flag in the actas, each finding linked to its line: the
parser's avisos, declared counts that differ from the ballots, «unanimidad» claimed where the
ballots disagree, quorum declared without enough voting members present, session numbers that
contradict themselves, and files that could not be loaded."""
import streamlit as st

from tablero import formato, queries, ui


def _seccion(titulo, df, nombre, columnas, vacio, explicacion):
    st.subheader(f"{titulo} ({len(df)})")
    st.caption(explicacion)
    if df.empty:
        st.success(vacio, icon=":material/check_circle:")
        return
    if "tipo" in df.columns and "fecha" in df.columns:
        df = ui.con_sesion(df)
    ui.tabla(df, nombre, columnas)


def calidad():
    ui.encabezado("Calidad", "Lo que un lector cuidadoso señalaría en las actas, con su línea.")
    filtros = ui.filtros()
    ui.sin_sesiones(ui.consulta(queries.sesiones, **filtros))
    avisos = ui.consulta(queries.avisos, **filtros)
    conteos = ui.consulta(queries.conteos_discrepantes, **filtros)
    unanimidad = ui.consulta(queries.unanimidad_contradicha, **filtros)
    quorum = ui.consulta(queries.quorum_insuficiente, **filtros)
    numeros = ui.consulta(queries.numeros_contradictorios, **filtros)
    errores = ui.consulta(queries.errores_carga)

    columnas = st.columns(5, border=True)
    columnas[0].metric("Números de sesión", len(numeros),
                       help="Números de sesión contradictorios")
    columnas[1].metric("Conteos", len(conteos),
                       help="Conteos declarados que no cuadran con los votos")
    columnas[2].metric("Unanimidad", len(unanimidad),
                       help="«Unanimidad» contradicha por los votos")
    columnas[3].metric("Quórum", len(quorum),
                       help="Quórum declarado sin integrantes con voto suficientes")
    columnas[4].metric("Avisos", len(avisos), help="Avisos del lector de actas")

    votos_cols = {"sesion_nombre": "Sesión", "punto": "Punto", "asunto": "Asunto",
                  "a_favor": "A favor (declarado)", "boletas_a_favor": "A favor (votos)",
                  "en_contra": "En contra (declarado)", "boletas_en_contra": "En contra (votos)",
                  "abstenciones": "Abstenciones (declarado)",
                  "boletas_abstenciones": "Abstenciones (votos)", "linea": "Línea del acta"}
    _seccion("Números de sesión contradictorios", numeros, "numeros de sesion contradictorios",
             {"sesion_nombre": "Sesión", "origen": "Origen", "detalle": "Detalle",
              "linea": "Línea del acta"},
             "Ninguna acta se contradice sobre su número de sesión.",
             "El acta se llama a sí misma con otro número, o dos actas del mismo proceso dicen ser "
             "la misma sesión.")
    _seccion("Conteos declarados que no cuadran con los votos", conteos, "conteos discrepantes",
             votos_cols, "Todos los conteos declarados coinciden con los votos nominales.",
             "El acta declara a favor / en contra / abstenciones distintos de los votos que registra "
             "uno por uno.")
    _seccion("«Unanimidad» contradicha por los votos", unanimidad, "unanimidad contradicha",
             votos_cols, "Toda votación declarada unánime lo es también en sus votos.",
             "El acta dice «por unanimidad» pero hay votos en contra o abstenciones.")
    quorum["Integrantes con voto"] = quorum["integrantes_con_voto"]
    _seccion("Quórum declarado sin integrantes suficientes", quorum, "quorum insuficiente",
             {"sesion_nombre": "Sesión", "integrantes_con_voto": "Integrantes con voto",
              "presentes_al_inicio": "Presentes al inicio", "necesarios": "Necesarios",
              "linea": "Línea del acta"},
             "En cada sesión que declara quórum estaban presentes, al inicio, la mitad más uno de "
             "las y los integrantes con voto.",
             "Se declara quórum con menos de la mitad más uno de las y los integrantes con voto "
             "presentes al inicio (quien llega después no cuenta para el quórum inicial).")
    _seccion("Avisos del lector de actas", avisos, "avisos",
             {"archivo": "Acta", "mensaje": "Aviso", "linea": "Línea del acta"},
             "El lector de actas no dejó avisos.",
             "Lo que el lector no pudo leer con seguridad o encontró contradictorio en el acta.")

    st.subheader(f"Archivos que no se pudieron cargar ({len(errores)})")
    if errores.empty:
        st.success("Todos los archivos de la carpeta de actas se cargaron.",
                   icon=":material/check_circle:")
    else:
        errores["Intentado"] = errores["intentada_en"].map(formato.fecha_hora)
        ui.tabla(errores, "errores de carga", {"archivo": "Archivo", "error": "Motivo",
                                               "Intentado": "Intentado"})
    ui.fin()


calidad()
