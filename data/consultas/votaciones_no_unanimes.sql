-- titulo: Votaciones no unánimes
-- descripcion: Las votaciones en que hubo votos en contra o abstenciones, con la sesión, el punto
--   del orden del día, los totales y quiénes votaron en contra o se abstuvieron (si fue nominal).
--   Solo las del comité $comite (la clave de «python -m etl comites»; el tablero pone el
--   comité elegido en la barra lateral; «todos»: todos).
-- parametro: comite = todos
SELECT s.fecha,
       s.tipo,
       s.numero,
       v.punto,
       v.asunto,
       v.resultado,
       v.a_favor,
       v.en_contra,
       v.abstenciones,
       string_agg(vo.nombre, '; ' ORDER BY vo.nombre) FILTER (WHERE vo.sentido = 'en contra')  AS en_contra_quienes,
       string_agg(vo.nombre, '; ' ORDER BY vo.nombre) FILTER (WHERE vo.sentido = 'abstencion') AS se_abstuvieron,
       v.linea
FROM votaciones v
JOIN sesiones s USING (sesion_id)
LEFT JOIN votos vo USING (votacion_id)
WHERE NOT v.unanimidad
  AND ($comite = 'todos' OR s.comite = $comite)
GROUP BY ALL
ORDER BY s.fecha, v.punto
