-- titulo: Sesiones de más de una hora
-- descripcion: Las sesiones que duraron más de $minutos minutos (60 si no se indica otro valor),
--   de la más larga a la más corta, con su modalidad y el número de puntos del orden del día.
--   Solo las del comité $comite (la clave de «python -m etl comites»; el tablero pone el
--   comité elegido en la barra lateral; «todos»: todos).
-- parametro: minutos = 60
-- parametro: comite = todos
SELECT s.fecha,
       s.tipo,
       s.numero,
       s.hora_inicio,
       s.hora_fin,
       s.duracion_min,
       s.modalidad,
       (SELECT count(*) FROM orden_del_dia o WHERE o.sesion_id = s.sesion_id) AS puntos
FROM sesiones s
WHERE s.duracion_min > CAST($minutos AS INTEGER)
  AND ($comite = 'todos' OR s.comite = $comite)
ORDER BY s.duracion_min DESC, s.fecha
