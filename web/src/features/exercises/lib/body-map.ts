import type { Muscle } from '@/lib/exercises/get-exercise';

/** Which view of the body a shape is drawn on. */
export type BodyView = 'front' | 'back';

/**
 * A muscle's shape on one view, in a 100 x 220 figure facing the viewer, drawn for the
 * figure's right-hand side of the picture's left half (x < 50) and mirrored, unless
 * `centre` (one shape on the middle line).
 */
export interface MuscleShape {
  muscle: Muscle;
  view: BodyView;
  /** An SVG path in the figure's coordinates. */
  d: string;
  centre?: boolean;
}

const ellipse = (cx: number, cy: number, rx: number, ry: number) =>
  `M${cx - rx} ${cy} a${rx} ${ry} 0 1 0 ${2 * rx} 0 a${rx} ${ry} 0 1 0 ${-2 * rx} 0 Z`;

/** Every Muscle of the spec has at least one shape. */
export const muscleShapes: readonly MuscleShape[] = [
  // Front
  { muscle: 'neck', view: 'front', d: 'M45 29 H55 V37 H45 Z', centre: true },
  { muscle: 'traps', view: 'front', d: 'M45 35 L35 41 L45 41 Z' },
  { muscle: 'front_delts', view: 'front', d: ellipse(31, 46, 5, 6) },
  { muscle: 'side_delts', view: 'front', d: ellipse(25, 47, 3.5, 6) },
  { muscle: 'chest', view: 'front', d: 'M49 43 L36 44 Q33 56 40 60 L49 59 Z' },
  { muscle: 'biceps', view: 'front', d: ellipse(22, 63, 4.5, 11) },
  { muscle: 'forearms', view: 'front', d: ellipse(18.5, 95, 4.5, 13) },
  { muscle: 'abs', view: 'front', d: 'M44 63 H49 V98 H44 Q43 80 44 63 Z' },
  { muscle: 'obliques', view: 'front', d: 'M42 64 L36 63 Q34 80 38 97 L42 97 Z' },
  { muscle: 'hip_flexors', view: 'front', d: 'M39 101 L47 105 L46 115 L37 110 Z' },
  { muscle: 'abductors', view: 'front', d: ellipse(32, 114, 2.8, 8) },
  { muscle: 'quads', view: 'front', d: ellipse(39.5, 140, 7, 22) },
  { muscle: 'adductors', view: 'front', d: 'M47 117 L49.5 118 L49.5 147 L45.5 140 Z' },
  { muscle: 'calves', view: 'front', d: ellipse(37.5, 183, 3, 11) },
  // Back
  { muscle: 'neck', view: 'back', d: 'M45 29 H55 V36 H45 Z', centre: true },
  { muscle: 'traps', view: 'back', d: 'M49.5 33 L36 41 L44 50 L49.5 63 Z' },
  { muscle: 'rear_delts', view: 'back', d: ellipse(31, 46, 5, 6) },
  { muscle: 'side_delts', view: 'back', d: ellipse(25, 47, 3.5, 6) },
  { muscle: 'triceps', view: 'back', d: ellipse(22, 63, 4.5, 11) },
  { muscle: 'forearms', view: 'back', d: ellipse(18.5, 95, 4.5, 13) },
  { muscle: 'upper_back', view: 'back', d: 'M43 51 L37 53 L40 64 L47 66 Z' },
  { muscle: 'lats', view: 'back', d: 'M36 56 L33 62 Q35 80 44 91 L46 72 L40 66 Z' },
  { muscle: 'lower_back', view: 'back', d: 'M45 76 H49.5 V98 H45 Q44 87 45 76 Z' },
  { muscle: 'abductors', view: 'back', d: ellipse(32.5, 106, 2.8, 7) },
  { muscle: 'glutes', view: 'back', d: ellipse(41.5, 112, 8, 9) },
  { muscle: 'hamstrings', view: 'back', d: ellipse(40, 142, 6.5, 19) },
  { muscle: 'adductors', view: 'back', d: 'M47 124 L49.5 125 L49.5 145 L46.5 140 Z' },
  { muscle: 'calves', view: 'back', d: ellipse(39, 182, 5, 13) },
];

/** The outline of the figure (the half left of the middle line, mirrored when drawn). */
export const outlineHalf =
  'M50 8 C43 8 39 13 39 19 C39 25 42 29 45 30 L45 35 L33 40 C27 41 23 44 21 50 L16 74 L12 110 L11 120 L16 121 L20 110 L25 80 L29 64 L33 72 L33 100 L30 118 L30 160 L32 175 L33 205 L32 213 L44 213 L43 200 L45 172 L47 150 L49.5 122 L50 122 Z';

export type MuscleRole = 'primary' | 'secondary' | 'none';

/** A muscle's role in the exercise: primary wins when the spec lists it twice. */
export function roleOf(muscle: Muscle, primary: readonly Muscle[], secondary: readonly Muscle[]): MuscleRole {
  if (primary.includes(muscle)) return 'primary';
  if (secondary.includes(muscle)) return 'secondary';
  return 'none';
}
