"""The page registry: what dashboard.py's st.navigation shows and what the browser test opens.

One line per page: (file, title, icon). The page's st.title must be its title here: the browser
test waits for that heading. To add a page, append one line to PAGINAS.
"""
PAGINAS = [
    ("pages/resumen.py", "Resumen", ":material/dashboard:"),
    ("pages/asistencia.py", "Asistencia", ":material/groups:"),
    ("pages/votaciones.py", "Votaciones", ":material/how_to_vote:"),
    ("pages/sesiones.py", "Sesiones", ":material/event_note:"),
    ("pages/correcciones.py", "Correcciones", ":material/edit_note:"),
    ("pages/documentos.py", "Dictámenes y documentos", ":material/description:"),
    ("pages/calidad.py", "Calidad", ":material/fact_check:"),
    ("pages/informe.py", "Informe", ":material/article:"),
    ("pages/consultas.py", "Consultas", ":material/terminal:"),
    ("pages/seguimiento.py", "Seguimiento", ":material/track_changes:"),
    ("pages/cargar.py", "Cargar acta", ":material/upload_file:"),
]
