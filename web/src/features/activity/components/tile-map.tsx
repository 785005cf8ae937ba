import { useEffect, useRef } from 'react';
import L from 'leaflet';
// A stylesheet file, which Vite emits with this chunk: the CSP allows no inline styles.
import 'leaflet/dist/leaflet.css';
import type { TrackPoint } from '../api/get-track';
import { hasPosition } from '../lib/track';

/** The tile server an admin configured (GET /meta `map`). */
export interface MapTiles {
  tile_url: string;
  attribution: string;
}

/** Leaflet shows attribution as HTML; the setting is plain text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The route on map tiles from the instance's tile server: the line fitted to its bounds,
 * the start (hollow) and finish (filled) as circle markers, which are SVG, not images.
 * Loaded as its own chunk, so Leaflet only reaches pages that draw a map.
 */
export default function TileMap({
  points,
  tiles,
  label,
  onBlocked,
}: {
  points: readonly TrackPoint[];
  tiles: MapTiles;
  label: string;
  /** Called when the page's CSP refuses the tiles (the setting changed after this page loaded). */
  onBlocked?: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!onBlocked) return;
    const listener = (event: Event) => {
      if ((event as SecurityPolicyViolationEvent).effectiveDirective === 'img-src') onBlocked();
    };
    document.addEventListener('securitypolicyviolation', listener);
    return () => document.removeEventListener('securitypolicyviolation', listener);
  }, [onBlocked]);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const line: L.LatLngTuple[] = points.filter(hasPosition).map((p) => [p.lat, p.lon]);
    const map = L.map(element, { scrollWheelZoom: false, attributionControl: true });
    map.attributionControl.setPrefix(false);
    L.tileLayer(tiles.tile_url, { attribution: escapeHtml(tiles.attribution), maxZoom: 19 }).addTo(map);
    const route = L.polyline(line, { className: 'tile-map__route', weight: 4 }).addTo(map);
    const first = line[0];
    const last = line[line.length - 1];
    if (first) L.circleMarker(first, { className: 'tile-map__start', radius: 7, weight: 3, fillOpacity: 1 }).addTo(map);
    if (last) L.circleMarker(last, { className: 'tile-map__finish', radius: 7, weight: 2, fillOpacity: 1 }).addTo(map);
    // Fitted again when the map's size changes (a phone turned), until the user pans or zooms.
    let fitting = false;
    let userMoved = false;
    const fit = () => {
      if (line.length === 0) return;
      fitting = true;
      map.fitBounds(route.getBounds(), { padding: [24, 24], maxZoom: 17, animate: false });
      fitting = false;
    };
    map.on('dragstart zoomstart', () => {
      if (!fitting) userMoved = true;
    });
    fit();
    const observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            map.invalidateSize({ animate: false });
            if (!userMoved) fit();
          });
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      map.remove();
    };
  }, [points, tiles]);

  return <div ref={ref} className="tile-map" role="region" aria-label={label} data-testid="tile-map" />;
}
