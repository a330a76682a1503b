"""The page registry: what dashboard.py's st.navigation shows and what the browser test opens.

One line per page: (file, title, icon). The page's st.title must be its title here: the browser
test waits for that heading. To add a page, append one line to PAGINAS.
"""
PAGINAS = [
    ("paginas/resumen.py", "Resumen", ":material/dashboard:"),
    ("paginas/asistencia.py", "Asistencia", ":material/groups:"),
    ("paginas/votaciones.py", "Votaciones", ":material/how_to_vote:"),
    ("paginas/sesiones.py", "Sesiones", ":material/event_note:"),
    ("paginas/correcciones.py", "Correcciones", ":material/edit_note:"),
    ("paginas/documentos.py", "Dictámenes y documentos", ":material/description:"),
    ("paginas/calidad.py", "Calidad", ":material/fact_check:"),
    ("paginas/informe.py", "Informe", ":material/article:"),
    ("paginas/consultas.py", "Consultas", ":material/terminal:"),
    ("paginas/seguimiento.py", "Seguimiento", ":material/track_changes:"),
    ("paginas/cargar.py", "Cargar acta", ":material/upload_file:"),
    ("paginas/buscar.py", "Búsqueda", ":material/search:"),
    ("paginas/persona.py", "Personas", ":material/person:"),
    ("paginas/partido.py", "Partidos", ":material/flag:"),
    ("paginas/revisar.py", "Revisar acta", ":material/rate_review:"),
]

# Query parameters that belong to one page (its url_path): the frame drops them on the others, so
# a shared link never carries a stale «?persona=…» into another page. The sidebar's filters
# (proceso, desde, hasta, tipo) are every page's.
PARAMETROS_DE_PAGINA = {
    "sesion": "sesiones", "linea": "sesiones",
    "q": "buscar", "orador": "buscar", "organo": "buscar",
    "persona": "persona", "partido": "partido",
}
