/** A position in degrees. */
export interface LatLon {
  lat: number;
  lon: number;
}

export interface Projection {
  /** Degrees -> SVG user units (y grows downwards). */
  project: (p: LatLon) => [number, number];
  width: number;
  height: number;
}

/**
 * An equirectangular projection (x = lon * cos(mid latitude), y = -lat) scaled to fit the
 * track's bounds into width x height with `padding` on every side, centred, one scale for
 * both axes (so the route keeps its shape). Good enough for the few kilometres of a
 * workout; distances are not read off the map.
 */
export function fitProjection(points: readonly LatLon[], width: number, height: number, padding = 16): Projection {
  let minLat = Infinity;
  let maxLat = -Infinity;
  let minLon = Infinity;
  let maxLon = -Infinity;
  for (const p of points) {
    minLat = Math.min(minLat, p.lat);
    maxLat = Math.max(maxLat, p.lat);
    minLon = Math.min(minLon, p.lon);
    maxLon = Math.max(maxLon, p.lon);
  }
  if (points.length === 0) return { project: () => [width / 2, height / 2], width, height };
  const k = Math.cos(((minLat + maxLat) / 2) * (Math.PI / 180));
  const spanX = (maxLon - minLon) * k;
  const spanY = maxLat - minLat;
  const innerW = Math.max(1, width - 2 * padding);
  const innerH = Math.max(1, height - 2 * padding);
  // A single point (or a track along one line) still fits: the zero span does not divide.
  const scale = Math.min(spanX > 0 ? innerW / spanX : Infinity, spanY > 0 ? innerH / spanY : Infinity);
  const s = Number.isFinite(scale) ? scale : 1;
  const offsetX = (width - spanX * s) / 2;
  const offsetY = (height - spanY * s) / 2;
  return {
    project: (p) => [offsetX + (p.lon - minLon) * k * s, offsetY + (maxLat - p.lat) * s],
    width,
    height,
  };
}

/** An SVG path through the points: "M x y L x y …", to one decimal. */
export function pathData(points: ReadonlyArray<readonly [number, number]>): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`).join(' ');
}
