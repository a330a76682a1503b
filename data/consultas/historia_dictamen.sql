-- titulo: Historia de un dictamen
-- descripcion: Lo que pasó con un dictamen sesión tras sesión: cuándo se presentó, aprobó, rechazó
--   o retiró, las votaciones de ese punto y cuántas correcciones se le pidieron. Escriba en $clave la
--   clave del dictamen (p. ej. IEPC/UTC/PREP/DICT/001/2021) o una parte de su título.
--   Solo los dictámenes del comité $comite (la clave de «python -m etl comites»; el tablero pone el
--   comité elegido en la barra lateral; «todos»: todos).
-- parametro: clave = IEPC/UTC/PREP/DICT/001/2021
-- parametro: comite = todos
SELECT d.clave,
       d.titulo,
       s.fecha,
       s.tipo,
       s.numero,
       e.punto,
       e.estado,
       (SELECT string_agg(format('{}: {} ({} a favor, {} en contra, {} abstenciones)',
                                 coalesce(v.asunto, 'sin asunto'), v.resultado,
                                 v.a_favor, v.en_contra, v.abstenciones),
                          ' | ' ORDER BY v.linea)
          FROM votaciones v
         WHERE v.sesion_id = e.sesion_id AND v.punto = e.punto)                AS votaciones_del_punto,
       (SELECT count(*)
          FROM correcciones c
         WHERE c.sesion_id = e.sesion_id AND c.documento_id = d.documento_id) AS correcciones_pedidas,
       e.linea
FROM documentos d
JOIN documento_eventos e USING (documento_id)
JOIN sesiones s ON s.sesion_id = e.sesion_id
WHERE d.tipo = 'dictamen'
  AND ($comite = 'todos' OR s.comite = $comite)
  AND (upper(d.clave) = upper(trim($clave)) OR d.titulo ILIKE '%' || trim($clave) || '%')
ORDER BY s.fecha, e.punto
