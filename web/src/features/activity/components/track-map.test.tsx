import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '@/testing/render';
import type { TrackPoint } from '../api/get-track';
import { escapeHtml } from './tile-map';
import { TrackMap } from './track-map';

const points: TrackPoint[] = [
  { t: 0, lat: 52.52, lon: 13.405 },
  { t: 10, lat: 52.521, lon: 13.407 },
  { t: 20, lat: 52.523, lon: 13.41 },
];

const tiles = { tile_url: 'http://127.0.0.1:9/{z}/{x}/{y}.png', attribution: 'Tiles <b>&</b> "friends"' };


// Leaflet is a lazy chunk: its first import in a busy test run can take a few seconds.
const leafletLoad = 10_000;
describe('TrackMap', () => {
  it('draws the route on a plain background when the instance has no tile server', async () => {
    renderWithApp(<TrackMap points={points} tiles={null} />);
    const svg = await screen.findByRole('img', { name: /Map of the route/ });
    expect(svg.querySelector('path.track-map__route')?.getAttribute('d')).toMatch(/^M/);
    expect(screen.queryByTestId('tile-map')).not.toBeInTheDocument();
  });

  it('draws the route on the configured tiles with Leaflet, with the attribution as text', async () => {
    renderWithApp(<TrackMap points={points} tiles={tiles} />);
    const map = await screen.findByRole('region', { name: /Map of the route/ }, { timeout: leafletLoad });
    expect(map).toHaveClass('leaflet-container');
    expect(screen.queryByTestId('track-map')).not.toBeInTheDocument();
    // The polyline and both circle markers are SVG paths in Leaflet's overlay pane.
    await waitFor(() => expect(map.querySelectorAll('path.tile-map__route')).toHaveLength(1), { timeout: leafletLoad });
    expect(map.querySelectorAll('path.tile-map__start')).toHaveLength(1);
    expect(map.querySelectorAll('path.tile-map__finish')).toHaveLength(1);
    // Tiles come from the template; the attribution is shown as typed, not as markup.
    const tile = map.querySelector<HTMLImageElement>('img.leaflet-tile');
    expect(tile?.getAttribute('src')).toMatch(/^http:\/\/127\.0\.0\.1:9\/\d+\/\d+\/\d+\.png$/);
    const attribution = map.querySelector('.leaflet-control-attribution');
    expect(attribution?.textContent).toBe('Tiles <b>&</b> "friends"');
    expect(attribution?.querySelector('b')).toBeNull();
  });

  it("falls back to the drawing when the page's CSP refuses the tiles", async () => {
    renderWithApp(<TrackMap points={points} tiles={tiles} />);
    await screen.findByRole('region', { name: /Map of the route/ }, { timeout: leafletLoad });
    // Another directive's violation is none of the map's business.
    act(() => {
      document.dispatchEvent(Object.assign(new Event('securitypolicyviolation'), { effectiveDirective: 'script-src' }));
    });
    expect(screen.getByRole('region', { name: /Map of the route/ })).toBeInTheDocument();
    act(() => {
      document.dispatchEvent(Object.assign(new Event('securitypolicyviolation'), { effectiveDirective: 'img-src' }));
    });
    expect(await screen.findByRole('img', { name: /Map of the route/ })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /Map of the route/ })).not.toBeInTheDocument();
    expect(screen.getByText(/reload the page to see them/)).toBeInTheDocument();
  });

  it('escapes every character Leaflet would read as markup', () => {
    expect(escapeHtml(`<a href="x" title='y'>&`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;');
  });
});
