/** Decorative activity rings for the landing hero; carries no information. */
export function HeroArt() {
  const rings = [
    { r: 84, share: 0.78, tone: 'a' },
    { r: 62, share: 0.6, tone: 'b' },
    { r: 40, share: 0.9, tone: 'c' },
  ] as const;
  return (
    <svg className="hero-art" viewBox="0 0 220 220" width="220" height="220" aria-hidden="true" focusable="false">
      {rings.map(({ r, share, tone }) => {
        const length = 2 * Math.PI * r;
        return (
          <g key={r} transform="rotate(-90 110 110)">
            <circle className="hero-art__track" cx="110" cy="110" r={r} fill="none" strokeWidth="14" />
            <circle
              className={`hero-art__ring hero-art__ring--${tone}`}
              cx="110"
              cy="110"
              r={r}
              fill="none"
              strokeWidth="14"
              strokeLinecap="round"
              strokeDasharray={`${(length * share).toFixed(1)} ${length.toFixed(1)}`}
            />
          </g>
        );
      })}
    </svg>
  );
}
